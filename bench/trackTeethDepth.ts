// Adds the upper row's depth (motion/teethDepth.ts, grin33) to cached driver tracks made before it, without tracking
// again: each frame decoded as trackVideo decodes it (same fps, maxSide 720) and read on the track's stored landmarks.
// Writes the track back in place. Never asserts.
//   REAL3D_CACHE=<dir> node --import tsx bench/trackTeethDepth.ts --fps 25 lp_d6.mp4 lp_d10.mp4
import path from 'node:path';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { RgbaImage } from '../src/types.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
import { trackFile } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const i = process.argv.indexOf('--fps');
const fps = i > 0 ? Number(process.argv[i + 1]) : 10;
const names = process.argv.slice(2).filter((a, k, all) => a !== '--fps' && all[k - 1] !== '--fps');
for (const video of names) {
  const file = trackFile(video, fps);
  const track = JSON.parse(await readFile(file, 'utf8')) as ({ lm?: number[][]; teethDepth?: number | null } | null)[];
  let k = 0, read = 0;
  for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps, maxSide: 720, maxFrames: track.length })) {
    const r = track[k++];
    if (!r?.lm) continue;
    r.teethDepth = upperRowDepth(img as RgbaImage, r.lm.flat());
    if (r.teethDepth !== null) read++;
  }
  await writeFile(file + '.tmp', JSON.stringify(track));
  await rename(file + '.tmp', file);
  console.log(`${video} ${fps} fps: ${k} frames decoded of ${track.length}, row depth read on ${read}`);
}
