// A driver's most turned frames rendered on portraits (the neck and far cheek on a real turn):
// frames with the largest |yaw| of the driver's motion (bench/driverTracks.ts cache), rendered at
// 512 px and written as PNGs <out>/<tag>/<portrait>_f<frame>.png for sheets. Never asserts.
//   node --import tsx bench/turnVideo.ts [--driver WDA_KatieHill_000.mp4] [--turned 3] [--out /tmp/turnVideo] [--tag after] [names...]
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const driver = flag('--driver', 'WDA_KatieHill_000.mp4');
const turned = Number(flag('--turned', '3'));
const out = flag('--out', '/tmp/turnVideo');
const tag = flag('--tag', 'after');
const names = args.length ? args : ['lp_s2.jpg', 'lp_s42.jpg', 'mt_man.png'];
const FPS = 10;
await mkdir(path.join(out, tag), { recursive: true });
const frames = motionFramesFromRaw(await cachedTrack(driver, FPS), FPS, true).frames;
const picks = [...frames.keys()].sort((a, b) => Math.abs(frames[b]!.pose?.yaw ?? 0) - Math.abs(frames[a]!.pose?.yaw ?? 0)).slice(0, turned).sort((a, b) => a - b);
console.log('frames', picks.map((i) => `${i} (yaw ${frames[i]!.pose?.yaw.toFixed(1)})`).join(', '));
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const size = portrait.image.width;
  const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
  for (const i of picks) {
    const img = renderer.render(frames[i]!);
    await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toFile(path.join(out, tag, `${path.parse(name).name}_f${i}.png`));
  }
}
