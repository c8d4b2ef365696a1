// How a motion's jawOpen lands on the rendered mouth (#12, render/mouth/opening.ts): for each photo,
// a row of jawOpen steps (and rounded shapes at small openings), each rendered, its mouth cropped and
// enlarged 3x, with the mesh gap (landmarks 13-14) and the gap the face detector reads back off the
// rendered frame (as `eval --mode audio` reads it), both over the eye-corner distance. Printed, never
// asserted; --png writes the sheet.
//
//   node --import tsx bench/lipOpenSweep.ts [--photos a.jpg,b.png,/path/v.mp4] [--png out.png]
// (a video stands for its frame 0, as in `eval --mode audio`)
import path from 'node:path';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

async function firstFrame(file: string): Promise<RgbaImage> {
  for await (const f of decodeVideoFrames(file, { fps: 25, maxSide: 1024, maxFrames: 1 })) return { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) };
  throw new Error(`${file}: no frames`);
}

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const DATA = SHARED_PORTRAITS;
const photos = (arg('--photos') ?? 'lp_s1.jpg,mt_man.png,st_happy.png').split(',');
/** columns: a label and the motion weights set on the photo's neutral frame */
const COLUMNS: [string, Record<string, number>][] = [
  ...[0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.45].map((j): [string, Record<string, number>] => [`jaw ${j}`, { jawOpen: j }]),
  ['oo .05', { jawOpen: 0.05, mouthFunnel: 0.2, mouthPucker: 0.3 }],
  ['oh .12', { jawOpen: 0.12, mouthFunnel: 0.4, mouthPucker: 0.15 }],
];
const ZOOM = 3, BOX = 60; // mouth box half-width in rendered px before the zoom

const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
const rows: Buffer[] = [];
for (const file of photos) {
  const portrait = file.endsWith('.mp4') ? await analyzePortrait(await firstFrame(file)) : await cachedPortrait(path.join(DATA, file));
  const renderer = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const base = renderer.neutralFrame();
  const line: string[] = [];
  const cells: Buffer[] = [];
  for (const [label, w] of COLUMNS) {
    const frame: MotionFrame = { ...base, w: { ...base.w, ...w } };
    const lm = renderer.landmarks(frame);
    const mesh = dist(lm[13]!, lm[14]!) / dist(lm[33]!, lm[263]!);
    const img = renderer.render(frame);
    const rgba = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
    const face = (await detectFaces({ width: img.width, height: img.height, data: new Uint8ClampedArray(rgba) }, { embedding: false }))[0];
    const read = face ? dist(face.landmarks[13]!, face.landmarks[14]!) / dist(face.landmarks[33]!, face.landmarks[263]!) : NaN;
    line.push(`${label} ${mesh.toFixed(3)}/${read.toFixed(3)}`);
    const cx = Math.round((lm[61]![0] + lm[291]![0]) / 2), cy = Math.round((lm[13]![1] + lm[14]![1]) / 2);
    const left = Math.max(0, Math.min(img.width - 2 * BOX, cx - BOX)), top = Math.max(0, Math.min(img.height - BOX, cy - BOX / 2));
    const crop = await sharp(rgba, { raw: { width: img.width, height: img.height, channels: 4 } })
      .extract({ left, top, width: 2 * BOX, height: BOX }).resize(2 * BOX * ZOOM, BOX * ZOOM, { kernel: 'nearest' }).png().toBuffer();
    const text = `<svg width="${2 * BOX * ZOOM}" height="${BOX * ZOOM}"><rect width="100%" height="18" fill="#000a"/><text x="4" y="14" font-size="13" fill="#fff">${label}: mesh ${mesh.toFixed(3)} read ${read.toFixed(3)}</text></svg>`;
    cells.push(await sharp(crop).composite([{ input: Buffer.from(text) }]).png().toBuffer());
  }
  console.log(`${file}: ${line.join('  ')}`);
  const W = 2 * BOX * ZOOM, H = BOX * ZOOM, perRow = 6;
  for (let r = 0; r < cells.length; r += perRow) {
    const part = cells.slice(r, r + perRow);
    rows.push(await sharp({ create: { width: W * perRow, height: H, channels: 3, background: '#000' } })
      .composite(part.map((input, k) => ({ input, left: k * W, top: 0 }))).png().toBuffer());
  }
}
const png = arg('--png');
if (png) {
  const W = (await sharp(rows[0]!).metadata()).width!, H = (await sharp(rows[0]!).metadata()).height!;
  await sharp({ create: { width: W, height: H * rows.length, channels: 3, background: '#000' } })
    .composite(rows.map((input, k) => ({ input, left: 0, top: k * H }))).png().toFile(png);
  console.log(`wrote ${png}`);
}
