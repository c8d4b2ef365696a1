// The shapes the evaluation passes around: what to evaluate (EvalOptions) and what comes out
// (EvalReport: per method, per metric, a summary over frames and the per-frame series).
import type { Summary } from './metrics/summary.ts';

export type EvalMode = 'reenact' | 'audio' | 'cross';

export interface EvalOptions {
  video: string;
  mode: EvalMode;
  /** cross: the photo driven by the video */
  image?: string;
  /** audio: the speech (default: the video's own soundtrack) */
  audio?: string;
  /** reenact/audio: which frame of the video is the photo (default 0) */
  frame: number;
  /** evaluate at most this many seconds of the video */
  maxSeconds?: number;
  /** evaluation frame rate (the motion's too) */
  fps: number;
  /** detection-based metrics every Nth frame (reenact, cross); audio detects every frame */
  detectEvery: number;
  /** contact sheet columns */
  sheetColumns: number;
  /** contact sheet thumbnail side, px */
  thumb: number;
}

export interface EvalControl {
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/** One metric's value per frame (null where it could not be measured, e.g. no face found). */
export type Series = (number | null)[];

/** One method's per-frame series: metric name -> values. */
export type MethodSeries = Record<string, Series>;

/** One method's scores: metric name -> summary over frames. */
export type MethodScores = Record<string, Summary>;

export interface EvalReport {
  video: string;
  mode: EvalMode;
  image?: string;
  audio?: string;
  date: string;
  /** frames evaluated (the source frame excluded in reenact/audio) and seconds covered */
  frames: number;
  seconds: number;
  fps: number;
  detectEvery: number;
  /** why the engine rows are missing, if they are */
  engineUnavailable?: string;
  notes: string[];
  /** method ("engine", "baseline", ...) -> metric -> summary */
  methods: Record<string, MethodScores>;
  /** per-frame series for plots and checks, by method then metric */
  perFrame: Record<string, MethodSeries>;
  /**
   * The avatar re-rendered at rest (the photo's own pose and expression) against the photo: the
   * ceiling of the image metrics, whatever the motion does. Absent without the engine.
   */
  reconstruction?: { psnr: number; ssim: number; psnrFace: number; ssimFace: number };
  /** ms spent */
  timings: Record<string, number>;
}

/** What every mode returns: the report, its contact sheet, and (reenact) the mouth close-ups. */
export interface EvalResult {
  report: EvalReport;
  sheet: Buffer;
  mouthSheet?: Buffer;
}
