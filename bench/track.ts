// Face tracking cost per video frame, single thread, for FaceTracker settings: CPU ms per frame
// (process.cpuUsage: less sensitive than wall time to other load on the machine) and wall ms, and
// how far each setting's measures move from the detect-every-frame baseline.
// Usage: node --import tsx bench/track.ts [video] [frames]
import { decodeVideoFrames } from '../src/io/media.ts';
import { FaceTracker, type FaceTrackerOptions, type RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from './sharedData.ts';

const video = process.argv[2] ?? sharedData('video/lp_d6.mp4');
const count = Number(process.argv[3] ?? 60);
const frames: RgbaImage[] = [];
for await (const f of decodeVideoFrames(video, { fps: 25, maxSide: 720, maxFrames: count })) frames.push(f);

const variants: [string, FaceTrackerOptions][] = [
  ['detect every frame, 2x box -> 384 px (before)', { reuseBoxes: 0, cropScale: 2, cropSide: 384 }],
  ['reuse box 10 frames, 2x box -> 384 px (default now)', {}],
  ['reuse box 10 frames, 1.5x box -> 288 px', { reuseBoxes: 10, cropScale: 1.5, cropSide: 288 }],
  ['reuse box 10 frames, 1.5x box -> 256 px', { reuseBoxes: 10, cropScale: 1.5, cropSide: 256 }],
];
let base: (RawFaceFrame | null)[] | null = null;
// warm the model up once (first call loads it)
await new FaceTracker().track(frames[0]!);
for (const [name, opts] of variants) {
  const t = new FaceTracker(opts);
  const out: (RawFaceFrame | null)[] = [];
  const c0 = process.cpuUsage(), w0 = performance.now();
  for (const f of frames) out.push(await t.track(f));
  const cpu = process.cpuUsage(c0), wall = performance.now() - w0;
  base ??= out;
  let dGap = 0, dYaw = 0, n = 0;
  for (let i = 0; i < out.length; i++) {
    const a = base[i], b = out[i];
    if (!a || !b) continue;
    dGap += Math.abs(a.m.lipGap - b.m.lipGap); dYaw += Math.abs(a.angles.yaw - b.angles.yaw); n++;
  }
  console.log(`${name}: ${((cpu.user + cpu.system) / 1000 / frames.length).toFixed(1)} CPU ms/frame, ${(wall / frames.length).toFixed(1)} wall ms/frame, faces ${out.filter(Boolean).length}/${frames.length}, vs before: lip gap ${(dGap / Math.max(1, n)).toFixed(4)} iod, yaw ${(dYaw / Math.max(1, n)).toFixed(2)} deg (mean abs)`);
}
console.log(`load average ${(await import('node:os')).loadavg().map((v) => v.toFixed(1)).join(' ')}`);
