// Maps of the audio jawOpen after the calibration, scored on speakers the model never heard (#13: the
// audio mouth's openings too small, closures not shut): the fold models of one seed (saved by
// `npm run train:mouth -- --cached-only --seed N --no-write --save-folds DIR`) on their held-out clips,
// each map applied to the calibrated, rounded jaw before the product's gate (lipShape.ts's pipeline).
// Printed per map: mean per-speaker jawOpen r against the video path's jaw; the loudest fifth of
// speech nearly shut (jaw x 0.6 < 0.03 iod), ours and real; the real closures (teacher jaw < 0.05)
// that ours shuts too; per clip, our 95th percentile of the jaw in speech over the real one.
//
//   node --import tsx bench/lipPeaks.ts --folds DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { calibrateLips, parseLipModel, postprocessLips, rawLipCurves, type LipModel } from '../src/motion/lipModel.ts';
import { frameEnergy, openRoundedVowels } from '../src/motion/lipRounding.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { DEFAULT_CACHE, readCachedFaces, TEACHER_FPS, trainingClips } from '../src/motion/train/teacher.ts';
import { LIP_TARGETS, loadClipData } from '../src/motion/train/lipData.ts';
import { audioJaw } from '../src/motion/lipShapes.ts';
const dir = process.argv[process.argv.indexOf('--folds') + 1];
if (!process.argv.includes('--folds') || !dir) throw new Error('usage: bench/lipPeaks.ts --folds DIR');
const folds = readdirSync(dir).filter((f) => /^fold\d+\.json$/.test(f)).map((f) => { const model = parseLipModel(readFileSync(path.join(dir, f), 'utf8'), f); return { model, speakers: model.meta.heldOutSpeakers as string[] }; });
const J = LIP_TARGETS.indexOf('jawOpen'), PR = LIP_TARGETS.indexOf('mouthPress');
type V = { name: string; f: (jaw: number, press: number) => number };
// the shipped map (lipShapes.ts audioJaw: audio2's raise; speaker13's lowered map was not kept, bench/speakerScale.ts) against the alternatives tried: raised peaks with other
// knees and gains, and convex power maps (pivot, exponent) that also shut more of the closures
const variants: V[] = [{ name: 'identity', f: (j) => j }, { name: `shipped (audioJaw)`, f: audioJaw }];
for (const [g, knee] of [[0.3, 0.15], [0.5, 0.25], [1, 0.25], [0.3, 0.25]]) variants.push({ name: `peak ${g}@${knee}`, f: (j) => j + g! * Math.max(0, j - knee!) });
const pw = (j: number, piv: number, g: number) => piv * Math.pow(Math.max(0, j) / piv, g);
for (const [piv, g] of [[0.15, 1.2], [0.2, 1.2], [0.3, 1.2], [0.3, 1.4]]) variants.push({ name: `pow ${g}@${piv}`, f: (j) => pw(j, piv!, g!) });
for (const k of [1, 2]) variants.push({ name: `press x${k}`, f: (j, p) => j * Math.max(0, 1 - k * p) });
const acc = variants.map(() => ({ r: new Map<string, number[]>(), loudShut: 0, loudN: 0, realLoudShut: 0, clos: 0, closN: 0, p95: [] as number[] }));
const q = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.round(p * (s.length - 1))]!; };
for (const clip of trainingClips(0)) {  // ~2 min on 2 cores
  const fold = folds.find((f) => f.speakers.includes(clip.speaker)); if (!fold) continue;
  const faces = readCachedFaces(DEFAULT_CACHE, clip); if (!faces) continue;
  const c = await loadClipData(clip, faces, [0]);
  const cal = calibrateLips(fold.model, rawLipCurves(fold.model, c.audio, TEACHER_FPS, c.n), TEACHER_FPS);
  openRoundedVowels(cal, fold.model.targets, frameEnergy(c.audio, TEACHER_FPS, c.n));
  const use = [...Array(c.n).keys()].filter((i) => c.valid[i] && c.speech[i]! >= 0.5);
  const energy = (i: number) => c.X[i * c.X.length / c.n]!;
  const cut = q(use.map(energy), 0.8);
  variants.forEach((v, k) => {
    const curves = cal.map((x) => Float64Array.from(x));
    for (let i = 0; i < c.n; i++) curves[J]![i] = v.f(cal[J]![i]!, Math.max(0, cal[PR]![i]!));
    const jaw = postprocessLips(curves, c.speech, TEACHER_FPS, 0.45)[J]!;
    const a = acc[k]!;
    const { r } = bestLagPearson(jaw, c.videoJaw, 3);
    a.r.set(clip.speaker, [...(a.r.get(clip.speaker) ?? []), r]);
    const ours: number[] = [], real: number[] = [];
    for (const i of use) {
      const rj = c.Y[i * LIP_TARGETS.length + J]!;
      ours.push(jaw[i]!); real.push(rj);
      if (rj < 0.05) { a.closN++; if (jaw[i]! < 0.05) a.clos++; }
      if (energy(i) >= cut) { a.loudN++; if (jaw[i]! * 0.6 < 0.03) a.loudShut++; if (rj * 0.6 < 0.03) a.realLoudShut++; }
    }
    if (ours.length > 20) a.p95.push(q(ours, 0.95) / Math.max(0.01, q(real, 0.95)));
  });
}
const speakerR = (k: number) => new Map([...acc[k]!.r.entries()].map(([s, x]) => [s, x.reduce((t, y) => t + y, 0) / x.length]));
const base = speakerR(0);
variants.forEach((v, k) => {
  const a = acc[k]!; const rs = [...a.r.values()].map((x) => x.reduce((s, y) => s + y, 0) / x.length);
  const mine = speakerR(k), up = [...mine.entries()].filter(([s, r]) => r > base.get(s)! + 1e-9).length;
  console.log(`${v.name.padEnd(8)} r ${(rs.reduce((s, y) => s + y, 0) / rs.length).toFixed(4)} loud shut ${(100 * a.loudShut / a.loudN).toFixed(1)}% (real ${(100 * a.realLoudShut / a.loudN).toFixed(1)}%) real-closed (jaw<.05) ours closed ${(100 * a.clos / a.closN).toFixed(1)}% p95 ratio median ${q(a.p95, 0.5).toFixed(2)} p25 ${q(a.p95, 0.25).toFixed(2)} p75 ${q(a.p95, 0.75).toFixed(2)}; r up on ${up} of ${mine.size} speakers`);
});
