// Mouth close-up sheets of the audio path: the photo driven by the audio (static pose, seed 0) at
// the loudest moments of the sound (plus two silent moments), mouth cropped around the rendered
// lips and zoomed 3x; with --real, the real video's frames at the same times above ours.
//
//   node --import tsx bench/lipSheet.ts --audio A.wav (--photo P.jpg | --real V.mp4) --out sheet.png [--title T] [--at 1.08,3.4] [--small 5]
//
// --at adds moments (s) to the loudest ones (a reviewer's times), labelled with the time alone.
// --small N adds N small openings on the way into a vowel (consonant-vowel transitions: jawOpen
// 0.015-0.07 and rising by at least 0.03 over the next two frames), spread over the clip.
//
// With --real the photo is the video's frame 0 (as in `eval --mode audio`), cropped the same way.
import { writeFileSync, renameSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { lipAudio, contextVector } from '../src/motion/lipFeatures.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { extractCrop } from '../src/analyze/crop.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const audioFile = arg('--audio');
const photoFile = arg('--photo');
const realFile = arg('--real');
const out = arg('--out');
const title = arg('--title') ?? audioFile ?? '';
if (!audioFile || !out || (!photoFile && !realFile)) {
  console.error('usage: bench/lipSheet.ts --audio A.wav (--photo P.jpg | --real V.mp4) --out sheet.png');
  process.exit(2);
}
const FPS = 25;
const SIZE = 512;
/** mouth window in the 512 px frame: 3x zoom into a 128 x 80 px box */
const BOX_W = 128;
const BOX_H = 80;
const ZOOM = 3;
const LOUD = 8;

const motion = await motionFromAudio(audioFile, { fps: FPS, pose: 'static', seed: 0, blink: 'none' });
const audio = await lipAudio(audioFile);
const energy = Array.from({ length: motion.frameCount }, (_, i) => contextVector(audio, i / FPS, [0], new Float32Array(25))[0]!);
// loudest frames at least 0.6 s apart, then two frames deep in silence (if any)
const picked: { i: number; label: string }[] = [];
for (const i of [...energy.keys()].sort((a, b) => energy[b]! - energy[a]!)) {
  if (picked.length >= LOUD) break;
  if (picked.every((p) => Math.abs(p.i - i) >= 15)) picked.push({ i, label: `${(i / FPS).toFixed(2)} s loud` });
}
const quiet = [...energy.keys()].filter((i) => energy.slice(Math.max(0, i - 5), i + 6).every((e) => e < -6));
for (const i of [quiet[Math.floor(quiet.length / 3)], quiet[Math.floor((2 * quiet.length) / 3)]]) if (i !== undefined) picked.push({ i, label: `${(i / FPS).toFixed(2)} s silent` });
for (const t of (arg('--at') ?? '').split(',').filter(Boolean).map(Number)) picked.push({ i: Math.min(motion.frameCount - 1, Math.round(t * FPS)), label: `${t.toFixed(2)} s` });
const small = Number(arg('--small') ?? 0);
if (small > 0) {
  const jaw = motion.frames.map((f) => f.w.jawOpen ?? 0);
  const rising = [...jaw.keys()].filter((i) => jaw[i]! >= 0.015 && jaw[i]! <= 0.07 && (jaw[i + 2] ?? 0) - jaw[i]! >= 0.03 && picked.every((p) => Math.abs(p.i - i) >= 8));
  for (let k = 0; k < small && rising.length; k++) {
    const i = rising[Math.floor(((k + 0.5) * rising.length) / small)]!;
    if (picked.every((p) => p.i !== i)) picked.push({ i, label: `${(i / FPS).toFixed(2)} s small` });
  }
}
picked.sort((a, b) => a.i - b.i);

const frameAt = async (file: string, wanted: number[]): Promise<Map<number, RgbaImage>> => {
  const got = new Map<number, RgbaImage>();
  let k = 0;
  const last = Math.max(...wanted);
  for await (const f of decodeVideoFrames(file, { fps: FPS, maxSide: 1024, maxFrames: last + 1 })) {
    if (wanted.includes(k)) got.set(k, { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) });
    k++;
  }
  return got;
};

const photo = realFile ? (await frameAt(realFile, [0])).get(0)! : await loadImage(photoFile!);
const portrait = await analyzePortrait(photo);
const renderer = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });

/** 3x mouth close-up around the mouth centre (landmarks 13/14) of a 512 px frame. */
async function mouthTile(img: RgbaImage, cx: number, cy: number): Promise<Buffer> {
  const left = Math.round(Math.max(0, Math.min(img.width - BOX_W, cx - BOX_W / 2)));
  const top = Math.round(Math.max(0, Math.min(img.height - BOX_H, cy - BOX_H / 2)));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: BOX_W, height: BOX_H })
    .resize(BOX_W * ZOOM, BOX_H * ZOOM, { kernel: 'lanczos3' })
    .png()
    .toBuffer();
}

const ours: Buffer[] = [];
for (const p of picked) {
  const f = motion.frames[p.i]!;
  const lm = renderer.landmarks(f);
  const img = renderer.render(f);
  ours.push(await mouthTile(img, (lm[13]![0] + lm[14]![0]) / 2, (lm[13]![1] + lm[14]![1]) / 2));
}
const real: (Buffer | null)[] = [];
if (realFile) {
  const frames = await frameAt(realFile, picked.map((p) => p.i));
  const c = portrait.analysis.crop;
  for (const p of picked) {
    const fr = frames.get(p.i);
    if (!fr) {
      real.push(null);
      continue;
    }
    const crop = await extractCrop(fr, { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) }, SIZE);
    const face = (await detectFaces(crop.image, { embedding: false }))[0];
    const lm = face?.landmarks ?? portrait.cropLandmarks.map((q) => [(q[0] * SIZE) / c.size, (q[1] * SIZE) / c.size, 0]);
    real.push(await mouthTile(crop.image, (lm[13]![0] + lm[14]![0]) / 2, (lm[13]![1] + lm[14]![1]) / 2));
  }
}

const TW = BOX_W * ZOOM;
const TH = BOX_H * ZOOM;
const COLS = 5;
const rowsPerPick = realFile ? 2 : 1;
const labelH = 22;
const blockH = rowsPerPick * TH + labelH;
const nBlocks = Math.ceil(picked.length / COLS);
const W = COLS * (TW + 6) + 6;
const H = 40 + nBlocks * (blockH + 8);
const composites: OverlayOptions[] = [];
const svgText: string[] = [`<text x="8" y="26" font-size="20" font-family="sans-serif" fill="#fff">${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}${realFile ? ' (top: real, bottom: ours)' : ''}</text>`];
picked.forEach((p, k) => {
  const x = 6 + (k % COLS) * (TW + 6);
  const y = 40 + Math.floor(k / COLS) * (blockH + 8);
  const f = motion.frames[p.i]!.w;
  const jaw = f.jawOpen ?? 0;
  svgText.push(`<text x="${x + 4}" y="${y + 16}" font-size="15" font-family="sans-serif" fill="#ddd">${p.label}, jawOpen ${jaw.toFixed(2)}, round ${((f.mouthFunnel ?? 0) + (f.mouthPucker ?? 0)).toFixed(2)}</text>`);
  if (realFile && real[k]) composites.push({ input: real[k]!, left: x, top: y + labelH });
  composites.push({ input: ours[k]!, left: x, top: y + labelH + (realFile ? TH : 0) });
});
composites.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${svgText.join('')}</svg>`), left: 0, top: 0 });
const png = await sharp({ create: { width: W, height: H, channels: 3, background: '#202020' } }).composite(composites).png().toBuffer();
writeFileSync(`${out}.tmp`, png);
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}: ${picked.length} moments`);
