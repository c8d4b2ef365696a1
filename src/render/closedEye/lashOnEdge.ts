// The photo's drawn lash line (loweredLidLash.ts, kept on the shut eye by shutLash.ts) laid on the shut eye's
// lid edge as drawn (wink42). The lash is drawn along the closing mesh lid's points; the shut eye's lid edge
// (draw.ts drawnEdge) leaves that lid as the shut eye comes in below it (show .. 1) and settles on the shut line,
// which on lp_s42 lies 2-3 px under the mesh lid at blink 1: two lines with a pale gap between them (a thick lid
// edge the face mesh reads as lids apart: .06 -> .13). Here the upper lid's points go with the drawn edge: each
// point's v in the eye frame from the mesh lid's toward the patch's shut line by 1 - (1 - show)^2, as drawnEdge.
import { PATCH_U0, PATCH_PPW, PATCH_W, toEye, toImage, type EyeFrame } from './frame.ts';

/** The shut line (v) of a baked eye at eye-frame u: its patch column's. */
export function shutLineAt(shutV: Float32Array, u: number): number {
  const col = Math.min(PATCH_W - 1, Math.max(0, Math.floor((u - PATCH_U0) * PATCH_PPW)));
  return shutV[col]!;
}

/** A lid point's v moved toward the shut line as the shut eye's drawn edge moves at fade show (draw.ts drawnEdge). */
export function edgeV(v: number, shut: number, show: number): number {
  const s = Math.min(1, Math.max(0, show));
  return shut + (1 - s) ** 2 * (v - shut);
}

/** In place: the points i of `upper` (landmark indices) in xs, ys moved onto the drawn edge of a shut eye in frame f. */
export function moveLidOntoEdge(xs: Float32Array, ys: Float32Array, upper: readonly number[], f: EyeFrame, shutV: Float32Array, show: number): void {
  if (!(show > 0)) return;
  for (const i of upper) {
    const [u, v] = toEye(f, xs[i]!, ys[i]!);
    const [x, y] = toImage(f, u, edgeV(v, shutLineAt(shutV, u), show));
    xs[i] = x; ys[i] = y;
  }
}
