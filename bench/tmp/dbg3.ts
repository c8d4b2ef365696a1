import path from 'node:path';
import { readdirSync } from 'node:fs';
import { readAnalysis } from '../../src/analyze/index.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../../src/rig/topology.ts';
for (const name of readdirSync('/work/cache/eyes/analysis')) {
  const p = await readAnalysis(path.join('/work/cache/eyes/analysis', name));
  const lm = p.cropLandmarks;
  const out = [];
  for (const [loop, iris] of [[EYE_L_LOOP, 468], [EYE_R_LOOP, 473]] as const) {
    const cx = loop.reduce((s, i) => s + lm[i]![0], 0) / loop.length, cy = loop.reduce((s, i) => s + lm[i]![1], 0) / loop.length;
    const w = Math.hypot(lm[loop[0]!]![0] - lm[loop[8]!]![0], lm[loop[0]!]![1] - lm[loop[8]!]![1]);
    out.push(`dx ${((lm[iris]![0] - cx) / w).toFixed(2)} dy ${((lm[iris]![1] - cy) / w).toFixed(2)}`);
  }
  console.log(name.padEnd(20), out.join(' | '));
}
