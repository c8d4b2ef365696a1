// A droopy driver's held lids and blinks, before / after droopLids.ts (droopblink47, issue #14): per frame the face
// mesh's opening shares of rest and each eye's folded closure with droopHeld + blinkThroughNarrowing off / on; then
// blinks (driver: both eyes' shares under .4 on a frame, or a hand label 'S'; ours: both eyes' closure >= .8; a wink is neither), recall and
// false blinks, and over held frames (label 'D', or the frames outside lid events) each eye's closure range and its
// summed frame-to-frame change (the pumping). Weights only, no render. Never asserts.
//   node --import tsx bench/droopLids.ts /path/driver.mp4 [--from 0 --to 60] [--labels oooo.SSSdD...] [--quiet]
// labels (one char per frame from --from): o open, D droopy held, c closing/opening, S shut, W wide.
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { lidEventFrames } from '../src/motion/droopLids.ts';
import type { MotionFrame } from '../src/types.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const driver = process.argv[2]!;
const FPS = 25;
const raw = await cachedTrack(driver, FPS);
const from = Number(arg('--from', '0')), to = Math.min(Number(arg('--to', String(raw.length - 1))), raw.length - 1);
const labels = arg('--labels', '');
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
const before = motionFramesFromRaw(raw, FPS, true, { fit: { droopHeld: false, blinkThroughNarrowing: false } }).frames;
const after = motionFramesFromRaw(raw, FPS, true).frames;
const shut = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)] as const;
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? ' -- ' : v.toFixed(2));
const label = (i: number) => labels[i - from] ?? '?';
if (!process.argv.includes('--quiet')) {
  console.log('frame label | mesh share L R | closure L R before -> after | eyeWide L R after');
  for (let i = from; i <= to; i++) {
    const s = shares[i], b = shut(before[i]!), a = shut(after[i]!);
    console.log(`f${i} ${label(i)} | ${f2(s?.[0])} ${f2(s?.[1])} | ${f2(b[0])} ${f2(b[1])} -> ${f2(a[0])} ${f2(a[1])} | ${f2(after[i]!.w.eyeWideLeft)} ${f2(after[i]!.w.eyeWideRight)}`);
  }
}
/** Runs of frames in from..to where `on` holds. */
const runsOf = (on: (i: number) => boolean) => {
  const out: [number, number][] = [];
  for (let i = from; i <= to; i++) if (on(i)) { let j = i; while (j + 1 <= to && on(j + 1)) j++; out.push([i, j]); i = j; }
  return out;
};
const driverShut = (i: number) => (labels ? label(i) === 'S' : !!shares[i] && Math.max(...shares[i]!) < 0.4);
const truth = runsOf(driverShut);
const near = (r: [number, number], s: [number, number][]) => s.some(([a, b]) => a <= r[1] + 2 && b >= r[0] - 2);
const events = lidEventFrames(shares);
const held = (i: number) => (labels ? label(i) === 'D' : !events[i]);
for (const [name, frames] of [['before', before], ['after', after]] as const) {
  const ours = runsOf((i) => Math.min(...shut(frames[i]!)) >= 0.8);
  const deepest = truth.map(([a, b]) => Math.max(...Array.from({ length: b - a + 1 }, (_, k) => Math.min(...shut(frames[a + k]!)))));
  const heldFrames = Array.from({ length: to - from + 1 }, (_, k) => from + k).filter(held);
  const perEye = [0, 1].map((e) => {
    const v = heldFrames.map((i) => shut(frames[i]!)[e]!);
    let tv = 0;
    for (let k = 1; k < heldFrames.length; k++) if (heldFrames[k] === heldFrames[k - 1]! + 1) tv += Math.abs(v[k]! - v[k - 1]!);
    return `${f2(Math.min(...v))}..${f2(Math.max(...v))} tv ${tv.toFixed(2)}`;
  });
  console.log(`${name}: driver blinks ${truth.length}, caught ${truth.filter((t) => near(t, ours)).length} (both eyes' deepest ${deepest.map(f2).join(' ')}), false ${ours.filter((o) => !near(o, truth)).length} of ${ours.length}; held ${heldFrames.length} frames: L ${perEye[0]}, R ${perEye[1]}`);
}
