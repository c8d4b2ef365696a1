// A phrase's quiet lead-in is a closure (s44 closure44, issue #13). The speech gate (lipFeatures.ts speechActivity)
// opens at -6.2 under the file's loud level, but the sound closures' own "near silence" (lipClosures.ts
// CLOSURE_QUIET_*) is anything under -3.5: the frames between are sound, yet near silence. At a phrase's start they are
// a voiced stop's voice bar or a /p/'s hold before its burst ("bin", "place"), a breath or a lip click; the real lips
// are still shut there (GRID s1, 32 sentences: 21 of 48 phrase onsets with the real gap <= .017 IOD over their first
// 5 frames, ours .08 median). The closure detector misses them: its left side is a pause, so it only takes a voiceless
// burst (valleyDepth's hiss test), and a /b/'s burst does not hiss (bwag6p "bin": no closure at all). So from each
// phrase onset, the frames up to its first frame louder than the quiet gate get a closure weight of their quietness:
// shut like any closure, and the first loud frame opens as the closure's release (lipRelease.ts eases it).
import { CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL, quietness } from './lipClosures.ts';
import { phraseOnsets } from './lipOnset.ts';

/** at most this many frames from a phrase onset are taken as its lead-in (0.4 s at 25 fps: a breath, a held stop) */
export const LEAD_IN_FRAMES = 10;

/**
 * Per frame 0..1 (the same scale as lipClosures.ts closureWeights): from each phrase onset (lipOnset.ts
 * phraseOnsets of `speech`) until the first frame whose `energy` (the frame's relative level, lipRounding.ts
 * frameEnergy) is at or over `quiet[0]`, at most `maxFrames` frames, each frame's quietness.
 */
export function leadInClosures(speech: ArrayLike<number>, energy: ArrayLike<number>, quiet: [number, number] = [CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL], maxFrames = LEAD_IN_FRAMES): Float64Array {
  const out = new Float64Array(speech.length);
  if (maxFrames <= 0) return out;
  for (const i of phraseOnsets(speech)) {
    for (let k = i; k < Math.min(speech.length, i + maxFrames); k++) {
      const q = quietness(energy[k]!, quiet[0], quiet[1]);
      if (q <= 0) break;
      out[k] = q;
    }
  }
  return out;
}

/** The larger of two weight curves per frame, in place in `w`. */
export function maxInto(w: Float64Array, v: ArrayLike<number>): Float64Array {
  for (let i = 0; i < w.length; i++) w[i] = Math.max(w[i]!, v[i] ?? 0);
  return w;
}
