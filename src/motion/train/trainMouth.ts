// Trains the audio -> mouth ridge model on talking videos with their own speech, and reports
// honest figures: in-sample and held-out Pearson r (best lag within +-3 frames) of jawOpen
// against the video path, next to a plain energy-envelope baseline.
//
//   node --import tsx src/motion/train/trainMouth.ts [--cache scratch/train-cache] [--write]
//
// Targets are read off the same frames by the video path (trackVideo + motionFramesFromRaw), so
// the audio path speaks the same weight scale as reenactment.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackVideo, motionFramesFromRaw, type RawFaceFrame } from '../fromVideo.ts';
import { measureLevels, audioFrameFeatures, CONTEXT_DIM, CONTEXT, FRAME_DIM } from '../audioFeatures.ts';
import { bestLagPearson } from '../filters.ts';
import { FEATURE_LAYOUT, jawFromF1, MODEL_FILE, postprocessMouth, predictMouth, REFERENCE_MOUTH_AMP, type MouthModel } from '../mouthModel.ts';

const DATA = path.resolve(fileURLToPath(new URL('../../../../shared/data/', import.meta.url)));
const FPS = 25;
export const TARGETS = ['jawOpen', 'mouthFunnel', 'mouthPucker', 'mouthStretchLeft', 'mouthStretchRight', 'mouthPress', 'mouthUpperUp', 'mouthLowerDown'];

interface Clip {
  name: string;
  video: string;
  audio: string;
}

export const CLIPS: Clip[] = [
  { name: 'katie', video: path.join(DATA, 'video/WDA_KatieHill_000.mp4'), audio: path.join(DATA, 'video/WDA_KatieHill_000.mp4') },
  { name: 'mt_sun', video: path.join(DATA, 'video/mt_sun.mp4'), audio: path.join(DATA, 'audio/mt_sun.wav') },
];

export interface ClipData {
  name: string;
  /** frames x CONTEXT_DIM */
  X: Float32Array[];
  speech: number[];
  energy: number[];
  /** relative F1-band energy and its centroid in Hz (inputs of the physical jaw mapping) */
  f1: number[];
  f1Hz: number[];
  /** targets[t][frame] */
  Y: Float64Array[];
}

export async function loadClip(clip: Clip, cacheDir: string | null, lagFrames = 0): Promise<ClipData> {
  let raw: (RawFaceFrame | null)[];
  const cacheFile = cacheDir ? path.join(cacheDir, `${clip.name}.raw.json`) : null;
  if (cacheFile && existsSync(cacheFile)) raw = JSON.parse(readFileSync(cacheFile, 'utf8'));
  else {
    raw = await trackVideo(clip.video, { fps: FPS, maxSide: 720 });
    if (cacheFile) writeFileSync(cacheFile, JSON.stringify(raw));
  }
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const levels = await measureLevels(clip.audio);
  const X: Float32Array[] = [];
  const speech: number[] = [];
  const energy: number[] = [];
  const f1: number[] = [];
  const f1Hz: number[] = [];
  for await (const f of audioFrameFeatures(clip.audio, FPS, levels)) {
    X.push(f.x);
    speech.push(f.speech);
    energy.push(f.energy);
    f1.push(f.f1);
    f1Hz.push(f.f1Hz);
  }
  // pair frame i of the video with audio frame i + lag; keep the overlap
  const n = Math.min(frames.length, X.length - lagFrames);
  const Y = TARGETS.map((t) => Float64Array.from({ length: n }, (_, i) => frames[i]!.w[t] ?? 0));
  return { name: clip.name, X: X.slice(lagFrames, lagFrames + n), speech: speech.slice(lagFrames, lagFrames + n), energy: energy.slice(lagFrames, lagFrames + n), f1: f1.slice(lagFrames, lagFrames + n), f1Hz: f1Hz.slice(lagFrames, lagFrames + n), Y };
}

/** Solves (A + lambda I) w = b for symmetric positive definite A (Cholesky), in place copies. */
function solveRidge(A: Float64Array, b: Float64Array, d: number, lambda: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j]! + (i === j ? lambda : 0);
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      L[i * d + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / L[j * d + j]!;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * d + k]! * y[k]!;
    y[i] = s / L[i * d + i]!;
  }
  const w = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * w[k]!;
    w[i] = s / L[i * d + i]!;
  }
  return w;
}

/** Fits one ridge model per target on the given clips; inputs masked to `use` dims (others 0 weight). */
export function fitRidge(clips: ClipData[], lambda: number, use: (dim: number) => boolean = () => true): MouthModel {
  const d = CONTEXT_DIM;
  const rows = clips.flatMap((c) => c.X);
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (const x of rows) for (let i = 0; i < d; i++) mean[i]! += x[i]! / rows.length;
  for (const x of rows) for (let i = 0; i < d; i++) std[i]! += (x[i]! - mean[i]!) ** 2 / rows.length;
  for (let i = 0; i < d; i++) std[i] = Math.sqrt(std[i]!) || 1;
  const dims = [...Array(d).keys()].filter(use);
  const m = dims.length;
  const A = new Float64Array(m * m);
  const Z = rows.map((x) => Float64Array.from(dims, (i) => (x[i]! - mean[i]!) / std[i]!));
  for (const z of Z) for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) A[i * m + j]! += z[i]! * z[j]!;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) A[i * m + j] = A[j * m + i]!;
  const weights: number[][] = [];
  const bias: number[] = [];
  TARGETS.forEach((_, t) => {
    const ys = clips.flatMap((c) => Array.from(c.Y[t]!));
    const ym = ys.reduce((a, b) => a + b, 0) / ys.length;
    const b = new Float64Array(m);
    Z.forEach((z, r) => {
      for (let i = 0; i < m; i++) b[i]! += z[i]! * (ys[r]! - ym);
    });
    const w = solveRidge(A, b, m, lambda * rows.length);
    const full = new Array<number>(d).fill(0);
    dims.forEach((dim, k) => (full[dim] = w[k]!));
    weights.push(full);
    bias.push(ym);
  });
  return { version: 1, features: FEATURE_LAYOUT, targets: TARGETS, mean: Array.from(mean), std: Array.from(std), weights, bias, lambda, trainedOn: clips.map((c) => c.name) };
}

/** Model output on a clip after the same post-processing motionFromAudio applies. */
export function predictClip(model: MouthModel, clip: ClipData): Float64Array[] {
  const n = clip.X.length;
  const raw = model.targets.map(() => new Float64Array(n));
  const out = new Float64Array(model.targets.length);
  clip.X.forEach((x, i) => {
    predictMouth(model, x, out);
    out.forEach((v, t) => (raw[t]![i] = v));
  });
  return postprocessMouth(raw, clip.speech, FPS, REFERENCE_MOUTH_AMP, model.gain);
}

function p90(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(0.9 * (s.length - 1))] ?? 0;
}

/** Sets model.gain so the post-processed output's 90th percentile in speech matches the targets'. */
export function calibrateGain(model: MouthModel, clips: ClipData[]): void {
  model.gain = undefined;
  const preds = clips.map((c) => predictClip(model, c));
  model.gain = model.targets.map((_, t) => {
    const p: number[] = [];
    const y: number[] = [];
    clips.forEach((c, ci) => c.speech.forEach((s, i) => {
      if (s > 0.5) {
        p.push(preds[ci]![t]![i]!);
        y.push(c.Y[t]![i]!);
      }
    }));
    const pp = p90(p);
    return pp > 1e-4 ? Math.round(Math.min(5, Math.max(0.2, p90(y) / pp)) * 1000) / 1000 : 1;
  });
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

function evaluate(model: MouthModel, clip: ClipData): Record<string, number> {
  const pred = predictClip(model, clip);
  const out: Record<string, number> = {};
  model.targets.forEach((t, k) => (out[t] = r3(bestLagPearson(pred[k]!, clip.Y[k]!, 3).r)));
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cacheIdx = args.indexOf('--cache');
  const cacheDir = cacheIdx >= 0 ? args[cacheIdx + 1]! : null;
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const clips: ClipData[] = [];
  for (const c of CLIPS) {
    const data = await loadClip(c, cacheDir);
    // alignment check: where does the audio energy best follow the video's mouth opening?
    const curve: string[] = [];
    let best = { r: -1, lag: 0 };
    for (let lag = -40; lag <= 40; lag += 1) {
      const r = bestLagPearson(data.Y[0]!, data.energy.map((e, i) => e), 0);
      void r;
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < data.Y[0]!.length; i++) {
        const j = i + lag;
        if (j >= 0 && j < data.energy.length) {
          a.push(data.Y[0]![i]!);
          b.push(data.energy[j]!);
        }
      }
      const rr = bestLagPearson(a, b, 0).r;
      if (rr > best.r) best = { r: rr, lag };
      if (lag % 5 === 0) curve.push(`${lag}:${rr.toFixed(2)}`);
    }
    console.log(`${c.name}: ${data.X.length} frames; energy-vs-jawOpen r by audio lag (frames): ${curve.join(' ')}; best ${best.lag} (r ${best.r.toFixed(3)})`);
    clips.push(data);
  }
  // energy-envelope baseline: the relative energy, post-processed like the model output
  for (const c of clips) {
    const base = postprocessMouth([Float64Array.from(c.energy, (e) => Math.max(0, e + 4.6) / 4.6)], c.speech, FPS, REFERENCE_MOUTH_AMP)[0]!;
    console.log(`baseline energy envelope on ${c.name}: jawOpen r = ${r3(bestLagPearson(base, c.Y[0]!, 3).r)}`);
    // the physical jaw mapping used by motionFromAudio (untrained apart from its output scale)
    const jaw = jawFromF1(c.f1, c.f1Hz, c.speech, FPS, REFERENCE_MOUTH_AMP);
    const h = c.f1.length >> 1;
    const half = (a: number, b: number) => r3(bestLagPearson(jaw.slice(a, b), c.Y[0]!.slice(a, b), 3).r);
    console.log(`physical F1 jaw on ${c.name}: jawOpen r = ${r3(bestLagPearson(jaw, c.Y[0]!, 3).r)} (1st half ${half(0, h)}, 2nd half ${half(h, c.f1.length)}); best lag within +-10 frames ${JSON.stringify(bestLagPearson(jaw, c.Y[0]!, 10))}`);
  }
  const lambdas = [0.01, 0.03, 0.1, 0.3, 1, 3];
  const results: Record<string, unknown> = {};
  for (const lambda of lambdas) {
    const [a, b] = clips as [ClipData, ClipData];
    const mA = fitRidge([a], lambda);
    const mB = fitRidge([b], lambda);
    const mAll = fitRidge(clips, lambda);
    const row = {
      [`train ${a.name} -> test ${b.name}`]: evaluate(mA, b),
      [`train ${b.name} -> test ${a.name}`]: evaluate(mB, a),
      [`train both -> ${a.name} (in-sample)`]: evaluate(mAll, a),
      [`train both -> ${b.name} (in-sample)`]: evaluate(mAll, b),
    };
    results[`lambda ${lambda}`] = row;
    console.log(`lambda ${lambda}: jawOpen r: ` + Object.entries(row).map(([k, v]) => `${k} ${v.jawOpen}`).join(' | '));
  }
  if (args.includes('--write')) {
    const li = args.indexOf('--lambda');
    const lambda = li >= 0 ? Number(args[li + 1]) : 0.3;
    const model = fitRidge(clips, lambda);
    calibrateGain(model, clips);
    const [a, b] = clips as [ClipData, ClipData];
    model.metrics = {
      note: 'Pearson r, best lag within +-3 frames, audio path vs video path, after post-processing',
      inSample: { [a.name]: evaluate(model, a), [b.name]: evaluate(model, b) },
      heldOut: { [`${a.name}->${b.name}`]: evaluate(fitRidge([a], lambda), b), [`${b.name}->${a.name}`]: evaluate(fitRidge([b], lambda), a) },
    };
    // within-clip held-out: train on one half of Katie (plus all of mt_sun), test on the other half
    const half = (c: ClipData, from: number, to: number): ClipData => ({ name: `${c.name}[${from}:${to}]`, X: c.X.slice(from, to), speech: c.speech.slice(from, to), energy: c.energy.slice(from, to), f1: c.f1.slice(from, to), f1Hz: c.f1Hz.slice(from, to), Y: c.Y.map((y) => y.slice(from, to)) });
    const h = Math.floor(a.X.length / 2);
    const [h1, h2] = [half(a, 0, h), half(a, h, a.X.length)];
    const halves: Record<string, unknown> = {};
    for (const [tr, te] of [[h1, h2], [h2, h1]] as const) {
      const m = fitRidge([tr, b], lambda);
      calibrateGain(m, [tr, b]);
      halves[`${tr.name}+${b.name}->${te.name}`] = evaluate(m, te);
    }
    (model.metrics as Record<string, unknown>).heldOutHalves = halves;
    const round = (v: number) => Math.round(v * 1e5) / 1e5;
    model.mean = model.mean.map(round);
    model.std = model.std.map(round);
    model.weights = model.weights.map((w) => w.map(round));
    model.bias = model.bias.map(round);
    writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
    console.log(`wrote ${fileURLToPath(MODEL_FILE)} (lambda ${lambda})`, JSON.stringify(model.metrics));
  }
  void CONTEXT;
  void FRAME_DIM;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
