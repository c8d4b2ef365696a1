// Calibration of the lip model's outputs onto the teacher in the training clips' speech frames:
// the older affine map (10th..90th percentiles) and the quantile / binned-mean map the model ships.
import { predictLips, type LipModel } from '../lipModel.ts';
import { TEACHER_FPS } from './teacher.ts';
import { LIP_TARGETS, percentile, type ClipData } from './lipData.ts';
import { CALIBRATION_KNOTS } from '../lipFileScale.ts';

/** Quantiles (percent) of the calibration map's knots: dense at the top, where the widest openings are */
export const CALIBRATION_QUANTILES = CALIBRATION_KNOTS;

/** The prediction (uncalibrated, smoothed) and the teacher in the training clips' speech frames, per target. */
function speechValues(model: LipModel, clips: ClipData[]): { pred: number[][]; real: number[][] } {
  const T = LIP_TARGETS.length;
  const pred: number[][] = LIP_TARGETS.map(() => []);
  const real: number[][] = LIP_TARGETS.map(() => []);
  const bare = { ...model, quantileMap: undefined, gain: model.targets.map(() => 1), offset: model.targets.map(() => 0) };
  for (const c of clips) {
    const curves = predictLips(bare, c.audio, TEACHER_FPS, c.n);
    for (let i = 0; i < c.n; i++) {
      if (!c.valid[i] || c.speech[i]! < 0.5) continue;
      for (let t = 0; t < T; t++) {
        pred[t]!.push(curves[t]![i]!);
        real[t]!.push((c.Ycal ?? c.Y)[i * T + t]!);
      }
    }
  }
  return { pred, real };
}

/** Per-target affine map of the prediction onto the teacher's 10th..90th percentiles in speech frames (gain clamped to minGain..maxGain). */
export function calibration(model: LipModel, clips: ClipData[], minGain: number, maxGain: number): { gain: number[]; offset: number[] } {
  const { pred, real } = speechValues(model, clips);
  const gain: number[] = [];
  const offset: number[] = [];
  for (let t = 0; t < LIP_TARGETS.length; t++) {
    const [p10, p90] = [percentile(pred[t]!, 10), percentile(pred[t]!, 90)];
    const [r10, r90] = [percentile(real[t]!, 10), percentile(real[t]!, 90)];
    const g = p90 - p10 > 1e-4 ? Math.max(minGain, Math.min(maxGain, (r90 - r10) / (p90 - p10))) : 1;
    gain.push(g);
    offset.push(r10 - g * p10);
  }
  return { gain, offset };
}

/**
 * The teacher's mean over the frames whose prediction lies in the bin around each knot (bins split
 * half-way between neighbouring knots): the expected teacher value at that predicted level.
 */
function binnedMeans(pred: number[], real: number[], knots: number[]): number[] {
  const sum = knots.map(() => 0);
  const count = knots.map(() => 0);
  for (let i = 0; i < pred.length; i++) {
    let k = 0;
    while (k + 1 < knots.length && pred[i]! > (knots[k]! + knots[k + 1]!) / 2) k++;
    sum[k]! += real[i]!;
    count[k]!++;
  }
  return knots.map((_, k) => (count[k] ? sum[k]! / count[k]! : NaN));
}

/**
 * Map of each target's prediction onto the teacher, in speech frames (knots made strictly
 * increasing, targets non-decreasing). Quantile map: the prediction's distribution becomes the
 * teacher's, the widest openings included. For a target the audio predicts weakly this stretches
 * the few frames the model is surest of to the teacher's extreme: the upper lip's top predictions
 * fall on the widest openings (upperUp 0.41 median in our frames with jawOpen in its top 1 %,
 * real speakers 0.11: their upper lip does not rise with the jaw), which the renderer shows as
 * gums over the teeth. `meanMapped` targets are mapped to the teacher's mean at each predicted
 * level instead (a binned regression): no more lift than real speakers show when the sound is the same.
 */
export function quantileCalibration(model: LipModel, clips: ClipData[], meanMapped: string[] = []): { from: number[]; to: number[] }[] {
  const { pred, real } = speechValues(model, clips);
  return LIP_TARGETS.map((name, t) => {
    const knots = CALIBRATION_QUANTILES.map((q) => percentile(pred[t]!, q));
    const means = meanMapped.includes(name) ? binnedMeans(pred[t]!, real[t]!, knots) : null;
    const from: number[] = [];
    const to: number[] = [];
    for (const [k, q] of CALIBRATION_QUANTILES.entries()) {
      const f = knots[k]!;
      if (from.length && f <= from[from.length - 1]! + 1e-6) continue;
      const target = means && Number.isFinite(means[k]) ? means[k]! : percentile(real[t]!, q);
      from.push(f);
      to.push(Math.max(to.length ? to[to.length - 1]! : -Infinity, target));
    }
    if (from.length < 2) return { from: [0, 1], to: [0, 0] };
    return { from, to };
  });
}
