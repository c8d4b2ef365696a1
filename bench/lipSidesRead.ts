// bite45: a driver's per-side lips from its cached track (src/motion/lipSides.ts), image left minus image right, IOD,
// less the clip median: inner upper lip raise, inner lower lip drop, the opening (their sum), the nose wing. --frames
// lists frames; without it the clip's p50/p95/p99 of |diff| and the frames over --over (default .04) on the opening.
//   node --import tsx bench/lipSidesRead.ts [--fps 25] [--first 200] [--frames 64,120-136] lp_d6.mp4 ...
import { cachedTrack } from './driverTracks.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { lipSides, sideDiffs } from '../src/motion/lipSides.ts';
import { nearestRank } from '../src/math/stats.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const fps = Number(opt('--fps', '25'));
const frames = opt('--frames', '').split(',').filter(Boolean).flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const videos = args.filter((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--'));
const f3 = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
for (const v of videos) {
  const raw = (await cachedTrack(v, fps)).slice(0, Number(opt('--first', '1e9')));
  const d = raw.map((f) => (f?.lm ? sideDiffs(lipSides(landmarkList(f.lm))) : null));
  const ok = d.filter((x): x is [number, number, number, number] => !!x);
  const med = [0, 1, 2, 3].map((k) => nearestRank(ok.map((x) => x[k]!), 0.5, 0));
  const rel = d.map((x) => x && x.map((y, k) => y - med[k]!));
  console.log(`${v} @${fps}: ${raw.length} frames; median L-R upper ${f3(med[0]!)} lower ${f3(med[1]!)} gap ${f3(med[2]!)} nose ${f3(med[3]!)}`);
  if (frames.length) {
    console.log('frame  upperLR lowerLR gapLR  noseLR   yaw');
    for (const i of frames) { const r = rel[i]; console.log(String(i).padStart(5), r ? r.map(f3).join('  ') : '-', (raw[i]?.angles.yaw ?? NaN).toFixed(1)); }
  } else {
    const abs = (k: number) => rel.filter((x): x is number[] => !!x).map((x) => Math.abs(x[k]!));
    for (const [k, name] of [[0, 'upper'], [1, 'lower'], [2, 'gap'], [3, 'nose']] as const) console.log(`  |${name}| p50 ${abs(k).length ? nearestRank(abs(k), 0.5, 0).toFixed(3) : '-'} p95 ${nearestRank(abs(k), 0.95, 0).toFixed(3)} p99 ${nearestRank(abs(k), 0.99, 0).toFixed(3)} max ${Math.max(...abs(k)).toFixed(3)}`);
    const over = Number(opt('--over', '0.04'));
    console.log('  gap over', over, ':', rel.map((x, i) => (x && Math.abs(x[2]!) > over ? `${i}:${f3(x[2]!)}` : '')).filter(Boolean).join(' '));
  }
}
