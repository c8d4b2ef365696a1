// A raised lid's drawn lash line under a dark line the lid skin already shows just above it (lash38).
// eyeWide lifts the lid's edge by .7 of the opening but the crease only by about half that (rig/basis/eyes.ts),
// so the skin between them is squeezed but stays: where the photo's own dark line (a painted crease, a liner,
// its lash band read a few px above its lid landmarks) rides up on that skin, the lash line drawn along the raised
// edge (raisedLidEdge.ts drawLashLine) sits under it with a strip of lighter skin between: two parallel lid lines
// (critic37: lp_s12 <- lp_d14 f58-59's doubled lid). A real lid going up rolls into its fold and shows one line.
// Here, on the rendered lid skin above the raised edge (before the line is drawn), each column is asked whether a
// separate dark valley lies above the edge; the share of columns that have one fades the drawn line for that eye.
import type { RasterTarget } from './raster.ts';
import { polylineYAt } from './slitEdge.ts';

/** The columns this share of the line's length from either corner are not asked (the corners' shade). */
const CORNER = 0.2;
/** A valley this many luma levels under the lighter skin on both sides of it counts whole; under DEPTH_FROM it does not count. */
const DEPTH_FROM = 8, DEPTH_FULL = 20;
/** The drawn line is kept whole until this share of the columns show a valley, and gone at DOUBLED_FULL. */
const DOUBLED_FROM = 0.25, DOUBLED_FULL = 0.6;

const luma = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

/**
 * How deep a separate dark valley lies in one column's profile of lid-skin luma (`lum`, top to bottom, the
 * last entry the skin's row right above the edge): the darkest entry at least 2 rows above the edge, under the
 * lightest entry between it and the edge and under the lightest above it (the smaller of the two). A dark band
 * that reaches the edge (the photo's lash carried with it) has no lighter strip under it: 0.
 */
export function valleyDepth(lum: readonly number[]): number {
  const n = lum.length;
  if (n < 4) return 0;
  let best = 0;
  for (let m = 1; m <= n - 3; m++) {
    let below = 0, above = 0;
    for (let q = m + 1; q < n; q++) below = Math.max(below, lum[q]!);
    for (let q = 0; q < m; q++) above = Math.max(above, lum[q]!);
    best = Math.max(best, Math.min(below, above) - lum[m]!);
  }
  return best;
}

/** Share of the columns showing a valley -> how much of the drawn lash line is kept (1 = all). */
export function keptLashShare(doubled: number): number {
  return 1 - Math.min(1, Math.max(0, (doubled - DOUBLED_FROM) / (DOUBLED_FULL - DOUBLED_FROM)));
}

/**
 * The share of the raised lid line's (xs, ys; screen px, either direction) middle columns whose lid skin above
 * it shows a separate dark valley (each column counted by its depth between DEPTH_FROM and DEPTH_FULL). The lid
 * skin is the pixels with 1/z over eyeballIz (nearer than the eyeball) and at most maxIz.
 */
export function doubledLidShare(t: RasterTarget, xs: ArrayLike<number>, ys: ArrayLike<number>, eyeballIz: number, maxIz: number): number {
  const W = t.width, H = t.height, color = t.color, depth = t.depth;
  let xa = Infinity, xb = -Infinity;
  for (let k = 0; k < xs.length; k++) { xa = Math.min(xa, xs[k]!); xb = Math.max(xb, xs[k]!); }
  const len = xb - xa, span = Math.max(4, doubledLashSetting.span * len);
  let sum = 0, cols = 0;
  for (let x = Math.ceil(xa + CORNER * len); x <= Math.floor(xb - CORNER * len); x++) {
    if (x < 0 || x >= W) continue;
    const y = polylineYAt(xs, ys, x + 0.5);
    if (!Number.isFinite(y)) continue;
    const lum: number[] = [];
    // the skin's rows, from span above the edge down to the last one over the line
    for (let p = Math.max(0, Math.floor(y - span)); p + 0.5 < y && p < H; p++) {
      const d = depth[p * W + x]!;
      if (d > eyeballIz && d <= maxIz) lum.push(luma(color[p * W + x]!));
      else if (lum.length) break; // the skin ends (a nearer surface or the eyeball above the line)
    }
    cols++;
    sum += Math.min(1, Math.max(0, (valleyDepth(lum) - DEPTH_FROM) / (DEPTH_FULL - DEPTH_FROM)));
  }
  return cols ? sum / cols : 0;
}

/**
 * Whether the drawn raised lash line is faded under a lid that already shows its own line above it, and how far above
 * the raised edge a valley is looked for (`span`, share of the line's length corner to corner). **Off**: it
 * fires on lp_s12 at a static raise but not at lp_d14 f58-62 (the painting's crease lies over span above the edge
 * there), and a SPAN that reaches it (.32) finds the crease of most photos too (docs/eyes/README.md, s38 lash38).
 */
export const doubledLashSetting = { on: false, span: 0.22 };
