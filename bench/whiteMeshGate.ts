// s49 (calmeyes49): eyeWide with the white's stare mesh gate (motion/whiteStare.ts whiteStareMeshGate) off -> on, per
// driver at 25 fps (cached tracks): max eyeWide (greater eye), frames over .2, every frame moved > .05, named frames.
// Never asserts. A spec is DRIVER[:FROM_S:TO_S[:f1,f2]] (a window of the track in seconds; empty for the whole clip).
//   node --import tsx bench/whiteMeshGate.ts pcavs_Audio_Source_741400104.mp4:0:6:73,131 lp_d6.mp4:::55,101,156
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
for (const spec of process.argv.slice(2)) {
  const [d, a, b, named] = spec.split(':');
  let raw = await cachedTrack(d!, 25); if (b) raw = raw.slice(Number(a) * 25, Number(b) * 25);
  const [off, on] = [false, true].map((g) => motionFramesFromRaw(raw, 25, true, { fit: { whiteStareMeshGate: g } }).frames);
  const wl = (fr: any[], i: number) => Math.max(fr[i].w.eyeWideLeft ?? 0, fr[i].w.eyeWideRight ?? 0);
  const moved = off.map((_, i) => i).filter((i) => Math.abs(wl(off, i) - wl(on, i)) > 0.05);
  const over = (fr: any[]) => fr.filter((_, i) => wl(fr, i) > 0.2).length;
  const mx = (fr: any[]) => Math.max(...fr.map((_, i) => wl(fr, i))).toFixed(2);
  console.log(`${spec} n=${raw.length} eyeWide max ${mx(off)} -> ${mx(on)}, frames >.2 ${over(off)} -> ${over(on)}, moved >.05 ${moved.length}: ${moved.map((i) => `f${i} ${wl(off, i).toFixed(2)}->${wl(on, i).toFixed(2)}`).join(' ')}`);
  for (const n of (named ?? '').split(',').filter(Boolean).map(Number)) console.log(`  f${n} ${wl(off, n).toFixed(2)} -> ${wl(on, n).toFixed(2)}`);
}
