// A critic's sheet of a finished video: `generate` run as a user would (head crop, --pose auto,
// --blink natural), then frames picked where defects show: the loudest moments, silences, the
// most shut eyes and the most turned head. Each row: the frame, its mouth zoomed 3x and its eyes
// zoomed 3x (boxes from the face mesh found on our own output). Prints what it picked; never asserts.
//
//   node --import tsx bench/review.ts --photo P.jpg --audio A.wav --out sheet.png [-- extra generate flags]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { decodeAudio, decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces, type DetectedFace } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const photo = arg('--photo');
const audio = arg('--audio');
const out = arg('--out');
const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
if (!photo || !audio || !out) {
  console.error('usage: bench/review.ts --photo P.jpg --audio A.wav --out sheet.png [-- generate flags]');
  process.exit(2);
}
const FPS = 25;
const SECONDS = 12;
const ZOOM = 3;
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'real3d-review-'));
const video = path.join(work, 'out.mp4');
const started = Date.now();
execFileSync(process.execPath, [path.join(root, 'bin', 'real3d.mjs'), 'generate', '-i', photo, '-a', audio, '--pose', 'auto', '--blink', 'natural', '--size', '512', '--fps', String(FPS), '-o', video, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`generate: ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** loudness (RMS, dB) per video frame */
const samples = await decodeAudio(audio, { sampleRate: 16000 });
const hop = 16000 / FPS;
const loudness = (i: number) => {
  let s = 0;
  for (let k = Math.floor(i * hop); k < Math.min(samples.length, (i + 1) * hop); k++) s += samples[k]! * samples[k]!;
  return 10 * Math.log10(s / hop + 1e-10);
};

interface Seen {
  i: number;
  image: RgbaImage;
  face?: DetectedFace;
  loud: number;
}
const seen: Seen[] = [];
let i = 0;
for await (const f of decodeVideoFrames(video, { fps: FPS, maxFrames: SECONDS * FPS })) {
  // every 2nd frame keeps the detector cost down; the picks need no finer grid
  if (i % 2 === 0) {
    const image = { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) };
    seen.push({ i, image, face: (await detectFaces(image, { embedding: false }))[0], loud: loudness(i) });
  }
  i++;
}
const withFace = seen.filter((s) => s.face);
const maxLoud = Math.max(...seen.map((s) => s.loud));
const eyeOpen = (s: Seen) => Math.min(eyeOpenings(s.face!.landmarks).left, eyeOpenings(s.face!.landmarks).right);
const yaw = (s: Seen) => Math.abs(s.face!.pose.yaw);
const picks: { s: Seen; why: string }[] = [];
const pick = (list: Seen[], n: number, why: string) => {
  for (const s of list) {
    if (picks.filter((p) => p.why === why).length >= n) break;
    if (picks.every((p) => Math.abs(p.s.i - s.i) >= 12)) picks.push({ s, why });
  }
};
pick([...withFace].sort((a, b) => b.loud - a.loud), 4, 'loud');
pick(withFace.filter((s) => s.loud < maxLoud - 35), 2, 'silent');
pick([...withFace].sort((a, b) => eyeOpen(a) - eyeOpen(b)), 2, 'eyes most shut');
pick([...withFace].sort((a, b) => yaw(b) - yaw(a)), 2, 'most turned');
picks.sort((a, b) => a.s.i - b.s.i);

const raw = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } });
/** a box around landmark indices, grown, zoomed */
async function zoomed(img: RgbaImage, lm: number[][], idx: number[], grow: number, aspect: number): Promise<Buffer> {
  const xs = idx.map((k) => lm[k]![0]!);
  const ys = idx.map((k) => lm[k]![1]!);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const w = Math.round(Math.min(img.width, (Math.max(...xs) - Math.min(...xs)) * grow));
  const h = Math.round(Math.min(img.height, w / aspect));
  const left = Math.round(Math.max(0, Math.min(img.width - w, cx - w / 2)));
  const top = Math.round(Math.max(0, Math.min(img.height - h, cy - h / 2)));
  return raw(img).extract({ left, top, width: w, height: h }).resize(w * ZOOM, h * ZOOM, { kernel: 'lanczos3' }).resize(384, Math.round(384 / aspect)).png().toBuffer();
}
const MOUTH = [61, 291, 0, 17];
const EYES = [33, 133, 362, 263, 105, 334];
const rowH = 256 + 24;
const W = 256 + 384 + 384 + 24;
const composites: OverlayOptions[] = [];
const text: string[] = [`<text x="8" y="22" font-size="18" font-family="sans-serif" fill="#fff">${path.basename(photo)} + ${path.basename(audio)} ${extra.join(' ')}</text>`];
for (const [k, { s, why }] of picks.entries()) {
  const y = 32 + k * rowH;
  const lm = s.face!.landmarks as number[][];
  text.push(`<text x="8" y="${y + 16}" font-size="14" font-family="sans-serif" fill="#ddd">${(s.i / FPS).toFixed(2)} s, ${why}, loudness ${(s.loud - maxLoud).toFixed(0)} dB, eye opening ${eyeOpen(s).toFixed(3)}, yaw ${yaw(s).toFixed(0)}°</text>`);
  composites.push({ input: await raw(s.image).resize(256, 256).png().toBuffer(), left: 6, top: y + 22 });
  composites.push({ input: await zoomed(s.image, lm, MOUTH, 1.6, 1.6), left: 268, top: y + 22 });
  composites.push({ input: await zoomed(s.image, lm, EYES, 1.25, 2.4), left: 268 + 390, top: y + 22 });
}
const H = 32 + picks.length * rowH;
composites.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${text.join('')}</svg>`), left: 0, top: 0 });
const png = await sharp({ create: { width: W, height: H, channels: 3, background: '#202020' } }).composite(composites).png().toBuffer();
writeFileSync(`${out}.tmp`, png);
renameSync(`${out}.tmp`, out);
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${out}: ${picks.map((p) => `${(p.s.i / FPS).toFixed(1)}s ${p.why}`).join(', ')}`);
