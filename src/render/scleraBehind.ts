// The white shown where a moved iris was: each row's white as the photo shows it on either side of
// the iris, with the photo's own grain, shaded under the upper lid.
// Earlier fills read as a patch: a membrane (Laplace) fill of the disc took the lid margin and
// lashes above and below the iris along (a grey blob, eyes12); that membrane lifted toward the
// opening's whitest colour was a flat pale chip with a hard outline (white2, critic s12); the row
// mirrored across the disc's edge carried lashes and the pink corner in as streaks; one colour per
// row from the whiter 40 % of the row's white (s13-14) was paler than the white around it, without
// grain, and its top ended in a straight line under the lid (Obama 256 px, lp_s42, st_art_1: a flat
// salmon / grey block, sclera15). Now each side of the iris gives its own row colour from its
// typical (not its whitest) white near the disc, the disc goes over from one side's to the other's,
// each pixel takes the photo's grain from a disc radius beside it (its own side), and toward the upper
// lid the fill goes over to the membrane (the lid margin's dark) over a band: the lid's shadow.
import { distanceToOutline, insidePolygon, rowCrossings } from '../math/polygon.ts';
import { packRounded, type TextureSource } from './textureSample.ts';
import { whiteness } from './mouth/eyeWhite.ts';
import { smooth01 } from '../math/smooth.ts';
import { rowColours, seamResidual } from './scleraSeam.ts';

export { rowColours, seamResidual } from './scleraSeam.ts';

/** Fewer white pixels than this on one side of the disc on a row: that side gives no white on the row. */
const MIN_SIDE_PIXELS = 2;
/**
 * Of a side's pixels on a row (by whiteness, whitest first), those from rank share SIDE_RANKS[0] to
 * SIDE_RANKS[1] give its white: the whitest few (glints) and the darker ones (limbus, lashes, the
 * pink corner) left out. The whiter 40 % (s14) was 10-25 % lighter than the white around it on Obama.
 */
const SIDE_RANKS = [0.05, 0.6] as const;
/** A side's pixels count out to this share of the iris radius past the iris: the white next to the disc, so the fill meets it at the disc's edge (1.6 took the darker corner in: a step at the edge on lp_s42). */
const SIDE_REACH = 0.8;
/** Vertical smoothing of the rows' whites: weights at row offsets -2..2. */
const ROW_SMOOTH = [1, 2, 3, 2, 1];
/** Pixels within this share of the iris radius of its centre are iris, not white. */
export const IRIS_CLEAR = 1.1;
/** Pixels within this share of the iris radius of its centre give the iris's tone. */
const IRIS_CORE_SHARE = 0.8;
/**
 * The fill goes over from the membrane at the disc's edge (and at the opening's) to the rows' white
 * over this share of the iris radius, within [EDGE_BLEND_MIN, EDGE_BLEND_MAX] px (a fixed 2 px left a
 * small eye's disc mostly membrane).
 */
const EDGE_BLEND = 0.2, EDGE_BLEND_MIN = 0.75, EDGE_BLEND_MAX = 2;
/**
 * Under the upper lid the fill goes over to the membrane (the lid margin's dark) over this share of
 * the iris radius below the opening's top (smoothstep): the lid's shadow, with no straight edge.
 */
const LID_SHADOW = 0.4;
/** The grain: the photo's luminance minus its mean over a box of this radius (px) around it. */
const GRAIN_BOX = 1;
/** A residual is clipped to this (0-255 luminance): a lash or glint beside the disc is not grain (8: st_art_1 kept .24 of its grain, 14: .28; no lash streaks on lp_s42 either way). */
const GRAIN_CLIP = 14;
/**
 * Grain is taken only where the photo's box there is the white's: its mean within GRAIN_MATCH of the
 * fill's luminance and its spread (std, 0-255) at most GRAIN_SPREAD (a dark line or the limbus at the
 * source was cloned as a second line beside lp_s42's iris; a darkest-pixel test instead left
 * Obama's and st_art_1's fills with no grain at all).
 */
const GRAIN_MATCH = 0.25, GRAIN_SPREAD = 8;


/**
 * The fill's floor: where the iris moved off, the white shows at least this share of the way from the
 * iris's tone to the picture's own white (its opening's whiter pixels, OWN_WHITE_RANKS by whiteness).
 * On a dark, narrow painted white (st_art_1) the rows' white next to the iris and the lid's shadow
 * made a fill as dark as the iris (.14 / .41 of the way): the look did not read; photos sit at .54-.65.
 */
const FILL_CONTRAST = 0.55;
/** The picture's own white: its opening's pixels (outside the iris) at these whiteness ranks, whitest first. */
const OWN_WHITE_RANKS = [0.05, 0.3] as const;
/** The floor goes over from none at the disc's edge (the photo's own pixel there) to all over this share of the iris radius inside it. */
const FLOOR_FADE = 0.5;

/** Horizontal extent [x0, x1] of a closed polygon on the line at height y (its outermost crossings), or null off it. */
export function rowExtent(poly: [number, number][], y: number): [number, number] | null {
  const xs = rowCrossings(poly, y);
  return xs.length >= 2 && xs.at(-1)! > xs[0]! ? [xs[0]!, xs.at(-1)!] : null;
}

/** Rec. 601 luminance (0-255), of a colour and of a packed RGBA pixel. */
const lum601 = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;
const lumOf = (c: number) => lum601(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);

/** A side's white (RGBA floats) from its pixels (packed RGBA): the SIDE_RANKS share by whiteness, or null when too few. */
export function sideWhite(pixels: number[]): number[] | null {
  if (pixels.length < MIN_SIDE_PIXELS) return null;
  const scored = pixels.map((c) => ({ c, w: whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]) })).sort((a, b) => b.w - a.w);
  const from = Math.floor(SIDE_RANKS[0] * scored.length), to = Math.max(from + 1, Math.round(SIDE_RANKS[1] * scored.length));
  const take = scored.slice(from, to);
  const colour = [0, 0, 0, 0];
  for (const { c } of take) for (let ch = 0; ch < 4; ch++) colour[ch]! += ((c >>> (ch * 8)) & 255) / take.length;
  return colour;
}

/**
 * Each patch row's whites left and right of the iris (radius `iris`): the opening's pixels on that
 * row outside the iris and within SIDE_REACH iris radii past it, by sideWhite().
 */
export function sideWhites(tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; iris: number; clear?: [number, number] }, y0: number, size: number): { left: (number[] | null)[]; right: (number[] | null)[] } {
  const { cx, cy, iris } = disc;
  const left: (number[] | null)[] = [], right: (number[] | null)[] = [];
  for (let j = 0; j < size; j++) {
    const py = y0 + j;
    const row = py >= 0 && py < tex.height ? rowExtent(poly, py + 0.5) : null;
    const sides: number[][] = [[], []];
    if (row) {
      // the white between the iris and the disc's edge counts (the limbus ring ranks low anyway)
      // each side clear of the iris: IRIS_CLEAR rings, or a big iris's own reach there (irisReach.ts whiteClearance)
      const dy = py + 0.5 - cy;
      const [half0, half1] = (disc.clear ?? [IRIS_CLEAR * iris, IRIS_CLEAR * iris]).map((reach) => (Math.abs(dy) < reach ? Math.sqrt(reach * reach - dy * dy) : 0)) as [number, number];
      for (let px = Math.max(0, Math.ceil(row[0] - 0.5)); px <= Math.min(tex.width - 1, Math.floor(row[1] - 0.5)); px++) {
        const off = px + 0.5 - cx, half = off < 0 ? half0 : half1;
        if (Math.abs(off) < half || Math.abs(off) > half + SIDE_REACH * iris) continue;
        sides[off < 0 ? 0 : 1]!.push(tex.data32[py * tex.width + px]!);
      }
    }
    left.push(sideWhite(sides[0]!)); right.push(sideWhite(sides[1]!));
  }
  return { left, right };
}

/** Rows' colours smoothed with ROW_SMOOTH over the rows that have a white; null where none within reach. */
export function smoothRows(rows: (number[] | null)[]): (number[] | null)[] {
  const reach = (ROW_SMOOTH.length - 1) / 2;
  return rows.map((_, j) => {
    const sum = [0, 0, 0, 0];
    let weight = 0;
    for (let o = -reach; o <= reach; o++) {
      const r = rows[j + o];
      if (!r) continue;
      const w = ROW_SMOOTH[o + reach]!;
      weight += w;
      for (let ch = 0; ch < 4; ch++) sum[ch]! += w * r[ch]!;
    }
    return weight > 0 ? sum.map((v) => v / weight) : null;
  });
}

/** Rows inside the opening with neither side's white take both sides of the nearest row that has one. */
export function nearestRows(lefts: (number[] | null)[], rights: (number[] | null)[], poly: [number, number][], y0: number): [(number[] | null)[], (number[] | null)[]] {
  const has = lefts.map((l, j) => !!(l || rights[j]));
  const pick = (j: number) => { for (let o = 1; o < has.length; o++) for (const k of [j - o, j + o]) if (has[k]) return k; return -1; };
  const L = lefts.slice(), R = rights.slice();
  for (let j = 0; j < has.length; j++) {
    if (has[j] || !rowExtent(poly, y0 + j + 0.5)) continue;
    const k = pick(j);
    if (k >= 0) { L[j] = lefts[k]!; R[j] = rights[k]!; }
  }
  return [L, R];
}

/**
 * The photo's grain at texel (x, y): its luminance minus its mean over the GRAIN_BOX box, clipped to
 * GRAIN_CLIP; 0 off the texture, within 1 px of the opening's outline or outside it (the lid margin),
 * and where the box is not plain white (`white`: the fill's luminance there; GRAIN_MATCH, GRAIN_SPREAD):
 * a limbus, lash or corner there copied over as a dark line.
 */
export function grainAt(tex: TextureSource, poly: [number, number][], x: number, y: number, white: number): number {
  const xi = Math.round(x), yi = Math.round(y);
  if (xi - GRAIN_BOX < 0 || yi - GRAIN_BOX < 0 || xi + GRAIN_BOX >= tex.width || yi + GRAIN_BOX >= tex.height) return 0;
  if (!insidePolygon(xi + 0.5, yi + 0.5, poly) || distanceToOutline(xi + 0.5, yi + 0.5, poly) < 1) return 0;
  let sum = 0, sum2 = 0, n = 0;
  for (let dy = -GRAIN_BOX; dy <= GRAIN_BOX; dy++) for (let dx = -GRAIN_BOX; dx <= GRAIN_BOX; dx++) {
    const l = lumOf(tex.data32[(yi + dy) * tex.width + xi + dx]!);
    sum += l; sum2 += l * l; n++;
  }
  const mean = sum / n, spread = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  if (Math.abs(mean - white) > GRAIN_MATCH * white || spread > GRAIN_SPREAD) return 0;
  return Math.max(-GRAIN_CLIP, Math.min(GRAIN_CLIP, lumOf(tex.data32[yi * tex.width + xi]!) - mean));
}


/**
 * The picture's own white of an opening and its iris's tone: the mean colour (RGB) of its pixels outside
 * IRIS_CLEAR iris radii and 1 px in from the outline at OWN_WHITE_RANKS by whiteness, and the mean
 * luminance within IRIS_CLEAR_CORE of the iris's centre; null when the opening shows no white.
 */
export function ownWhiteAndIris(tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; iris: number }): { white: number[]; irisLum: number } | null {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const whites: { c: number; w: number }[] = [];
  let irisSum = 0, irisN = 0;
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(tex.height - 1, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(tex.width - 1, Math.ceil(Math.max(...xs))); x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly) || distanceToOutline(x + 0.5, y + 0.5, poly) < 1) continue;
      const c = tex.data32[y * tex.width + x]!, r = Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
      if (r < IRIS_CORE_SHARE * disc.iris) { irisSum += lumOf(c); irisN++; }
      else if (r > IRIS_CLEAR * disc.iris) whites.push({ c, w: whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]) });
    }
  }
  if (whites.length < MIN_SIDE_PIXELS || irisN === 0) return null;
  whites.sort((a, b) => b.w - a.w);
  const take = whites.slice(Math.floor(OWN_WHITE_RANKS[0] * whites.length), Math.max(1, Math.round(OWN_WHITE_RANKS[1] * whites.length)));
  const white = [0, 1, 2].map((ch) => take.reduce((t, { c }) => t + ((c >>> (ch * 8)) & 255), 0) / take.length);
  return { white, irisLum: irisSum / irisN };
}

/**
 * A fill colour (RGB, in place) lifted toward the picture's own white when darker than the floor
 * (FILL_CONTRAST of the way from the iris's tone to that white), by `weight` (0..1: FLOOR_FADE).
 */
export function liftToFloor(colour: Float64Array, own: { white: number[]; irisLum: number }, weight: number): void {
  const ownLum = lum601(own.white[0]!, own.white[1]!, own.white[2]!), floor = own.irisLum + FILL_CONTRAST * (ownLum - own.irisLum);
  const l = lum601(colour[0]!, colour[1]!, colour[2]!);
  if (weight <= 0 || l >= floor || ownLum <= l) return;
  const share = weight * Math.min(1, (floor - l) / (ownLum - l));
  for (let ch = 0; ch < 3; ch++) colour[ch] = colour[ch]! + share * (own.white[ch]! - colour[ch]!);
}

/** The opening's top (its uppermost crossing) on each of `size` columns from x0 (at their centres); NaN off the opening. */
export function columnTops(poly: [number, number][], x0: number, size: number): Float64Array {
  const transposed = poly.map(([a, b]) => [b, a] as [number, number]);
  return Float64Array.from({ length: size }, (_, i) => {
    const ys = rowCrossings(transposed, x0 + i + 0.5);
    return ys.length >= 2 ? ys[0]! : NaN;
  });
}

/**
 * The white behind a disc (centre cx, cy, radius; its iris's radius; texture px) over a patch from (x0, y0), `size` px
 * square, the membrane fill of that patch in `white`: inside the disc each row's white going over
 * from the left side's to the right side's, with the photo's grain from beside the disc (grainAt);
 * over to the membrane near the disc's and the opening's edges (EDGE_BLEND), under the upper lid
 * (LID_SHADOW) and on rows without white of their own.
 */
export function rowWhiteBehind(
  tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; radius: number; iris: number; clear?: [number, number] },
  patch: { x0: number; y0: number; size: number; white: Uint32Array },
): Uint32Array {
  const { cx, cy, radius } = disc, { x0, y0, size, white: membrane } = patch;
  const sides = sideWhites(tex, poly, disc, y0, size);
  let lefts = smoothRows(sides.left), rights = smoothRows(sides.right);
  // past a big iris's rim a short row may read no white on either side: it takes its nearest row's (else the membrane's: the iris's blue, lp_s7)
  const big = disc.clear?.some((c) => c > IRIS_CLEAR * disc.iris) ?? false;
  if (big) [lefts, rights] = nearestRows(lefts, rights, poly, y0);
  const colours = rowColours(lefts, rights, disc, x0, size);
  const seam = seamResidual(tex, poly, disc, x0, y0, size, colours);
  const tops = columnTops(poly, x0, size);
  const blend = Math.min(EDGE_BLEND_MAX, Math.max(EDGE_BLEND_MIN, EDGE_BLEND * disc.iris));
  const shadow = Math.max(blend, LID_SHADOW * disc.iris);
  const own = ownWhiteAndIris(tex, poly, disc);
  const out = Uint32Array.from(membrane);
  const mixed = new Float64Array(4), colour = new Float64Array(4);
  for (let j = 0; j < size; j++) {
    const l = lefts[j], r = rights[j];
    if (!l && !r) continue;
    for (let i = 0; i < size; i++) {
      const x = x0 + i + 0.5, y = y0 + j + 0.5;
      const inside = radius - Math.hypot(x - cx, y - cy);
      if (inside <= 0) continue;
      const inOpening = insidePolygon(x, y, poly) ? distanceToOutline(x, y, poly) : 0;
      // a big iris's lower rim meets the lower lid: the membrane there is the iris carried past the lid (extendEyes), a blue arc; the row's white goes to the lid
      const edgeFade = big && y > cy ? (inOpening > 0 ? 1 : 0) : Math.min(1, inOpening / blend);
      const t = Math.min(1, inside / blend) * edgeFade * smooth01((Number.isNaN(tops[i]!) ? 0 : Math.max(0, y - tops[i]!)) / shadow);
      const k = j * size + i, m = membrane[k]!;
      // the grain: the photo's, from as far beside the disc on the pixel's own side (a shifted copy keeps its scale)
      // the rows' white across the disc, lifted or lowered to meet the photo at the disc's edge
      for (let ch = 0; ch < 3; ch++) colour[ch] = colours[k * 3 + ch]! + seam[k * 3 + ch]!;
      colour[3] = l && r ? (l[3]! + r[3]!) / 2 : (l ?? r)![3]!;
      if (own) liftToFloor(colour, own, Math.min(1, inside / (FLOOR_FADE * disc.iris)));
      const g = grainAt(tex, poly, x0 + i + (x < cx ? -radius : radius), y0 + j, lum601(colour[0]!, colour[1]!, colour[2]!));
      for (let ch = 0; ch < 4; ch++) {
        mixed[ch] = Math.min(255, Math.max(0, (1 - t) * ((m >>> (ch * 8)) & 255) + t * (ch < 3 ? colour[ch]! + g : colour[ch]!)));
      }
      out[k] = packRounded(mixed);
    }
  }
  return out;
}
