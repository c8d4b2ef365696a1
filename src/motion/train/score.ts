// Scores of a lip model on one clip: the jawOpen r against the video path (best lag within
// +-3 frames), the wider-lag r, the silence figure, and the previous rule-based jaw's r.
import { postprocessLips, predictLips, type LipModel } from '../lipModel.ts';
import { silentStretchMask } from '../lipGate.ts';
import { bestLagPearson } from '../filters.ts';
import { ruleBasedJaw } from '../mouthModel.ts';
import { TEACHER_FPS } from './teacher.ts';
import { JAW_SCALE, LIP_TARGETS, OPEN_GAP, type ClipData } from './lipData.ts';

export interface ClipScore {
  clip: string;
  speaker: string;
  frames: number;
  /** jawOpen r, best lag within +-3 frames, against the video path (the measure) */
  r: number;
  lag: number;
  /** best lag within +-10 frames (an audio/picture offset shows here; positive: the picture follows) */
  wideR: number;
  wideLag: number;
  /** the same with the previous rule-based jaw (jawFromF1) */
  rBefore?: number;
  /** silent frames (speech activity 0, 0.1 s from speech) with the lips apart: real, ours */
  silentOpenReal: number;
  silentOpenOurs: number;
  silentFrames: number;
  /** jawOpen in the clip's speech frames with a usable face: ours (mouthAmp 0.45), the teacher, the video path */
  speechJaw: { ours: number[]; teacher: number[]; video: number[] };
}

export function scoreClip(model: LipModel, c: ClipData, gate?: { speech: Float64Array; cap: number }): ClipScore {
  const curves = predictLips(model, c.audio, TEACHER_FPS, c.n);
  const mouth = postprocessLips(curves, gate?.speech ?? c.speech, TEACHER_FPS, 0.45, gate?.cap);
  const jaw = mouth[model.targets.indexOf('jawOpen')]!;
  const { r, lag } = bestLagPearson(jaw, c.videoJaw, 3);
  const wide = bestLagPearson(jaw, c.videoJaw, 10);
  const quiet = silentStretchMask(c.speech, Math.round(0.1 * TEACHER_FPS));
  const speechJaw: ClipScore['speechJaw'] = { ours: [], teacher: [], video: [] };
  const T = LIP_TARGETS.length;
  for (let i = 0; i < c.n; i++) {
    if (!c.valid[i] || c.speech[i]! < 0.5) continue;
    speechJaw.ours.push(jaw[i]!);
    speechJaw.teacher.push((c.Ycal ?? c.Y)[i * T]!);
    speechJaw.video.push(c.videoJaw[i]!);
  }
  let silent = 0;
  let openReal = 0;
  let openOurs = 0;
  for (let i = 0; i < c.n; i++) {
    if (!quiet[i] || !(c.gapOverRest[i]! === c.gapOverRest[i]!)) continue;
    silent++;
    if (c.gapOverRest[i]! > OPEN_GAP) openReal++;
    if (jaw[i]! * JAW_SCALE > OPEN_GAP) openOurs++;
  }
  return { clip: c.clip.name, speaker: c.clip.speaker, frames: c.n, r, lag, wideR: wide.r, wideLag: wide.lag, silentOpenReal: silent ? openReal / silent : NaN, silentOpenOurs: silent ? openOurs / silent : NaN, silentFrames: silent, speechJaw };
}

/** The previous rule-based jaw on the same clip (for the before/after figure). */
export async function scoreBefore(c: ClipData): Promise<number> {
  const jaw = await ruleBasedJaw(c.clip.audio, TEACHER_FPS, 0.45);
  return bestLagPearson(jaw.subarray(0, c.n), c.videoJaw, 3).r;
}
