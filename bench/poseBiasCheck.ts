// Neutral faces at poses, read back like a driver's frames, before/after removing the pose bias
// (rig/poseBias.ts). Portraits not used to build the table by default.
//   node --import tsx bench/poseBiasCheck.ts [lp_s1.jpg mt_man.png ...]
import path from 'node:path';
import { fitRig } from '../src/rig/fit.ts';
import { removePoseBias } from '../src/rig/poseBias.ts';
import { RETARGETED } from '../src/motion/retarget.ts';
import { neutralPoseReader } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['lp_s1.jpg', 'lp_s10.jpg', 'st_happy.png'];
const POSES = [[0, -20, 0], [0, -20, 7], [-3, -20, 7], [0, -10, 5], [0, 0, 8], [10, -8, 6], [15, 0, 0], [0, 8, -5]];
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const all: { before: number[]; after: number[] } = { before: [], after: [] };
for (const name of names) {
  const { neutral, read } = await neutralPoseReader(path.join(DATA, name));
  if (!neutral) { console.log(name, 'no face'); continue; }
  for (const [yaw, pitch, roll] of POSES) {
    const lm = await read(yaw!, pitch!, roll!);
    if (!lm) { console.log(name, yaw, pitch, roll, 'no face'); continue; }
    const fit = fitRig(lm, { neutral, robust: true });
    const after = removePoseBias(fit.weights, fit.pose);
    const b = RETARGETED.map((c) => fit.weights[c]), a = RETARGETED.map((c) => after[c]!);
    all.before.push(...b); all.after.push(...a);
    const top = [...RETARGETED.keys()].sort((i, j) => b[j]! - b[i]!).slice(0, 4);
    console.log(`${name.padEnd(13)} pose ${[yaw, pitch, roll].join('/').padEnd(10)} mean ${mean(b).toFixed(3)} -> ${mean(a).toFixed(3)}  max ${Math.max(...b).toFixed(2)} -> ${Math.max(...a).toFixed(2)}  ` + top.map((k) => `${RETARGETED[k]} ${b[k]!.toFixed(2)}->${a[k]!.toFixed(2)}`).join(', '));
  }
}
console.log(`all: mean control ${mean(all.before).toFixed(3)} -> ${mean(all.after).toFixed(3)}`);
