// The missed-eye check (analyze/eyes.ts) on analysis folders: prints, per face and eye, whether it
// fires and its evidence. Never asserts.
//   node --import tsx bench/eyeMiss.ts /path/to/analysis-root   (folders written by writeAnalysis)
import path from 'node:path';
import { readdirSync, existsSync } from 'node:fs';
import { readAnalysis } from '../src/analyze/index.ts';
import { findMissedEye, lumaOf, IMAGE_LEFT_EYE, IMAGE_RIGHT_EYE } from '../src/analyze/eyes.ts';
import { BENCH_CACHE } from './benchCache.ts';

const root = process.argv[2] ?? path.join(BENCH_CACHE, 'analysis');
let fired = 0, faces = 0;
for (const name of readdirSync(root).sort()) {
  if (!existsSync(path.join(root, name, 'analysis.json'))) continue;
  const p = await readAnalysis(path.join(root, name));
  const l = { width: p.image.width, height: p.image.height, data: lumaOf(p.image) };
  faces++;
  const cells: string[] = [];
  for (const [eyeName, eye] of [['L', IMAGE_LEFT_EYE], ['R', IMAGE_RIGHT_EYE]] as const) {
    const m = findMissedEye(l, p.cropLandmarks, eye);
    if (m) fired++;
    cells.push(m ? `${eyeName} FIRES offset ${m.offset.toFixed(2)} scale ${m.scale.toFixed(2)} skin ${m.skin.toFixed(0)} at-landmarks ${m.atLandmarks.toFixed(0)} disc ${m.disc.toFixed(0)} sclera ${m.sclera.toFixed(0)} moved (${(m.found[0] - m.landmarkIris[0]).toFixed(1)}, ${(m.found[1] - m.landmarkIris[1]).toFixed(1)}) px` : `${eyeName} -`);
  }
  console.log(`${name.padEnd(30)} ${cells.join('   ')}`);
}
console.log(`${faces} faces, ${fired} eyes fired`);
