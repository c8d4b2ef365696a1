// A sheet of the brows at a raise or frown on a nodding head, with the face mesh's brow points (red:
// the subject's right brow, green: left) as read back on each render: shows whether a read-back that
// collapses (bench/browPitch.ts) is the brows not moving or the face mesh not following them.
// Cells are [pitch offset, raise, frown]; 2x nearest-neighbour zoom of the brows and eyes. Never asserts.
//   node --import tsx bench/browPitchSheet.ts lp_s42.jpg out.png '[[0,0,0],[0,1,0],[-3,0.75,0],[-3,1,0]]'
import path from 'node:path';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const [file, out, spec] = process.argv.slice(2);
const cells = JSON.parse(spec ?? '[[0,0,0],[0,1,0],[-3,0.75,0],[-3,1,0]]') as [number, number, number][];
const p = await cachedPortrait(path.join(SHARED_PORTRAITS, file!));
const W = p.image.width, H = p.image.height;
const r = createRenderer(buildAvatar(p), { width: W, height: H });
const n = r.neutralFrame();
const BROW_R = [70, 63, 105, 66, 107, 46, 53, 52, 65, 55], BROW_L = [300, 293, 334, 296, 336, 276, 283, 282, 295, 285];
// the box: the brows and eyes of the photo, with room above for a raise
const lm0 = (await detectFaces(p.image, { embedding: false }))[0]!.landmarks as Landmarks;
const iod = Math.hypot(lm0[263]![0]! - lm0[33]![0]!, lm0[263]![1]! - lm0[33]![1]!);
const xs = [...BROW_R, ...BROW_L].map((i) => lm0[i]![0]!), ys = [...BROW_R, ...BROW_L].map((i) => lm0[i]![1]!);
const L0 = Math.max(0, Math.round(Math.min(...xs) - 0.15 * iod)), T0 = Math.max(0, Math.round(Math.min(...ys) - 0.45 * iod));
const cw = Math.min(W - L0, Math.round(Math.max(...xs) - Math.min(...xs) + 0.3 * iod)), ch = Math.min(H - T0, Math.round(0.95 * iod));
const bufs: Buffer[] = [];
for (const [pitch, up, down] of cells) {
  const im = r.render({ ...n, pose: { ...n.pose, pitch: n.pose.pitch + pitch }, w: { ...n.w, browInnerUp: up, browOuterUpLeft: up, browOuterUpRight: up, browDownLeft: down, browDownRight: down } });
  const g = (await detectFaces(im, { embedding: false }))[0];
  const lm = g?.landmarks as Landmarks | undefined;
  const dot = (i: number, c: string) => (lm ? `<circle cx="${lm[i]![0]! - L0}" cy="${lm[i]![1]! - T0}" r="1.3" fill="${c}"/>` : '');
  const label = `<text x="4" y="12" font-size="11" fill="yellow">pitch ${pitch} up ${up} down ${down}</text>`;
  const svg = Buffer.from(`<svg width="${cw}" height="${ch}" xmlns="http://www.w3.org/2000/svg">${BROW_R.map((i) => dot(i, 'red')).join('')}${BROW_L.map((i) => dot(i, 'lime')).join('')}${label}</svg>`);
  const crop = await sharp(Buffer.from(im.data.buffer, im.data.byteOffset, im.data.byteLength), { raw: { width: W, height: H, channels: 4 } })
    .extract({ left: L0, top: T0, width: cw, height: ch }).composite([{ input: svg }]).png().toBuffer();
  bufs.push(await sharp(crop).resize(cw * 2, ch * 2, { kernel: 'nearest' }).png().toBuffer());
}
const cols = 2;
await sharp({ create: { width: cw * 2 * cols, height: ch * 2 * Math.ceil(bufs.length / cols), channels: 3, background: '#000' } })
  .composite(bufs.map((b, i) => ({ input: b, left: (i % cols) * cw * 2, top: Math.floor(i / cols) * ch * 2 }))).jpeg({ quality: 82 }).toFile(out!);
