// How the audio mouth's post-processed curves compare with real speakers' on speakers the model never
// heard (#12), printed, never asserted: the fold models of one training seed (saved by
// `npm run train:mouth -- --cached-only --seed N --no-write --save-folds DIR`) on their held-out clips,
// through the product's calibration, rounded-vowel opening and gate (as predictLips + postprocessLips):
//   - mean jawOpen r (per speaker, frame-weighted over its clips, as train:mouth prints it);
//   - loud frames nearly shut: share of the loudest 20 % of speech frames whose lip gap is under
//     NEAR_SHUT (jawOpen x 0.6, the teacher's unit; the renderer opens the lips that far whatever
//     funnel and the lip controls do);
//   - the same at rounded loud frames (ours: pucker + funnel >= 0.3);
//   - the jaw's distribution in speech (the "switch": share of frames between shut and open).
//
//   node --import tsx bench/lipShape.ts --folds DIR [--share S (lipRounding.ts; default the shipped one, 0: off)] [--hist out.json]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calibrateLips, parseLipModel, postprocessLips, rawLipCurves, type LipModel } from '../src/motion/lipModel.ts';
import { frameEnergy, openRoundedVowels, ROUNDED_OPEN_SHARE } from '../src/motion/lipRounding.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { DEFAULT_CACHE, readCachedFaces, TEACHER_FPS, trainingClips } from '../src/motion/train/teacher.ts';
import { JAW_SCALE, LIP_TARGETS, loadClipData } from '../src/motion/train/lipData.ts';

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dir = arg('--folds');
/** the rounded-vowel opening's share (lipRounding.ts; 0: off) */
const roundedShare = Number(arg('--share') ?? ROUNDED_OPEN_SHARE);
if (!dir) {
  console.error('usage: bench/lipShape.ts --folds DIR [--hist out.json]');
  process.exit(2);
}
/** a lip gap under this (eye-corner distances, ~4.5 px at 512 px) reads as nearly shut */
const NEAR_SHUT = 0.03;
const LOUD_SHARE = 0.2;
const FPS = TEACHER_FPS;
const T = LIP_TARGETS.length;
const J = LIP_TARGETS.indexOf('jawOpen');
const F = LIP_TARGETS.indexOf('mouthFunnel');
const P = LIP_TARGETS.indexOf('mouthPucker');

const folds: { model: LipModel; speakers: string[] }[] = readdirSync(dir).filter((f) => /^fold\d+\.json$/.test(f)).sort().map((f) => {
  const model = parseLipModel(readFileSync(path.join(dir, f), 'utf8'), f);
  return { model, speakers: model.meta.heldOutSpeakers as string[] };
});

const quantile = (v: number[], q: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))]! : NaN;
};
const share = (v: number[], f: (x: number) => boolean) => v.filter(f).length / Math.max(1, v.length);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

const rBySpeaker = new Map<string, { r: number; n: number }[]>();
const loud = { ours: [] as number[], real: [] as number[], oursJaw: [] as number[], roundOurs: [] as number[], roundReal: [] as number[], roundOursJaw: [] as number[] };
const speechJaw = { ours: [] as number[], real: [] as number[] };
for (const clip of trainingClips(0)) {
  const fold = folds.find((f) => f.speakers.includes(clip.speaker));
  if (!fold) continue;
  const faces = readCachedFaces(DEFAULT_CACHE, clip);
  if (!faces) continue;
  const c = await loadClipData(clip, faces, [0]);
  const cal = calibrateLips(fold.model, rawLipCurves(fold.model, c.audio, FPS, c.n), FPS);
  openRoundedVowels(cal, fold.model.targets, frameEnergy(c.audio, FPS, c.n), roundedShare);
  const mouth = postprocessLips(cal, c.speech, FPS, 0.45, undefined);
  const jaw = mouth[J]!;
  const { r } = bestLagPearson(jaw, c.videoJaw, 3);
  rBySpeaker.set(clip.speaker, [...(rBySpeaker.get(clip.speaker) ?? []), { r, n: c.n }]);
  const use = [...Array(c.n).keys()].filter((i) => c.valid[i] && c.speech[i]! >= 0.5);
  const energy = (i: number) => c.X[i * c.X.length / c.n]!;
  const cut = quantile(use.map(energy), 1 - LOUD_SHARE);
  for (const i of use) {
    const realJaw = c.Y[i * T + J]!;
    speechJaw.ours.push(jaw[i]!);
    speechJaw.real.push(realJaw);
    if (energy(i) < cut) continue;
    // the renderer opens the lips by jawOpen alone (render/mouth/opening.ts: the jaw takes up what funnel and the lip controls open)
    const gap = jaw[i]! * JAW_SCALE;
    loud.ours.push(gap);
    loud.oursJaw.push(jaw[i]!);
    loud.real.push(realJaw * JAW_SCALE);
    if (mouth[F]![i]! + mouth[P]![i]! >= 0.3) {
      loud.roundOurs.push(gap);
      loud.roundOursJaw.push(jaw[i]!);
      loud.roundReal.push(realJaw * JAW_SCALE);
    }
  }
}
const speakers = [...rBySpeaker.entries()].map(([s, v]) => v.reduce((a, x) => a + x.r * x.n, 0) / v.reduce((a, x) => a + x.n, 0));
console.log(`folds ${dir}, rounded-vowel share ${roundedShare}: ${speakers.length} held-out speakers, mean jawOpen r ${(speakers.reduce((a, b) => a + b, 0) / speakers.length).toFixed(4)}`);
const shut = (v: number[]) => pct(share(v, (g) => g < NEAR_SHUT));
console.log(`loudest ${LOUD_SHARE * 100} % of speech frames (${loud.ours.length}): lip gap < ${NEAR_SHUT} iod: ours ${shut(loud.ours)}, real ${shut(loud.real)}; gap p10/median ours ${quantile(loud.ours, 0.1).toFixed(3)}/${quantile(loud.ours, 0.5).toFixed(3)} real ${quantile(loud.real, 0.1).toFixed(3)}/${quantile(loud.real, 0.5).toFixed(3)}`);
console.log(`  rounded (ours pucker + funnel >= 0.3, ${loud.roundOurs.length} frames): < ${NEAR_SHUT}: ours ${shut(loud.roundOurs)}, real ${shut(loud.roundReal)}; gap median ours ${quantile(loud.roundOurs, 0.5).toFixed(3)} real ${quantile(loud.roundReal, 0.5).toFixed(3)}`);
// the jaw in speech: shut (< 0.05), between, open (>= 0.2)
const bins = (v: number[]) => `shut ${pct(share(v, (x) => x < 0.05))} between ${pct(share(v, (x) => x >= 0.05 && x < 0.2))} open ${pct(share(v, (x) => x >= 0.2))}`;
console.log(`jawOpen in speech (${speechJaw.ours.length} frames): ours ${bins(speechJaw.ours)}; real ${bins(speechJaw.real)}`);
const hist = arg('--hist');
if (hist) writeFileSync(hist, JSON.stringify(speechJaw));
