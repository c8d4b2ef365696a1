// How busy a head-angle trace is, frame to frame (s34, nod34; critic33 measured the audio pose's
// shake by these): the residual from a centred 7-frame mean (what a viewer sees as jitter, not
// the sway), the largest one-frame step, and how often the motion reverses direction.

/** Standard deviation of v minus its centred `window`-frame mean (the window shrinks at the ends). */
export function shakeAboutMean(v: ArrayLike<number>, window = 7): number {
  const n = v.length, h = window >> 1;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - h), b = Math.min(n - 1, i + h);
    let m = 0;
    for (let j = a; j <= b; j++) m += v[j]!;
    m /= b - a + 1;
    sum += (v[i]! - m) ** 2;
  }
  return Math.sqrt(sum / n);
}

/** The largest |v[i + 1] - v[i]|. */
export function maxStep(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) best = Math.max(best, Math.abs(v[i]! - v[i - 1]!));
  return best;
}

/**
 * Direction reversals per second: sign changes of the frame-to-frame step, steps smaller than
 * `deadDeg` skipped (they carry no direction a viewer sees).
 */
export function reversalsPerSecond(v: ArrayLike<number>, fps: number, deadDeg = 0): number {
  let last = 0, count = 0;
  for (let i = 1; i < v.length; i++) {
    const d = v[i]! - v[i - 1]!;
    if (Math.abs(d) <= deadDeg) continue;
    const s = Math.sign(d);
    if (last !== 0 && s !== last) count++;
    last = s;
  }
  return v.length > 1 ? (count * fps) / (v.length - 1) : 0;
}
