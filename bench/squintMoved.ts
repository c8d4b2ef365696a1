// s57 (squint57): which frames a driver-fit option moves the eye squints on, through the product's video path
// (motionFramesFromRaw): per driver the frames whose eyeSquint or cheekSquint (either side) moved more than .02 / .05 /
// .1 with `--off a,b` against this checkout, the largest move and where, the frames' mesh opening shares there, and
// the mean eyeSquint over the clip both ways. Weights only; never asserts.
//   node --import tsx bench/squintMoved.ts --off heldRiseSquint,lidShownSquint lp_d6.mp4 lp_d10.mp4 /path/clip.mp4
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';

const args = process.argv.slice(2);
const oi = args.indexOf('--off');
const off = Object.fromEntries((oi >= 0 ? args[oi + 1]! : '').split(',').filter(Boolean).map((k) => [k, false]));
const videos = args.filter((a, k) => a !== '--off' && args[k - 1] !== '--off');
const C = ['eyeSquintLeft', 'eyeSquintRight', 'cheekSquintLeft', 'cheekSquintRight'];
for (const v of videos) {
  const raw = await cachedTrack(v, 25);
  const a = motionFramesFromRaw(raw, 25, true).frames, b = motionFramesFromRaw(raw, 25, true, { fit: off }).frames;
  const moves = a.map((f, i) => Math.max(...C.map((c) => Math.abs((f.w[c] ?? 0) - (b[i]!.w[c] ?? 0)))));
  const top = moves.map((m, i) => [m, i] as const).sort((x, y) => y[0] - x[0]).slice(0, 5);
  const cnt = (t: number) => moves.filter((m) => m > t).length;
  const mean = (fs: typeof a) => (fs.reduce((s, f) => s + ((f.w.eyeSquintLeft ?? 0) + (f.w.eyeSquintRight ?? 0)) / 2, 0) / fs.length).toFixed(3);
  console.log(`${v.split('/').pop()}: ${a.length} frames, moved >.02 ${cnt(0.02)}, >.05 ${cnt(0.05)}, >.1 ${cnt(0.1)}; mean eyeSquint ${mean(b)} -> ${mean(a)}; largest ${top.map(([m, i]) => `f${i} ${m.toFixed(2)} (sq ${(b[i]!.w.eyeSquintLeft ?? 0).toFixed(2)}/${(b[i]!.w.eyeSquintRight ?? 0).toFixed(2)} -> ${(a[i]!.w.eyeSquintLeft ?? 0).toFixed(2)}/${(a[i]!.w.eyeSquintRight ?? 0).toFixed(2)})`).join(', ')}`);
}
