// Can a frame's sound tell that real lips are shut inside speech, beyond the lip model's own jaw? (issue #13,
// critic15 fix-first #3: in-speech closures). Labels: every-frame read-backs of real mouths (gap under
// max(0.03 IOD, a third of the clip's speech median)) of 16 training clips (critic14's read.ts --max 200,
// /tmp/sync15/read) and, held out, critic14's Katie / mt_sun / Obama clip1 / Fei-Fei clip1 and GRID s1's
// cached teacher jaw (36 sentences). Per feature set: a logistic regression, AUC over speech frames,
// leave-one-speaker-out over the 16 clips and fitted on all 16 for the held-out sets; then how often the
// shipped energy closures (lipClosures.ts, sync15 quiet gate and closures14 without it) land on a real
// closure (within +-1 frame). audio16: the jaw alone 0.71 LOSO; energy, spectrum, press add nothing.
//   node --import tsx bench/closureCues.ts [--reads /tmp/sync15/read] [--critic /work/review/s14]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity, LIP_FRAME_DIM, type LipAudio } from '../src/motion/lipFeatures.ts';
import { loadLipModel, rawLipCurves } from '../src/motion/lipModel.ts';
import { gaussianSmooth } from '../src/motion/filters.ts';
import { closureWeights } from '../src/motion/lipClosures.ts';
import { DATA, readCachedFaces, type TrainClip } from '../src/motion/train/teacher.ts';
import { loadClipData } from '../src/motion/train/lipData.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { SHARED_DATA } from './sharedData.ts';
const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const model = loadLipModel();
const T = (k: string) => model.targets.indexOf(k);
function feats(audio: LipAudio, n: number): number[][] {
  const raw = rawLipCurves(model, audio, 25, n).map((c) => gaussianSmooth(c, 1));
  const cw = closureWeights(audio, 25, n), cw14 = closureWeights(audio, 25, n, undefined, undefined, undefined, null);
  const D = LIP_FRAME_DIM, F = audio.frames;
  const band = (j: number, a: number, b: number) => { if (j < 0 || j >= audio.n100) return -8; let s = 0; for (let k = a; k < b; k++) s += F[j * D + 1 + k]!; return s / (b - a); };
  const en = (j: number) => (j < 0 || j >= audio.n100 ? -8 : F[j * D]!);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const j0 = Math.round(i * 4 - 1.25);
    const win = (f: (j: number) => number, a: number, b: number) => { let s = 0; for (let j = j0 + a; j < j0 + b; j++) s += f(j); return s / (b - a); };
    const e0 = win(en, -2, 2), eL = win(en, -12, -4), eR = win(en, 4, 12);
    const lo = win((j) => band(j, 0, 6), -2, 2), mid = win((j) => band(j, 6, 14), -2, 2), hi = win((j) => band(j, 14, 24), -2, 2);
    out.push([e0, eL, eR, Math.max(eL, eR) - e0, Math.min(eL, eR) - e0, lo, mid, hi, hi - lo, raw[T('jawOpen')]![i]!, raw[T('mouthPress')]![i]!, raw[T('mouthLowerDown')]![i]!, raw[T('mouthPucker')]![i]!, cw[i]!, cw14[i]!]);
  }
  return out;
}
interface Set { name: string; spk: string; X: number[][]; y: number[] }
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
async function fromRead(file: string, wav?: string): Promise<Set> {
  const d = JSON.parse(readFileSync(file, 'utf8'));
  const audio = await lipAudio(wav ?? d.video);
  const n = Math.min(d.rows.length, Math.round((audio.samples / 16000) * 25));
  const sp = speechActivity(audio, 25, n);
  const X = feats(audio, n);
  const idx = [...Array(n).keys()].filter((i) => sp[i]! >= 0.5 && d.rows[i]?.gap != null && !d.rows[i].none);
  const m = med(idx.map((i) => d.rows[i].gap));
  const name = path.basename(file).replace(/real_|\.json/g, '').replace('styletalk_', '');
  return { name, spk: name.replace(/_?clip.*|_\d$/, ''), X: idx.map((i) => X[i]!), y: idx.map((i) => (d.rows[i].gap < Math.max(0.03, m / 3) ? 1 : 0)) };
}
const train: Set[] = [];
const reads = arg('--reads', '/tmp/sync15/read');
if (!existsSync(reads)) throw new Error(`no real read-backs in ${reads} (critic14's read.ts --max 200 on train clips; --reads DIR)`);
for (const f of readdirSync(reads).filter((x) => /^real_.*json$/.test(x)).sort()) train.push(await fromRead(path.join(reads, f)));
const s14 = arg('--critic', '/work/review/s14');
const test: Set[] = [await fromRead(s14 + '/read/real_katie.json', s14 + '/media/katie8.wav'), await fromRead(s14 + '/read/real_mtsun.json', s14 + '/media/mtsun8.wav'), await fromRead(s14 + '/read/real_obama1.json', s14 + '/media/obama1_8.wav'), await fromRead(s14 + '/read/real_feifei1.json', path.join(SHARED_DATA, 'train/clips/styletalk_feifeili_clip1.mp4'))];
// GRID held out: teacher jaw
{
  const cache = process.env.REAL3D_LIPSYNC_CACHE ?? path.join(BENCH_CACHE, 'lipsync'); const X: number[][] = [], y: number[] = [];
  for (const f of readdirSync(cache).filter((x) => x.startsWith('grid_'))) {
    const id = f.replace(/^grid_|\.json$/g, '');
    const clip: TrainClip = { name: `grid_${id}`, speaker: 'grid_s1', video: path.join(DATA, 'train/grid_s1', `${id}.mp4`), audio: path.join(DATA, 'train/grid_s1', `${id}.mp4`), role: 'train' };
    const faces = readCachedFaces(cache, clip); if (!faces) continue;
    const c = await loadClipData(clip, faces, [0]);
    const sp = speechActivity(c.audio, 25, c.n); const F = feats(c.audio, c.n);
    const idx = [...Array(c.n).keys()].filter((i) => sp[i]! >= 0.5 && c.valid[i]);
    const m = med(idx.map((i) => c.videoJaw[i]!));
    for (const i of idx) { X.push(F[i]!); y.push(c.videoJaw[i]! < Math.max(0.05, m / 3) ? 1 : 0); }
  }
  test.push({ name: 'GRID', spk: 'grid', X, y });
}
const nf = train[0]!.X[0]!.length;
function fitLR(sets: Set[], cols: number[], l2 = 1e-2, iters = 400) {
  const X = sets.flatMap((s) => s.X), y = sets.flatMap((s) => s.y);
  const mu = cols.map((c) => X.reduce((s, r) => s + r[c]!, 0) / X.length), sd = cols.map((c, q) => Math.sqrt(X.reduce((s, r) => s + (r[c]! - mu[q]!) ** 2, 0) / X.length) || 1);
  const Z = X.map((r) => cols.map((c, q) => (r[c]! - mu[q]!) / sd[q]!));
  let w = new Array(cols.length).fill(0), b = 0; const lr = 0.5;
  for (let it = 0; it < iters; it++) {
    const g = new Array(cols.length).fill(0); let gb = 0;
    Z.forEach((z, t) => { const p = 1 / (1 + Math.exp(-(b + z.reduce((s, v, q) => s + v * w[q], 0)))); const e = p - y[t]!; gb += e; z.forEach((v, q) => (g[q] += e * v)); });
    w = w.map((v, q) => v - lr * (g[q] / Z.length + l2 * v)); b -= lr * gb / Z.length;
  }
  return (r: number[]) => 1 / (1 + Math.exp(-(b + cols.reduce((s, c, q) => s + ((r[c]! - mu[q]!) / sd[q]!) * w[q], 0))));
}
function auc(p: number[], y: number[]) { const pos = p.filter((_, i) => y[i]), neg = p.filter((_, i) => !y[i]); let s = 0; for (const a of pos) for (const b of neg) s += a > b ? 1 : a === b ? 0.5 : 0; return s / (pos.length * neg.length); }
// feature columns of feats(): 0-4 energy (frame, left, right, depth, lower side), 5-8 bands (low, mid, high, tilt),
// 9-12 the model's raw jaw / press / lower-lip drop / pucker, 13-14 the shipped closure weights (sync15, closures14)
const colsets: Record<string, number[]> = { energy: [0, 1, 2, 3, 4], spectrum: [0, 1, 2, 3, 4, 5, 6, 7, 8], closureWeights: [13, 14], jaw: [9], jawPress: [9, 10], model: [9, 10, 11, 12], modelSpectrum: [9, 10, 11, 12, 0, 3, 4, 5, 6, 7, 8] };
for (const [nm, cols] of Object.entries(colsets)) {
  const lo: string[] = []; let sa = 0;
  const spks = [...new Set(train.map((s) => s.spk))];
  for (const sp of spks) { const f = fitLR(train.filter((s) => s.spk !== sp), cols); for (const s of train.filter((x) => x.spk === sp)) { const a = auc(s.X.map(f), s.y); sa += a * 1; lo.push(`${s.name.slice(0, 10)} ${a.toFixed(2)}`); } }
  const f = fitLR(train, cols);
  console.log(`${nm}: LOSO mean AUC ${(sa / train.length).toFixed(3)} | held-out ${test.map((s) => `${s.name} ${auc(s.X.map(f), s.y).toFixed(3)} (${s.y.filter(Boolean).length}/${s.y.length})`).join(' ')}`);
}
// precision / recall of cw (col 13), cw14 (14) > 0.5 for real closed frames
for (const [nm, col] of [['cw', 13], ['cw14', 14]] as const) {
  const pr = (sets: Set[]) => { let tp = 0, fp = 0, pos = 0; for (const s of sets) s.X.forEach((r, i) => { const on = r[col]! > 0.5; if (on && (s.y[i] || s.y[i - 1] || s.y[i + 1])) tp++; else if (on) fp++; if (s.y[i]) pos++; }); return `fires ${tp + fp}, real closed there ${tp} (precision ${(tp / Math.max(1, tp + fp)).toFixed(2)}), recall ${tp}/${pos}`; };
  console.log(`${nm}: train reads ${pr(train)} | ${test.map((s) => `${s.name} ${pr([s])}`).join(' | ')}`);
}
