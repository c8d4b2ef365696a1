// The open mouth's outline read off the pixels (s57 boat57, issue #13: "a pointed boat with straight lower sides"):
// the opening (dark cavity, and teeth) as one connected region inside the outer lips, its lower and upper edge per
// pixel column, each as a depth profile across the width under / over the chord between its two end points (the
// corners as the pixels show them, not the face mesh's: a driver's mesh is as polygonal as ours), normalised.
//   full   mean normalised depth over the width (a V / boat .5, a parabola .67, a half ellipse .79, a U more)
//   half   the depth at .5 of the half width from the middle over the deepest (V .5, parabola .75, ellipse .87)
//   bulge  per flank the mean signed distance of the profile from the straight line corner -> deepest point, over
//          the depth (straight sides 0, a bowl's round sides > 0, a pinched tip then a straight run < 0)
//   tip    the depth at .15 of the half width in from each corner over the deepest (how fast a side leaves its corner)
import type { RgbaImage } from '../src/types.ts';
import { LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { polygonMask } from '../src/eval/masks.ts';

type Pt = ArrayLike<number>;
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** Pixels under this share of the lips' median luma are the cavity's dark. */
export const DARK = 0.55;
/** Pixels over this share of the lips' luma and with little colour (max - min channel under TEETH_SAT of the max) are teeth. */
export const TEETH = 1.2, TEETH_SAT = 0.28;
const PAIRS = [[13, 0], [82, 37], [312, 267], [14, 17], [87, 84], [317, 314]] as const;

export interface OpeningOutline {
  /** per column from x0 (left end) the top and bottom edge, px (NaN outside) */
  x0: number; top: Float64Array; bottom: Float64Array;
  /** the region (1 inside), image-sized, for sheets */
  mask: Uint8Array;
  lipLuma: number;
}

/** The opening's connected region (seeded at the darkest pixel between landmarks 13 and 14) inside the outer lips. */
export function openingOutline(img: RgbaImage, lm: ArrayLike<Pt>): OpeningOutline | null {
  const W = img.width, H = img.height, d = img.data;
  const lips: number[] = [];
  for (const [a, b] of PAIRS) for (const t of [0.4, 0.5, 0.6]) {
    const x = Math.round(lm[a]![0]! + t * (lm[b]![0]! - lm[a]![0]!)), y = Math.round(lm[a]![1]! + t * (lm[b]![1]! - lm[a]![1]!));
    if (x >= 0 && y >= 0 && x < W && y < H) lips.push(luma(d, (y * W + x) * 4));
  }
  lips.sort((a, b) => a - b);
  const lipLuma = lips[lips.length >> 1] ?? 128;
  const poly = [...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()].map((i) => lm[i]!);
  const inside = polygonMask(poly as [number, number][], W, H);
  const open = (q: number) => {
    if (!inside[q]) return false;
    const o = q * 4, L = luma(d, o);
    if (L < DARK * lipLuma) return true;
    const mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!), mn = Math.min(d[o]!, d[o + 1]!, d[o + 2]!);
    return L > TEETH * lipLuma && mx - mn < TEETH_SAT * mx;
  };
  // seed: the darkest open pixel on the segment 13-14
  let seed = -1, best = Infinity;
  for (let k = 0; k <= 20; k++) {
    const x = Math.round(lm[13]![0]! + (k / 20) * (lm[14]![0]! - lm[13]![0]!)), y = Math.round(lm[13]![1]! + (k / 20) * (lm[14]![1]! - lm[13]![1]!));
    const q = y * W + x;
    if (x < 0 || y < 0 || x >= W || y >= H || !open(q)) continue;
    const L = luma(d, q * 4);
    if (L < best) { best = L; seed = q; }
  }
  if (seed < 0) return null;
  const mask = new Uint8Array(W * H), stack = [seed];
  mask[seed] = 1;
  let x0 = W, x1 = -1;
  while (stack.length) {
    const q = stack.pop()!, x = q % W;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x);
    for (const n of [q - 1, q + 1, q - W, q + W]) {
      if (n < 0 || n >= W * H || mask[n] || Math.abs((n % W) - x) > 1 || !open(n)) continue;
      mask[n] = 1; stack.push(n);
    }
  }
  const n = x1 - x0 + 1, top = new Float64Array(n).fill(NaN), bottom = new Float64Array(n).fill(NaN);
  for (let y = 0; y < H; y++) for (let x = x0; x <= x1; x++) if (mask[y * W + x]) {
    const k = x - x0;
    if (!(top[k]! <= y)) top[k] = y;
    if (!(bottom[k]! >= y)) bottom[k] = y;
  }
  return { x0, top, bottom, mask, lipLuma };
}

export interface ProfileFigures { full: number; half: number; bulge: number; tip: number; width: number; depth: number; profile: number[] }

/**
 * One edge's depth profile off the chord between the region's end columns (their mid heights): `sign` 1 for the
 * lower edge (depth down), -1 for the upper. The ends: the outermost columns whose height is at least `minH` px.
 */
export function edgeProfile(o: OpeningOutline, sign: 1 | -1, minH = 2, bins = 21): ProfileFigures | null {
  const n = o.top.length, h = (k: number) => o.bottom[k]! - o.top[k]! + 1;
  let a = 0, b = n - 1;
  while (a < n && !(h(a) >= minH)) a++;
  while (b > a && !(h(b) >= minH)) b--;
  if (b - a < 8) return null;
  const ya = 0.5 * (o.top[a]! + o.bottom[a]!), yb = 0.5 * (o.top[b]! + o.bottom[b]!);
  const depthAt = (k: number) => {
    const chord = ya + ((k - a) / (b - a)) * (yb - ya);
    const e = sign > 0 ? o.bottom[k]! : o.top[k]!;
    return e === e ? Math.max(0, sign * (e - chord)) : 0;
  };
  const prof: number[] = [];
  for (let i = 0; i < bins; i++) {
    const x = a + (i / (bins - 1)) * (b - a), k = Math.floor(x), t = x - k;
    prof.push(k + 1 <= b ? (1 - t) * depthAt(k) + t * depthAt(k + 1) : depthAt(b));
  }
  let D = 0, deep = 0;
  for (let i = 0; i < bins; i++) if (prof[i]! > D) { D = prof[i]!; deep = i; }
  if (!(D > 0)) return null;
  const p = prof.map((v) => v / D);
  const at = (s: number) => { const x = ((s + 1) / 2) * (bins - 1), k = Math.min(bins - 2, Math.floor(x)); return p[k]! + (x - k) * (p[k + 1]! - p[k]!); };
  let bulge = 0, nb = 0;
  for (let i = 1; i < deep; i++) { bulge += p[i]! - i / deep; nb++; }
  for (let i = deep + 1; i < bins - 1; i++) { bulge += p[i]! - (bins - 1 - i) / (bins - 1 - deep); nb++; }
  return {
    full: p.reduce((s, v) => s + v, 0) / bins,
    half: 0.5 * (at(-0.5) + at(0.5)),
    bulge: nb ? bulge / nb : 0,
    tip: 0.5 * (at(-0.85) + at(0.85)),
    width: b - a,
    depth: D,
    profile: p,
  };
}

/** A polyline's y at x (linear between points; NaN outside). */
function lineY(xs: number[], ys: number[], x: number): number {
  for (let k = 0; k + 1 < xs.length; k++) {
    const a = xs[k]!, b = xs[k + 1]!;
    if ((x - a) * (x - b) <= 0 && a !== b) return ys[k]! + ((x - a) / (b - a)) * (ys[k + 1]! - ys[k]!);
  }
  return NaN;
}

/**
 * The inner lip edges off the pixels near the face mesh's inner lines (a driver's real frame, where the dark cavity's
 * outline is the tongue's or the teeth's as often as the lip's): per column between the mesh corners (78, 308), over
 * the middle `span` of the half width, the row within `reach` IOD of the mesh line where luma and redness (R - G)
 * change most between the 2 px on the lip's side and the 2 px on the opening's side (3 columns averaged), then a
 * 5-column running median. The mesh fixes only the window and the corners; the shape inside is the picture's.
 */
export function lipEdgeOutline(img: RgbaImage, lm: ArrayLike<Pt>, innerUpper: readonly number[], innerLower: readonly number[], reach = 0.045, span = 0.94): OpeningOutline | null {
  const W = img.width, H = img.height, d = img.data;
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!), R = Math.max(2, Math.round(reach * iod));
  const ux = innerUpper.map((i) => lm[i]![0]!), uy = innerUpper.map((i) => lm[i]![1]!), lx = innerLower.map((i) => lm[i]![0]!), ly = innerLower.map((i) => lm[i]![1]!);
  const ax = lm[78]![0]!, bx = lm[308]![0]!, cx = 0.5 * (ax + bx), half = 0.5 * Math.abs(bx - ax);
  const x0 = Math.ceil(Math.min(ax, bx)), x1 = Math.floor(Math.max(ax, bx));
  if (x1 - x0 < 10) return null;
  const at = (x: number, y: number, f: (o: number) => number) => {
    let s = 0;
    for (let dx = -1; dx <= 1; dx++) { const xx = Math.min(W - 1, Math.max(0, x + dx)), yy = Math.min(H - 1, Math.max(0, y)); s += f((yy * W + xx) * 4); }
    return s / 3;
  };
  const L = (o: number) => luma(d, o), RG = (o: number) => d[o]! - d[o + 1]!;
  const step = (x: number, y: number, dir: number) => {
    // lip at y + dir (1, 2), opening at y - dir (1, 2)
    const lip = (f: (o: number) => number) => 0.5 * (at(x, y + dir, f) + at(x, y + 2 * dir, f)), open = (f: (o: number) => number) => 0.5 * (at(x, y - dir, f) + at(x, y - 2 * dir, f));
    return Math.abs(lip(L) - open(L)) + Math.abs(lip(RG) - open(RG));
  };
  const n = x1 - x0 + 1, top = new Float64Array(n).fill(NaN), bottom = new Float64Array(n).fill(NaN);
  for (let x = x0; x <= x1; x++) {
    const k = x - x0;
    if (Math.abs(x - cx) > span * half) continue;
    const yu = lineY(ux, uy, x), yl = lineY(lx, ly, x);
    if (!(yu === yu && yl === yl)) continue;
    for (const [yMesh, dir] of [[yl, 1], [yu, -1]] as const) {
      let best = -1, by = NaN;
      for (let y = Math.round(yMesh - R); y <= Math.round(yMesh + R); y++) {
        // never past the middle of the opening
        if (dir > 0 ? y <= 0.5 * (yu + yl) : y >= 0.5 * (yu + yl)) continue;
        const s = step(x, y, dir);
        if (s > best) { best = s; by = y; }
      }
      (dir > 0 ? bottom : top)[k] = by;
    }
  }
  const med = (a: Float64Array) => {
    const o = new Float64Array(a.length);
    for (let k = 0; k < a.length; k++) { const v = [-2, -1, 0, 1, 2].map((j) => a[k + j]).filter((t): t is number => t !== undefined && t === t).sort((p, q) => p - q); o[k] = v.length ? v[v.length >> 1]! : NaN; }
    return o;
  };
  const mt = med(top), mb = med(bottom);
  // the corners themselves: the mesh's (the columns at each end pinned to its corner's height)
  const ya = lm[78]![1]!, yb = lm[308]![1]!;
  mt[0] = mb[0] = ax < bx ? ya : yb; mt[n - 1] = mb[n - 1] = ax < bx ? yb : ya;
  // columns outside the span: a straight run from the corner to the first read column
  for (const e of [mt, mb]) {
    let a = 0; while (a + 1 < n && !(e[a + 1]! === e[a + 1]!)) a++;
    for (let k = 1; k <= a; k++) e[k] = e[0]! + (k / (a + 1)) * (e[a + 1]! - e[0]!);
    let b = n - 1; while (b - 1 > 0 && !(e[b - 1]! === e[b - 1]!)) b--;
    for (let k = b; k < n - 1; k++) e[k] = e[n - 1]! + ((n - 1 - k) / (n - b)) * (e[b - 1]! - e[n - 1]!);
  }
  return { x0, top: mt, bottom: mb, mask: new Uint8Array(0), lipLuma: 0 };
}
