// Per-frame series -> the report's numbers: values appended frame by frame, then summarised per
// method (mean, median, worst, with "worst" depending on which way the metric is better).
import { summarize } from './metrics/summary.ts';
import type { EvalReport, MethodScores, MethodSeries } from './types.ts';

/** A finite number, else null (a metric that could not be measured on this frame). */
export const num = (v: number | undefined | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function push(series: MethodSeries, key: string, value: number | null): void {
  (series[key] ??= []).push(value);
}

/** The metrics where higher is better (the others: lower is better, or no direction). */
const HIGHER_IS_BETTER = new Set(['lipGapR', 'psnr', 'psnrFace', 'ssim', 'ssimFace', 'psnrMouth', 'ssimMouth', 'psnrMouthOpen', 'ssimMouthOpen', 'csim', 'faceFound', 'lipR', 'lipR0', 'lipRWide']);

function summarizeAll(series: MethodSeries): MethodScores {
  const out: MethodScores = {};
  for (const [k, v] of Object.entries(series)) out[k] = summarize(v, HIGHER_IS_BETTER.has(k));
  return out;
}

/** The scored part of a report: each method's summaries, and the per-frame series they come from. */
export function scored(series: Record<string, MethodSeries>): Pick<EvalReport, 'methods' | 'perFrame'> {
  return { methods: Object.fromEntries(Object.entries(series).map(([m, s]) => [m, summarizeAll(s)])), perFrame: series };
}
