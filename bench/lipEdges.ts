// The lips around a phrase's start and end, real against ours (critic15: "real lips open 1-3 frames before the
// sound"). Every-frame read-backs of real mouths (16 training clips, /tmp/sync15/read, and critic14's four) with
// the same sound: at each onset (5 frames without speech activity, then 5 with) and offset (the reverse), the
// real lip gap and our jawOpen (the product's chain, audioMouth.ts, `--onset K`: its onsetLead switch) in the
// 4 frames either side, each over its clip's speech median, averaged over the edges.
//   node --import tsx bench/lipEdges.ts [--reads /tmp/sync15/read] [--critic /work/review/s14] [--onset 0]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const model = loadLipModel();
const s14 = arg('--critic', '/work/review/s14'), reads = arg('--reads', '/tmp/sync15/read');
const onsetLead = Number(arg('--onset', '0'));
if (!existsSync(reads)) throw new Error(`no real read-backs in ${reads} (critic14's read.ts --max 200 on train clips; --reads DIR)`);
const files: [string, string | undefined][] = readdirSync(reads).filter((x) => /^real_.*json$/.test(x)).sort().map((f) => [`${reads}/${f}`, undefined]);
files.push([s14 + '/read/real_katie.json', s14 + '/media/katie8.wav'], [s14 + '/read/real_obama1.json', s14 + '/media/obama1_8.wav'], [s14 + '/read/real_feifei1.json', path.join(SHARED_DATA, 'train/clips/styletalk_feifeili_clip1.mp4')], [s14 + '/read/real_mtsun.json', s14 + '/media/mtsun8.wav']);
const K = 4;
const on = { real: new Array(2 * K + 1).fill(0), ours: new Array(2 * K + 1).fill(0), n: 0 }, off = { real: new Array(2 * K + 1).fill(0), ours: new Array(2 * K + 1).fill(0), n: 0 };
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
for (const [f, wav] of files) {
  const d = JSON.parse(readFileSync(f, 'utf8'));
  const audio = await lipAudio(wav ?? d.video);
  const n = Math.min(d.rows.length, Math.round((audio.samples / 16000) * 25));
  const sp = speechActivity(audio, 25, n);
  const jaw = audioMouthCurves(model, audio, 25, n, { onsetLead })[model.targets.indexOf('jawOpen')]!;
  const g = (i: number) => d.rows[i]?.gap;
  const spIdx = [...Array(n).keys()].filter((i) => sp[i]! >= 0.5 && g(i) != null);
  const mr = med(spIdx.map(g)), mo = med(spIdx.map((i) => jaw[i]!));
  // onsets: >= 5 silent frames then >= 5 speech frames
  for (let i = 5; i < n - 5; i++) {
    const silentBefore = [1, 2, 3, 4, 5].every((k) => sp[i - k]! < 0.5), speechAfter = [0, 1, 2, 3, 4].every((k) => sp[i + k]! >= 0.5);
    const speechBefore = [1, 2, 3, 4, 5].every((k) => sp[i - k]! >= 0.5), silentAfter = [0, 1, 2, 3, 4].every((k) => sp[i + k]! < 0.5);
    const acc = silentBefore && speechAfter ? on : speechBefore && silentAfter ? off : null;
    if (!acc) continue;
    if ([...Array(2 * K + 1).keys()].some((k) => g(i - K + k) == null)) continue;
    acc.n++;
    for (let k = 0; k <= 2 * K; k++) { acc.real[k] += g(i - K + k) / mr; acc.ours[k] += jaw[i - K + k]! / mo; }
  }
}
for (const [nm, a] of [['onset (first speech frame = 0)', on], ['offset (first silent frame = 0)', off]] as const) {
  console.log(`${nm}, n ${a.n}, relative to each clip's speech median:`);
  console.log('  frame ' + [...Array(2 * K + 1).keys()].map((k) => String(k - K).padStart(6)).join(''));
  console.log('  real  ' + a.real.map((v) => (v / a.n).toFixed(2).padStart(6)).join(''));
  console.log('  ours  ' + a.ours.map((v) => (v / a.n).toFixed(2).padStart(6)).join(''));
}
