// A phrase's quiet lead-in is a closure (s44 closure44, issue #13). The speech gate (lipFeatures.ts speechActivity)
// opens at -6.2 under the file's loud level, but the sound closures' own "near silence" (lipClosures.ts
// CLOSURE_QUIET_*) is anything under -3.5: the frames between are sound, yet near silence. At a phrase's start they are
// a voiced stop's voice bar or a /p/'s hold before its burst ("bin", "place"), a breath or a lip click; the real lips
// are still shut there (GRID s1, 32 sentences: 21 of 48 phrase onsets with the real gap <= .017 IOD over their first
// 5 frames, ours .08 median). The closure detector misses them: its left side is a pause, so it only takes a voiceless
// burst (valleyDepth's hiss test), and a /b/'s burst does not hiss (bwag6p "bin": no closure at all). So from each
// phrase onset, the frames up to its first frame louder than the quiet gate get a closure weight of their quietness:
// shut like any closure, and the first loud frame opens as the closure's release (lipRelease.ts eases it). A hissing
// frame (a breath through parted lips, an /h/ or /s/: videoretalking_4/5, tilt +2..+4) ends the lead-in, as a hiss
// is no closure in the closure detector (lipClosures.ts HISS_FROM).
import { FEATURE_RATE } from './features.ts';
import { CLOSURE_FLOOR_HALF, CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL, HISS_FROM, OPENING_CONTROLS, quietness } from './lipClosures.ts';
import { frameTilt, LIP_FRAME_DIM, type LipAudio } from './lipFeatures.ts';
import { phraseOnsets } from './lipOnset.ts';
import { AUDIO_REST_GAP } from './lipRest.ts';

/** at most this many frames from a phrase onset are taken as its lead-in (0.4 s at 25 fps: a breath, a held stop) */
export const LEAD_IN_FRAMES = 10;

/**
 * Per frame 0..1 (the same scale as lipClosures.ts closureWeights): from each phrase onset (lipOnset.ts
 * phraseOnsets of `speech`) until the first frame whose `energy` (the frame's relative level, lipRounding.ts
 * frameEnergy) is at or over `quiet[0]`, at most `maxFrames` frames, each frame's quietness; a frame whose `hiss` (frameHiss) is at least HISS_FROM ends it.
 */
export function leadInClosures(speech: ArrayLike<number>, energy: ArrayLike<number>, hiss: ArrayLike<number> | null, quiet: [number, number] = [CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL], maxFrames = LEAD_IN_FRAMES): Float64Array {
  const out = new Float64Array(speech.length);
  if (maxFrames <= 0) return out;
  for (const i of phraseOnsets(speech)) {
    for (let k = i; k < Math.min(speech.length, i + maxFrames); k++) {
      const q = quietness(energy[k]!, quiet[0], quiet[1]);
      if (q <= 0) break;
      // a hissing frame is sound through parted lips: the lead-in is over
      if (hiss && hiss[k]! >= HISS_FROM) break;
      out[k] = q;
    }
  }
  return out;
}

/**
 * In place on the post-processed mouth curves: at lead-in weight w the opening controls keep 1 - w (as lipClosures.ts
 * shutClosures, without its press: a breath's lips are not pressed, and the photo's rest shows through, leadInRest).
 */
export function shutLeadIns(curves: Float64Array[], targets: readonly string[], lead: ArrayLike<number>): void {
  for (const k of OPENING_CONTROLS) {
    const c = curves[targets.indexOf(k)];
    if (c) for (let i = 0; i < c.length && i < lead.length; i++) c[i] = c[i]! * (1 - lead[i]!);
  }
}

/**
 * In place on the motion's rest gaps (lipRest.ts pauseRestGaps): a fully quiet lead-in frame rests at least at the pause's gap,
 * less the sound's own closure there (`closure`: a stop's hold shuts even a parted photo). The jaw is shut on the
 * lead-in, so the renderer shows the photo's own rest there (capped at the photo's gap): a speaker whose lips sit apart
 * before a breath (Katie f128-131, real .138) keeps the pause's parted mouth instead of closing, a shut photo stays shut.
 */
export function leadInRest(gaps: Float64Array, lead: ArrayLike<number>, closure: ArrayLike<number>, rest = AUDIO_REST_GAP): void {
  // only a fully quiet frame (its jaw shut): a partly kept jaw plus the rest could open past lipRest.ts EDGE_GAP_CAP
  for (let i = 0; i < gaps.length; i++) if (lead[i]! >= 1) gaps[i] = Math.max(gaps[i]!, rest * (1 - Math.min(1, closure[i] ?? 0)));
}

/** The larger of two weight curves per frame, in place in `w`. */
export function maxInto(w: Float64Array, v: ArrayLike<number>): Float64Array {
  for (let i = 0; i < w.length; i++) w[i] = Math.max(w[i]!, v[i] ?? 0);
  return w;
}

/** Per output frame, the spectral tilt (lipFeatures.ts frameTilt) averaged over the 40 ms the closures read (lipClosures.ts closureWeights). */
export function frameHiss(audio: LipAudio, fps: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / fps;
    const j0 = Math.ceil((t - CLOSURE_FLOOR_HALF - 0.0125) * FEATURE_RATE - 1e-9), j1 = Math.ceil((t + CLOSURE_FLOOR_HALF - 0.0125) * FEATURE_RATE - 1e-9);
    for (let j = j0; j < j1; j++) if (j >= 0 && j < audio.n100) out[i] += frameTilt(audio.frames, j * LIP_FRAME_DIM) / (j1 - j0);
  }
  return out;
}
