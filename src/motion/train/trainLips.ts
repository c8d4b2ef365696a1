// `npm run train:mouth`: rebuilds src/motion/models/lips.json from ../shared/data/train.
//
//   1. teacher: the face tracker reads every training frame once (teacher.ts, cached in
//      /work/cache/lipsync or $REAL3D_LIPSYNC_CACHE; a cold run tracks ~25k frames);
//   2. targets (lipData.ts): the rig's mouth weights as the video path reads them, relative to each
//      clip's own rest face, frames without a usable frontal-enough face dropped;
//   3. inputs: the pooled, per-file normalised log-mel context of each frame (lipFeatures.ts);
//   4. speaker-held-out check (score.ts): K folds over the non-GRID speakers (GRID, when used, always trains), each fold's
//      speakers scored by a model that never heard them; Katie and mt_sun are never trained on;
//   5. the shipped model: trained on all training speakers with the same settings and seed, its
//      outputs calibrated onto the teacher (calibrate.ts).
//
// The offline network is the sequence model (`--net tcn_ph`, default: onset inputs, 45 epochs, and in
// training only a phoneme head on the clips that have phoneme ids; `tcn_on` without it):
// Debian's python3-torch trains it (trainLipSeq.ts, lipseq/), the rest (calibration, scores, the
// file) is here. `--causal` (for the live page) trains the causal network `tcn_c1_on` (65 ms
// look-ahead, streamed by lipTcnStream.ts; with the phoneme head, `tcn_c1_ph`, it scored 0.004 lower).
// `--net mlp` trains the frame-wise MLP in plain Node (mlp.ts).
// The sequence networks train without GRID by default (`--grid 0`, see SEQ_GRID).
//
//   node --import tsx src/motion/train/trainLips.ts [--folds 3] [--no-write] [--grid 160] [--seed 1] [--smooth 1.5] [--dips 2] [--net tcn_ph|tcn_on|tcn|tcn_c1_ph|tcn_c1_on|tcn_c1|mlp] [--causal]
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIP_FRAME_DIM } from '../lipFeatures.ts';
import { LIP_MODEL_FILE, serialiseLipModel, type LipModel } from '../lipModel.ts';
import { DEFAULT_CACHE, DEFAULT_GRID, extractAll, HELDOUT_CLIPS, readCachedFaces, trainingClips, type TrainClip } from './teacher.ts';
import { CAUSAL_OFFSETS, LIP_TARGETS, loadClipData, OFFLINE_OFFSETS, OPEN_GAP, percentile, type ClipData } from './lipData.ts';
import { calibration, quantileCalibration } from './calibrate.ts';
import { scoreBefore, scoreClip, type ClipScore } from './score.ts';
import { rng, trainMlp, type TrainOptions, type TrainSet } from './mlp.ts';
import { seqLipModel, trainSeqNetworks } from './trainLipSeq.ts';

/**
 * GRID sentences the sequence networks train on: none. One clean speaker's 32 sentences (2.4k
 * frames, more than any other speaker) pulled the network toward GRID's voice: without them the
 * speaker-held-out mean r rose at every seed (lipseq/experiment.py, lips8; the model card).
 */
export const SEQ_GRID = 0;

function buildSet(clips: ClipData[], dim: number, mean: Float32Array, std: Float32Array, balance = 0.5): TrainSet {
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
    const w = Math.min(1, 1500 / perSpeaker.get(c.clip.speaker)!) ** balance * (c.weight ?? 1);
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
  /** rows of a speaker with more than 1500 frames weigh min(1, 1500 / frames) ^ balance (default 0.5) */
  balance?: number;
  /**
   * jawOpen's dips kept through the smoothing (LipModel.jawDips). 2: p/b/m closures on unseen GRID
   * words 17 -> 30 % (real 35 %) for -0.004 of speaker-held-out r (lipseq/closures.py, lips9)
   */
  jawDips?: number;
}
export const DEFAULT_RECIPE: LipRecipe = { standardise: true, smooth: 1.5, quantiles: true, meanMapped: ['mouthUpperUp'], jawDips: 2 };


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
  const set = buildSet(data, dim, mean, std, recipe.balance);
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
  const causal = process.argv.includes('--causal');
  const write = !process.argv.includes('--no-write');
  const before = process.argv.includes('--before');
  const epochs = Number(arg('--epochs', String(DEFAULT_TRAIN.epochs)));
  const hidden = arg('--hidden', DEFAULT_TRAIN.hidden.join(',')).split(',').map(Number);
  const offsets = causal ? CAUSAL_OFFSETS : OFFLINE_OFFSETS;
  // both are the sequence network (python3-torch trains it); the causal one (`tcn_c1_on`: one 40 ms step
  // of look-ahead) runs in the live page's AudioWorklet step by step (lipTcnStream.ts). `--net mlp`
  // trains the frame-wise MLP instead.
  const net = arg('--net', causal ? 'tcn_c1_on' : 'tcn_ph');
  const grid = Number(arg('--grid', String(net === 'mlp' ? DEFAULT_GRID : SEQ_GRID)));
  // the causal variant gets no smoothing: a symmetric kernel would look ahead
  const recipe: LipRecipe = causal
    ? { ...DEFAULT_RECIPE, smooth: 0, jawDips: 0 }
    : { ...DEFAULT_RECIPE, smooth: Number(arg('--smooth', String(DEFAULT_RECIPE.smooth))), jawDips: Number(arg('--dips', String(DEFAULT_RECIPE.jawDips))) };
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
  const speakers = [...new Set(train.map((c) => c.clip.speaker))].filter((s) => s !== 'grid_s1');
  const foldList = folds > 1 ? speakerFolds(speakers, folds, seed) : [];
  // the sequence network (default) is trained by torch for every fold at once; the MLP here, fold by fold
  // `--net tcn+mlp`: the sequence network and the MLP averaged
  const both = net.endsWith('+mlp');
  const seq = net === 'mlp' ? null : trainSeqNetworks([...train, ...heldout], foldList, net.replace(/\+mlp$/, ''), seed, log);
  if (causal && seq?.get('final')!.lookahead === null) throw new Error(`--causal needs a causal network recipe (tcn_c1_ph, tcn_c1_on, tcn_c1), not ${net}`);
  const fit = (clips: ClipData[], tag: string, o: TrainOptions) =>
    seq ? seqLipModel(seq.get(tag)!, clips.map(standardiseTargets), recipe, {}, both ? trainModel(clips, offsets, o, {}, recipe) : undefined) : trainModel(clips, offsets, o, {}, recipe);
  // --save-folds DIR: the fold models as files (post-processing studies on held-out speakers without retraining)
  const saveFolds = arg('--save-folds', '');
  if (folds > 1) {
    for (const [k, fold] of foldList.entries()) {
      const model = fit(train.filter((c) => !fold.includes(c.clip.speaker)), `fold${k + 1}`, opts);
      if (saveFolds) {
        mkdirSync(saveFolds, { recursive: true });
        writeFileSync(path.join(saveFolds, `fold${k + 1}.json`), serialiseLipModel({ ...model, meta: { heldOutSpeakers: fold } }));
      }
      for (const c of train.filter((c) => fold.includes(c.clip.speaker))) scores.push(scoreClip(model, c));
      heldoutByFold.push(heldout.map((c) => scoreClip(model, c)));
      log(`[train] fold ${k + 1}/${folds} (${fold.join(', ')}): done at ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  const finalModel = fit(train, 'final', { ...opts, log });
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
    net,
    train: net === 'mlp' ? { ...opts, log: undefined } : { recipe: net, trainer: 'src/motion/train/lipseq/train.py (python3-torch, one thread)' },
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
