// The live retarget's one-eyed looks under alike driver eyes (livesync54, issue #14): bench/squintPairs.ts's count for
// src/live/retarget.ts. Per cached 25 fps driver track, LiveRetarget is fed frame by frame (as the page feeds its webcam)
// with one LiveRetargetOptions flag off and on; each frame's eyes are drawn on a photo's mesh (renderer.landmarks at the
// photo's pose) and read as each eye's lid opening over its rest (eval/eyes.ts eyeOpenings). Printed per driver, off -> on:
// frames where our two eyes stand more than SPLIT apart while the driver's opening shares of rest (the whole clip's rest,
// as squintPairs.ts) stand within ALIKE_DIFF; the mean excess of our split over the driver's; our split on the driver's
// one-eyed frames (shares past APART_DIFF: winks, to keep). --list prints the counted frames. Never asserts.
//   node --import tsx bench/liveEyePairs.ts [--opt alikeYaw] [--photo lp_s9.jpg] [--list] [drivers...]
import path from 'node:path';
import { usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { ALIKE_DIFF, APART_DIFF } from '../src/motion/alikeEyes.ts';
import { LiveRetarget, type LiveRetargetOptions } from '../src/live/retarget.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { MotionFrame } from '../src/types.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { photoEyeOpenings } from './photoEyeOpenings.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const opt = arg('--opt', 'alikeYaw') as keyof LiveRetargetOptions, photo = arg('--photo', 'lp_s9.jpg'), list = process.argv.includes('--list');
const named = new Set(['--opt', '--photo']);
const videos = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !named.has(all[i - 1] ?? ''));
const SPLIT = 0.1;
const FPS = 25;

const ours = await photoEyeOpenings(photo);

function liveFrames(raw: (RawFaceFrame | null)[], on: boolean): (MotionFrame | null)[] {
  const live = new LiveRetarget(FPS, { [opt]: on });
  return raw.map((q, i) => {
    if (!q?.lm) return null;
    const pts = Array.from({ length: q.lm.length / 3 }, (_, k) => [q.lm![k * 3]!, q.lm![k * 3 + 1]!, q.lm![k * 3 + 2]!]);
    return live.update(pts, i / FPS);
  });
}

const f2 = (v: number) => v.toFixed(2);
console.log(`${photo}: live option ${opt} off -> on; our eyes' mesh openings over rest (photo pose), driver's shares of the clip's rest`);
console.log('driver | frames | one-eyed, driver alike (split > .1) | mean excess over driver | our split on driver one-eyed frames (n)');
const total = [0, 0];
for (const video of videos.length ? videos : DRIVERS) {
  const raw = await cachedTrack(video, FPS);
  const valid = usableFrames(raw);
  const restFace = estimateRest((raw.filter((_q, i) => valid[i]) as RawFaceFrame[]).map((q) => q.m));
  const runs = [liveFrames(raw, false), liveFrames(raw, true)];
  const stat = { alike: [0, 0], excess: [0, 0], apart: [0, 0], nApart: 0, n: 0 };
  const hits: string[][] = [[], []];
  for (let i = 0; i < raw.length; i++) {
    const q = raw[i], a = runs[0]![i], b = runs[1]![i];
    if (!q || !valid[i] || !a || !b) continue;
    const s = eyeSharesOf(q.m, restFace), ds = Math.abs(s[0] - s[1]);
    const o = [ours(a), ours(b)];
    stat.n++;
    for (const k of [0, 1]) {
      const split = Math.abs(o[k]![0] - o[k]![1]);
      if (ds <= ALIKE_DIFF && split > SPLIT) { stat.alike[k]!++; hits[k]!.push(`f${i}(${f2(s[0])}/${f2(s[1])} y${q.angles.yaw.toFixed(0)}: ${f2(o[k]![0])}/${f2(o[k]![1])})`); }
      stat.excess[k]! += Math.max(0, split - ds);
      if (ds > APART_DIFF) stat.apart[k]! += split;
    }
    if (ds > APART_DIFF) stat.nApart++;
  }
  total[0]! += stat.alike[0]!; total[1]! += stat.alike[1]!;
  const pair = (v: number[], k = 1) => `${(v[0]! / k).toFixed(k === 1 ? 0 : 3)} -> ${(v[1]! / k).toFixed(k === 1 ? 0 : 3)}`;
  console.log(`${path.basename(video)} | ${stat.n} | ${pair(stat.alike)} | ${pair(stat.excess, stat.n)} | ${stat.nApart ? pair(stat.apart, stat.nApart) : '-'} (${stat.nApart})`);
  if (list) console.log(`  off: ${hits[0]!.join(' ')}\n  on:  ${hits[1]!.join(' ')}`);
}
console.log(`total one-eyed under alike driver eyes: ${total[0]} -> ${total[1]}`);
