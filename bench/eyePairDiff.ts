// The per-eye closure difference of the video path, one driver-fit option off -> on (eyepair53, issue #14): per cached
// 25 fps track (or the driver videos named; tracked once into the bench cache), the frames with |closure L - closure R|
// over .25 (one-eyed frames) off and on, and every frame the option moves by more than .05 with the mesh's opening
// shares, the driver's yaw and both closures (foldBlink of blink and eyeBlink) off -> on. Weights only; never asserts.
// The frames it names are to be looked at on the driver (a wink is right to keep).
//   node --import tsx bench/eyePairDiff.ts --opt blinkInStep [--frames 50-62] [video.mp4 ...]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { BENCH_CACHE } from './benchCache.ts';
import type { DriverFitOptions } from '../src/motion/retargetOptions.ts';

const args = process.argv.slice(2);
const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const opt = (arg('--opt') ?? 'blinkInStep') as keyof DriverFitOptions;
const range = arg('--frames')?.split('-').map(Number);
const named = args.filter((a, k) => a.endsWith('.mp4') && !['--opt', '--frames'].includes(args[k - 1]!));
const dir = path.join(BENCH_CACHE, 'tracks');
const videos = named.length ? named : readdirSync(dir).filter((f) => /\.25fps\.[0-9a-f]+\.json$/.test(f)).map((f) => f.replace(/\.25fps\..*$/, ''));
const f2 = (v: number) => v.toFixed(2);
const ONE_EYED = 0.25, MOVED = 0.05;

let offTotal = 0, onTotal = 0;
for (const video of [...new Set(videos)].sort()) {
  const raw = await cachedTrack(video, 25);
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
  const closures = (on: boolean) => motionFramesFromRaw(raw, 25, true, { fit: { [opt]: on } }).frames
    .map((f) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)] as const);
  const off = closures(false), on = closures(true);
  const oneEyed = (c: typeof off) => c.filter(([l, r]) => Math.abs(l - r) > ONE_EYED).length;
  offTotal += oneEyed(off); onTotal += oneEyed(on);
  const gap = (c: readonly [number, number]) => Math.abs(c[0] - c[1]);
  const moved = off.map((c, i) => i).filter((i) => (range ? i >= range[0]! && i <= range[1]! : Math.abs(off[i]![0] - on[i]![0]) > MOVED || Math.abs(off[i]![1] - on[i]![1]) > MOVED));
  console.log(`${path.basename(video)}: one-eyed frames (|L-R| > ${ONE_EYED}) ${oneEyed(off)} -> ${oneEyed(on)}; moved ${moved.length}`);
  for (const i of moved) {
    const s = valid[i] && raw[i] ? eyeSharesOf(raw[i]!.m, rest) : null;
    console.log(`  f${i} share ${s ? s.map(f2).join('/') : '-'} yaw ${f2(raw[i]?.angles.yaw ?? 0)} closure ${off[i]!.map(f2).join('/')} -> ${on[i]!.map(f2).join('/')} (gap ${f2(gap(off[i]!))} -> ${f2(gap(on[i]!))})`);
  }
}
console.log(`all: one-eyed frames ${offTotal} -> ${onTotal}`);
