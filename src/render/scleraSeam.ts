// The seam of the white behind a moved iris (scleraBehind.ts): each patch cell's row white across the
// disc, and the smooth correction that makes it meet the photo at the disc's edge.
import { distanceToOutline, insidePolygon } from '../math/polygon.ts';
import type { TextureSource } from './textureSample.ts';
import { smooth01 } from '../math/smooth.ts';

/** Relaxation sweeps of the seam's correction (seamResidual): a patch of ~30 px settles well within these. */
const SEAM_SWEEPS = 150;
/** Cells this far (px) inside the opening's outline and at most this far past the disc's edge fix the seam's correction (the lid margin and lashes on the outline do not). */
const SEAM_INSET = 1, SEAM_RING = 2;

/** Each patch cell's row white (RGB), going across the disc from the left side's to the right side's (clamped past it); NaN on rows without white. */
export function rowColours(lefts: (number[] | null)[], rights: (number[] | null)[], disc: { cx: number; radius: number }, x0: number, size: number): Float32Array {
  const out = new Float32Array(size * size * 3).fill(NaN);
  for (let j = 0; j < size; j++) {
    const l = lefts[j], r = rights[j];
    if (!l && !r) continue;
    for (let i = 0; i < size; i++) {
      const across = smooth01(Math.min(1, Math.max(0, (x0 + i + 0.5 - (disc.cx - disc.radius)) / (2 * disc.radius))));
      for (let ch = 0; ch < 3; ch++) out[(j * size + i) * 3 + ch] = l && r ? (1 - across) * l[ch]! + across * r[ch]! : (l ?? r)![ch]!;
    }
  }
  return out;
}

/**
 * What the rows' white lacks to meet the photo at the disc's edge, spread smoothly over the disc (RGB per
 * cell): fixed to photo minus row white on the opening's cells just past the disc's edge (SEAM_INSET,
 * SEAM_RING), a membrane in between with free edges elsewhere (the lid and lashes fix nothing). Added to
 * the rows' white it leaves no step at the disc's edge: the rows' white alone was up to 90 lighter than
 * the white beside it (lp_s12, a pale block with a hard outline once the iris moved).
 */
export function seamResidual(tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; radius: number }, x0: number, y0: number, size: number, colours: Float32Array): Float32Array {
  const res = new Float32Array(size * size * 3), fixed = new Uint8Array(size * size);
  let any = false;
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const k = j * size + i, x = x0 + i, y = y0 + j, d = Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
    if (d < disc.radius || d > disc.radius + SEAM_RING || Number.isNaN(colours[k * 3]!) || x < 0 || y < 0 || x >= tex.width || y >= tex.height) continue;
    if (!insidePolygon(x + 0.5, y + 0.5, poly) || distanceToOutline(x + 0.5, y + 0.5, poly) < SEAM_INSET) continue;
    const c = tex.data32[y * tex.width + x]!;
    for (let ch = 0; ch < 3; ch++) res[k * 3 + ch] = ((c >>> (ch * 8)) & 255) - colours[k * 3 + ch]!;
    fixed[k] = 1; any = true;
  }
  if (!any) return res;
  for (let sweep = 0; sweep < SEAM_SWEEPS; sweep++) relaxFree(res, fixed, size);
  return res;
}

/** One Gauss-Seidel sweep over the free cells: each the mean of its neighbours within the patch (free edges). */
function relaxFree(res: Float32Array, fixed: Uint8Array, size: number): void {
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const k = j * size + i;
    if (fixed[k]) continue;
    for (let ch = 0; ch < 3; ch++) {
      let sum = 0, n = 0;
      if (i > 0) { sum += res[(k - 1) * 3 + ch]!; n++; }
      if (i < size - 1) { sum += res[(k + 1) * 3 + ch]!; n++; }
      if (j > 0) { sum += res[(k - size) * 3 + ch]!; n++; }
      if (j < size - 1) { sum += res[(k + size) * 3 + ch]!; n++; }
      res[k * 3 + ch] = sum / n;
    }
  }
}
