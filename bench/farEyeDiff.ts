// Per driver track: frames whose far eye is doubted (farEye.ts, the trust under 1) and how far the eye channels move with
// farEyeAsNear on vs off (frames with any eye weight moved > .05; the largest move). Never asserts.
//   node --import tsx bench/farEyeDiff.ts [--list] [video names or paths...]   (--list: each moved frame, per-eye closure and eyeWide off -> on)
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { farEyes } from '../src/motion/farEye.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import type { MotionFrame } from '../src/types.ts';
const list = process.argv.includes('--list');
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const videos = named.length ? named : DRIVERS;
const eyesOf = (f: MotionFrame) => `${foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0).toFixed(2)}/${foldBlink(f.blink, f.w.eyeBlinkRight ?? 0).toFixed(2)} wd ${(f.w.eyeWideLeft ?? 0).toFixed(2)}/${(f.w.eyeWideRight ?? 0).toFixed(2)}`;
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
    if (m > 0.05) { moved++; if (list) console.log(`  f${i} far ${far[i]?.eye ?? '-'} trust ${far[i]?.trust.toFixed(2) ?? '-'}: closure ${eyesOf(off[i]!)} -> ${eyesOf(f)}`); }
    if (m > most) { most = m; at = i; what = EYE[d.indexOf(m)]!; }
  });
  console.log(`${v.split('/').pop()}: ${raw.length} frames, far eye doubted ${doubted}, eye weights moved >.05 on ${moved}, most ${most.toFixed(2)} (${what} f${at})`);
}
