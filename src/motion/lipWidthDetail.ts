// The mouth's width at the pace of syllables (issue #13: "the width barely moves"). The lip model's
// curves are all smoothed by a Gaussian of sigma 1.5 frames (lipModel.ts smoothLipCurves), which keeps
// ~17 % of a 5 Hz swing; the jaw keeps its dips (deepenDips), the width channels kept nothing. Against
// face tracks of 7 natural-speech clips (bench/widthStages.ts), split into a fast part (the width less
// its 0.5 s running mean) and a slow one, ours had the slow part (sd 0.034-0.068 of the speech median
// width, real 0.014-0.084) but not the fast one (0.025-0.039, real 0.024-0.066): the rig and the
// renderer pass the width on (read back: slope 0.92, r 0.86 against the rig's own width change on
// Obama), so the syllables' spread and rounding were lost in this smoothing. The width channels are
// smoothed lightly instead.
import { gaussianSmooth } from './filters.ts';
import { smoothLipCurves, type LipModel } from './lipModel.ts';

/** the lip model's targets that set the mouth's width: stretch widens, pucker and funnel narrow */
export const WIDTH_CHANNELS = ['mouthStretchLeft', 'mouthStretchRight', 'mouthPucker', 'mouthFunnel'] as const;

/** Gaussian sigma (25 fps frames) of the width channels (the model's own smoothing for the others) */
export const WIDTH_SMOOTH_SIGMA = 0.75;

/** smoothLipCurves with the width channels smoothed by `sigma` (25 fps frames) instead of the model's sigma. */
export function smoothAudioLips(model: LipModel, raw: Float64Array[], fps: number, sigma = WIDTH_SMOOTH_SIGMA): Float64Array[] {
  const light = model.targets.map((k, t) => ((WIDTH_CHANNELS as readonly string[]).includes(k) ? gaussianSmooth(raw[t]!, (sigma * fps) / 25) : null));
  return smoothLipCurves(model, raw, fps).map((c, t) => light[t] ?? c);
}
