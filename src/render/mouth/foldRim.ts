// An "O"'s visible rim (session 24). Pushed forward into a funnel, the lips' own rows project inside
// the inner lip lines and their triangles fold over the mouth fan: the hole a viewer sees ends 2-6 px
// inside the lines, along the innermost lip row, where the z-buffer cut the fan in whole pixels
// (katie, lp_s42, lp_s5 funnel stills: grid-lock .30-.43, critic23's "hard, stair-stepped rims"),
// and the shader's lining and depth, measured from the hidden lines, began at that cut as a flat
// dark fill. The rim is the envelope of the lip rows' projected polylines (LIP_COLUMNS_*: it lies on
// the raster's cut to a fraction of a pixel, lp_s42's funnel still); the shader's lines are moved to
// it, so its lining, depth and the coverage pass (lipCoverage.ts) follow the rim a viewer sees.
import { fillColumns } from './lipColumns.ts';

/**
 * The lowest (`upper`) or highest (lower lip) of the polylines (xs[k], ys[k]) per column into
 * `out` (NaN where none spans the column); `row` is scratch as long as `out`.
 */
export function envelopeInto(xs: readonly ArrayLike<number>[], ys: readonly ArrayLike<number>[], upper: boolean, out: Float32Array, row: Float32Array): void {
  out.fill(NaN);
  for (let k = 0; k < xs.length; k++) {
    row.fill(NaN);
    fillColumns(row, xs[k]!, ys[k]!);
    for (let c = 0; c < out.length; c++) {
      const v = row[c]!, o = out[c]!;
      if (v !== v) continue;
      out[c] = o !== o ? v : upper ? Math.max(o, v) : Math.min(o, v);
    }
  }
}

/**
 * The lines moved `share` (0..1: the frame's oInsideOf) of the way in to the fold where the lip
 * rows' envelope (`foldUpper`, `foldLower`) lies inside them; never moved out, closed where they meet.
 */
export function foldedLines(upper: Float32Array, lower: Float32Array, foldUpper: Float32Array, foldLower: Float32Array, share: number): void {
  for (let c = 0; c < upper.length; c++) {
    const u = upper[c]!, l = lower[c]!;
    if (u !== u || l !== l || !(l > u)) continue;
    const fu = foldUpper[c]!, fl = foldLower[c]!;
    let t = fu > u ? u + (fu - u) * share : u, b = fl < l ? l + (fl - l) * share : l;
    if (!(b > t)) { t = 0.5 * (t + b); b = t; }
    upper[c] = t; lower[c] = b;
  }
}
