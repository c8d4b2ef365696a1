import { readFileSync } from 'node:fs';
import { eyeOpenings } from '../../src/eval/eyes.ts';
for (const v of ['lp_d6.mp4', 'lp_d10.mp4', 'lp_d14.mp4', 'WDA_KatieHill_000.mp4', 'lp_d11.mp4', 'lp_d0.mp4']) {
  const raw = JSON.parse(readFileSync(`/work/cache/eyes/tracks/${v}.10fps.json`, 'utf8'));
  const o = raw.filter((r: any) => r?.lm).map((r: any) => eyeOpenings(r.lm));
  const l = o.map((e: any) => e.left).sort((a: number, b: number) => a - b), r = o.map((e: any) => e.right).sort((a: number, b: number) => a - b);
  const med = (a: number[]) => a[a.length >> 1]!;
  console.log(v, 'median', med(l).toFixed(3), med(r).toFixed(3), 'min', l[0].toFixed(3), r[0].toFixed(3), 'ratio', (l[0] / med(l)).toFixed(2), (r[0] / med(r)).toFixed(2));
}
