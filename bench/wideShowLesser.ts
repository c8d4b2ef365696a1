// s55 (stare55): eyeWide with wideShowCap's lesser-eye cap (wideShowLesser) off -> on per driver (25 fps cached tracks, a
// name under REAL3D_DATA/video or a path): max, frames > .2, eye-frames moved > .05, the largest change and where. Never asserts.
//   node --import tsx bench/wideShowLesser.ts lp_d10.mp4 lp_d6.mp4 /work/review/s55/media/beckham_6.mp4
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
for (const d of process.argv.slice(2)) {
  const raw = await cachedTrack(d, 25);
  const a = motionFramesFromRaw(raw, 25, true, { fit: { wideShowLesser: false } }).frames, b = motionFramesFromRaw(raw, 25, true, {}).frames;
  let moved = 0, maxd = 0, where = -1, over = [0, 0]; let blinkMax = 0;
  a.forEach((f, i) => { for (const c of ['eyeWideLeft', 'eyeWideRight']) { const d = Math.abs((f.w[c] ?? 0) - (b[i]!.w[c] ?? 0)); if (d > maxd) { maxd = d; where = i; } if (d > 0.05) moved++; }
    if (Math.max(f.w.eyeWideLeft ?? 0, f.w.eyeWideRight ?? 0) > 0.2) over[0]++; if (Math.max(b[i]!.w.eyeWideLeft ?? 0, b[i]!.w.eyeWideRight ?? 0) > 0.2) over[1]++;
    blinkMax = Math.max(blinkMax, Math.abs((f.blink ?? 0) - (b[i]!.blink ?? 0))); });
  const mx = (fr: typeof a) => Math.max(...fr.map((f) => Math.max(f.w.eyeWideLeft ?? 0, f.w.eyeWideRight ?? 0))).toFixed(2);
  console.log(`${d.split('/').pop()} ${a.length}f: eyeWide max ${mx(a)} -> ${mx(b)}, frames >.2 ${over[0]} -> ${over[1]}, eye-frames moved >.05 ${moved}, max change ${maxd.toFixed(2)} at f${where}, blink max change ${blinkMax.toFixed(2)}`);
}
