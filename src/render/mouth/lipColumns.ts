// The inner lip lines as per-column tables (y of the line at each output column) and what a pixel
// of a thin slit between them covers: the shader's geometry, apart from its colours.
import { clamp01 } from '../../math/smooth.ts';

/** Half the height (px) of the footprint a pixel's slit coverage is taken over: a little over a pixel's, a soft edge at 3x zoom. */
const SLIT_FOOTPRINT = 0.75;

/** The share of the vertical footprint round a pixel centre cy that lies between the lip lines top and bottom. */
export function slitCoverage(cy: number, top: number, bottom: number): number {
  return clamp01((Math.min(cy + SLIT_FOOTPRINT, bottom) - Math.max(cy - SLIT_FOOTPRINT, top)) / (2 * SLIT_FOOTPRINT));
}

/** Piecewise-linear y(x) written into the columns the polyline spans. */
export function fillColumns(table: Float32Array, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  const W = table.length;
  for (let i = 0; i + 1 < xs.length; i++) {
    let xa = xs[i]!, ya = ys[i]!, xb = xs[i + 1]!, yb = ys[i + 1]!;
    if (xb < xa) { [xa, xb] = [xb, xa]; [ya, yb] = [yb, ya]; }
    const c0 = Math.max(0, Math.floor(xa - 1)), c1 = Math.min(W - 1, Math.ceil(xb + 1));
    for (let c = c0; c <= c1; c++) {
      const t = xb - xa > 1e-6 ? clamp01((c + 0.5 - xa) / (xb - xa)) : 0.5;
      const y = ya + (yb - ya) * t;
      const prev = table[c]!;
      table[c] = prev !== prev ? y : (prev + y) / 2;
    }
  }
}

/** Box-smooths a column table twice (radius in columns), leaving NaN (outside) columns alone. */
export function smoothColumns(table: Float32Array, radius: number, scratch: Float32Array): void {
  const W = table.length;
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < W; c++) {
      const v = table[c]!;
      if (v !== v) { scratch[c] = v; continue; }
      let acc = 0, n = 0;
      for (let k = Math.max(0, c - radius); k <= Math.min(W - 1, c + radius); k++) { const w = table[k]!; if (w === w) { acc += w; n++; } }
      scratch[c] = acc / n;
    }
    table.set(scratch);
  }
}
