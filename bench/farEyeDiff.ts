// Per driver track: frames whose far eye is doubted (farEye.ts, the trust under 1) and how far the eye channels move with
// farEyeAsNear on vs off (frames with any eye weight moved > .05; the largest move). Never asserts.
//   node --import tsx bench/farEyeDiff.ts [video names or paths...]
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { farEyes } from '../src/motion/farEye.ts';
const videos = process.argv.slice(2).length ? process.argv.slice(2) : DRIVERS;
const EYE = ['eyeBlinkLeft', 'eyeBlinkRight', 'eyeWideLeft', 'eyeWideRight', 'eyeSquintLeft', 'eyeSquintRight'];
for (const v of videos) {
  const raw = await cachedTrack(v, 25);
  const far = farEyes(raw);
  const doubted = far.filter((f) => f && f.trust < 1).length;
  const on = motionFramesFromRaw(raw, 25, true).frames, off = motionFramesFromRaw(raw, 25, true, { fit: { farEyeAsNear: false } }).frames;
  let moved = 0, most = 0, at = -1, what = '';
  on.forEach((f, i) => {
    const d = EYE.map((k) => Math.abs(((f.w as any)[k] ?? 0) - ((off[i]!.w as any)[k] ?? 0)));
    const m = Math.max(...d);
    if (m > 0.05) moved++;
    if (m > most) { most = m; at = i; what = EYE[d.indexOf(m)]!; }
  });
  console.log(`${v.split('/').pop()}: ${raw.length} frames, far eye doubted ${doubted}, eye weights moved >.05 on ${moved}, most ${most.toFixed(2)} (${what} f${at})`);
}
