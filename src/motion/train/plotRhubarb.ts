// Experiment only: jawOpen curves of the Rhubarb experiment as PNG. Reads the curves experiment.py
// dumped (LIPSEQ_DUMP=DIR) for a baseline and a with-cues run, and plots per clip the measured jaw,
// both models, and Rhubarb's cue as a step curve (A closed ... D wide open, X rest at 0).
//   node --import tsx src/motion/train/plotRhubarb.ts DIR BASE.json CUES.json OUT.png clip1,clip2,...
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { plotCurves } from '../plot.ts';

type Dump = Record<string, { ref: number[]; jaw: number[]; cues: number[][] }>;
/** a rough opening per Rhubarb cue, only to draw the cue sequence on the jaw's scale */
const CUE_OPENING = [0, 0.1, 0.2, 0.3, 0.15, 0.1, 0.05, 0.15, 0];
const SECONDS = 10;

const [dir, baseFile, cuesFile, out, clipList] = process.argv.slice(2) as [string, string, string, string, string];
const base = JSON.parse(readFileSync(path.join(dir, baseFile), 'utf8')) as Dump;
const withCues = JSON.parse(readFileSync(path.join(dir, cuesFile), 'utf8')) as Dump;
const panels = clipList.split(',').map((name) => {
  const n = Math.min(base[name]!.ref.length, SECONDS * 25);
  const cut = (a: number[]) => a.slice(0, n);
  const cue = base[name]!.cues.slice(0, n).map((row) => row.reduce((s, v, k) => s + v * CUE_OPENING[k]!, 0));
  return {
    title: `${name}: jawOpen, first ${n / 25} s`,
    series: [
      { label: 'measured (video)', values: cut(base[name]!.ref), color: '#000000' },
      { label: 'tcn_on', values: cut(base[name]!.jaw), color: '#1f77b4' },
      { label: 'tcn_on + rhubarb cues', values: cut(withCues[name]!.jaw), color: '#d62728' },
      { label: 'rhubarb cue (A0 B.1 C.2 D.3 E.15 F.1 G.05 H.15 X0)', values: cue, color: '#2ca02c' },
    ],
  };
});
writeFileSync(out, await plotCurves(panels, { width: 1400, panelHeight: 150, fps: 25 }));
console.log(`wrote ${out}`);
