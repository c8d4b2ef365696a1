// The crop boxes the eye sheets use: one eye (bench/shutEyeCrops.ts, realShutEyes.ts), both eyes (midBlinkSheet.ts, wideRead.ts).

/** A box 2 eye widths wide and 1.2 high round the eye whose corners are landmarks a and b. */
export function eyeBox(lm: ArrayLike<ArrayLike<number>>, a: number, b: number, w: number, h: number): [number, number, number, number] {
  const cx = (lm[a]![0]! + lm[b]![0]!) / 2, cy = (lm[a]![1]! + lm[b]![1]!) / 2;
  const ew = Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
  const bw = Math.round(2 * ew), bh = Math.round(1.2 * ew);
  const x = Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), y = Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2)));
  return [x, y, bw, bh];
}

/** Both eyes' box, 1.3 eye-corner distances wide, 3:1 (clamped to the image). */
export function eyesBox(lm: ArrayLike<ArrayLike<number>>, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const bw = Math.min(w, Math.round(1.3 * iod)), bh = Math.min(h, Math.round(bw / 3));
  const x = Math.round((lm[263]![0]! + lm[33]![0]!) / 2 - bw / 2), y = Math.round((lm[263]![1]! + lm[33]![1]!) / 2 - bh / 2);
  return [Math.max(0, Math.min(w - bw, x)), Math.max(0, Math.min(h - bh, y)), bw, bh];
}
