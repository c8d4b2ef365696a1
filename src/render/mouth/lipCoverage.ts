// Sub-pixel coverage along the lips' inner lines (lipslit23). The mouth fan is cut in whole pixels,
// at pixel centres: lips barely parted were a stair of 1-px black steps, a slit under a pixel tall
// broke into dashes, and an "O"'s steep sides were stepped (critic22: grid-lock .59-.78 at jawOpen
// .06, real video ~.2). After the raster, each pixel an inner lip line crosses takes the opening
// (the shader's colour at the covered part's middle) and the lip above and below by the share of
// the pixel each covers: an area coverage, the pixel's width sampled at SUBCOLUMNS points, so a
// steep side near the corners is covered along the row as well as down the column. The opening is
// the shader's (lipColumns.ts: rounded, an "O" drawn round), never more than the raw contour's.
// Only the crossed pixels change.
import { type RasterTarget } from '../raster.ts';
import { mix3 } from '../textureSample.ts';

/** below this share of rebuilt interior the mouth is the photo's own, edge and all (and the shader keeps its own slit coverage) */
export const COVER_REBUILT_MIN = 0.01;
/** samples across a pixel's width */
const SUBCOLUMNS = 4;

/** What the pass reads off the mouth shader. */
export interface OpeningLines {
  /** per output column: the rounded inner lines (NaN outside the mouth) and the raw contour's */
  readonly upperY: Float32Array;
  readonly lowerY: Float32Array;
  readonly upperRaw: Float32Array;
  readonly lowerRaw: Float32Array;
  /** the opening's packed colour at column x, height cy (a point inside the opening) */
  openingColour(x: number, cy: number): number;
  /**
   * whether the shader mixes the photo's own mouth into the pixels it draws (false: a drawn pixel is
   * openingColour at its centre, so the pass reads it off the raster instead of shading it again; absent: true)
   */
  readonly photoShown?: boolean;
}

/** The opening's top and bottom at column c (the tighter of the rounded and raw lines); NaN outside. */
export function openingAt(m: OpeningLines, c: number): [number, number] {
  return [topAt(m, c), bottomAt(m, c)];
}

/** openingAt's top alone, and its bottom: the per-column loops read them without an array per call. */
const topAt = (m: OpeningLines, c: number): number => Math.max(m.upperY[c]!, m.upperRaw[c]!);
const bottomAt = (m: OpeningLines, c: number): number => Math.min(m.lowerY[c]!, m.lowerRaw[c]!);

/**
 * Shares of pixel row p's footprint (from y = p + 0.5 - half to p + 0.5 + half; the pixel itself at
 * half 0.5) lying above the opening, in it and below it, given
 * the opening's lines at the pixel's sample points (tops[k], bottoms[k]; a closed sample, top >=
 * bottom, is all lip, split at its middle).
 */
export function pixelShares(p: number, tops: ArrayLike<number>, bottoms: ArrayLike<number>, half = 0.5): { above: number; open: number; below: number } {
  sharesInto(p, tops, bottoms, half, shares);
  return { above: shares[0]!, open: shares[1]!, below: shares[2]! };
}

/** pixelShares into out[0..2] (above, open, below): coverLipEdges' per-pixel call allocates nothing. */
function sharesInto(p: number, tops: ArrayLike<number>, bottoms: ArrayLike<number>, half: number, out: Float64Array): void {
  let above = 0, open = 0, below = 0;
  const n = tops.length, lo = p + 0.5 - half, span = 2 * half;
  for (let k = 0; k < n; k++) {
    let t = tops[k]!, b = bottoms[k]!;
    if (!(b > t)) { const m = 0.5 * (t + b); t = m; b = m; }
    const a = Math.min(span, Math.max(0, t - lo)) / span, d = Math.min(span, Math.max(0, lo + span - b)) / span;
    above += a; below += d; open += Math.max(0, 1 - a - d);
  }
  out[0] = above / n; out[1] = open / n; out[2] = below / n;
}
const shares = new Float64Array(3);

/** Packed colour c moved by w x (to - from), channel-wise, clamped. */
function shifted(c: number, to: number, from: number, w: number): number {
  let out = 0;
  for (let s = 0; s < 32; s += 8) {
    const v = ((c >>> s) & 255) + w * (((to >>> s) & 255) - ((from >>> s) & 255));
    out |= Math.min(255, Math.max(0, Math.round(v))) << s;
  }
  return out >>> 0;
}

const tops = new Float64Array(SUBCOLUMNS), bottoms = new Float64Array(SUBCOLUMNS);

/**
 * The line tables' opening at the SUBCOLUMNS sample points across column x (linear between
 * column centres, held at the table's ends); false when the column has no opening near it.
 */
function sampleColumn(m: OpeningLines, x: number, W: number): boolean {
  let any = false;
  for (let k = 0; k < SUBCOLUMNS; k++) {
    const at = x + (k + 0.5) / SUBCOLUMNS - 0.5, c0 = Math.floor(at), f = at - c0;
    const t0 = c0 >= 0 ? topAt(m, c0) : NaN, b0 = c0 >= 0 ? bottomAt(m, c0) : NaN;
    const t1 = c0 + 1 < W ? topAt(m, c0 + 1) : NaN, b1 = c0 + 1 < W ? bottomAt(m, c0 + 1) : NaN;
    const ok0 = t0 === t0 && b0 === b0, ok1 = t1 === t1 && b1 === b1;
    if (!ok0 && !ok1) { tops[k] = NaN; bottoms[k] = NaN; continue; }
    tops[k] = !ok0 ? t1 : !ok1 ? t0 : t0 + (t1 - t0) * f;
    bottoms[k] = !ok0 ? b1 : !ok1 ? b0 : b0 + (b1 - b0) * f;
    any = true;
  }
  return any;
}

/**
 * The column nearest x (x itself first) whose opening covers part of row p at its centre, and the middle of that
 * part, into out[0], out[1]; false if none within a column. (Out-parameter: no arrays per crossed pixel.)
 */
function openPointNear(m: OpeningLines, x: number, p: number, W: number, out: Float64Array): boolean {
  for (let q = 0; q < 3; q++) {
    const c = q === 0 ? x : q === 1 ? x - 1 : x + 1;
    if (c < 0 || c >= W) continue;
    const lo = Math.max(topAt(m, c), p), hi = Math.min(bottomAt(m, c), p + 1);
    if (hi > lo) { out[0] = c; out[1] = 0.5 * (lo + hi); return true; }
  }
  return false;
}
const openPoint = new Float64Array(2);

/**
 * Covers the inner lip lines' crossed pixels in place. `rebuiltShare` 0..1: how much of a mouth
 * pixel is the shader's (the rest is the photo's own mouth, which keeps its own edge): only that
 * share moves from the raster's whole-pixel cut to the covered colour. `mask`: 1 where the
 * raster's pixel shows the mouth's colour (edge.ts). `scratchIndex` and `scratchColour` are the
 * caller's, at least width x height long. `half`: half the height of each pixel's footprint (0.5:
 * the pixel; wider, a softer edge: an O's rim, edge.ts).
 */
export function coverLipEdges(t: RasterTarget, m: OpeningLines, mask: Uint8Array, rebuiltShare: number, scratchIndex: Int32Array, scratchColour: Uint32Array, half = 0.5): void {
  if (!(rebuiltShare > 0)) return;
  const W = t.width, H = t.height, color = t.color, photoShown = m.photoShown !== false;
  let count = 0;
  for (let x = 0; x < W; x++) {
    if (!sampleColumn(m, x, W)) continue;
    let lo = Infinity, hi = -Infinity;
    for (let k = 0; k < SUBCOLUMNS; k++) { const a = tops[k]!, b = bottoms[k]!; if (a === a && b > a) { lo = Math.min(lo, a); hi = Math.max(hi, b); } }
    if (!(hi > lo)) continue;
    for (let k = 0; k < SUBCOLUMNS; k++) if (tops[k] !== tops[k]) { tops[k] = 0.5 * (lo + hi); bottoms[k] = tops[k]!; }
    const tc = topAt(m, x), bc = bottomAt(m, x);
    const mid = tc === tc && bc === bc ? 0.5 * (tc + bc) : 0.5 * (lo + hi);
    // the lip either side as the raster drew it: the last row whose centre is above the opening, the first below
    const pu = Math.floor((tc === tc && bc > tc ? tc : mid) - 0.5), pl = Math.floor((bc === bc && bc > tc ? bc : mid) + 0.5);
    if (pu < 0 || pl >= H) continue;
    const lipUp = color[pu * W + x]!, lipDown = color[pl * W + x]!;
    if (lipUp >>> 24 === 0 || lipDown >>> 24 === 0) continue;
    // an edge is the line's only where the raster's cut is: the first (last) pixel centre inside the
    // opening drawn by the mouth. A nearer lip triangle over the fan (a funnel's pushed-out lip)
    // draws the edge itself, elsewhere: mixing there drew a dark line along the lip
    const upperOwn = pu + 1 >= pl || mask[(pu + 1) * W + x] === 1, lowerOwn = pl - 1 <= pu || mask[(pl - 1) * W + x] === 1;
    const reach = half - 0.5;
    for (let p = Math.max(0, Math.floor(lo - reach)); p <= Math.min(H - 1, Math.floor(hi + reach)); p++) {
      sharesInto(p, tops, bottoms, half, shares);
      const above = shares[0]!, inside = shares[1]!, below = shares[2]!;
      if (inside <= 0 || inside >= 1 || (above > 0 && !upperOwn) || (below > 0 && !lowerOwn)) continue;
      if (!openPointNear(m, x, p, W, openPoint)) continue;
      const open = m.openingColour(openPoint[0]!, openPoint[1]!);
      const i = p * W + x;
      const covered = mix3(lipUp, above, open, inside, lipDown, below);
      scratchIndex[count] = i;
      // the shader's part of a mouth pixel (its colour at the centre) gives way to the covered colour;
      // a lip pixel's whole colour does, by the same share
      const base = mask[i] === 1 && photoShown ? m.openingColour(x, p + 0.5) : color[i]!;
      scratchColour[count++] = rebuiltShare >= 1 && mask[i] !== 1 ? covered : shifted(color[i]!, covered, base, rebuiltShare);
    }
  }
  for (let k = 0; k < count; k++) color[scratchIndex[k]!] = scratchColour[k]!;
}
