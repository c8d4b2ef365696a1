// The audio mouth's post-processing, shared by the product (fromAudio.ts) and training evaluation
// (score.ts): a silence gate made from speech activity, mouthAmp scaling and clamping.
import { anticipatorySmooth } from './filters.ts';

/** mouthAmp at which the mouth opens as much as in the training videos */
export const LIP_REFERENCE_AMP = 0.45;
/** the lips may start moving this long before the sound (s), and stay this long after it */
export const LIP_LEAD = 0.08;
export const LIP_TRAIL = 0.04;
/**
 * most a curve may keep in silence. 0: shut. (0.03, lips ~3 px apart at 512 px, scored speaker-held-out
 * r 0.01 higher, but a silent file would then not give a closed mouth.)
 */
export const LIP_SILENCE_CAP = 0;
/**
 * frames farther than this (s, rounded to frames) from any speech (activity >= 0.5) are a silent stretch: shut there.
 * The soft gate alone left the lips apart in 4.3 % of such frames (breaths and room noise keep the
 * activity between 0 and 0.5); shutting them costs 0.007 of speaker-held-out jawOpen r
 * (lipseq/gates.py, lips9; 0.08 s cost 0.010, a steeper soft gate 0.023 for 2 %).
 */
export const LIP_SILENT_STRETCH = 0.1;

/**
 * pauses inside speech up to this long (s) do not shut the gate: the model's own curve decides there.
 * A stop's closure (80-150 ms of near silence) shuts the lips only for p/b/m, and a recording's
 * dropout (japanese.wav 1.48-1.60 s: digital silence mid-word) snapped every mouth control to 0 for
 * one frame between frames at jawOpen 0.13.
 */
export const LIP_BRIDGED_PAUSE = 0.16;

/** Speech activity with the pauses of at most `maxFrames` frames between speech (>= 0.5) filled at the lower side's level. */
export function bridgeShortPauses(speech: ArrayLike<number>, maxFrames: number): Float64Array {
  const out = Float64Array.from(speech);
  let last = -1; // the latest speech frame
  for (let i = 0; i < out.length; i++) {
    if (out[i]! < 0.5) continue;
    const gap = i - last - 1;
    if (last >= 0 && gap > 0 && gap <= maxFrames) {
      const level = Math.min(out[last]!, out[i]!);
      for (let j = last + 1; j < i; j++) out[j] = Math.max(out[j]!, level);
    }
    last = i;
  }
  return out;
}

/** 1 at frames more than `pad` frames from any frame with speech activity >= 0.5, else 0. */
export function silentStretchMask(speech: ArrayLike<number>, pad: number): Uint8Array {
  const n = speech.length;
  const m = new Uint8Array(n);
  // distance to the nearest speech frame, one pass each way
  let since = Infinity;
  const after = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    since = speech[i]! >= 0.5 ? 0 : since + 1;
    after[i] = since;
  }
  let until = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    until = speech[i]! >= 0.5 ? 0 : until + 1;
    m[i] = Math.min(after[i]!, until) > pad ? 1 : 0;
  }
  return m;
}

/**
 * Calibrated curves -> rig weights: a silence gate that shuts the mouth where there is no sound
 * (opening at most LIP_LEAD before it, shut in silent stretches, open through short pauses), mouthAmp
 * scaling and clamping to 0..1.
 */
export function postprocessLips(curves: Float64Array[], activity: ArrayLike<number>, fps: number, mouthAmp: number, silenceCap = LIP_SILENCE_CAP): Float64Array[] {
  const speech = bridgeShortPauses(activity, Math.round(LIP_BRIDGED_PAUSE * fps));
  const gate = anticipatorySmooth(speech, Math.max(0, Math.round(LIP_TRAIL * fps)), Math.max(1, Math.round(LIP_LEAD * fps)));
  const silent = silentStretchMask(speech, Math.round(LIP_SILENT_STRETCH * fps));
  const gain = mouthAmp / LIP_REFERENCE_AMP;
  return curves.map((c) => {
    const n = c.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // in silence the model's value is kept up to a barely-parted cap; with sound, all of it
      const cap = silent[i] ? silenceCap : silenceCap + (1 - silenceCap) * gate[i]!;
      out[i] = Math.max(0, Math.min(1, Math.min(c[i]!, cap) * gain));
    }
    return out;
  });
}

/**
 * The gate's edge frames (no speech, within `reach` frames of speech) only move toward the pause: going away from
 * the sound, each is at most the frame next to it on the sound's side. The gate caps these frames at its own ramp
 * (0.4 / 0.13 of the jaw's range 1-2 frames before a sound, 0.2 the frame after), not at the sound's opening, so
 * the network's output in silence (jaw .1-.3 where it hears nothing) came through: lips apart on teeth the frame
 * before a "p" the sound shuts (open-shut-open: Obama clip1 f0-f2, GRID "place"/"bin" onsets) or wider after the
 * last word than on it (eng.wav 20.32 s). `sides`: 1 the lead (before a sound), 2 the trail, 3 both.
 */
export function edgesTowardPause(c: ArrayLike<number>, speech: ArrayLike<number>, reach: number, sides = 3): Float64Array {
  const n = c.length, out = Float64Array.from(c);
  const isSpeech = (i: number) => speech[i]! >= 0.5;
  // trail: left to right from a speech frame, lead: right to left
  for (let i = 1, d = Infinity; i < n; i++) {
    d = isSpeech(i - 1) ? 1 : d + 1;
    if (sides & 2 && !isSpeech(i) && d <= reach) out[i] = Math.min(out[i]!, out[i - 1]!);
  }
  const lead = Float64Array.from(c);
  for (let i = n - 2, d = Infinity; i >= 0; i--) {
    d = isSpeech(i + 1) ? 1 : d + 1;
    if (sides & 1 && !isSpeech(i) && d <= reach) lead[i] = Math.min(lead[i]!, lead[i + 1]!);
  }
  for (let i = 0; i < n; i++) out[i] = Math.min(out[i]!, lead[i]!);
  return out;
}
