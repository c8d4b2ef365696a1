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

/**
 * How the head's motion is spread in time (s35): the angular speed (deg/s) of yaw and pitch together,
 * each first averaged over a centred `window` frames (the tracker's jitter on real reads), its median
 * and 90th percentile, and their ratio. A head that moves in strokes with holds has a ratio well above
 * a steady drift's (real speakers 2.0-4.2; noise-driven springs at a steady pace ~1.9).
 */
export function strokeSpeed(yaw: ArrayLike<number>, pitch: ArrayLike<number>, fps: number, window = 5): { median: number; p90: number; burst: number } {
  const y = centredMean(yaw, window), p = centredMean(pitch, window);
  const speed: number[] = [];
  for (let i = 1; i < y.length; i++) speed.push(Math.hypot(y[i]! - y[i - 1]!, p[i]! - p[i - 1]!) * fps);
  speed.sort((a, b) => a - b);
  const at = (q: number) => speed[Math.floor(q * (speed.length - 1))] ?? 0;
  const median = at(0.5), p90 = at(0.9);
  return { median, p90, burst: median > 0 ? p90 / median : 0 };
}

/** v averaged over a centred window (shrinking at the ends). */
function centredMean(v: ArrayLike<number>, window: number): number[] {
  const h = window >> 1, out: number[] = [];
  for (let i = 0; i < v.length; i++) {
    let s = 0, n = 0;
    for (let j = Math.max(0, i - h); j <= Math.min(v.length - 1, i + h); j++) { s += v[j]!; n++; }
    out.push(s / n);
  }
  return out;
}

/**
 * Back-and-forth motion (s36): in every `seconds` window of yaw and pitch (each a centred `smooth`-frame
 * mean first, for a tracker's jitter), the path the head travels minus how far it ends up (deg): 0 for
 * a move one way, large for an out-and-back. Its 95th percentile and largest over the windows. A head
 * that moves in aimed strokes (turn one way, hold) stays low; springs swinging through a stroke do not.
 */
export function backAndForth(yaw: ArrayLike<number>, pitch: ArrayLike<number>, fps: number, seconds = 0.4, smooth = 5): { p95: number; max: number } {
  const y = centredMean(yaw, smooth), p = centredMean(pitch, smooth);
  const w = Math.max(1, Math.round(seconds * fps)), extra: number[] = [];
  for (let a = 0; a + w < y.length; a++) {
    let path = 0;
    for (let i = a + 1; i <= a + w; i++) path += Math.hypot(y[i]! - y[i - 1]!, p[i]! - p[i - 1]!);
    extra.push(path - Math.hypot(y[a + w]! - y[a]!, p[a + w]! - p[a]!));
  }
  extra.sort((a, b) => a - b);
  return { p95: extra[Math.floor(0.95 * (extra.length - 1))] ?? 0, max: extra[extra.length - 1] ?? 0 };
}
