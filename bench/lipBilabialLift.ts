// The audio mouth's jaw at b/m/p frames against open-vowel frames (issue #13, bmp18: "the lift opened the
// p/b/m dips"). No face tracking: the ten StyleTalk clips of train/clips with phoneme truth (one id per 30 fps
// frame, bench/phonemeTruth.ts), whole length, speech frames only; per clip and pooled, the median jawOpen at
// b/m/p and at open vowels for the chain without the lift, the lift on every frame (audio18) and the lift that
// keeps the dips (bmp18, the product). These speakers were heard in training.
//   node --import tsx bench/lipBilabialLift.ts
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves, type AudioMouthTiming } from '../src/motion/audioMouth.ts';
import { DATA } from '../src/motion/train/teacher.ts';
import { BILABIAL_IDS, OPEN_VOWEL_IDS } from './phonemeTruth.ts';

const FPS = 25;
const VARIANTS: [string, Partial<AudioMouthTiming>][] = [['no lift', { lift: 1 }], ['lift, dips too', { liftSpan: 0 }], ['lift, dips kept', {}]];
const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const dir = path.join(DATA, 'train/clips');
const pooled = VARIANTS.map(() => ({ bmp: [] as number[], open: [] as number[] }));
for (const f of readdirSync(dir).filter((x) => x.endsWith('.phonemes30fps.json')).sort()) {
  const ph = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as number[];
  const audio = await lipAudio(path.join(dir, f.replace('.phonemes30fps.json', '.mp4')));
  const n = Math.min(Math.floor((ph.length * FPS) / 30), Math.round((audio.samples / 16000) * FPS));
  const sp = speechActivity(audio, FPS, n);
  const cells = VARIANTS.map(([, t], k) => {
    const jaw = audioMouthCurves(model, audio, FPS, n, t)[at]!;
    const bmp: number[] = [], open: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = ph[Math.floor((i * 30) / FPS)]!;
      if (sp[i]! < 0.5) continue;
      if (BILABIAL_IDS.has(p)) bmp.push(jaw[i]!);
      if (OPEN_VOWEL_IDS.has(p)) open.push(jaw[i]!);
    }
    pooled[k]!.bmp.push(...bmp); pooled[k]!.open.push(...open);
    return `b/m/p ${median(bmp).toFixed(3)} open ${median(open).toFixed(3)}`;
  });
  console.log(`${f.replace(/^styletalk_|\.phonemes30fps\.json$/g, '').padEnd(18)} ${cells.join(' | ')}`);
}
console.log(`jawOpen medians over speech frames, columns: ${VARIANTS.map(([k]) => k).join(' | ')}`);
pooled.forEach((p, k) => console.log(`  pooled ${VARIANTS[k]![0].padEnd(16)} b/m/p ${median(p.bmp).toFixed(3)} (${p.bmp.length} frames) open vowels ${median(p.open).toFixed(3)} (${p.open.length})`));
