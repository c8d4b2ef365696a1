// The evaluation harness: runs the engine on real videos and measures it against the real frames
// and against the trivial baseline (the photo repeated, frame after frame).
//
//   reenact  photo = frame N of the video; motion = motionFromVideo(video); compare each generated
//            frame with the real one in the photo's crop space (PSNR/SSIM whole and face region,
//            CSIM, AED, APD, NME).                                          modes/reenact.ts
//   audio    photo = frame N; motion = motionFromAudio(the video's own soundtrack), static pose;
//            correlate the generated mouth opening with the real one (Pearson r, best lag +-3).
//                                                                           modes/audio.ts
//   cross    another photo driven by the video: CSIM to the photo, AED/APD to the driver.
//                                                                           modes/cross.ts
//
// Streaming: frames are decoded, rendered and measured one at a time; only landmarks, scores and
// a few thumbnails are kept. The layout of src/eval is in README.md.
import type { EvalControl, EvalOptions, EvalResult } from './types.ts';
import type { EvalEngine } from './engine.ts';
import { evaluateReenact } from './modes/reenact.ts';
import { evaluateAudio } from './modes/audio.ts';
import { evaluateCross } from './modes/cross.ts';

export type { EvalMode, EvalOptions, EvalControl, EvalReport, EvalResult, MethodScores } from './types.ts';
export { DEFAULT_EVAL_OPTIONS } from './defaults.ts';
export { loadEngine, type EvalEngine } from './engine.ts';
export { soundtrackFor } from './soundtrack.ts';
export { toJson, writeReport } from './output.ts';
export { evaluateReenact, evaluateAudio, evaluateCross };

/** Runs one evaluation in the mode `o.mode`. */
export async function evaluate(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<EvalResult> {
  if (o.mode === 'reenact') return evaluateReenact(o, engine, control);
  if (o.mode === 'audio') return evaluateAudio(o, engine, control);
  return evaluateCross(o, engine, control);
}
