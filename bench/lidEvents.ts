// What lidEvents.ts (a wink held over its event, a held narrowing's slits) changes in a driver's motion:
// per driver, the frames whose folded eye closure (blink and eyeBlink as the renderer folds them) moves by
// more than .02 with the rule on against off, and at the given frames each eye's mesh opening share of
// rest and its closure off -> on (subject's left / right). Weights only; never asserts.
//   node --import tsx bench/lidEvents.ts DRIVER.mp4[:F1,F2,...] ... [--seconds 8] [--fps 25]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import type { MotionFrame } from '../src/types.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const fps = Number(arg('--fps', '25')), seconds = Number(arg('--seconds', '8'));
const specs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const f2 = (v: number) => v.toFixed(2);
const closure = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];

for (const spec of specs) {
  const [driver, list] = spec.split(':') as [string, string | undefined];
  const raw = (await cachedTrack(driver, fps)).slice(0, Math.round(seconds * fps));
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
  const off = motionFramesFromRaw(raw, fps, true, { lidEvents: false }).frames;
  const on = motionFramesFromRaw(raw, fps, true).frames;
  const moved = on.map((f, i) => i).filter((i) => closure(on[i]!).some((c, e) => Math.abs(c - closure(off[i]!)[e]!) > 0.02));
  const otherMoved = on.filter((f, i) => Object.keys({ ...f.w, ...off[i]!.w }).some((k) => !k.startsWith('eyeBlink') && !k.startsWith('eyeWide') && Math.abs((f.w[k] ?? 0) - (off[i]!.w[k] ?? 0)) > 1e-9)).length;
  console.log(`${driver}: closure moved on ${moved.length}/${on.length} frames (${moved.join(',')}); other weights moved on ${otherMoved}`);
  for (const i of (list ? list.split(',').map(Number) : moved)) {
    const s = valid[i] && raw[i] ? eyeSharesOf(raw[i]!.m, rest) : [NaN, NaN];
    const [a, b] = [closure(off[i]!), closure(on[i]!)];
    console.log(`  f${i} mesh ${f2(s[0]!)}/${f2(s[1]!)} | closure ${f2(a[0]!)}/${f2(a[1]!)} -> ${f2(b[0]!)}/${f2(b[1]!)}`);
  }
}
