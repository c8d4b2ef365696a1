// s50 (falsestare50): eyeWide with the mesh-show cap (motion/wideShowCap.ts, option wideShowCap) off -> on, per driver at
// 25 fps (cached tracks): max eyeWide (greater eye), frames over .2, frames moved > .05, named frames. Never asserts.
// A spec is DRIVER[:f1,f2] (a name in shared/data/video, or a path).
//   node --import tsx bench/wideShowCap.ts /work/review/s50/media/pose796_6.mp4:10,13,15 lp_d6.mp4:55,101,156
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
for (const spec of process.argv.slice(2)) {
  const [d, named] = spec.split(':');
  const raw = await cachedTrack(d!, 25);
  const [off, on] = [false, true].map((c) => motionFramesFromRaw(raw, 25, true, { fit: { wideShowCap: c } }).frames);
  const wl = (fr: any[], i: number) => Math.max(fr[i].w.eyeWideLeft ?? 0, fr[i].w.eyeWideRight ?? 0);
  const moved = off.map((_, i) => i).filter((i) => Math.abs(wl(off, i) - wl(on, i)) > 0.05);
  const over = (fr: any[]) => fr.filter((_, i) => wl(fr, i) > 0.2).length;
  const mx = (fr: any[]) => Math.max(...fr.map((_, i) => wl(fr, i))).toFixed(2);
  console.log(`${d} n=${raw.length} eyeWide max ${mx(off)} -> ${mx(on)}, frames >.2 ${over(off)} -> ${over(on)}, moved >.05 ${moved.length}: ${moved.slice(0, 30).map((i) => `f${i} ${wl(off, i).toFixed(2)}->${wl(on, i).toFixed(2)}`).join(' ')}`);
  for (const n of (named ?? '').split(',').filter(Boolean).map(Number)) console.log(`  f${n} ${wl(off, n).toFixed(2)} -> ${wl(on, n).toFixed(2)}`);
}
