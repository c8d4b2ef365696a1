// The rig basis's own mouth narrowing per control (the mouth-corner distance over rest, the fit's
// mouthWidthRatio) at weights 0.25..1 on a few photos: what the mouth prior's pucker floor
// (rig/mouthPrior.ts PUCKER_NARROWING_FULL) should divide a driver's narrowing by. Prints a table.
//   node --import tsx bench/puckerWidth.ts [lp_s42.jpg,mt_man.png,...]
import path from 'node:path';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { canonicalize, deform } from '../src/rig/fit.ts';
import { mouthWidthRatio } from '../src/rig/mouthPrior.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const photos = (process.argv[2] ?? 'lp_s42.jpg,mt_man.png,st_art_1.png,lp_s2.jpg,st_happy.png').split(',');
const CASES: [string, Partial<Record<RigControl, number>>][] = [
  ['pucker .5', { mouthPucker: 0.5 }], ['pucker 1', { mouthPucker: 1 }],
  ['funnel 1', { mouthFunnel: 1 }], ['pucker 1 + jaw .25', { mouthPucker: 1, jawOpen: 0.25 }],
  ['pucker .6 + funnel .4', { mouthPucker: 0.6, mouthFunnel: 0.4 }], ['jaw .5', { jawOpen: 0.5 }],
];
console.log('photo'.padEnd(14) + CASES.map(([n]) => n.padStart(22)).join(''));
for (const p of photos) {
  const neutral = canonicalize((await detectFaces(await loadImage(path.join(DATA, 'portraits', p)), { embedding: false }))[0]!.landmarks);
  const basis = buildBasis(neutral);
  const cells = CASES.map(([, w]) => mouthWidthRatio(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => w[c] ?? 0)), neutral).toFixed(3).padStart(22));
  console.log(p.padEnd(14) + cells.join(''));
}
