// The mouth and nose of a video-driven photo next to the driver's, each cropped around its own
// face-mesh landmarks (so a head that moved in the driver does not shift the crop), at chosen frames,
// with variants that take channels back to the photo's rest (issue #14, happy18: which channel makes
// Katie's smile a snarl). Columns: driver | ours | ours without each --off set. Never asserts.
//   node --import tsx bench/mouthPair.ts --photo lp_s42.jpg --video WDA_KatieHill_000.mp4 --frames 28,40,100 --out /tmp/pair.jpg [--off "mouthUpperUp;mouthLowerDown"]
// --photo may be an absolute path (e.g. the driver's own frame 0 for self-reenactment).
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp, { type OverlayOptions, type Region } from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw, trackVideo } from '../src/motion/fromVideo.ts';
import { cachedPortrait } from './portraitCache.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const inDir = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(DATA, dir, f));
const photo = inDir(arg('--photo', 'lp_s42.jpg'), 'portraits'), video = inDir(arg('--video', 'WDA_KatieHill_000.mp4'), 'video');
const picks = arg('--frames', '28').split(',').map(Number);
const out = arg('--out', '/tmp/mouthPair.jpg');
/** --off "a,b;c": each ;-separated set of controls taken back to the photo's rest is one more column */
const offSets = arg('--off', '').split(';').filter(Boolean).map((s) => s.split(','));
const FPS = 25, TILE = 300;

type Point = number[];
/** A square around the mouth and nose base: 1.1 eye distances wide, centred between the nose tip and the lips' parting. */
function mouthBox(lm: Point[], width: number, height: number): Region {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!), side = 1.1 * iod;
  const cx = lm[13]![0]!, cy = (lm[13]![1]! + lm[4]![1]!) / 2;
  const left = Math.max(0, Math.round(cx - side / 2)), top = Math.max(0, Math.round(cy - side / 2));
  return { left, top, width: Math.min(width - left, Math.round(side)), height: Math.min(height - top, Math.round(side)) };
}

/** Frame i of the video as PNG at its own size. */
function videoFrame(i: number): Buffer {
  return execFileSync('ffmpeg', ['-loglevel', 'error', '-i', video, '-vf', `select=eq(n\\,${i})`, '-vframes', '1', '-f', 'image2pipe', '-vcodec', 'png', '-']);
}

async function landmarksOf(img: RgbaImage): Promise<Point[] | null> {
  const face = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  return face ? (face.landmarks as Point[]) : null;
}

async function tileOf(img: RgbaImage): Promise<Buffer | null> {
  const lm = await landmarksOf(img);
  if (!lm) return null;
  const raw = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } });
  return raw.extract(mouthBox(lm, img.width, img.height)).resize(TILE, TILE).png().toBuffer();
}

const portrait = await cachedPortrait(photo);
const size = portrait.image.width;
const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
const rest = r.neutralFrame();
const raw = await trackVideo(video, { fps: FPS, maxSide: 720, maxSeconds: (Math.max(...picks) + 2) / FPS });
const { frames } = motionFramesFromRaw(raw, FPS, true);
const without = (f: MotionFrame, cs: string[]): MotionFrame => ({ ...f, w: { ...f.w, ...Object.fromEntries(cs.map((c) => [c, rest.w[c] ?? 0])) } });
const tiles: OverlayOptions[] = [];
for (const [row, i] of picks.entries()) {
  const f = frames[i];
  if (!f) { console.log(`f${i}: no motion frame`); continue; }
  const { data, info } = await sharp(videoFrame(i)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const cells = [{ width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) } as RgbaImage, r.render(f), ...offSets.map((cs) => r.render(without(f, cs)))];
  for (const [col, img] of cells.entries()) {
    const t = await tileOf(img);
    if (t) tiles.push({ input: t, left: col * TILE, top: row * TILE });
  }
}
await sharp({ create: { width: (offSets.length + 2) * TILE, height: picks.length * TILE, channels: 3, background: '#000' } }).composite(tiles).jpeg({ quality: 82 }).toFile(out);
console.log(`${out}: rows f${picks.join(', f')}; columns driver | ours${offSets.map((s) => ` | without ${s.join('+')}`).join('')}`);
