// Shut lips by phoneme class, real against ours (issue #13, audio18: "the closures firing on non-bilabials?").
// The five StyleTalk speakers' first 8 s tracked by bench/trackLipClips.ts (real lip gap, IOD) and their phoneme
// alignments (bench/phonemeTruth.ts); per class over speech frames: the real gap's median and share under 0.03
// IOD, ours (jawOpen x 0.6) with and without the closures from the sound, and the share of frames where the
// closures' weight is at least 0.5. These speakers were heard in training.
//   node --import tsx bench/lipPhonemeClasses.ts [--faces /tmp/audio18/faces] [--lead 0] [--lift 1] [--timing JSON]   (--lead -2: the real frame 2 before the sound's)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { closureWeights } from '../src/motion/lipClosures.ts';
import { DATA } from '../src/motion/train/teacher.ts';
import { BILABIAL_IDS, OPEN_VOWEL_IDS, OTHER_VOWEL_IDS, SIL_ID } from './phonemeTruth.ts';

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const faces = arg('--faces', '/tmp/audio18/faces'), lead = Number(arg('--lead', '0'));
// --timing '{"liftSpan":2}': any audioMouth.ts timing (bmp18)
const timing = { ...(argv.includes('--lift') ? { lift: Number(arg('--lift', '1')) } : {}), ...(JSON.parse(arg('--timing', '{}')) as object) };
/** T D K G (phindex ids) */
const VELAR_ALVEOLAR_STOPS = new Set([32, 8, 19, 14]);
const classOf = (p: number) => (BILABIAL_IDS.has(p) ? 'b/m/p' : VELAR_ALVEOLAR_STOPS.has(p) ? 't/d/k/g' : OPEN_VOWEL_IDS.has(p) ? 'open vowel' : OTHER_VOWEL_IDS.has(p) ? 'other vowel' : p === SIL_ID ? 'SIL' : 'other cons.');
const CLIPS = [['obama1', 'styletalk_Obama_clip1'], ['feifei1', 'styletalk_feifeili_clip1'], ['andrew1', 'styletalk_andrew_clip_1'], ['reagan1', 'styletalk_reagan_clip1'], ['noem', 'styletalk_KristiNoem']];

const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
const acc = new Map<string, { real: number[]; ours: number[]; open: number[]; w: number[] }>();
/** (bmp18) b/m/p frames per clip: [real gap, ours] */
const bilabialByClip = new Map<string, [number, number][]>();
for (const [name, file] of CLIPS) {
  const d = JSON.parse(readFileSync(path.join(faces, `${name}.json`), 'utf8')) as { video: string; frames: ({ m: { lipGap: number }; score: number } | null)[] };
  const ph30 = JSON.parse(readFileSync(path.join(DATA, 'train/clips', `${file}.phonemes30fps.json`), 'utf8')) as number[];
  const audio = await lipAudio(d.video);
  const n = Math.min(d.frames.length, Math.round((audio.samples / 16000) * 25));
  const ours = audioMouthCurves(model, audio, 25, n, timing)[at]!, open = audioMouthCurves(model, audio, 25, n, { ...timing, closures: false })[at]!;
  const w = closureWeights(audio, 25, n), sp = speechActivity(audio, 25, n);
  for (let i = 0; i < n; i++) {
    const f = d.frames[i + lead];
    if (!f || f.score < 0.5 || sp[i]! < 0.5) continue;
    const c = classOf(ph30[Math.floor((i * 30) / 25)]!);
    const a = acc.get(c) ?? { real: [], ours: [], open: [], w: [] };
    a.real.push(f.m.lipGap); a.ours.push(ours[i]! * 0.6); a.open.push(open[i]! * 0.6); a.w.push(w[i]!);
    acc.set(c, a);
    if (c === 'b/m/p') bilabialByClip.set(name, [...(bilabialByClip.get(name) ?? []), [f.m.lipGap, ours[i]! * 0.6]]);
  }
}
const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const share = (v: number[], f: (x: number) => boolean) => `${((100 * v.filter(f).length) / v.length).toFixed(0)}%`.padStart(4);
console.log(`speech frames by phoneme class (real frame = sound frame ${lead >= 0 ? '+' : ''}${lead}); shut = gap under 0.03 IOD`);
for (const [c, a] of [...acc].sort()) {
  console.log(`  ${c.padEnd(12)} ${String(a.real.length).padStart(4)} | real median ${med(a.real).toFixed(3)} shut ${share(a.real, (x) => x < 0.03)} | ours median ${med(a.ours).toFixed(3)} shut ${share(a.ours, (x) => x < 0.03)} (without closures ${share(a.open, (x) => x < 0.03)}) | closure weight >= 0.5 on ${share(a.w, (x) => x >= 0.5)}`);
}
console.log(`  b/m/p median gap per clip, ours (real): ${[...bilabialByClip].map(([k, v]) => `${k} ${med(v.map((x) => x[1])).toFixed(3)} (${med(v.map((x) => x[0])).toFixed(3)}, ${v.length})`).join('; ')}`);
