// The per-eye narrowing the video path draws against the driver's (squint54, issue #14): per driver track (the six
// cached 25 fps bench drivers, or the videos named; tracked once into the bench cache), the motion with one driver-fit
// option off and on, each frame's eyes drawn on a photo's mesh (renderer.landmarks at the photo's pose, so the head's
// turn does not enter) and read as each eye's lid opening over its rest (eval/eyes.ts eyeOpenings, L = subject's left).
// Printed per driver, off -> on: frames where our two eyes stand more than SPLIT apart while the driver's opening shares
// of rest stand within ALIKE (a one-eyed look the driver does not make), the mean excess of our split over the
// driver's, and our split on the driver's one-eyed frames (shares past APART: winks and one-eyed squints, to keep).
// --frames a-b lists every frame of that range (shares, yaw, eyeSquint L/R, mesh openings off -> on). Never asserts.
//   node --import tsx bench/squintPairs.ts [--opt alikeSquints] [--photo lp_s9.jpg] [--frames 84-100] [--top 5] [video.mp4 ...]
// (--top N: the N frames whose split the option moves most)
import path from 'node:path';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { ALIKE_DIFF, APART_DIFF } from '../src/motion/alikeEyes.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { MotionFrame } from '../src/types.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { photoEyeOpenings } from './photoEyeOpenings.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const opt = arg('--opt', 'alikeSquints'), photo = arg('--photo', 'lp_s9.jpg');
const [from, to] = arg('--frames', '-1--1').split(/(?<=\d)-/).map(Number) as [number, number];
const named = new Set(['--opt', '--photo', '--frames', '--top']);
const top = Number(arg('--top', '0'));
const videos = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !named.has(all[i - 1] ?? ''));
/** Our two eyes this far apart (share of rest) with the driver's within ALIKE_DIFF: a one-eyed look the driver does not make. */
const SPLIT = 0.1;
const FPS = 25;

const ours = await photoEyeOpenings(photo);
const f2 = (v: number) => v.toFixed(2);
console.log(`${photo}: option ${opt} off -> on; our eyes' mesh openings over rest (photo pose), driver's opening shares of rest`);
console.log('driver | frames | one-eyed, driver alike (split > .1) | mean excess over driver | our split on driver one-eyed frames (n)');
for (const video of videos.length ? videos : DRIVERS) {
  const raw = await cachedTrack(video, FPS);
  const valid = usableFrames(raw);
  const restFace = estimateRest((raw.filter((_r, i) => valid[i]) as RawFaceFrame[]).map((q) => q.m));
  const off = motionFramesFromRaw(raw, FPS, true, { fit: { [opt]: false } }).frames;
  const on = motionFramesFromRaw(raw, FPS, true, { fit: { [opt]: true } }).frames;
  const stat = { alike: [0, 0], excess: [0, 0], apart: [0, 0], nApart: 0, n: 0 };
  const rows: string[] = [];
  const moved: [number, number, string][] = [];
  for (let i = 0; i < raw.length; i++) {
    const q = raw[i];
    if (!q || !valid[i]) continue;
    const s = eyeSharesOf(q.m, restFace), ds = Math.abs(s[0] - s[1]);
    const o = [ours(off[i]!), ours(on[i]!)];
    const split = o.map((e) => Math.abs(e[0] - e[1]));
    stat.n++;
    for (const k of [0, 1]) {
      if (ds <= ALIKE_DIFF && split[k]! > SPLIT) stat.alike[k]!++;
      stat.excess[k]! += Math.max(0, split[k]! - ds);
      if (ds > APART_DIFF) stat.apart[k]! += split[k]!;
    }
    if (ds > APART_DIFF) stat.nApart++;
    const sq = (f: MotionFrame) => `${f2(f.w.eyeSquintLeft ?? 0)}/${f2(f.w.eyeSquintRight ?? 0)}`;
    const row = `  f${i} shares ${f2(s[0])}/${f2(s[1])} yaw ${q.angles.yaw.toFixed(1)} | squint ${sq(off[i]!)} -> ${sq(on[i]!)} | ours ${f2(o[0]![0])}/${f2(o[0]![1])} -> ${f2(o[1]![0])}/${f2(o[1]![1])}`;
    moved.push([i, split[0]! - split[1]!, row]);
    if (i >= from && i <= to) {
      rows.push(row);
    }
  }
  const pair = (a: number[], k = 1) => `${(a[0]! / k).toFixed(k === 1 ? 0 : 3)} -> ${(a[1]! / k).toFixed(k === 1 ? 0 : 3)}`;
  console.log(`${path.basename(video)} | ${stat.n} | ${pair(stat.alike)} | ${pair(stat.excess, stat.n)} | ${stat.nApart ? pair(stat.apart, stat.nApart) : '-'} (${stat.nApart})`);
  for (const row of rows) console.log(row);
  // the frames whose split the option narrows (or widens) most
  const by = moved.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, top);
  if (top && by.length) console.log(`  most moved: ${by.map((m) => m[2].trim()).join("\n  most moved: ")}`);
}
