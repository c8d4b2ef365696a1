// sneer46: a driver's mouth opening per side off its pixels (src/motion/sneerRead.ts lipSidePixels), image left minus
// image right, IOD: teeth height, dark height, opening (their sum), the opening's top; beside the landmarks' gap L-R
// (motion/lipSides.ts). Reads the cached track's landmarks on the decoded frames (no face model run).
//   node --import tsx bench/sneerRead.ts [--fps 25] [--frames 64,120-136] [--first 200] lp_d6.mp4 ...
import path from 'node:path';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { lipSidePixels } from '../src/motion/sneerRead.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { lipSides, sideDiffs } from '../src/motion/lipSides.ts';
import { nearestRank } from '../src/math/stats.ts';
import { oneSidedTeeth } from '../src/motion/sneerSides.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const fps = Number(opt('--fps', '25'));
const frames = opt('--frames', '').split(',').filter(Boolean).flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const videos = args.filter((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--'));
const f3 = (v: number) => (Number.isFinite(v) ? (v >= 0 ? '+' : '') + v.toFixed(3) : '   -  ');
for (const v of videos) {
  const raw = (await cachedTrack(v, fps)).slice(0, Number(opt('--first', '1e9')));
  const rows: number[][] = [];
  let k = 0;
  for await (const fr of decodeVideoFrames(path.join(SHARED_DATA, 'video', v), { fps, maxSide: 720, maxFrames: raw.length })) {
    const lm = raw[k]?.lm;
    const s = lm ? lipSidePixels(fr, lm) : null;
    const g = lm ? sideDiffs(lipSides(landmarkList(lm)))[2] : NaN;
    rows.push(s ? [s.teeth[0] - s.teeth[1], s.dark[0] - s.dark[1], s.teeth[0] + s.dark[0] - s.teeth[1] - s.dark[1], s.top[0] - s.top[1], s.teeth[0], s.teeth[1], s.dark[0], s.dark[1], g] : [NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, g]);
    k++;
  }
  console.log(`${v} @${fps}: ${rows.length} frames`);
  // the one-sided teeth (sneerSides.ts oneSidedTeeth) in column 9
  const rest0 = nearestRank(rows.map((r) => r[0]!).filter(Number.isFinite), 0.5, 0);
  for (const r of rows) r[9] = Number.isFinite(r[4]!) ? oneSidedTeeth(r[4]!, r[5]!, rest0) : NaN;
  if (frames.length) {
    console.log('frame teethLR  darkLR  openLR   topLR  | teethL  teethR  darkL   darkR | mesh gapLR | oneSided');
    for (const i of frames) { const r = rows[i]; if (r) console.log(String(i).padStart(5), r.slice(0, 4).map(f3).join('  '), '|', r.slice(4, 8).map(f3).join('  '), '|', f3(r[8]!), '|', f3(r[9]!)); }
  }
  const top = Number(opt('--top', '0'));
  if (top) {
    const med = nearestRank(rows.map((r) => r[0]!).filter(Number.isFinite), 0.5, 0);
    const order = rows.map((r, i) => [Math.abs(r[9]!) || 0, i] as const).sort((a, b) => b[0] - a[0]).slice(0, top);
    console.log('  largest |oneSided|:', order.map(([, i]) => `f${i} ${f3(rows[i]![9]!)} yaw ${(raw[i]?.angles.yaw ?? NaN).toFixed(0)}`).join(', '));
  }
  const names = ['teethLR', 'darkLR', 'openLR', 'topLR', , , , , , 'oneSided'];
  for (const c of [0, 1, 2, 3, 9]) {
    const a = rows.map((r) => r[c]!).filter(Number.isFinite), med = nearestRank(a, 0.5, 0), abs = a.map((x) => Math.abs(x - med));
    console.log(`  ${names[c]}: median ${f3(med)} |x-med| p50 ${nearestRank(abs, 0.5, 0).toFixed(3)} p95 ${nearestRank(abs, 0.95, 0).toFixed(3)} p99 ${nearestRank(abs, 0.99, 0).toFixed(3)} max ${Math.max(...abs).toFixed(3)} (${a.length} read)`);
  }
}
