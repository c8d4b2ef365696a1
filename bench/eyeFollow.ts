// How our eye openings follow the driver's over a whole clip (eyes30, issue #14), from bench/driverEyes.ts
// --json files (one per checkout): per pair and eye, each side's opening as a share of its own clip median
// (the face mesh's read-back, eval/eyes.ts), then r and mean abs error, the frames where ours is more than
// WIDER over the driver's share (a stare the driver did not make), and the frames where the driver is shut
// (share <= SHUT) but ours reads open or a slit (> SLIT). With --rest, each side over its rest instead: the
// driver's as the motion's ruler (restFace.ts eyeRestOf: its first 0.2 s or 80th percentile), ours the photo's
// own opening rendered at rest, read from driverEyes' printed output beside the json (X.txt for X.json), so a
// stare the driver did not make counts whatever the clip's median. Never asserts.
// s35: one-eyed frames too (each eye's share .2 apart: the driver's found by ours, ours where the driver's are alike).
//   node --import tsx bench/eyeFollow.ts before.json after.json [--list] [--rest]
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { eyeRestOf } from '../src/motion/restFace.ts';

const WIDER = 0.1, SHUT = 0.3, SLIT = 0.45;
/** s35 (wink35): one-eyed frames, the two eyes' shares this far apart; alike under ALIKE (ours one-eyed there: a false one). */
const ONE_EYED = 0.2, ALIKE = 0.1;
type Row = { i: number; drv: [number, number, number] | null; ours: [number, number, number] | null };
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const list = process.argv.includes('--list'), atRest = process.argv.includes('--rest');
/** Per json file, per pair (photo's path), the photo's own opening L/R as driverEyes printed it. */
async function photoRests(file: string): Promise<Map<string, [number, number]>> {
  const txt = file.replace(/\.json$/, '.txt'), out = new Map<string, [number, number]>();
  if (!existsSync(txt)) return out;
  for (const m of (await readFile(txt, 'utf8')).matchAll(/^(\S+) <- (\S+): .*own opening L\/R ([\d.]+)\/([\d.]+)/gm)) out.set(`${m[1]}:${m[2]}`, [Number(m[3]), Number(m[4])]);
  return out;
}
const median = (a: number[]) => { const s = a.slice().sort((x, y) => x - y); return s[s.length >> 1] ?? NaN; };
function corr(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length, my = y.reduce((s, v) => s + v, 0) / y.length;
  let xy = 0, xx = 0, yy = 0;
  for (let i = 0; i < x.length; i++) { const a = x[i]! - mx, b = y[i]! - my; xy += a * b; xx += a * a; yy += b * b; }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}
const runs = await Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as Record<string, Row[]>));
const rests = await Promise.all(files.map(photoRests));
for (const pair of Object.keys(runs[0]!)) {
  console.log(`\n${pair.replace(/[^:]*\//g, '')}`);
  runs.forEach((run, k) => {
    const rows = (run[pair] ?? []).filter((q) => q.drv && q.ours);
    const parts: string[] = [];
    const wideAt: number[] = [], slitAt: number[] = [];
    const sides: { d: number[]; o: number[] }[] = [];
    for (const e of [0, 1]) {
      const own = rests[k]!.get(pair)?.[e];
      if (atRest && !own) throw new Error(`--rest: no photo opening for ${pair} beside ${files[k]}`);
      const dm = atRest ? eyeRestOf(rows.map((q) => q.drv![e])) : median(rows.map((q) => q.drv![e]));
      const om = atRest ? own! : median(rows.map((q) => q.ours![e]));
      const d = rows.map((q) => q.drv![e] / dm), o = rows.map((q) => q.ours![e] / om);
      sides.push({ d, o });
      const mae = d.reduce((s, v, i) => s + Math.abs(v - o[i]!), 0) / d.length;
      const wider = rows.filter((_, i) => o[i]! - d[i]! > WIDER);
      const slit = rows.filter((_, i) => d[i]! <= SHUT && o[i]! > SLIT);
      wideAt.push(...wider.map((q) => q.i)); slitAt.push(...slit.map((q) => q.i));
      parts.push(`${e ? 'R' : 'L'} r ${corr(o, d).toFixed(3)} mae ${mae.toFixed(3)} wider>${WIDER} ${wider.length} shut-as-open ${slit.length}/${d.filter((v) => v <= SHUT).length}`);
    }
    // one-eyed frames (s35): the driver's found by ours on the same side, and ours where the driver's eyes are alike
    const gap = (which: 'd' | 'o', i: number) => sides[0]![which][i]! - sides[1]![which][i]!;
    const drvOne = rows.map((_, i) => i).filter((i) => Math.abs(gap('d', i)) >= ONE_EYED);
    const found = drvOne.filter((i) => Math.sign(gap('o', i)) === Math.sign(gap('d', i)) && Math.abs(gap('o', i)) >= ONE_EYED / 2);
    const falseOne = rows.map((_, i) => i).filter((i) => Math.abs(gap('o', i)) >= ONE_EYED && Math.abs(gap('d', i)) < ALIKE);
    parts.push(`one-eyed ${found.length}/${drvOne.length} false ${falseOne.length}`);
    console.log(`  ${files[k]!.replace(/.*\//, '')} (${rows.length} fr): ${parts.join(' | ')}`);
    if (list) console.log(`    one-eyed at ${drvOne.map((i) => rows[i]!.i).join(',')}; false at ${falseOne.map((i) => rows[i]!.i).join(',')}`);
    if (list) console.log(`    wider at ${[...new Set(wideAt)].sort((a, b) => a - b).join(',')}\n    shut-as-open at ${[...new Set(slitAt)].sort((a, b) => a - b).join(',')}`);
  });
}
