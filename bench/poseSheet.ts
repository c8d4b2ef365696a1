// Head pose of an audio job at a glance (pose33, s33): per photo, the default job of the old default
// (static) and of the new (auto) at a few moments, and the mean of every 5th frame (a sharp mean = a
// frozen head, a soft one = a head that moves); a real speaker's video of the same speech on top as
// the reference. Prints each row's yaw/pitch spread. Never asserts.
//   node --import tsx bench/poseSheet.ts [--audio mt_sun.wav] [--video mt_sun.mp4] [--photos mt_man.png,lp_s42.jpg,lp_s10.jpg] [--times 2,4,6,8] [--out x.jpg]
import path from 'node:path';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { decodeVideoFrames } from '../src/io/decodeVideo.ts';
import { probeVideo } from '../src/io/probeMedia.ts';
import { labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { standardDeviation as sd } from '../src/math/stats.ts';
import type { Motion, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { sharedData } from './sharedData.ts';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const audio = sharedData(path.join('audio', arg('--audio', 'mt_sun.wav')));
const videoName = arg('--video', 'mt_sun.mp4');
const photos = arg('--photos', 'mt_man.png,lp_s42.jpg,lp_s10.jpg').split(',');
const times = arg('--times', '2,4,6,8').split(',').map(Number);
const out = arg('--out', '/tmp/poseSheet.jpg');
const SIZE = 384, CELL = 176, MEAN_STEP = 5;

/** The per-pixel mean of images of one size. */
function meanImage(images: RgbaImage[]): RgbaImage {
  const { width, height } = images[0]!;
  const acc = new Float64Array(width * height * 4);
  for (const img of images) for (let i = 0; i < acc.length; i++) acc[i]! += img.data[i]!;
  return { width, height, data: Uint8ClampedArray.from(acc, (v) => v / images.length) };
}
const spread = (m: Motion) => `yaw sd ${sd(m.frames.map((f) => f.pose.yaw)).toFixed(1)}°, pitch sd ${sd(m.frames.map((f) => f.pose.pitch)).toFixed(1)}°`;

const rows: GridCell[][] = [], labels: string[] = [];
const lastFrame = Math.round(Math.max(...times) * 25);
if (videoName) {
  const file = sharedData(path.join('video', videoName));
  const { fps } = await probeVideo(file);
  const want = new Set(times.map((t) => Math.round(t * fps)));
  const cells: GridCell[] = [], all: RgbaImage[] = [];
  let i = 0;
  for await (const f of decodeVideoFrames(file, { maxFrames: Math.round(Math.max(...times) * fps) + 1, maxSide: SIZE })) {
    if (want.has(i)) cells.push({ label: `real ${(i / fps).toFixed(1)} s`, image: f });
    if (i % MEAN_STEP === 0) all.push(f);
    i++;
  }
  cells.push({ label: `mean of ${all.length} frames`, image: meanImage(all) });
  rows.push(cells);
  labels.push(`real ${videoName.replace(/\.mp4$/, '')}`);
}
const motions = { 'before (static)': await motionFromAudio(audio, { pose: 'static' }), 'after (default)': await motionFromAudio(audio, {}) };
for (const [name, m] of Object.entries(motions)) console.log(`${path.basename(audio)} ${name}: ${spread(m)} over ${m.frameCount} frames`);
for (const photo of photos) {
  const r = createRenderer(buildAvatar(await cachedPortrait(sharedData(path.join('portraits', photo)))), { width: SIZE, height: SIZE });
  for (const [name, m] of Object.entries(motions)) {
    const cells: GridCell[] = times.map((t) => {
      const f = m.frames[Math.round(t * m.fps)]!;
      return { label: `${t} s yaw ${f.pose.yaw.toFixed(1)} pitch ${f.pose.pitch.toFixed(1)}`, image: r.render(f) };
    });
    const all: RgbaImage[] = [];
    for (let i = 0; i <= Math.min(lastFrame, m.frames.length - 1); i += MEAN_STEP) all.push(r.render(m.frames[i]!));
    cells.push({ label: `mean of ${all.length} frames`, image: meanImage(all) });
    rows.push(cells);
    labels.push(`${photo.replace(/\.\w+$/, '')} ${name}`);
  }
}
const png = await labelledGrid(rows, { title: `head pose of an audio job, ${path.basename(audio)}: old default (static) vs new (auto); last column: mean of every ${MEAN_STEP}th frame to ${Math.max(...times)} s`, cellW: CELL, cellH: CELL, rowLabels: labels });
await sharp(png).jpeg({ quality: 80 }).toFile(out);
console.log(`wrote ${out}`);
