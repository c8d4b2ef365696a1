// Chosen frames of an audio motion on a photo, one row per checkout (--root a,b: before, after): the
// mouth cut out round its read-back (1 IOD wide), each tile labelled with the frame's jawOpen and the
// lip gap the face mesh reads off it (IOD, as bench/audioMouth.ts reads it). Never asserts.
//   node --import tsx bench/audioFrameRow.ts --photo lp_s2.jpg --audio katie8.wav --frames 4,11,79,142 [--root a,b] [--out x.jpg] [--wrap N]
// --wrap N (release36): the frames in groups of N, each group's rows (one per root) under the one before.
// (shut17: docs/mouth/shut-s17-katie-lp_s2.jpg, Katie's audio on lp_s2)
import path from 'node:path';
import sharp from 'sharp';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', path.join(SHARED_PORTRAITS, 'lp_s2.jpg'));
const audio = arg('--audio', '/work/review/s15/media/katie8.wav');
const frames = arg('--frames', '4,11,79,142').split(',').map(Number);
const roots = arg('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = arg('--out', '/tmp/audioFrameRow.jpg');
const wrap = Number(arg('--wrap', String(frames.length)));
const SIZE = 512, T = 200;
type P = number[];
const label = (s: string) => Buffer.from(`<svg width="${2 * T}" height="18"><rect width="100%" height="18" fill="#000a"/><text x="4" y="14" font-size="13" fill="#fff">${s}</text></svg>`);

const portrait = await analyzePortrait(await loadImage(photo.startsWith('/') ? photo : path.join(SHARED_PORTRAITS, photo)));
const rows: Buffer[] = [];
const rowsByGroup: Buffer[][] = [];
for (const root of roots) {
  const { loadEngine, renderMotionFrame } = await import(path.join(root, 'src/eval/engine.ts'));
  const engine = await loadEngine();
  const motion = await engine.motionFromAudio(audio, { fps: 25 });
  const r = engine.makeRenderer(portrait, SIZE);
  const cells: Buffer[] = [];
  for (const i of frames) {
    const img = renderMotionFrame(r, motion, i);
    const data = new Uint8ClampedArray(img.data);
    const face = (await detectFaces({ width: img.width, height: img.height, data }, { embedding: false }))[0];
    if (!face) { console.log(`${path.basename(root)} f${i}: no face read`); continue; }
    const lm = face.landmarks as P[];
    const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
    const cx = (lm[61]![0]! + lm[291]![0]!) / 2, cy = (lm[13]![1]! + lm[14]![1]!) / 2, h = Math.round(0.5 * iod);
    const box = { left: Math.round(cx - h), top: Math.round(cy - h / 2), width: 2 * h, height: h };
    const crop = await sharp(Buffer.from(data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } }).extract(box).resize(2 * T, T, { kernel: 'lanczos3' }).png().toBuffer();
    const text = `${path.basename(root)} f${i} jaw ${(motion.frames[i].w.jawOpen ?? 0).toFixed(3)} read ${gap.toFixed(3)}`;
    console.log(text);
    cells.push(await sharp(crop).composite([{ input: label(text), left: 0, top: 0 }]).png().toBuffer());
  }
  for (let g = 0; g * wrap < cells.length; g++) {
    const group = cells.slice(g * wrap, (g + 1) * wrap);
    rowsByGroup[g] ??= [];
    rowsByGroup[g]!.push(await sharp({ create: { width: 2 * T * wrap, height: T + 4, channels: 3, background: '#000' } }).composite(group.map((input, k) => ({ input, left: k * 2 * T, top: 0 }))).png().toBuffer());
  }
}
rows.push(...rowsByGroup.flat());
await sharp({ create: { width: 2 * T * wrap, height: (T + 4) * rows.length, channels: 3, background: '#000' } })
  .composite(rows.map((input, k) => ({ input, left: 0, top: k * (T + 4) }))).jpeg({ quality: 82 }).toFile(out);
console.log(`wrote ${out}`);
