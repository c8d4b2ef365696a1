// The inner lip lines as per-column tables (y of the line at each output column) and what a pixel
// of a thin slit between them covers: the shader's geometry, apart from its colours.
import { clamp01, smoothstep } from '../../math/smooth.ts';

/** Half the height (px) of the footprint a pixel's slit coverage is taken over: a little over a pixel's, a soft edge at 3x zoom. */
const SLIT_FOOTPRINT = 0.75;

/** The share of the vertical footprint round a pixel centre cy that lies between the lip lines top and bottom. */
export function slitCoverage(cy: number, top: number, bottom: number): number {
  return clamp01((Math.min(cy + SLIT_FOOTPRINT, bottom) - Math.max(cy - SLIT_FOOTPRINT, top)) / (2 * SLIT_FOOTPRINT));
}

/** The integral of smoothstep(e0, e1, .) from e0 to x (e1 > e0). */
function smoothstepArea(e0: number, e1: number, x: number): number {
  if (x <= e0) return 0;
  const span = e1 - e0;
  if (x >= e1) return 0.5 * span + (x - e1);
  const t = (x - e0) / span;
  return span * t * t * t * (1 - 0.5 * t);
}

/**
 * smoothstep(e0, e1, x) averaged over a pixel's footprint: x +- width / 2. A ramp under a pixel
 * long sampled at pixel centres is a hard edge that jumps a whole row (the inner lip band's end
 * across a thin slit: lipslit23); averaged, it moves by fractions of a pixel.
 */
export function pixelSmoothstep(e0: number, e1: number, x: number, width: number): number {
  if (!(e1 > e0)) return x >= e0 ? 1 : 0;
  if (!(width > 0)) return smoothstep(e0, e1, x);
  return (smoothstepArea(e0, e1, x + 0.5 * width) - smoothstepArea(e0, e1, x - 0.5 * width)) / width;
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

/** An "O" at full roundness is this share of the mouth's inner half-width narrower than the lips' opening. */
export const ROUND_NARROW = 0.5;

/**
 * A full O's hole is at most 1 - O_RING of the inner half-width wide, however tall: the lips keep
 * their thickness round it (a ring, lp_d6 f190-192: the hole about 0.6 of the mouth's width). Before
 * session 25 a tall O's circle (never narrower than tall) was as wide as the lips' whole lens: the
 * hole reached both corners with pointed ends, and the face mesh read the mouth 0.10 IOD wider than
 * its mesh (lp_s42 f190: .39 against .29).
 */
export const O_RING = 0.35;

/**
 * An "O" (round 0..1): the opening drawn round, not as the lips' full-width lens. Each column's
 * lines close toward their midline to fit an ellipse as tall as the opening at the mouth's centre
 * and 1 - ROUND_NARROW x round of the inner half-width wide (never narrower than it is tall, nor
 * wider than 1 - O_RING x round of the half-width; never opened further): the pursed lips stay
 * together toward the corners, showing their inner surface (lipSurface.ts draws the closed part as
 * lip). lp_s42 <- lp_d6's O was a flat slot across the whole mouth, wider than tall, where the
 * driver shows a small round hole.
 */
export function roundOpening(upper: Float32Array, lower: Float32Array, centreX: number, halfWidth: number, round: number): void {
  if (!(round > 0)) return;
  const W = upper.length, c = Math.min(W - 1, Math.max(0, Math.floor(centreX)));
  const g0 = lower[c]! - upper[c]!;
  if (!(g0 > 0)) return;
  const half = Math.min(Math.max(0.5 * g0, halfWidth * (1 - ROUND_NARROW * round)), halfWidth * (1 - O_RING * round));
  for (let x = 0; x < W; x++) {
    const u = upper[x]!, l = lower[x]!;
    if (u !== u || l !== l) continue;
    const dx = (x + 0.5 - centreX) / half;
    const e = dx >= 1 || dx <= -1 ? 0 : 0.5 * g0 * Math.sqrt(1 - dx * dx), m = 0.5 * (u + l);
    const top = Math.max(u, m - e), bottom = Math.min(l, m + e);
    if (top < bottom) { upper[x] = top; lower[x] = bottom; } else { upper[x] = m; lower[x] = m; }
  }
}

/** The lip lines' smoothing window stays centred toward each line's end (smoothColumnsCentred); false: main's one-sided window until s43. */
export const LINE_ENDS_CENTRED = true;

/**
 * smoothColumns with a centred window (s43, hexagon43): each column averages as many columns on
 * either side, fewer toward the line's ends (an end column keeps its own value). The one-sided
 * window at the ends averaged only inward columns and pulled each end away from the corner.
 */
export function smoothColumnsCentred(table: Float32Array, radius: number, scratch: Float32Array): void {
  const W = table.length;
  let a = -1, b = -1;
  for (let c = 0; c < W; c++) if (table[c]! === table[c]!) { if (a < 0) a = c; b = c; }
  if (a < 0) return;
  for (let pass = 0; pass < 2; pass++) {
    scratch.set(table);
    for (let c = a; c <= b; c++) {
      if (table[c]! !== table[c]!) continue;
      const m = Math.min(radius, c - a, b - c);
      let acc = 0, n = 0;
      for (let k = c - m; k <= c + m; k++) { const w = table[k]!; if (w === w) { acc += w; n++; } }
      scratch[c] = acc / n;
    }
    table.set(scratch);
  }
}
