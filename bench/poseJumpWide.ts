// s56 (stare56): the wideAtPoseJump rule (motion/poseJumpWide.ts) off -> on per cached 25 fps track (or the videos
// named): the pose-jump frames found, every frame whose eyeWide moves by more than .02 (with the jump's angles), the
// largest move, frames with eyeWide > .2 off -> on, and any other channel that moved. Weights only; never asserts.
//   node --import tsx bench/poseJumpWide.ts [video.mp4 ...]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { poseJumps } from '../src/motion/poseJumpWide.ts';
import { BENCH_CACHE } from './benchCache.ts';

const named = process.argv.slice(2).filter((a) => a.endsWith('.mp4'));
const dir = path.join(BENCH_CACHE, 'tracks');
const videos = named.length ? named : readdirSync(dir).filter((f) => /\.25fps\.[0-9a-f]+\.json$/.test(f)).map((f) => f.replace(/\.25fps\..*$/, ''));
const f2 = (v: number) => v.toFixed(2);
for (const video of [...new Set(videos)].sort()) {
  const raw = await cachedTrack(video, 25);
  const valid = usableFrames(raw);
  const jumps = poseJumps(raw.map((r, i) => (valid[i] && r ? r.angles : null)), 25);
  const run = (on: boolean) => motionFramesFromRaw(raw, 25, true, { fit: { wideAtPoseJump: on } }).frames;
  const off = run(false), on = run(true);
  const wide = (f: (typeof off)[number]) => [f.w.eyeWideLeft ?? 0, f.w.eyeWideRight ?? 0];
  let most = 0, other = 0;
  const moved: string[] = [];
  off.forEach((f, i) => {
    const a = wide(f), b = wide(on[i]!);
    const d = Math.max(Math.abs(a[0]! - b[0]!), Math.abs(a[1]! - b[1]!));
    most = Math.max(most, d);
    if (d > 0.02) moved.push(`f${i} ${a.map(f2).join('/')} -> ${b.map(f2).join('/')}${jumps[i] ? ` jump (y ${f2(raw[i]!.angles.yaw)} p ${f2(raw[i]!.angles.pitch)} r ${f2(raw[i]!.angles.roll)})` : ''}`);
    for (const k of Object.keys(f.w)) if (!k.startsWith('eyeWide') && Math.abs((f.w as Record<string, number>)[k]! - ((on[i]!.w as Record<string, number>)[k] ?? 0)) > 1e-9) other++;
  });
  const over = (fr: typeof off) => fr.filter((f) => Math.max(...wide(f)) > 0.2).length;
  console.log(`${path.basename(video)}: jump frames ${jumps.filter(Boolean).length} [${jumps.flatMap((j, i) => (j ? [i] : [])).slice(0, 16).join(',')}]; eyeWide moved > .02 on ${moved.length} frames, largest ${f2(most)}; frames > .2 ${over(off)} -> ${over(on)}; other channels moved ${other}`);
  for (const m of moved.slice(0, 12)) console.log('  ' + m);
}
