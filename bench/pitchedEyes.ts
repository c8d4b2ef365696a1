// Per driver track: the eyes' growth with the head's pitch (pitchedEyes.ts) and what eyesAtUsualPitch on vs off (the default) does
// to the eye channels: the per-eye closure (foldBlink) and eyeWide over the clip, frames with eyeWide > .2, frames whose
// eye weights move > .05. Never asserts.
//   node --import tsx bench/pitchedEyes.ts [--frames a-b,c-d] [--moved] [video names or paths...]   (--frames: those frames listed, pitch and closures/eyeWide off -> on; --moved: every moved frame listed)
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { fitEyePitchGrowth } from '../src/motion/pitchedEyes.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { usableFrames } from '../src/motion/usableFrames.ts';
import type { MotionFrame } from '../src/types.ts';
const args = process.argv.slice(2);
const fi = args.indexOf('--frames');
const ranges = fi >= 0 ? args[fi + 1]!.split(',').map((s) => s.split('-').map(Number) as [number, number]) : [];
const listMoved = args.includes('--moved');
const named = args.filter((a, i) => !a.startsWith('--') && !(fi >= 0 && i === fi + 1));
const videos = named.length ? named : DRIVERS;
const closures = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
const wides = (f: MotionFrame) => [f.w.eyeWideLeft ?? 0, f.w.eyeWideRight ?? 0];
const EYE = ['eyeBlinkLeft', 'eyeBlinkRight', 'eyeWideLeft', 'eyeWideRight', 'eyeSquintLeft', 'eyeSquintRight'];
const f2 = (x: number) => x.toFixed(2);
const line = (raw: unknown[], off: MotionFrame[], on: MotionFrame[], i: number) => { const r = raw[i] as { angles: { pitch: number } } | null; return `  f${i} pitch ${r ? r.angles.pitch.toFixed(1) : '-'}: closure ${closures(off[i]!).map(f2).join('/')} wd ${wides(off[i]!).map(f2).join('/')} -> ${closures(on[i]!).map(f2).join('/')} wd ${wides(on[i]!).map(f2).join('/')}`; };
for (const v of videos) {
  const raw = await cachedTrack(v, 25);
  const valid = usableFrames(raw);
  const have = raw.map((_r, i) => i).filter((i) => valid[i] && raw[i]);
  const g = fitEyePitchGrowth(have.map((i) => raw[i]!.angles.pitch), have.map((i) => (raw[i]!.m.eyeLeft + raw[i]!.m.eyeRight) / 2));
  const on = motionFramesFromRaw(raw, 25, true, { fit: { eyesAtUsualPitch: true } }).frames, off = motionFramesFromRaw(raw, 25, true, { fit: { eyesAtUsualPitch: false } }).frames;
  const sum = (fs: MotionFrame[]) => {
    let cl = 0, wideN = 0, wideMax = 0, shut = 0;
    for (const f of fs) { const c = closures(f), w = wides(f); cl += (c[0]! + c[1]!) / 2; if (Math.max(...w) > 0.2) wideN++; wideMax = Math.max(wideMax, ...w); if (Math.min(...c) > 0.6) shut++; }
    return `closure ${f2(cl / fs.length)} both>.6 ${shut} wide>.2 ${wideN} max ${f2(wideMax)}`;
  };
  let moved = 0;
  on.forEach((f, i) => { if (EYE.some((k) => Math.abs(((f.w as any)[k] ?? 0) - ((off[i]!.w as any)[k] ?? 0)) > 0.05) || Math.abs(f.blink - off[i]!.blink) > 0.05) { moved++; if (listMoved) console.log(line(raw, off, on, i)); } });
  console.log(`${v.split('/').pop()}: slope ${g.slope.toFixed(4)}/deg usual pitch ${g.usual.toFixed(1)} | off ${sum(off)} | on ${sum(on)} | moved ${moved}/${on.length}`);
  for (const [a, b] of ranges) for (let i = a; i <= Math.min(b, on.length - 1); i++) {
    console.log(line(raw, off, on, i));
  }
}
