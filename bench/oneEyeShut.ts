// One eye shut while the other is open, per cached driver track (s52 lookdown52): the frames where the
// video path's folded closure (restFace.ts foldBlink) of one eye is over SHUT and the other's under OPEN,
// with the face mesh's opening shares (of the driver's rest) and the pair's trust (blinkPairTrust.ts), and
// every track's first `--head` (5) frames, and the frames that differ from `--cut-kept` (before s52). Weights only, no render; the frames it names are to be looked at
// on the driver (a wink is right to keep; a look down or a blink the mesh half-reads is not).
// --cut-kept: an event cut by the clip's start or end is wink evidence, as before s52 (slitEyeSetting).
//   node --import tsx bench/oneEyeShut.ts [--head 5] [--cut-kept] [track.json ...]   (default: every 25 fps track in $REAL3D_CACHE/tracks)
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf, frameEyesTrust, slitEyeSetting, slitEyeTrust } from '../src/motion/blinkPairTrust.ts';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import { BENCH_CACHE } from './benchCache.ts';

const SHUT = 0.8, OPEN = 0.5;
const args = process.argv.slice(2);
const hi = args.indexOf('--head');
const head = hi >= 0 ? Number(args[hi + 1]) : 5;
if (args.includes('--cut-kept')) slitEyeSetting.cutEventsKept = true;
const files = args.filter((a, k) => a.endsWith('.json') && args[k - 1] !== '--head');
const dir = path.join(BENCH_CACHE, 'tracks');
const tracks = files.length ? files : readdirSync(dir).filter((f) => /\.25fps\.[0-9a-f]+\.json$/.test(f)).map((f) => path.join(dir, f));
const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from(Array.isArray(r.lm[0]) ? (r.lm as number[][]).flat() : r.lm) : undefined }) as (RawFaceFrame | null)[];
const f2 = (v: number) => v.toFixed(2);

let total = 0;
for (const file of tracks.sort()) {
  const raw = revive(JSON.parse(readFileSync(file, 'utf8')));
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
  const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  const slit = slitEyeTrust(shares);
  const closures = (cutKept: boolean) => {
    const was = slitEyeSetting.cutEventsKept;
    slitEyeSetting.cutEventsKept = cutKept;
    const frames = motionFramesFromRaw(raw, 25, true).frames;
    slitEyeSetting.cutEventsKept = was;
    return frames.map((f) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)] as const);
  };
  const eyes = closures(slitEyeSetting.cutEventsKept), before = closures(true);
  const frames = eyes;
  const line = (i: number) => `#${i} closure L/R ${f2(eyes[i]![0])}/${f2(eyes[i]![1])} shares ${shares[i] ? shares[i]!.map(f2).join('/') : '-'} trust own ${f2(valid[i] ? frameEyesTrust(raw[i], rest) : 0)} slit ${f2(slit[i]!)} yaw ${f2(raw[i]?.angles.yaw ?? 0)}`;
  const odd = eyes.map((e, i) => (Math.max(...e) > SHUT && Math.min(...e) < OPEN ? i : -1)).filter((i) => i >= 0);
  total += odd.length;
  console.log(`${path.basename(file).replace(/\.json$/, '')}: ${frames.length} frames, one eye shut (> ${SHUT}) with the other open (< ${OPEN}): ${odd.length}`);
  for (let i = 0; i < Math.min(head, frames.length); i++) console.log(`  head ${line(i)}`);
  for (const i of odd) console.log(`  odd  ${line(i)}`);
  // against an event cut by the clip's edge read as whole (before s52)
  eyes.forEach((e, i) => { if (Math.abs(e[0] - before[i]![0]) + Math.abs(e[1] - before[i]![1]) > 0.005) console.log(`  changed vs --cut-kept: ${f2(before[i]![0])}/${f2(before[i]![1])} -> ${line(i)}`); });
}
console.log(`all tracks: ${total} frames with one eye shut and the other open`);
