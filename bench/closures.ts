// Closures from the sound (src/motion/lipClosures.ts) on GRID s1 sentences the shipped model never
// heard (the teacher = our tracker on the real frames, cached by src/motion/train/teacher.ts):
//   - p/b/m: at b/p-initial words (bin, blue, by, place, please), the jaw's minimum within -40..+80 ms
//     of the word start over the speaker's median jaw in speech; closed = below 0.35 (bench/lipChecks.ts);
//   - jawOpen r against the video path's jaw (best lag within +-3 frames);
//   - loud frames (speech activity 1, the loudest third) with the jaw nearly shut (< 0.05);
//   - share of speech frames the closure weight touches (> 0.5).
// Per closure setting (--sweep FROM:FULL[:ONSET s[:STRENGTH]],...), the product's post-processing otherwise.
// Sentences without a cached teacher are skipped; --extract tracks them first (~1 s of CPU a frame at load).
//   REAL3D_LIPSYNC_CACHE=/work/cache/closures14/lipsync node --import tsx bench/closures.ts [--extract] [--sweep 2.5:4.5,3:5:0.04] [--from 32 --count 40]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lipAudio } from '../src/motion/lipFeatures.ts';
import { calibrateLips, loadLipModel, postprocessLips, rawLipCurves } from '../src/motion/lipModel.ts';
import { frameEnergy, openRoundedVowels } from '../src/motion/lipRounding.ts';
import { shapeAudioMouth } from '../src/motion/lipShapes.ts';
import { closureWeights, shutClosures } from '../src/motion/lipClosures.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { DATA, DEFAULT_CACHE, extractAll, gridSubsample, readCachedFaces, TEACHER_FPS, type TrainClip } from '../src/motion/train/teacher.ts';
import { loadClipData } from '../src/motion/train/lipData.ts';

const FPS = TEACHER_FPS;
const arg = (n: string, d: string) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1]! : d);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
// FROM:FULL[:ONSET s[:STRENGTH]]
const settings: (number[] | null)[] = [null, ...arg('--sweep', '1.5:3.5').split(',').map((s) => s.split(':').map(Number))];
const names = gridSubsample(Number(arg('--from', '32')) + Number(arg('--count', '40'))).slice(Number(arg('--from', '32')));
const bilabial = /^(bin|blue|by|place|please)$/;
const model = loadLipModel();
const jawAt = model.targets.indexOf('jawOpen');
type Acc = { ours: number[]; real: number[]; r: number[]; loud: number; loudShut: number; realLoudShut: number; touched: number; speechFrames: number };
const acc: Acc[] = settings.map(() => ({ ours: [], real: [], r: [], loud: 0, loudShut: 0, realLoudShut: 0, touched: 0, speechFrames: 0 }));
const gridClip = (f: string): TrainClip => ({ name: `grid_${f.replace(/\.mp4$/, '')}`, speaker: 'grid_s1', video: path.join(DATA, 'train/grid_s1', f), audio: path.join(DATA, 'train/grid_s1', f), role: 'train' });
if (process.argv.includes('--extract')) await extractAll(DEFAULT_CACHE, names.map(gridClip));
let used = 0;
for (const f of names) {
  const clip = gridClip(f);
  const faces = readCachedFaces(DEFAULT_CACHE, clip);
  if (!faces) continue;
  used++;
  const c = await loadClipData(clip, faces, [0]);
  const audio = await lipAudio(clip.audio);
  const n = c.n;
  const energy = frameEnergy(audio, FPS, n);
  const align = readFileSync(path.join(DATA, 'train/grid_s1/align', f.replace(/\.mp4$/, '.align')), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(' '));
  const speechIdx = [...Array(n).keys()].filter((i) => c.speech[i]! >= 0.5);
  const medReal = median(speechIdx.map((i) => c.videoJaw[i]!));
  settings.forEach((s, k) => {
    const curves = calibrateLips(model, rawLipCurves(model, audio, FPS, n), FPS);
    openRoundedVowels(curves, model.targets, energy);
    const mouth = postprocessLips(curves, c.speech, FPS, 0.45);
    const w = s ? closureWeights(audio, FPS, n, s[0], s[1], s[2]).map((v) => v * (s[3] ?? 1)) : new Float64Array(n);
    shutClosures(mouth, model.targets, w);
    shapeAudioMouth(mouth, model.targets);
    const jaw = mouth[jawAt]!;
    const a = acc[k]!;
    const medOurs = median(speechIdx.map((i) => jaw[i]!));
    for (const [start, , word] of align) {
      if (!bilabial.test(word!)) continue;
      const t = Number(start) / 25000;
      const i0 = Math.max(0, Math.round((t - 0.04) * FPS)), i1 = Math.min(n - 1, Math.round((t + 0.08) * FPS));
      if (i1 <= i0) continue;
      a.ours.push(Math.min(...jaw.slice(i0, i1 + 1)) / Math.max(1e-3, medOurs));
      a.real.push(Math.min(...c.videoJaw.slice(i0, i1 + 1)) / Math.max(1e-3, medReal));
    }
    const valid = [...Array(n).keys()].filter((i) => c.valid[i]);
    a.r.push(bestLagPearson(valid.map((i) => jaw[i]!), valid.map((i) => c.videoJaw[i]!), 3).r);
    for (const i of speechIdx) {
      a.speechFrames++;
      if (w[i]! > 0.5) a.touched++;
      if (energy[i]! > -1.1) {
        a.loud++;
        if (jaw[i]! < 0.05) a.loudShut++;
        if (c.videoJaw[i]! < 0.05) a.realLoudShut++;
      }
    }
  });
}
const pc = (x: number, d: number) => `${((100 * x) / Math.max(1, d)).toFixed(1)} %`;
console.log(`${used} GRID s1 sentences (held out from the shipped model)`);
settings.forEach((s, k) => {
  const a = acc[k]!;
  const closed = (v: number[]) => pc(v.filter((x) => x < 0.35).length, v.length);
  console.log(`${(s ? `closures ${s.join(':')}` : 'no closures').padEnd(22)} p/b/m closed ${closed(a.ours)} (real ${closed(a.real)}), dip median ${median(a.ours).toFixed(2)} (real ${median(a.real).toFixed(2)}) | jaw r ${(a.r.reduce((x, y) => x + y, 0) / a.r.length).toFixed(4)} | loud frames jaw < 0.05: ${pc(a.loudShut, a.loud)} (real ${pc(a.realLoudShut, a.loud)}) | speech frames with closure > 0.5: ${pc(a.touched, a.speechFrames)}`);
});
