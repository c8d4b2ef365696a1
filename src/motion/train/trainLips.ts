// `npm run train:mouth`: rebuilds src/motion/models/lips.json from ../shared/data/train.
//
//   1. teacher: the face tracker reads every training frame once (teacher.ts, cached in
//      /work/cache/lipsync or $REAL3D_LIPSYNC_CACHE; a cold run tracks ~25k frames);
//   2. targets: the rig's mouth weights as the video path reads them (motionFramesFromRaw), relative
//      to each clip's own closed-mouth rest face, frames without a usable frontal-enough face dropped;
//   3. inputs: the pooled, per-file normalised log-mel context of each frame (lipFeatures.ts);
//   4. speaker-held-out check: K folds over the non-GRID speakers (GRID always trains), each fold's
//      speakers scored by a model that never heard them; Katie and mt_sun are never trained on;
//   5. the shipped model: trained on all training speakers with the same settings and seed.
//
//   node --import tsx src/motion/train/trainLips.ts [--folds 3] [--no-write] [--grid 160] [--seed 1]
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { motionFramesFromRaw, type RawFaceFrame, type RestFace } from '../fromVideo.ts';
import type { FaceMeasures } from '../measures.ts';
import { contextVector, LIP_FRAME_DIM, lipAudio, speechActivity, type LipAudio } from '../lipFeatures.ts';
import { LIP_MODEL_FILE, postprocessLips, predictLips, serialiseLipModel, type LipModel } from '../lipModel.ts';
import { bestLagPearson } from '../filters.ts';
import { ruleBasedJaw } from '../mouthModel.ts';
import { DEFAULT_CACHE, DEFAULT_GRID, extractAll, HELDOUT_CLIPS, readCachedFaces, TEACHER_FPS, trainingClips, type CachedFace, type TrainClip } from './teacher.ts';
import { rng, trainMlp, type TrainOptions, type TrainSet } from './mlp.ts';

export const LIP_TARGETS = ['jawOpen', 'mouthFunnel', 'mouthPucker', 'mouthStretchLeft', 'mouthStretchRight', 'mouthPress', 'mouthUpperUp', 'mouthLowerDown'];
/** offline context: 13 pooled 40 ms windows, -240..+240 ms */
export const OFFLINE_OFFSETS = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6];
/** causal variant: windows centred at -480..0 ms (the one at 0 reaches +20 ms, its 100 Hz frames +32 ms: within a 40 ms look-ahead) */
export const CAUSAL_OFFSETS = [-12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0];
/** heads turned further than this (deg) read the lips badly: those frames are not trained on */
const MAX_YAW = 35;
const MAX_PITCH = 25;
/** lips apart by more than this (eye-corner distances over rest) count as open in the silence figure (~3 px when the eye corners span 150 px of a 512 px portrait) */
export const OPEN_GAP = 0.02;
/** fewer silent frames than this (1 s): the lip lengths' rest is the median over the whole clip */
const MIN_SILENT_FRAMES = 25;
/** the video path's scale: a lip gap of 0.6 eye-corner distances is jawOpen 1 */
const JAW_SCALE = 0.6;

export interface ClipData {
  clip: TrainClip;
  n: number;
  /** n x dim raw (unstandardised) context vectors */
  X: Float32Array;
  /** n x T targets (relative to the clip's closed-mouth rest) */
  Y: Float32Array;
  valid: Uint8Array;
  /** the issue's measure: jawOpen of the video path as `motion --video` computes it */
  videoJaw: Float64Array;
  /** lip gap over the clip's rest, eye-corner distances (NaN where no face) */
  gapOverRest: Float64Array;
  speech: Float64Array;
  audio: LipAudio;
  /** targets the calibration maps onto (the raw teacher; Y itself may be per-clip standardised) */
  Ycal?: Float32Array;
  /** loss weight of the whole clip (1 unless the teacher is doubtful) */
  weight?: number;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.round((p / 100) * (s.length - 1))))]! : 0;
}

/**
 * The clip's rest face from its closed-mouth frames: lip gap at its 5th percentile, the two-sided
 * measures (width, corners, lip thickness) as medians over the frames whose gap is in the lowest
 * fifth, the lip lengths (upperUp/lowerDown) as medians over the silent frames (`silent`).
 * More robust than the video path's first 0.2 s when a clip starts mid-word.
 */
export function closedMouthRest(ms: FaceMeasures[], silent?: boolean[]): RestFace {
  const gaps = ms.map((m) => m.lipGap);
  const closedGap = percentile(gaps, 20);
  const closed = ms.filter((m) => m.lipGap <= closedGap);
  const med = (k: keyof FaceMeasures) => percentile(closed.map((m) => m[k] as number), 50);
  const all = (k: keyof FaceMeasures, p: number) => percentile(ms.map((m) => m[k] as number), p);
  // The lips' lengths (upperUp/lowerDown) are not taken from the closed frames: those are mostly
  // pressed lips (p/b/m), where the upper lip is stretched long, so a speaker's relaxed face read as
  // "upper lip up" all along (teacher upperUp medians in silence up to 0.9, above the speech ones).
  // Their rest is the relaxed face: the median over the clip's silent frames (all frames when it
  // has under a second of silence), so the target is the speaker's lift, not a resting offset.
  const quiet = silent ? ms.filter((_, i) => silent[i]) : [];
  const relaxed = (k: keyof FaceMeasures) => percentile((quiet.length >= MIN_SILENT_FRAMES ? quiet : ms).map((m) => m[k] as number), 50);
  return {
    lipGap: percentile(gaps, 5),
    mouthWidth: med('mouthWidth'),
    lipThickness: med('lipThickness'),
    upperLip: relaxed('upperLip'),
    lowerLip: relaxed('lowerLip'),
    cornerLiftLeft: med('cornerLiftLeft'),
    cornerLiftRight: med('cornerLiftRight'),
    eyeLeft: all('eyeLeft', 80),
    eyeRight: all('eyeRight', 80),
    browLeft: all('browLeft', 50),
    browRight: all('browRight', 50),
    browInnerLeft: all('browInnerLeft', 50),
    browInnerRight: all('browInnerRight', 50),
  };
}

export async function loadClipData(clip: TrainClip, faces: (CachedFace | null)[], offsets: number[], streaming = false): Promise<ClipData> {
  const raw = faces as unknown as (RawFaceFrame | null)[];
  const audio = await lipAudio(clip.audio, undefined, streaming);
  const audioFrames = Math.round((audio.samples / 16000) * TEACHER_FPS);
  const n = Math.min(faces.length, audioFrames);
  const speech = speechActivity(audio, TEACHER_FPS, n);
  const usable = faces.map((f, i) => ({ f, i })).filter((u): u is { f: CachedFace; i: number } => !!u.f && u.f.score >= 0.5);
  const rest = closedMouthRest(usable.map((u) => u.f.m), usable.map((u) => u.i < n && speech[u.i]! < 0.5));
  const teacher = motionFramesFromRaw(raw, TEACHER_FPS, true, { rest, expressions: 'measures' }).frames;
  const video = motionFramesFromRaw(raw, TEACHER_FPS, true, { expressions: 'measures' }).frames;
  const dim = offsets.length * LIP_FRAME_DIM;
  const T = LIP_TARGETS.length;
  const X = new Float32Array(n * dim);
  const Y = new Float32Array(n * T);
  const valid = new Uint8Array(n);
  const videoJaw = new Float64Array(n);
  const gapOverRest = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    contextVector(audio, i / TEACHER_FPS, offsets, X.subarray(i * dim, (i + 1) * dim));
    for (let t = 0; t < T; t++) Y[i * T + t] = teacher[i]!.w[LIP_TARGETS[t]!] ?? 0;
    videoJaw[i] = video[i]!.w.jawOpen ?? 0;
    const f = faces[i];
    if (f) gapOverRest[i] = f.m.lipGap - rest.lipGap;
    valid[i] = f && f.score >= 0.5 && Math.abs(f.angles.yaw) <= MAX_YAW && Math.abs(f.angles.pitch) <= MAX_PITCH ? 1 : 0;
  }
  return { clip, n, X, Y, valid, videoJaw, gapOverRest, speech, audio };
}

function buildSet(clips: ClipData[], dim: number, mean: Float32Array, std: Float32Array): TrainSet {
  const rows = clips.reduce((s, c) => s + c.n, 0);
  const T = LIP_TARGETS.length;
  const X = new Float32Array(rows * dim);
  const Y = new Float32Array(rows * T);
  const rowWeight = new Float32Array(rows);
  // each speaker counts about equally: GRID's one speaker is several minutes
  const perSpeaker = new Map<string, number>();
  for (const c of clips) perSpeaker.set(c.clip.speaker, (perSpeaker.get(c.clip.speaker) ?? 0) + c.n);
  let r = 0;
  for (const c of clips) {
    const w = Math.min(1, 1500 / perSpeaker.get(c.clip.speaker)!) ** 0.5 * (c.weight ?? 1);
    for (let i = 0; i < c.n; i++, r++) {
      for (let d = 0; d < dim; d++) X[r * dim + d] = (c.X[i * dim + d]! - mean[d]!) / std[d]!;
      Y.set(c.Y.subarray(i * T, (i + 1) * T), r * T);
      rowWeight[r] = c.valid[i] ? w : 0;
    }
  }
  return { X, Y, rowWeight, rows, dim, T };
}

function standardisation(clips: ClipData[], dim: number): { mean: Float32Array; std: Float32Array } {
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  let n = 0;
  for (const c of clips)
    for (let i = 0; i < c.n; i++) {
      n++;
      for (let d = 0; d < dim; d++) {
        const v = c.X[i * dim + d]!;
        mean[d]! += v;
        sq[d]! += v * v;
      }
    }
  const m = new Float32Array(dim);
  const s = new Float32Array(dim);
  for (let d = 0; d < dim; d++) {
    m[d] = mean[d]! / n;
    s[d] = Math.sqrt(Math.max(1e-6, sq[d]! / n - m[d]! * m[d]!));
  }
  return { mean: m, std: s };
}

/** How the network's targets and outputs are treated (chosen on the speaker folds). */
export interface LipRecipe {
  /** train on per-clip standardised targets (r is scale-invariant per speaker: a big-mouthed speaker no longer outweighs a small one) */
  standardise: boolean;
  /** Gaussian smoothing of the raw curves, sigma in 25 fps frames (LipModel.smooth) */
  smooth: number;
  /** quantile map onto the teacher (else the affine 10th..90th percentile map) */
  quantiles: boolean;
  /** targets whose map goes to the teacher's mean at each predicted level instead of its quantiles (see quantileCalibration) */
  meanMapped?: string[];
}
export const DEFAULT_RECIPE: LipRecipe = { standardise: true, smooth: 1.5, quantiles: true, meanMapped: ['mouthUpperUp'] };

/** Quantiles (percent) of the calibration map's knots: dense at the top, where the widest openings are */
export const CALIBRATION_QUANTILES = [0.5, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99.5];

/** Per-clip standardised targets (mean 0, std 1 over the clip's usable frames); Ycal keeps the teacher's own scale. */
export function standardiseTargets(c: ClipData): ClipData {
  const T = LIP_TARGETS.length;
  const Y = new Float32Array(c.Y);
  for (let t = 0; t < T; t++) {
    let s = 0;
    let s2 = 0;
    let k = 0;
    for (let i = 0; i < c.n; i++) if (c.valid[i]) (s += Y[i * T + t]!, s2 += Y[i * T + t]! ** 2, k++);
    if (k < 10) continue;
    const m = s / k;
    const sd = Math.sqrt(Math.max(1e-8, s2 / k - m * m));
    for (let i = 0; i < c.n; i++) Y[i * T + t] = (Y[i * T + t]! - m) / sd;
  }
  return { ...c, Y, Ycal: c.Ycal ?? c.Y };
}

export function trainModel(clips: ClipData[], offsets: number[], o: TrainOptions, meta: Record<string, unknown>, recipe: LipRecipe = DEFAULT_RECIPE): LipModel {
  const dim = offsets.length * LIP_FRAME_DIM;
  const data = recipe.standardise ? clips.map(standardiseTargets) : clips;
  const { mean, std } = standardisation(data, dim);
  const set = buildSet(data, dim, mean, std);
  const layers = trainMlp(set, o);
  const model: LipModel = { kind: 'lip-mlp', version: 2, offsets, targets: LIP_TARGETS, mean, std, layers, gain: LIP_TARGETS.map(() => 1), offset: LIP_TARGETS.map(() => 0), smooth: recipe.smooth, meta };
  if (recipe.quantiles) model.quantileMap = quantileCalibration(model, data, recipe.meanMapped ?? []);
  else {
    const { gain, offset } = calibration(model, data, recipe.standardise ? 0 : 1, recipe.standardise ? 1e3 : 4);
    model.gain = gain;
    model.offset = offset;
  }
  return model;
}

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
function calibration(model: LipModel, clips: ClipData[], minGain: number, maxGain: number): { gain: number[]; offset: number[] } {
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
function quantileCalibration(model: LipModel, clips: ClipData[], meanMapped: string[] = []): { from: number[]; to: number[] }[] {
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

export interface ClipScore {
  clip: string;
  speaker: string;
  frames: number;
  /** jawOpen r, best lag within +-3 frames, against the video path (the issue's measure) */
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

/** Frames at least `pad` frames from any speech (speech activity >= 0.5). */
function silentMask(speech: Float64Array, pad: number): Uint8Array {
  const n = speech.length;
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let quiet = true;
    for (let j = Math.max(0, i - pad); j <= Math.min(n - 1, i + pad) && quiet; j++) if (speech[j]! >= 0.5) quiet = false;
    m[i] = quiet ? 1 : 0;
  }
  return m;
}

export function scoreClip(model: LipModel, c: ClipData, gate?: { speech: Float64Array; cap: number }): ClipScore {
  const curves = predictLips(model, c.audio, TEACHER_FPS, c.n);
  const mouth = postprocessLips(curves, gate?.speech ?? c.speech, TEACHER_FPS, 0.45, gate?.cap);
  const jaw = mouth[model.targets.indexOf('jawOpen')]!;
  const { r, lag } = bestLagPearson(jaw, c.videoJaw, 3);
  const wide = bestLagPearson(jaw, c.videoJaw, 10);
  const quiet = silentMask(c.speech, Math.round(0.1 * TEACHER_FPS));
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
async function scoreBefore(c: ClipData): Promise<number> {
  const jaw = await ruleBasedJaw(c.clip.audio, TEACHER_FPS, 0.45);
  return bestLagPearson(jaw.subarray(0, c.n), c.videoJaw, 3).r;
}

/** Speakers (not GRID) into k folds, seeded. */
export function speakerFolds(speakers: string[], k: number, seed: number): string[][] {
  const s = [...speakers].sort();
  const r = rng(seed + 7);
  for (let i = s.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const folds: string[][] = Array.from({ length: k }, () => []);
  s.forEach((sp, i) => folds[i % k]!.push(sp));
  return folds;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'seed' | 'log'> = {
  hidden: [64, 32],
  epochs: 6,
  batch: 64,
  lr: 2e-3,
  decay: 1e-4,
  targetWeight: [4, 1, 1, 0.5, 0.5, 1, 0.5, 0.5],
  inputNoise: 0.2,
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function meanOf(v: number[]): number {
  const f = v.filter((x) => Number.isFinite(x));
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const cacheDir = arg('--cache', DEFAULT_CACHE);
  const folds = Number(arg('--folds', '3'));
  const seed = Number(arg('--seed', '1'));
  const grid = Number(arg('--grid', String(DEFAULT_GRID)));
  const causal = process.argv.includes('--causal');
  const write = !process.argv.includes('--no-write');
  const before = process.argv.includes('--before');
  const epochs = Number(arg('--epochs', String(DEFAULT_TRAIN.epochs)));
  const hidden = arg('--hidden', DEFAULT_TRAIN.hidden.join(',')).split(',').map(Number);
  const offsets = causal ? CAUSAL_OFFSETS : OFFLINE_OFFSETS;
  // the causal variant gets no smoothing: a symmetric kernel would look ahead
  const recipe: LipRecipe = causal ? { ...DEFAULT_RECIPE, smooth: 0 } : DEFAULT_RECIPE;
  const log = (s: string) => console.log(s);
  const clips = trainingClips(grid);
  // --cached-only: train on what the cache holds (e.g. while an extraction runs elsewhere)
  const extractSeconds = process.argv.includes('--cached-only') ? 0 : await extractAll(cacheDir, [...HELDOUT_CLIPS, ...clips], log);
  log(`[train] teacher ready (${extractSeconds.toFixed(0)} s of tracking this run)`);
  const load = async (list: TrainClip[]) => {
    const out: ClipData[] = [];
    for (const c of list) {
      const faces = readCachedFaces(cacheDir, c);
      if (!faces) continue;
      out.push(await loadClipData(c, faces, offsets));
    }
    return out;
  };
  const train = await load(clips);
  const heldout = await load(HELDOUT_CLIPS);
  log(`[train] ${train.length} clips, ${train.reduce((s, c) => s + c.n, 0)} frames (${train.reduce((s, c) => s + c.valid.reduce((a, b) => a + b, 0), 0)} usable), ${new Set(train.map((c) => c.clip.speaker)).size} speakers; ${((Date.now() - t0) / 1000).toFixed(0)} s so far`);
  const opts: TrainOptions = { ...DEFAULT_TRAIN, hidden, epochs, seed };
  const scores: ClipScore[] = [];
  const heldoutByFold: ClipScore[][] = [];
  if (folds > 1) {
    const speakers = [...new Set(train.map((c) => c.clip.speaker))].filter((s) => s !== 'grid_s1');
    for (const [k, fold] of speakerFolds(speakers, folds, seed).entries()) {
      const model = trainModel(train.filter((c) => !fold.includes(c.clip.speaker)), offsets, opts, {}, recipe);
      for (const c of train.filter((c) => fold.includes(c.clip.speaker))) scores.push(scoreClip(model, c));
      heldoutByFold.push(heldout.map((c) => scoreClip(model, c)));
      log(`[train] fold ${k + 1}/${folds} (${fold.join(', ')}): done at ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  const finalModel = trainModel(train, offsets, { ...opts, log }, {}, recipe);
  const finalHeld = heldout.map((c) => scoreClip(finalModel, c));
  if (before) {
    for (const s of [...scores, ...finalHeld]) {
      const c = [...train, ...heldout].find((x) => x.clip.name === s.clip)!;
      s.rBefore = await scoreBefore(c);
    }
  }
  // per speaker: clips averaged, weighted by frames
  const bySpeaker = new Map<string, ClipScore[]>();
  for (const s of scores) bySpeaker.set(s.speaker, [...(bySpeaker.get(s.speaker) ?? []), s]);
  const speakerRows = [...bySpeaker.entries()].map(([speaker, ss]) => {
    const w = ss.reduce((a, s) => a + s.frames, 0);
    const avg = (f: (s: ClipScore) => number) => ss.reduce((a, s) => a + f(s) * s.frames, 0) / w;
    return { speaker, clips: ss.length, frames: w, r: avg((s) => s.r), rBefore: before ? avg((s) => s.rBefore ?? NaN) : undefined };
  });
  speakerRows.sort((a, b) => a.speaker.localeCompare(b.speaker));
  const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '  -  ' : v.toFixed(2).padStart(5));
  log('\nspeaker-held-out jawOpen r (best lag within +-3 frames), audio model vs video path:');
  for (const s of speakerRows) log(`  ${s.speaker.padEnd(34)} ${String(s.frames).padStart(5)} frames  r ${fmt(s.r)}${before ? `  (rule-based jaw ${fmt(s.rBefore)})` : ''}`);
  const meanR = meanOf(speakerRows.map((s) => s.r));
  log(`  mean over ${speakerRows.length} held-out speakers: ${fmt(meanR)}${before ? ` (rule-based ${fmt(meanOf(speakerRows.map((s) => s.rBefore ?? NaN)))})` : ''}`);
  for (const [i, c] of heldout.entries()) {
    const perFold = heldoutByFold.map((f) => f[i]!.r);
    const s = finalHeld[i]!;
    log(`  ${c.clip.name.padEnd(34)} r ${fmt(s.r)} (lag ${s.lag}; within +-10: ${fmt(s.wideR)} at ${s.wideLag}) final model; folds ${perFold.map(fmt).join(' ')}${before ? `; rule-based ${fmt(s.rBefore)}` : ''}`);
  }
  const silence = [...scores, ...finalHeld];
  const sf = silence.reduce((a, s) => a + s.silentFrames, 0);
  const share = (f: (s: ClipScore) => number) => silence.reduce((a, s) => a + (Number.isFinite(f(s)) ? f(s) * s.silentFrames : 0), 0) / Math.max(1, sf);
  log(`silent frames (>= 0.1 s from speech) with lips apart > ${OPEN_GAP} eye-corner distances: real ${(100 * share((s) => s.silentOpenReal)).toFixed(1)} %, ours ${(100 * share((s) => s.silentOpenOurs)).toFixed(1)} % (${sf} frames)`);
  const jawPercentiles = (k: keyof ClipScore['speechJaw']) => [50, 75, 90, 95, 99].map((p) => percentile(scores.flatMap((s) => s.speechJaw[k]), p).toFixed(3)).join(' / ');
  log(`jawOpen in speech, held-out fold clips, percentiles 50/75/90/95/99: ours ${jawPercentiles('ours')}; teacher ${jawPercentiles('teacher')}; motion --video ${jawPercentiles('video')}`);
  for (const s of finalHeld) log(`  ${s.clip}: ours ${[50, 90, 99].map((p) => percentile(s.speechJaw.ours, p).toFixed(3)).join(' / ')}; teacher ${[50, 90, 99].map((p) => percentile(s.speechJaw.teacher, p).toFixed(3)).join(' / ')} (50/90/99)`);
  const seconds = (Date.now() - t0) / 1000;
  log(`[train] total ${seconds.toFixed(0)} s`);
  if (!write) return;
  finalModel.meta = {
    trainedOn: `train/clips (all ${new Set(train.filter((c) => c.clip.speaker !== 'grid_s1').map((c) => c.clip.speaker)).size} speakers) + ${train.filter((c) => c.clip.speaker === 'grid_s1').length} GRID s1 sentences; never Katie or mt_sun`,
    trainedOnFiles: train.map((c) => path.basename(c.clip.video)),
    causal,
    seed,
    train: { ...opts, log: undefined },
    recipe,
    heldOutSpeakers: Object.fromEntries(speakerRows.map((s) => [s.speaker, Math.round(s.r * 1000) / 1000])),
    meanHeldOutR: Math.round(meanR * 1000) / 1000,
    katie: Math.round(finalHeld[0]!.r * 1000) / 1000,
    mt_sun: Math.round(finalHeld[1]!.r * 1000) / 1000,
  };
  const file = causal ? new URL('./lips-causal.json', LIP_MODEL_FILE) : LIP_MODEL_FILE;
  const out = fileURLToPath(file);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, serialiseLipModel(finalModel));
  renameSync(`${out}.tmp`, out);
  log(`[train] wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
