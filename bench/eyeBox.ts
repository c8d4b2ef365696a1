// The crop box round one eye that the shut-eye sheets use (bench/shutEyeCrops.ts, realShutEyes.ts).

/** A box 2 eye widths wide and 1.2 high round the eye whose corners are landmarks a and b. */
export function eyeBox(lm: ArrayLike<ArrayLike<number>>, a: number, b: number, w: number, h: number): [number, number, number, number] {
  const cx = (lm[a]![0]! + lm[b]![0]!) / 2, cy = (lm[a]![1]! + lm[b]![1]!) / 2;
  const ew = Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
  const bw = Math.round(2 * ew), bh = Math.round(1.2 * ew);
  const x = Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), y = Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2)));
  return [x, y, bw, bh];
}
