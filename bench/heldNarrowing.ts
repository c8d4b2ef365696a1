// Held two-eyed narrowings (motion/heldNarrowing.ts, downlook40) per driver: every lid event (a run of frames with
// the more closed eye at most EVENT_CLOSING of rest), its length, the more open eye's median share, whether it is a
// held narrowing, and the most closed eye's weight (fold of blink and its own) with `heldNarrowing` off -> on.
// Counts each driver's blinks (events whose more closed eye renders >= .9) off -> on. Tracks at 25 fps (driverTracks.ts).
//   node --import tsx bench/heldNarrowing.ts [lp_d11.mp4 lp_d6.mp4 ...] [--seconds 8]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { usableFrames } from '../src/motion/usableFrames.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { EVENT_CLOSING } from '../src/motion/lidEvents.ts';
import { heldNarrowingCaps } from '../src/motion/heldNarrowing.ts';
import type { MotionFrame } from '../src/types.ts';

const FPS = 25;
const si = process.argv.indexOf('--seconds');
const seconds = si > 0 ? Number(process.argv[si + 1]) : Infinity;
const names = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seconds');
const drivers = names.length ? names : ['lp_d11.mp4', 'lp_d6.mp4', 'lp_d10.mp4', 'WDA_KatieHill_000.mp4'];
const f2 = (x: number) => x.toFixed(2);
const shut = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
for (const d of drivers) {
  const raw = (await cachedTrack(d, FPS)).slice(0, Math.min(Infinity, seconds * FPS));
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
  const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  const caps = heldNarrowingCaps(shares, FPS);
  const off = motionFramesFromRaw(raw, FPS, true, { fit: { heldNarrowing: false } }).frames;
  const on = motionFramesFromRaw(raw, FPS, true, { fit: { heldNarrowing: true } }).frames;
  const blinks = [0, 0];
  console.log(`== ${d}: ${raw.length} frames`);
  for (let a = 0; a < raw.length; a++) {
    const least = (i: number) => Math.min(shares[i]![0], shares[i]![1]);
    if (!shares[a] || least(a) > EVENT_CLOSING) continue;
    let b = a;
    while (b + 1 < raw.length && shares[b + 1] && least(b + 1) <= EVENT_CLOSING) b++;
    const open = [] as number[];
    let deepOff = 0, deepOn = 0, deepest = Infinity;
    for (let i = a; i <= b; i++) {
      open.push(Math.max(...shares[i]!)); deepest = Math.min(deepest, least(i));
      deepOff = Math.max(deepOff, ...shut(off[i]!)); deepOn = Math.max(deepOn, ...shut(on[i]!));
    }
    open.sort((p, q) => p - q);
    if (deepOff >= 0.9) blinks[0]++;
    if (deepOn >= 0.9) blinks[1]++;
    console.log(`  f${a}-${b} (${b - a + 1}) deepest ${f2(deepest)} open eye median ${f2(open[open.length >> 1]!)} ${Number.isNaN(caps[a]!) ? '' : `NARROWING cap ${f2(caps[a]!)}`}  most closed eye ${f2(deepOff)} -> ${f2(deepOn)}`);
    a = b;
  }
  console.log(`  blinks (an eye >= .9): ${blinks[0]} -> ${blinks[1]}`);
}
