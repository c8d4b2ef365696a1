// What a raised upper lid uncovers, read once off the photo's eye (render/wideEyes.ts draws it): the
// iris as a whole disc (its top is usually under the lid: each hidden pixel takes the visible iris
// pixel mirrored across the iris's horizontal diameter, else the iris's colour at that radius), the
// white on either side of it (the photo's typical white there), and the lid's shadow on the eye as the
// photo shows it under its own lid (darkness by depth below the lid line), which moves up with the lid.
// Before (s10-s24) each column's top margin was moved up and the gap filled with that column's own
// pixel: stair-stepped grey-green bands under the lid, white wedges at the corners, a notch in the iris.
import { insidePolygon, rowCrossings } from '../math/polygon.ts';
import { luminance } from '../math/colour.ts';
import { sideWhite } from './scleraBehind.ts';
import { BIG_MAX, type BigIris } from './bigIris.ts';

/** The iris radius is kept within this share of the eye's half width (as render/gazeIris.ts keeps its disc). */
const IRIS_MIN = 0.3, IRIS_MAX = 0.65;
/** The iris's half width read on the photo is taken up to this share of the face mesh's ring (a blurred eye's dark spreads). */
const IRIS_SEEN_MAX = 1.25;
/** An iris pixel is a catchlight (not copied into the hidden part) when this much lighter than its radius's colour. */
const CATCHLIGHT = 1.3;
/** The rim of the completed iris darkens to this share over its outer LIMBUS_FROM..1 of the radius (the limbal ring). */
const LIMBUS_FROM = 0.8, LIMBUS_DARK = 0.8;
/** White columns this share of the eye's width from either corner are left out of the shadow's profile (the corners' shade and pink). */
const CORNER_SKIP = 0.12;
/** The lid's shadow is read down to this share of the opening's tallest column below the lid line. */
const SHADOW_DEPTH = 0.5;
/** Darkest share the shadow may take (the lash line itself is the lid's, not the eye's). */
const SHADOW_FLOOR = 0.35;

/** One column of the opening (texture px, the column's centre at x + 0.5): the lid line's y, the lower lid's. */
export interface LidColumn { x: number; top: number; bottom: number }
export interface RaisedEye {
  columns: LidColumn[];
  /** iris centre and radius (texture px); null when the face mesh's iris is not in this opening */
  iris: { cx: number; cy: number; r: number } | null;
  /** the iris's colour (RGBA) per 1 px ring of radius, centre outward */
  irisRings: number[][];
  /** the white's colour (RGBA) per column (as `columns`) */
  whites: number[][];
  /** the lid's shadow: share of the eye's light at each whole px of depth below the lid line (last = 1) */
  shadow: number[];
  /** depth (px) below the lid line where its shadow ends */
  shadowEnd: number;
  /** the photo shows an unshadowed iris pixel at (x, y) (texture px); not a catchlight unless `own` (the pixel shown in its own place) */
  irisSource: (x: number, y: number, own?: boolean) => boolean;
}

type Tex = { width: number; height: number; data: Uint8ClampedArray };
const lumAt = (t: Tex, x: number, y: number) => { const o = (y * t.width + x) * 4; return luminance(t.data[o]!, t.data[o + 1]!, t.data[o + 2]!); };
const pixel = (t: Tex, x: number, y: number) => { const o = (y * t.width + x) * 4; return [t.data[o]!, t.data[o + 1]!, t.data[o + 2]!, t.data[o + 3]!]; };
const packed = (c: number[]) => (c[0]! | (c[1]! << 8) | (c[2]! << 16) | (c[3]! << 24)) >>> 0;

/** The opening's columns: where the vertical line through each column's centre crosses the outline, top and bottom. */
export function lidColumns(poly: [number, number][], width: number): LidColumn[] {
  const flipped = poly.map(([x, y]) => [y, x] as [number, number]);
  const xs = poly.map((p) => p[0]);
  const columns: LidColumn[] = [];
  for (let x = Math.max(0, Math.ceil(Math.min(...xs))); x <= Math.min(width - 1, Math.floor(Math.max(...xs))); x++) {
    const ys = rowCrossings(flipped, x + 0.5);
    if (ys.length >= 2 && ys.at(-1)! > ys[0]!) columns.push({ x, top: ys[0]!, bottom: ys.at(-1)! });
  }
  return columns;
}

/** The shadow profile: at each px of depth below the lid line, the median over the (white) columns of the pixel over the white, kept rising, capped at 1. */
export function shadowProfile(tex: Tex, columns: LidColumn[], white: (x: number) => number): number[] {
  const tallest = Math.max(1, ...columns.map((c) => c.bottom - c.top));
  const depth = Math.max(2, Math.ceil(SHADOW_DEPTH * tallest));
  const shadow: number[] = [];
  for (let t = 0; t <= depth; t++) {
    const ratios: number[] = [];
    for (const c of columns) {
      const y = Math.floor(c.top + t + 0.5);
      if (y >= c.bottom || y < 0 || y >= tex.height) continue;
      ratios.push(lumAt(tex, c.x, y) / Math.max(1, white(c.x)));
    }
    ratios.sort((a, b) => a - b);
    shadow.push(ratios.length ? ratios[ratios.length >> 1]! : 1);
  }
  // no white columns (a tiny eye): a shadow over the top fifth of the opening
  if (!shadow.some((v) => v < 1)) for (let t = 0; t <= depth; t++) shadow[t] = 0.55 + 0.45 * Math.min(1, t / Math.max(1, 0.2 * tallest));
  for (let t = 0; t <= depth; t++) shadow[t] = Math.min(1, Math.max(SHADOW_FLOOR, t ? Math.max(shadow[t - 1]!, shadow[t]!) : shadow[t]!));
  shadow.push(1);
  return shadow;
}

/**
 * One eye's model. `poly` the opening (texture px), `iris` the face mesh's iris centre and rim points
 * (texture px) or null.
 */
export function raisedEye(tex: Tex, poly: [number, number][], iris: { centre: [number, number]; rim: [number, number][] } | null, big?: BigIris | null): RaisedEye {
  const columns = lidColumns(poly, tex.width);
  const x0 = columns[0]?.x ?? 0, x1 = columns.at(-1)?.x ?? 0, span = Math.max(1, x1 - x0);
  const halfW = span / 2;
  let disc: RaisedEye['iris'] = null;
  if (iris && insidePolygon(iris.centre[0], iris.centre[1], poly)) {
    const ring = iris.rim.reduce((s, p) => s + Math.hypot(p[0] - iris.centre[0], p[1] - iris.centre[1]), 0) / Math.max(1, iris.rim.length);
    const seen = Math.max(ring, Math.min(IRIS_SEEN_MAX * ring, irisHalfWidth(tex, poly, iris.centre[0], iris.centre[1], ring)));
    disc = { cx: iris.centre[0], cy: iris.centre[1], r: Math.min(IRIS_MAX * halfW, Math.max(IRIS_MIN * halfW, seen)) };
    // a big painted iris (bigIris.ts): the completed iris is the painted one, its centre and size, as the gaze disc moves it
    if (big) disc = { cx: big.cx, cy: big.cy, r: Math.max(disc.r, Math.min(BIG_MAX * halfW, big.r)) };
  }
  const colAt = new Map(columns.map((c) => [c.x, c]));
  const whites = columnWhites(tex, columns, disc);
  const whiteOf = (x: number) => { const w = whites[x - x0]!; return luminance(w[0]!, w[1]!, w[2]!); };
  const isWhite = (c: LidColumn) => !disc || Math.abs(c.x + 0.5 - disc.cx) > 1.15 * disc.r;
  const whiteCols = columns.filter((c) => isWhite(c) && c.x - x0 >= CORNER_SKIP * span && x1 - c.x >= CORNER_SKIP * span);
  const shadow = shadowProfile(tex, whiteCols.length >= 2 ? whiteCols : [], whiteOf);
  const clear = shadow.findIndex((v) => v >= 0.97);
  const shadowEnd = clear < 0 ? shadow.length - 1 : clear;
  // the iris's colour per ring of radius, from its visible pixels below the lid's shadow
  const visible = (x: number, y: number) => {
    const c = colAt.get(x);
    return !!c && y + 0.5 > c.top + shadowEnd && y + 0.5 < c.bottom - 1;
  };
  const irisRings: number[][] = [];
  if (disc) {
    const rings: number[][][] = Array.from({ length: Math.ceil(disc.r) }, () => []);
    // the white showing inside the disc's rim (a ring read a little large) is not the iris: half way from the iris's core to the white
    const core: number[] = [];
    for (let y = Math.floor(disc.cy - disc.r); y <= Math.ceil(disc.cy + disc.r); y++) for (let x = Math.floor(disc.cx - disc.r); x <= Math.ceil(disc.cx + disc.r); x++) {
      if (Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy) < 0.6 * disc.r && visible(x, y)) core.push(lumAt(tex, x, y));
    }
    core.sort((a, b) => a - b);
    const whiteLum = whites.reduce((a, w) => a + luminance(w[0]!, w[1]!, w[2]!), 0) / Math.max(1, whites.length);
    const darkerThan = core.length ? (core[core.length >> 1]! + whiteLum) / 2 : Infinity;
    for (let y = Math.floor(disc.cy - disc.r); y <= Math.ceil(disc.cy + disc.r); y++) for (let x = Math.floor(disc.cx - disc.r); x <= Math.ceil(disc.cx + disc.r); x++) {
      const d = Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
      if (d < disc.r && visible(x, y) && lumAt(tex, x, y) < darkerThan) rings[Math.min(rings.length - 1, Math.floor(d))]!.push(pixel(tex, x, y));
    }
    for (const ring of rings) { ring.sort((a, b) => luminance(a[0]!, a[1]!, a[2]!) - luminance(b[0]!, b[1]!, b[2]!)); irisRings.push(ring[ring.length >> 1] ?? []); }
    // rings with no visible pixel take the nearest ring that has one
    for (let k = 0; k < irisRings.length; k++) if (!irisRings[k]!.length) {
      let best = -1;
      for (let j = 0; j < irisRings.length; j++) if (rings[j]!.length && (best < 0 || Math.abs(j - k) < Math.abs(best - k))) best = j;
      irisRings[k] = best >= 0 ? irisRings[best]! : [60, 50, 45, 255];
    }
  }
  const ringLum = (d: number) => { const c = irisRings[Math.min(irisRings.length - 1, Math.floor(d))]!; return luminance(c[0]!, c[1]!, c[2]!); };
  const irisSource = (x: number, y: number, own = false) => {
    if (!disc || x < 0 || y < 0 || x >= tex.width || y >= tex.height || !visible(x, y)) return false;
    if (own) return true;
    const d = Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
    return d < 0.95 * disc.r && lumAt(tex, x, y) <= CATCHLIGHT * ringLum(d) + 8;
  };
  return { columns, iris: disc, irisRings, whites, shadow, shadowEnd, irisSource };
}

/** The completed iris's colour at offset (dx, dy) from its centre, into out (RGBA): the photo's pixel there if visible, else mirrored across the horizontal diameter, else its ring's colour; darker toward the rim. */
export function irisColourAt(tex: Tex, eye: RaisedEye, dx: number, dy: number, out: Float64Array): void {
  const disc = eye.iris!;
  const d = Math.hypot(dx, dy);
  const sx = Math.floor(disc.cx + dx), own = Math.floor(disc.cy + dy), mirrored = Math.floor(disc.cy - dy);
  const sy = eye.irisSource(sx, own, true) ? own : eye.irisSource(sx, mirrored) ? mirrored : -1;
  const c = sy >= 0 ? pixel(tex, sx, sy) : eye.irisRings[Math.min(eye.irisRings.length - 1, Math.floor(d))]!;
  const rim = limbusAt(d / disc.r);
  for (let ch = 0; ch < 4; ch++) out[ch] = c[ch]! * (ch < 3 ? rim : 1);
}

/** The completed iris's darkening at `d` radii from its centre: the limbal ring over LIMBUS_FROM..1. */
export function limbusAt(d: number): number {
  return d <= LIMBUS_FROM ? 1 : 1 - (1 - LIMBUS_DARK) * Math.min(1, (d - LIMBUS_FROM) / (1 - LIMBUS_FROM));
}

/** Columns each side whose whites are averaged (a box) into a column's white. */
const WHITE_SMOOTH = 2;

/**
 * Each column's white (RGBA): its pixels in the opening's lower two thirds outside the iris, by
 * sideWhite (the typical white, not glints or lashes); columns without white (over the iris) go
 * linearly from the nearest white column on the left to the one on the right; then a box over
 * WHITE_SMOOTH columns each side. Whiter by the iris, darker and pinker toward the corners, as the photo.
 */
export function columnWhites(tex: Tex, columns: LidColumn[], disc: { cx: number; cy: number; r: number } | null): number[][] {
  const own = columns.map((c) => {
    const px: number[] = [];
    for (let y = Math.ceil(c.top + (c.bottom - c.top) / 3); y < c.bottom - 1; y++) {
      if (disc && Math.hypot(c.x + 0.5 - disc.cx, y + 0.5 - disc.cy) < 1.15 * disc.r) continue;
      px.push(packed(pixel(tex, c.x, y)));
    }
    return sideWhite(px);
  });
  const have = own.flatMap((w, k) => (w ? [k] : []));
  if (!have.length) return columns.map(() => [200, 200, 200, 255]);
  const filled = own.map((w, k) => {
    if (w) return w;
    const l = have.filter((j) => j < k).at(-1), r = have.find((j) => j > k);
    if (l === undefined || r === undefined) return own[(l ?? r)!]!;
    const t = (k - l) / (r - l);
    return own[l]!.map((v, ch) => v + t * (own[r]![ch]! - v));
  });
  return filled.map((_, k) => {
    const acc = [0, 0, 0, 0];
    let n = 0;
    for (let j = Math.max(0, k - WHITE_SMOOTH); j <= Math.min(filled.length - 1, k + WHITE_SMOOTH); j++, n++) for (let ch = 0; ch < 4; ch++) acc[ch]! += filled[j]![ch]!;
    return acc.map((v) => v / n);
  });
}

/**
 * The iris's half width as the photo shows it on the centre row: from the centre outward on each
 * side, where the row gets lighter than half way from the iris (its middle ring) to the row's
 * lightest; the mean of the sides found inside the opening (0 when none). The face mesh's iris ring
 * is often smaller than the dark disc (lp_s1: 6 px against 8), which drew a small iris in a white ring.
 */
export function irisHalfWidth(tex: Tex, poly: [number, number][], cx: number, cy: number, ring: number): number {
  const y = Math.floor(cy);
  if (y < 0 || y >= tex.height) return 0;
  const inside = (x: number) => x >= 0 && x < tex.width && insidePolygon(x + 0.5, y + 0.5, poly);
  let dark = 0, n = 0, light = 0;
  for (let x = Math.floor(cx - 0.8 * ring); x <= Math.ceil(cx + 0.8 * ring); x++) if (inside(x)) { const l = lumAt(tex, x, y); if (Math.abs(x + 0.5 - cx) > 0.3 * ring) { dark += l; n++; } }
  for (let x = Math.floor(cx - 4 * ring); x <= Math.ceil(cx + 4 * ring); x++) if (inside(x)) light = Math.max(light, lumAt(tex, x, y));
  if (!n) return 0;
  const cut = (dark / n + light) / 2;
  const sides: number[] = [];
  for (const dir of [-1, 1]) {
    for (let d = Math.ceil(0.5 * ring); d < 4 * ring; d++) {
      const x = Math.floor(cx) + dir * d;
      if (!inside(x)) break;
      if (lumAt(tex, x, y) > cut) { sides.push(d); break; }
    }
  }
  return sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : 0;
}
