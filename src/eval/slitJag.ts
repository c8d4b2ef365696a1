// How stair-stepped a rendered slit is (a closing eye's, barely parted lips'): per pixel column
// across its middle 80 %, the slit's contrast against the skin around it gives a centre line
// (contrast-weighted row) and a thickness (contrast sum over the slit's typical contrast). A slit
// cut in whole pixels moves both by whole pixels from column to column; one drawn with sub-pixel
// coverage moves them by fractions. The figure is each one's RMS residual from a running straight
// line over 7 columns (px), and their sum ("jag"); "offLine": the same residuals against the slit's
// own lines as drawn (the geometry's centre and thickness per column, the median offset removed:
// a whole-pixel cut is off by up to half a pixel, varying column to column).
import type { RgbaImage } from '../types.ts';
import { polylineYAt } from '../render/slitEdge.ts';

export interface SlitLines {
  /** the slit's upper and lower lines, screen points (either direction) */
  upper: [number, number][];
  lower: [number, number][];
}

export interface SlitJag {
  jag: number;
  centre: number;
  thickness: number;
  /** the same against the slit's own lines (centre and thickness from the geometry, median offset removed), summed */
  offLine: number;
  columns: number;
}

/** Rows either side of the slit's lines the profile reaches (the skin it is measured against). */
const MARGIN = 3;
/** Columns either side of one in its straight-line fit. */
const HALF_FIT = 3;

/** The line's y at x (linear between its points sorted by x: polylineYAt), or NaN outside it. */
function lineYAt(line: [number, number][]): (x: number) => number {
  const pts = line.slice().sort((a, b) => a[0] - b[0]);
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  return (x) => polylineYAt(xs, ys, x);
}

const luma = (img: RgbaImage, x: number, y: number) => {
  const o = (y * img.width + x) * 4;
  return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!;
};

/** RMS of the residuals of ys from a running least-squares line over 2 HALF_FIT + 1 neighbours (NaN gaps skipped). */
export function runningLineResidual(ys: number[]): number {
  let sum = 0, n = 0;
  for (let i = HALF_FIT; i < ys.length - HALF_FIT; i++) {
    if (!Number.isFinite(ys[i]!)) continue;
    let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
    for (let j = i - HALF_FIT; j <= i + HALF_FIT; j++) {
      const y = ys[j]!;
      if (!Number.isFinite(y)) continue;
      const x = j - i;
      sx += x; sy += y; sxx += x * x; sxy += x * y; m++;
    }
    if (m < 2 * HALF_FIT) continue;
    const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx), icpt = (sy - slope * sx) / m;
    sum += (ys[i]! - icpt) ** 2;
    n++;
  }
  return n ? Math.sqrt(sum / n) : NaN;
}

/** RMS of the finite values about their median. */
export function rmsAboutMedian(vs: number[]): number {
  const f = vs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!f.length) return NaN;
  const m = f[Math.floor(f.length / 2)]!;
  return Math.sqrt(f.reduce((s, v) => s + (v - m) ** 2, 0) / f.length);
}

/** The jaggedness of the slit between `lines` in img (see the file's head). */
export function slitJag(img: RgbaImage, lines: SlitLines): SlitJag {
  const xs = [...lines.upper, ...lines.lower].map((p) => p[0]);
  const xa = Math.min(...xs), xb = Math.max(...xs);
  const lo = Math.ceil(xa + 0.1 * (xb - xa)), hi = Math.floor(xb - 0.1 * (xb - xa));
  const upperAt = lineYAt(lines.upper), lowerAt = lineYAt(lines.lower);
  // per column: the contrast profile against the skin interpolated between the window's ends
  const profiles: { top: number; c: number[] }[] = [];
  for (let x = lo; x <= hi; x++) {
    const yu = upperAt(x + 0.5), yl = lowerAt(x + 0.5);
    if (!Number.isFinite(yu) || !Number.isFinite(yl)) { profiles.push({ top: 0, c: [] }); continue; }
    const top = Math.max(1, Math.floor(Math.min(yu, yl)) - MARGIN), bottom = Math.min(img.height - 2, Math.ceil(Math.max(yu, yl)) + MARGIN);
    const a = (luma(img, x, top - 1) + luma(img, x, top)) / 2, b = (luma(img, x, bottom) + luma(img, x, bottom + 1)) / 2;
    const c: number[] = [];
    for (let y = top; y <= bottom; y++) c.push(a + ((y - top) / Math.max(1, bottom - top)) * (b - a) - luma(img, x, y));
    profiles.push({ top, c });
  }
  // a dark slit (the usual) or a bright one (white showing): the sign of the total contrast
  const all = profiles.flatMap((p) => p.c);
  const sign = all.reduce((s, v) => s + v, 0) >= 0 ? 1 : -1;
  const mags = all.map((v) => Math.max(0, sign * v)).sort((p, q) => p - q);
  const typical = mags[Math.floor(0.9 * (mags.length - 1))] ?? 0;
  const centres: number[] = [], thick: number[] = [], offCentre: number[] = [], offThick: number[] = [];
  profiles.forEach(({ top, c }, k) => {
    const yu = upperAt(lo + k + 0.5), yl = lowerAt(lo + k + 0.5);
    let mass = 0, moment = 0;
    c.forEach((v, k) => { const d = Math.max(0, sign * v); mass += d; moment += d * (top + k + 0.5); });
    const ok = typical > 4 && mass > 0.3 * typical;
    centres.push(ok ? moment / mass : NaN);
    thick.push(ok ? mass / typical : NaN);
    offCentre.push(ok ? moment / mass - (yu + yl) / 2 : NaN);
    offThick.push(ok ? mass / typical - Math.max(0, yl - yu) : NaN);
  });
  const centre = runningLineResidual(centres), thickness = runningLineResidual(thick);
  const offLine = rmsAboutMedian(offCentre) + rmsAboutMedian(offThick);
  return { jag: centre + thickness, centre, thickness, offLine, columns: centres.filter(Number.isFinite).length };
}
