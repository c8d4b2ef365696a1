// Grid-lock of a slit's edges (the outside critic's s22 figure, its grid.py/figures22.py edge_rough,
// rewritten here): per column inside the slit's corners, the luma profile across the slit gives its
// upper edge (steepest fall above the darkest row) and lower edge (steepest rise below it), each
// placed to a fraction of a pixel by a parabola through |gradient|. Grid-lock is the mean of
// cos(2 pi x that fraction) over edges of contrast > 8 luma: a hard (aliased) edge lies on the pixel
// grid (fraction 0, cos 1); an anti-aliased or natural edge spreads its fractions (real video ~.2).
import type { RgbaImage } from '../types.ts';
import type { SlitLines } from './slitJag.ts';
import { polylineAt } from '../math/polyline.ts';

/** Share of the slit's width left out at each end (its corners). */
const PAD = 0.2;
/** Least |luma step| an edge needs to count. */
const MIN_STEP = 8;

const luma = (img: RgbaImage, x: number, y: number) => {
  const o = (y * img.width + x) * 4;
  return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!;
};

/** The sub-pixel offset (-0.5..0.5) of the gradient peak at i, and whether its step counts. */
function peakOffset(g: number[], i: number): { off: number; counts: boolean } | null {
  if (!(i > 0 && i < g.length - 1)) return null;
  const a = Math.abs(g[i - 1]!), b = Math.abs(g[i]!), c = Math.abs(g[i + 1]!), den = a - 2 * b + c;
  const off = den !== 0 ? Math.min(0.5, Math.max(-0.5, (0.5 * (a - c)) / den)) : 0;
  return { off, counts: b > MIN_STEP };
}

/** Grid-lock of the slit between `lines` in img (1 = every edge on the pixel grid), NaN with under 10 edges. */
export function gridLock(img: RgbaImage, lines: SlitLines): number {
  const ends = [lines.upper[0]![0], lines.upper[lines.upper.length - 1]![0]].sort((a, b) => a - b);
  const [xa, xb] = ends as [number, number];
  const offs: number[] = [];
  const x0 = Math.ceil(xa + PAD * (xb - xa)), x1 = Math.floor(xb - PAD * (xb - xa));
  if (x1 - x0 + 1 < 12) return NaN;
  for (let x = x0; x <= x1; x++) {
    const yu = polylineAt(lines.upper, x), yl = polylineAt(lines.lower, x);
    const c = (yu + yl) / 2, h = Math.max(4, Math.abs(yl - yu) / 2 + 4);
    const y0 = Math.floor(c - h), y1 = Math.floor(c + h) + 1;
    if (y0 < 1 || y1 >= img.height - 1) return NaN;
    const p: number[] = [];
    for (let y = y0; y < y1; y++) p.push(luma(img, x, y));
    let yd = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! < p[yd]!) yd = k;
    const g = p.slice(1).map((v, k) => v - p[k]!);
    let iu = 0, il = Math.min(yd, g.length - 1);
    for (let k = 1; k < Math.max(1, yd); k++) if (g[k]! < g[iu]!) iu = k;
    for (let k = yd + 1; k < g.length; k++) if (g[k]! > g[il]!) il = k;
    for (const i of [iu, il]) { const e = peakOffset(g, i); if (e?.counts) offs.push(e.off); }
  }
  if (offs.length < 10) return NaN;
  return offs.reduce((s, o) => s + Math.cos(2 * Math.PI * o), 0) / offs.length;
}
