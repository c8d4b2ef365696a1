// Closure releases that rise over a few frames (release36, issue #13, critic35 #4). The closures from the
// sound (lipClosures.ts) shut a /p b m/ frame and leave the next frame at the vowel's full opening, so the
// jaw jumped shut -> open in one frame (mt_man + mt_sun.wav: +.33 jawOpen, 1.1-1.2x the clip's p95), which
// reads as a pop. Real lips part over 2-3 frames at 25 fps (bench/lipRelease.ts: the largest one-frame rise
// after a real closure is a fraction of the speaker's p95 gap). Here the frames after each closure rise by
// at most RELEASE_RISE x the file's p95 jaw in speech per frame (both before the peak shaping, lipShapes.ts
// audioJaw); the closure frames themselves are untouched.

/** a closure frame: its weight (lipClosures.ts closureWeights) at least this */
export const RELEASE_SHUT_WEIGHT = 0.5;
/** how many frames after a closure the rise is limited (the opening is reached by then or the limit lets go) */
export const RELEASE_FRAMES = 3;
/**
 * The largest rise per frame after a closure, as a share of the file's p95 jawOpen in speech. Real closure
 * releases read from talking videos at 25 fps (bench/lipRelease.ts, docs/lipsync/README.md release36): the
 * largest one-frame rise in the 3 frames after a closure, p90 over releases, is .41-.81 of the speaker's p95
 * gap (lp_d11 .41, Katie .50, lp_d6 .64, GRID .69, lp_d10 .81); 0: off (the release rises in one frame).
 */
export const RELEASE_RISE = 0.5;

/** The first frame after each run of closure frames (weight >= RELEASE_SHUT_WEIGHT). */
export function releaseStarts(weights: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 1; i < weights.length; i++) if (weights[i - 1]! >= RELEASE_SHUT_WEIGHT && weights[i]! < RELEASE_SHUT_WEIGHT) out.push(i);
  return out;
}

/** The p-th quantile (0..1) of `c` over frames with speech activity >= 0.5 (0 without any). */
export function speechQuantile(c: ArrayLike<number>, speech: ArrayLike<number>, p: number): number {
  const v: number[] = [];
  for (let i = 0; i < c.length; i++) if (speech[i]! >= 0.5) v.push(c[i]!);
  if (!v.length) return 0;
  v.sort((a, b) => a - b);
  return v[Math.round(p * (v.length - 1))]!;
}

/**
 * Limits the jaw's rise per frame to `maxRise` over the `span` frames after each closure (stopping at the
 * next closure frame); the other opening controls (mouthLowerDown, mouthUpperUp) are scaled with the jaw so
 * the mouth's shape is kept. Only lowers values after a closure, never a closure frame. In place.
 */
export function easeReleases(jaw: Float64Array, others: Float64Array[], weights: ArrayLike<number>, maxRise: number, span = RELEASE_FRAMES): void {
  if (!(maxRise > 0)) return;
  for (const r of releaseStarts(weights)) {
    for (let i = r; i < r + span && i < jaw.length && weights[i]! < RELEASE_SHUT_WEIGHT; i++) capRiseAt(jaw, others, i, maxRise);
  }
}

/** Frame i's jaw lowered to at most frame i - 1's + maxRise, the other opening controls scaled with it (the mouth's shape kept). */
export function capRiseAt(jaw: Float64Array, others: Float64Array[], i: number, maxRise: number): void {
  const cap = jaw[i - 1]! + maxRise;
  if (jaw[i]! <= cap) return;
  const keep = cap / jaw[i]!;
  jaw[i] = cap;
  for (const c of others) if (i < c.length) c[i] = c[i]! * keep;
}
