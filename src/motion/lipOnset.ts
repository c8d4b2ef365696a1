// A phrase's first opening out of a pause spread over frames (onset37, issue #13). The audio mouth rests shut
// (lipRest.ts) until the silence gate lets the first voiced frame through at the vowel's full opening, so the jaw
// jumped rest -> open in one frame (mt_man + mt_sun.wav f288: +.76 x the file's p95; RD_Radio31 f1: 1.09). Real lips
// open over the onset frame and the next two (bench/lipRelease.ts --onsets on GRID s1 and Katie: the largest
// one-frame rise there is .31 x p95 at the median, .54 at p90; docs/lipsync/README.md onset37). Here, from each onset
// to its fourth frame, the jaw rises by at most ONSET_RISE x the file's p95 jaw in speech a frame. A lead-in (the
// `lead` frames before the onset ramped toward the phrase's opening) is built but off: GRID's real lips barely move
// before the speech gate opens (+.04 p95) and it opened frames where real lips were still shut. An onset just after,
// or whose first frames hold, a closure (a phrase starting on /b p m/) is left to the closure's release (lipRelease.ts).

import { capRiseAt, RELEASE_SHUT_WEIGHT } from './lipRelease.ts';

/** frames without speech (activity < 0.5) before a speech frame that make it a phrase's onset (0.2 s at 25 fps) */
export const ONSET_PAUSE_FRAMES = 5;
/**
 * frames before the onset the lips start to part (the lead-in; 0: none). Off: on 32 GRID s1 sentences the real gap
 * rises .04 x p95 the frame before the speech gate opens, and a 1-frame lead-in lost 2 of 125 real closures hit
 * (phrases whose lips are still shut on the first speech frame: bench/lipTiming.ts onsetlead1). At most 2: the
 * 80 ms the silence tests allow (test/motion.test.ts).
 */
export const ONSET_LEAD = 0;
/**
 * the largest rise per frame over the lead and the onset's first 4 frames, as a share of the file's p95 jaw in
 * speech: inside real onsets' largest one-frame rise there (GRID s1 p50 .31, p90 .54; Katie .21) and release36's
 * RELEASE_RISE; 0: off (the product before onset37)
 */
export const ONSET_RISE = 0.5;
/** frames from the onset (itself included) whose opening the lead-in ramps toward, and the capped rise covers */
export const ONSET_SPAN = 4;
/**
 * speech frames in a row from the onset for a lead-in: shorter runs are mostly a click or breath after a
 * sentence (GRID s1's last frames), where real lips stay shut and a lead-in opened them (bench/lipTiming.ts
 * closures hit 125 -> 118 of 179 without this); their rise is still capped
 */
export const ONSET_PHRASE_FRAMES = 6;

/** Speech frames (>= 0.5) in a row from frame i. */
function speechRun(speech: ArrayLike<number>, i: number): number {
  let k = i;
  while (k < speech.length && speech[k]! >= 0.5) k++;
  return k - i;
}

/** Onset frames: speech (>= 0.5) after at least `pause` frames without, or after a silent start of the file. */
export function phraseOnsets(speech: ArrayLike<number>, pause = ONSET_PAUSE_FRAMES): number[] {
  const out: number[] = [];
  let quiet = 0;
  for (let i = 0; i < speech.length; i++) {
    if (speech[i]! < 0.5) {
      quiet++;
      continue;
    }
    if (quiet >= pause || (quiet > 0 && quiet === i)) out.push(i);
    quiet = 0;
  }
  return out;
}

/**
 * Leads each phrase onset in and caps its rise, in place. `jaw` the jawOpen curve, `others` the other opening
 * controls (scaled with the jaw, so the mouth's shape is kept), `speech` the gate's activity, `shut` the
 * closure weights (or null), `maxRise` the largest rise per frame (jawOpen units; 0: off), `lead` frames.
 * The lead-in frames only ever go up (to a straight ramp from the frame before them toward the onset's opening,
 * the mean of its first ONSET_SPAN frames, which it would reach a frame after the onset); then from the first lead frame to the onset's last span frame each
 * frame goes down to at most the frame before it + maxRise.
 */
export function easeOnsets(jaw: Float64Array, others: Float64Array[], speech: ArrayLike<number>, shut: ArrayLike<number> | null, maxRise: number, lead = ONSET_LEAD): void {
  if (!(maxRise > 0)) return;
  for (const i of phraseOnsets(speech)) {
    const end = Math.min(jaw.length, i + ONSET_SPAN), from = Math.max(0, i - (speechRun(speech, i) >= ONSET_PHRASE_FRAMES ? lead : 0));
    if (shut) {
      // a closure just before, in the lead or in the first frames: the phrase starts on /b p m/, its opening is the
      // closure's release (lipRelease.ts easeReleases)
      let closes = false;
      for (let k = Math.max(0, from - 1); k < end; k++) if (shut[k]! >= RELEASE_SHUT_WEIGHT) closes = true;
      if (closes) continue;
    }
    let open = 0;
    for (let k = i; k < end; k++) open += jaw[k]!;
    open /= Math.max(1, end - i);
    const rest = from > 0 ? jaw[from - 1]! : 0;
    // the other controls at the onset's frames per unit jaw: the lead-in opens in the onset's shape
    const shape = others.map((c) => {
      let s = 0;
      for (let k = i; k < end; k++) s += c[k]!;
      return open > 0 ? s / (end - i) / open : 0;
    });
    // a straight ramp from the rest that would reach the opening a frame after the onset: the lips part a little
    // before the sound and most of the way with it (real GRID onsets: .18 of p95 the frame before, .52 at the onset)
    const steps = i - from + 2;
    for (let k = from; k < i; k++) {
      const ramp = rest + ((open - rest) * (k - from + 1)) / steps;
      if (ramp <= jaw[k]!) continue;
      jaw[k] = ramp;
      others.forEach((c, o) => (c[k] = Math.max(c[k]!, shape[o]! * ramp)));
    }
    for (let k = Math.max(1, from); k < end; k++) capRiseAt(jaw, others, k, maxRise);
  }
}
