// Motion JSONs of a driver clip with the grimace room (grim27) and as main had it (the track's teeth shares
// dropped: tallGrinCaps without toothyGrinRoom), for before/after renders with `generate -m`. Motion as
// motionFromVideo makes it (mapToInitPose, mouthDark) over the first --upto frames (the ruler's 8 s cuts:
// 200), then kept to the first --keep frames (a short render).
//   node --import tsx bench/grimaceMotions.ts lp_d6.mp4 OUTDIR [--upto 200] [--keep 80]
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Motion } from '../src/types.ts';
import { motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { mouthDarkSeries } from '../src/motion/mouthDark.ts';
import { cachedTrack } from './driverTracks.ts';

const [video, out] = process.argv.slice(2) as [string, string];
const opt = (n: string, d: number) => (process.argv.includes(n) ? Number(process.argv[process.argv.indexOf(n) + 1]) : d);
const raw = (await cachedTrack(video, 25)).slice(0, opt('--upto', 200));
const keep = opt('--keep', 80);

function motionOf(track: (RawFaceFrame | null)[]): Motion {
  const { frames } = motionFramesFromRaw(track, 25, true);
  const dark = mouthDarkSeries(track.map((r) => r?.mouthDark));
  if (dark) frames.forEach((f, i) => (f.mouthDark = dark[i]));
  const kept = frames.slice(0, keep);
  return { version: 1, fps: 25, frameCount: kept.length, source: { kind: 'video', file: video }, options: { fps: 25, mapToInitPose: true }, seed: 0, relativePose: true, frames: kept } as Motion;
}
const after = motionOf(raw), before = motionOf(raw.map((r) => r && { ...r, teethShare: undefined }));
const changed = after.frames.flatMap((f, i) => (JSON.stringify(f) !== JSON.stringify(before.frames[i]) ? [i] : []));
await mkdir(out, { recursive: true });
const name = path.basename(video, '.mp4');
await writeFile(path.join(out, `${name}.before.json`), JSON.stringify(before));
await writeFile(path.join(out, `${name}.after.json`), JSON.stringify(after));
console.log(`${video}: ${changed.length} of ${keep} kept frames changed: ${changed.join(',')}`);
