// Experiments on the lip model's recipe (not part of `npm run train:mouth`): loads the cached
// teacher and audio once (a v8 snapshot in /tmp), then scores each named recipe on the same
// speaker folds as trainLips.ts and prints speaker-held-out jawOpen r, Katie, mt_sun, the
// silence share and the amplitude percentiles.
//
//   node --import tsx src/motion/train/lipExperiments.ts base zjaw ...
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { contextVector, LIP_FRAME_DIM, SPEECH_GATE, type LipAudio } from '../lipFeatures.ts';
import { postprocessLips, predictLips, type LipModel } from '../lipModel.ts';
import { bestLagPearson, gaussianSmooth, pearson } from '../filters.ts';
import { melBandCentresHz } from '../features.ts';
import { DEFAULT_CACHE, DEFAULT_GRID, HELDOUT_CLIPS, readCachedFaces, TEACHER_FPS, trainingClips, type TrainClip } from './teacher.ts';
import { DEFAULT_TRAIN, speakerFolds, trainModel } from './trainLips.ts';
import { LIP_TARGETS, loadClipData, type ClipData } from './lipData.ts';

const WIDE = Array.from({ length: 25 }, (_, i) => i - 12);
/** LIP_STREAMING=1: the audio normalised as a live stream would be (StreamingLipNormaliser) */
const STREAMING = process.env.LIP_STREAMING === '1';
/** LIP_GRID=N: GRID sentences in the snapshot (the cache holds more than the default) */
const GRID = Number(process.env.LIP_GRID ?? DEFAULT_GRID);
const SNAP = `/tmp/lips5/clips${STREAMING ? '-streaming' : ''}-grid${GRID}.v8`;

async function loadAll(): Promise<{ train: ClipData[]; heldout: ClipData[] }> {
  if (existsSync(SNAP)) return deserialize(readFileSync(SNAP)) as { train: ClipData[]; heldout: ClipData[] };
  const load = async (list: TrainClip[]) => {
    const out: ClipData[] = [];
    for (const c of list) {
      const faces = readCachedFaces(DEFAULT_CACHE, c);
      if (faces) out.push(await loadClipData(c, faces, WIDE, STREAMING));
    }
    return out;
  };
  const d = { train: await load(trainingClips(GRID)), heldout: await load(HELDOUT_CLIPS) };
  mkdirSync('/tmp/lips5', { recursive: true });
  writeFileSync(SNAP, serialize(d));
  return d;
}

interface Recipe {
  offsets: number[];
  /** per-clip standardised targets: none, all */
  z: 'none' | 'all';
  /** quantile calibration (else affine) */
  quant: boolean;
  teacherSigma: number;
  outSigma: number;
  hidden: number[];
  epochs: number;
  inputNoise: number;
  decay: number;
  quality: boolean;
  seeds: number[];
  /** two passes: each training clip's teacher shifted to its best lag (+-3 frames) against the first pass's prediction */
  align: boolean;
  /** per-file band spread normalisation of the audio frames (each mel band divided by its standard deviation over speech frames) */
  cmvn: boolean;
  /** per-target loss weights (default DEFAULT_TRAIN's) */
  targetWeight?: number[];
  lr?: number;
  /** silence cap of postprocessLips (1: no gate, for reference only) */
  cap: number;
  /** vocal-tract-length augmentation: one extra copy of each training clip per factor, its mel axis warped f -> f * factor */
  vtlp?: number[];
  /** speaker balance exponent (LipRecipe.balance) */
  balance?: number;
  /** GRID sentences trained on (at most the snapshot's) */
  grid?: number;
  /** diagnostic, not a held-out figure: every clip trains on its first 70 % and is scored on its last 25 % (speakers seen) */
  seenSpeakers?: boolean;
  /** train jawOpen on the measure's own curve (motion --video's jawOpen) instead of the teacher's */
  videoJawTarget?: boolean;
}
const BASE: Recipe = { offsets: WIDE.slice(6, 19), z: 'none', quant: false, teacherSigma: 0, outSigma: 0, hidden: [64, 32], epochs: 12, inputNoise: 0.2, decay: 1e-4, quality: false, seeds: [1], cap: 0, align: false, cmvn: false };
const RECIPES: Record<string, Partial<Recipe>> = {
  base: {},
  vjaw: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, videoJawTarget: true },
  seen_big: { z: 'all', outSigma: 1.5, quant: true, epochs: 16, hidden: [128, 64], grid: 32, seenSpeakers: true },
  seen: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, seenSpeakers: true },
  cur: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32 },
  cur_g100: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 100 },
  cur_g200: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 200 },
  vtlp2: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, vtlp: [0.9, 1.1] },
  vtlp2_e2: { z: 'all', outSigma: 1.5, quant: true, epochs: 2, grid: 32, vtlp: [0.9, 1.1] },
  ens5_e4: { z: 'all', outSigma: 1.5, quant: true, epochs: 4, grid: 32, seeds: [1, 2, 3, 4, 5] },
  s10: { z: 'all', outSigma: 1, quant: true, epochs: 6, grid: 32 },
  s075: { z: 'all', outSigma: 0.75, quant: true, epochs: 6, grid: 32 },
  bal0: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, balance: 0 },
  bal1: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, balance: 1 },
  bal1_g200: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 200, balance: 1 },
  ens5: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, seeds: [1, 2, 3, 4, 5] },
  vtlp4: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, grid: 32, vtlp: [0.85, 0.92, 1.08, 1.15] },
  zsq: { z: 'all', outSigma: 1, quant: true },
  zsq_align: { z: 'all', outSigma: 1, quant: true, align: true },
  zsq_e8: { z: 'all', outSigma: 1, quant: true, epochs: 8 },
  zsq_e6: { z: 'all', outSigma: 1, quant: true, epochs: 6 },
  zsq_e4: { z: 'all', outSigma: 1, quant: true, epochs: 4 },
  zsq_e3: { z: 'all', outSigma: 1, quant: true, epochs: 3 },
  zsq_e6_n0: { z: 'all', outSigma: 1, quant: true, epochs: 6, inputNoise: 0.1 },
  zsq_e6_s2: { z: 'all', outSigma: 1.5, quant: true, epochs: 6 },
  zsq_e4_s2: { z: 'all', outSigma: 1.5, quant: true, epochs: 4 },
  zsq_e4_s2_ens3: { z: 'all', outSigma: 1.5, quant: true, epochs: 4, seeds: [1, 2, 3] },
  zsq_e6_s2_ens3: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, seeds: [1, 2, 3] },
  causal20: { z: 'all', outSigma: 0, quant: true, epochs: 6, offsets: WIDE.slice(0, 13) },
  zsq_cmvn: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, cmvn: true },
  f_big: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, hidden: [96, 48] },
  f_jawonly: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, targetWeight: [4, 0.1, 0.1, 0.05, 0.05, 0.1, 0.05, 0.05] },
  f_lr1_e12: { z: 'all', outSigma: 1.5, quant: true, epochs: 12, lr: 1e-3 },
  f_decay: { z: 'all', outSigma: 1.5, quant: true, epochs: 6, decay: 1e-3 },
  zsq_q: { z: 'all', outSigma: 1, quant: true, quality: true },
  zsq_wide: { z: 'all', outSigma: 1, quant: true, offsets: WIDE.slice(2, 23) },
  zall: { z: 'all' },
  zall_s1: { z: 'all', outSigma: 1 },
  zall_t1: { z: 'all', teacherSigma: 1 },
  zall_q: { z: 'all', quality: true },
  zall_wide: { z: 'all', offsets: WIDE.slice(2, 23) },
  zall_ens3: { z: 'all', seeds: [1, 2, 3] },
  zall_big: { z: 'all', hidden: [128, 64] },
  zall_n4: { z: 'all', inputNoise: 0.4 },
  s1: { outSigma: 1 },
  zs_small: { z: 'all', outSigma: 1, hidden: [32, 16] },
  zs_e24: { z: 'all', outSigma: 1, epochs: 24 },
  zs_nogate: { z: 'all', outSigma: 1, cap: 1 },
  zs_big_n4: { z: 'all', outSigma: 1, hidden: [128, 64], inputNoise: 0.4 },
  zs_d3: { z: 'all', outSigma: 1, decay: 1e-3 },
  s2: { outSigma: 2 },
};

function sliceWindows(c: ClipData, offsets: number[]): Float32Array {
  const D = LIP_FRAME_DIM;
  const wide = WIDE.length * D;
  const dim = offsets.length * D;
  const X = new Float32Array(c.n * dim);
  for (let i = 0; i < c.n; i++)
    offsets.forEach((o, w) => X.set(c.X.subarray(i * wide + (o - WIDE[0]!) * D, i * wide + (o - WIDE[0]! + 1) * D), i * dim + w * D));
  return X;
}

function bandSpread(a: LipAudio): LipAudio {
  const D = LIP_FRAME_DIM;
  const frames = new Float32Array(a.frames);
  for (let b = 1; b < D; b++) {
    let s = 0, s2 = 0, k = 0;
    for (let j = 0; j < a.n100; j++) if (frames[j * D]! > -SPEECH_GATE) (s += frames[j * D + b]!, s2 += frames[j * D + b]! ** 2, k++);
    const sd = k > 10 ? Math.sqrt(Math.max(1e-4, s2 / k - (s / k) ** 2)) : 1;
    for (let j = 0; j < a.n100; j++) frames[j * D + b] = frames[j * D + b]! / sd;
  }
  return { ...a, frames };
}

/** The 100 Hz frames with the mel axis warped: band b reads the spectrum at its centre frequency / factor. */
function warpMel(a: LipAudio, factor: number): LipAudio {
  const D = LIP_FRAME_DIM;
  const centres = melBandCentresHz();
  const mel = (f: number) => 2595 * Math.log10(1 + f / 700);
  const m0 = mel(centres[0]!);
  const step = mel(centres[1]!) - m0;
  const src = Array.from(centres, (f) => Math.max(0, Math.min(D - 2, (mel(f / factor) - m0) / step)));
  const frames = new Float32Array(a.frames);
  for (let j = 0; j < a.n100; j++)
    for (let b = 0; b < D - 1; b++) {
      const x = src[b]!;
      const i0 = Math.floor(x);
      const i1 = Math.min(D - 2, i0 + 1);
      const f = x - i0;
      frames[j * D + 1 + b] = (1 - f) * a.frames[j * D + 1 + i0]! + f * a.frames[j * D + 1 + i1]!;
    }
  return { ...a, frames };
}

function withAudio(c: ClipData, audio: LipAudio, offsets: number[]): ClipData {
  const dim = offsets.length * LIP_FRAME_DIM;
  const X = new Float32Array(c.n * dim);
  for (let i = 0; i < c.n; i++) contextVector(audio, i / TEACHER_FPS, offsets, X.subarray(i * dim, (i + 1) * dim));
  return { ...c, audio, X };
}

function jawSpread(c: ClipData): number {
  const T = LIP_TARGETS.length;
  const v: number[] = [];
  for (let i = 0; i < c.n; i++) if (c.valid[i]) v.push(c.Y[i * T]!);
  const m = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length));
}

/** teacher jaw vs loudness of the clip: a tracker that does not follow the sound shows here */
function teacherQuality(c: ClipData): number {
  const T = LIP_TARGETS.length;
  const jaw: number[] = [];
  const sp: number[] = [];
  for (let i = 0; i < c.n; i++) if (c.valid[i]) (jaw.push(c.Y[i * T]!), sp.push(c.speech[i]!));
  return pearson(jaw, sp);
}

function prepare(c: ClipData, r: Recipe): ClipData {
  const T = LIP_TARGETS.length;
  const Ycal = new Float32Array(c.Y);
  if (r.teacherSigma > 0)
    for (let t = 0; t < T; t++) {
      const s = gaussianSmooth(Array.from({ length: c.n }, (_, i) => c.Y[i * T + t]!), r.teacherSigma);
      for (let i = 0; i < c.n; i++) Ycal[i * T + t] = s[i]!;
    }
  const Y = new Float32Array(Ycal);
  if (r.videoJawTarget) for (let i = 0; i < c.n; i++) Y[i * T] = c.videoJaw[i]!;
  if (process.env.LIP_TEACHER_VS_VIDEO) {
    const ok = Array.from({ length: c.n }, (_, i) => i).filter((i) => c.valid[i]);
    console.log(`   ${c.clip.name}: teacher jaw vs motion --video jaw r ${pearson(ok.map((i) => c.Y[i * T]!), ok.map((i) => c.videoJaw[i]!)).toFixed(3)}, video jaw at 0 in ${((100 * ok.filter((i) => c.videoJaw[i]! <= 0).length) / ok.length).toFixed(0)} %`);
  }
  if (r.cmvn) {
    const audio = bandSpread(c.audio);
    const dim = r.offsets.length * LIP_FRAME_DIM;
    const X = new Float32Array(c.n * dim);
    for (let i = 0; i < c.n; i++) contextVector(audio, i / TEACHER_FPS, r.offsets, X.subarray(i * dim, (i + 1) * dim));
    return { ...c, audio, X, Y, Ycal };
  }
  const q = r.quality ? Math.max(0.1, Math.min(1, teacherQuality(c) / 0.3)) : 1;
  return { ...c, X: sliceWindows(c, r.offsets), Y, Ycal, weight: q };
}

/** The clip's teacher moved to its best lag within +-3 frames against a prediction (frames moved in from outside are not trained on). */
function alignTeacher(c: ClipData, pred: Float64Array): ClipData & { lag: number } {
  const T = LIP_TARGETS.length;
  const jaw = Array.from({ length: c.n }, (_, i) => c.Y[i * T]!);
  const { lag } = bestLagPearson(pred, jaw, 3);
  const Y = new Float32Array(c.Y.length);
  const Ycal = new Float32Array(c.Y.length);
  const valid = new Uint8Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const j = i + lag;
    if (j < 0 || j >= c.n) continue;
    Y.set(c.Y.subarray(j * T, (j + 1) * T), i * T);
    Ycal.set((c.Ycal ?? c.Y).subarray(j * T, (j + 1) * T), i * T);
    valid[i] = c.valid[j]!;
  }
  return { ...c, Y, Ycal, valid, lag };
}

function jawCurve(models: LipModel[], c: ClipData, r: Recipe): Float64Array {
  const curves = models.map((m) => predictLips(m, c.audio, TEACHER_FPS, c.n));
  const avg = curves[0]!.map((_, t) => curves[0]![t]!.map((_, i) => curves.reduce((s, cv) => s + cv[t]![i]!, 0) / curves.length));
  return postprocessLips(avg, c.speech, TEACHER_FPS, 0.45, r.cap)[0]!;
}

const pct = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.round((p / 100) * (s.length - 1))]! : NaN;
};

async function main() {
  const t0 = Date.now();
  const { train, heldout } = await loadAll();
  console.log(`loaded ${train.length} + ${heldout.length} clips in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const name of process.argv.slice(2)) {
    const t1 = Date.now();
    const r: Recipe = { ...BASE, ...RECIPES[name] };
    let gridLeft = r.grid ?? Infinity;
    const base = train.filter((c) => c.clip.speaker !== 'grid_s1' || gridLeft-- > 0);
    const tr = base.flatMap((c) => {
      const p = prepare(c, r);
      return [p, ...(r.vtlp ?? []).map((f) => withAudio(p, warpMel(c.audio, f), r.offsets))];
    });
    const recipe = { standardise: r.z === 'all', smooth: r.outSigma, quantiles: r.quant, balance: r.balance };
    const speakers = [...new Set(tr.map((c) => c.clip.speaker))].filter((s) => s !== 'grid_s1');
    const bySpeaker = new Map<string, { r: number; n: number }[]>();
    const held: number[][] = heldout.map(() => []);
    const predSpeech: number[] = [];
    const realSpeech: number[] = [];
    let silent = 0, openOurs = 0;
    const lags: number[] = [];
    const tails = new Map<string, { r: number; n: number }[]>();
    if (r.seenSpeakers) {
      const head = (c: ClipData) => ({ ...c, valid: c.valid.map((v, i) => (i < 0.7 * c.n ? v : 0)) });
      const model = trainModel(tr.map(head), r.offsets, { ...DEFAULT_TRAIN, hidden: r.hidden, epochs: r.epochs, seed: 1 }, {}, { standardise: true, smooth: r.outSigma, quantiles: true });
      const rows: [string, number, number][] = [];
      for (const c of base.filter((c) => c.clip.speaker !== 'grid_s1')) {
        const jaw = jawCurve([model], c, r);
        const from = Math.ceil(0.75 * c.n);
        rows.push([c.clip.speaker, bestLagPearson(jaw.subarray(from), c.videoJaw.subarray(from), 3).r, c.n - from]);
      }
      const sp = new Map<string, [number, number]>();
      for (const [s0, v, n] of rows) sp.set(s0, [(sp.get(s0)?.[0] ?? 0) + v * n, (sp.get(s0)?.[1] ?? 0) + n]);
      const vals = [...sp.values()].map(([a, b]) => a / b);
      console.log(`\n== ${name}: seen speakers, last 25 % of each clip: mean r ${(vals.reduce((a, b) => a + b, 0) / vals.length).toFixed(3)} over ${vals.length} speakers; ${[...sp.entries()].map(([k, [a, b]]) => `${k} ${(a / b).toFixed(2)}`).join(', ')}`);
      continue;
    }
    for (const fold of speakerFolds(speakers, 3, 1)) {
      const opts = (seed: number) => ({ ...DEFAULT_TRAIN, hidden: r.hidden, epochs: r.epochs, inputNoise: r.inputNoise, decay: r.decay, seed, targetWeight: r.targetWeight ?? DEFAULT_TRAIN.targetWeight, lr: r.lr ?? DEFAULT_TRAIN.lr });
      let fit = tr.filter((c) => !fold.includes(c.clip.speaker));
      if (r.align) {
        const first = trainModel(fit, r.offsets, opts(r.seeds[0]!), {}, recipe);
        fit = fit.map((c) => alignTeacher(c, predictLips(first, c.audio, TEACHER_FPS, c.n)[0]!));
        console.log(`   fold lags: ${fit.map((c) => (c as ClipData & { lag: number }).lag).join(',')}`);
      }
      const models = r.seeds.map((seed) => trainModel(fit, r.offsets, opts(seed), {}, recipe));
      for (const c0 of base.filter((c) => fold.includes(c.clip.speaker))) {
        const c = r.cmvn ? { ...c0, audio: bandSpread(c0.audio) } : c0;
        const jaw = jawCurve(models, c, r);
        const s = bestLagPearson(jaw, c.videoJaw, 3).r;
        const from = Math.ceil(0.75 * c.n);
        tails.set(c.clip.speaker, [...(tails.get(c.clip.speaker) ?? []), { r: bestLagPearson(jaw.subarray(from), c.videoJaw.subarray(from), 3).r, n: c.n - from }]);
        lags.push(bestLagPearson(jaw, c.videoJaw, 10).lag);
        bySpeaker.set(c.clip.speaker, [...(bySpeaker.get(c.clip.speaker) ?? []), { r: s, n: c.n }]);
        const usable = c.valid.reduce((a, b) => a + b, 0) / c.n;
        if (process.env.LIP_TEACHER_REPORT) console.log(`   teacher ${c.clip.name}: jaw~loudness r ${teacherQuality(c).toFixed(2)}, usable ${(100 * usable).toFixed(0)} %, jaw std ${jawSpread(c).toFixed(3)}, model r ${s.toFixed(2)}`);
        for (let i = 0; i < c.n; i++) {
          if (c.speech[i]! >= 0.5 && c.valid[i]) (predSpeech.push(jaw[i]!), realSpeech.push(c.Y[i * LIP_TARGETS.length]!));
          if (c.speech[i]! === 0) (silent++, (jaw[i]! * 0.6 > 0.02 ? openOurs++ : 0));
        }
      }
      heldout.forEach((c, k) => held[k]!.push(bestLagPearson(jawCurve(models, r.cmvn ? { ...c, audio: bandSpread(c.audio) } : c, r), c.videoJaw, 3).r));
    }
    const rows = [...bySpeaker.entries()].map(([sp, v]) => [sp, v.reduce((a, x) => a + x.r * x.n, 0) / v.reduce((a, x) => a + x.n, 0)] as const).sort();
    const mean = rows.reduce((a, [, v]) => a + v, 0) / rows.length;
    const f = (v: number) => v.toFixed(3);
    const mh = held.map((v) => v.reduce((a, b) => a + b, 0) / v.length);
    console.log(`\n== ${name} ${JSON.stringify(RECIPES[name])}: mean r ${f(mean)} over ${rows.length}; katie ${f(mh[0]!)} (${held[0]!.map(f).join(' ')}); mt_sun ${f(mh[1]!)}; ${((Date.now() - t1) / 1000).toFixed(0)} s`);
    const tailRows = [...tails.values()].map((v) => v.reduce((a, x) => a + x.r * x.n, 0) / v.reduce((a, x) => a + x.n, 0));
    console.log(`   last 25 % of each clip only (compare with the seen-speaker diagnostic): mean r ${f(tailRows.reduce((a, b) => a + b, 0) / tailRows.length)}`);
    console.log(`   per speaker: ${rows.map(([s, v]) => `${s.replace(/^(pcavs_|styletalk_|latentsync_|videoretalking_)/, '')} ${v.toFixed(2)}`).join(', ')}`);
    console.log(`   speech jaw p50/p90/p99 ours ${[50, 90, 99].map((p) => f(pct(predSpeech, p))).join('/')} teacher ${[50, 90, 99].map((p) => f(pct(realSpeech, p))).join('/')}; silent frames open ${((100 * openOurs) / Math.max(1, silent)).toFixed(1)} %; wide lags ${lags.sort((a, b) => a - b).join(',')}`);
  }
}
await main();
