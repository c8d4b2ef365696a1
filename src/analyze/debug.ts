// debug.png: one contact sheet of the analysis (crop, landmarks, matte, regions, background).
import sharp from 'sharp';
import type { Portrait, RgbaImage } from '../types.ts';
import { REGION } from '../types.ts';
import { FACE_OVAL, LEFT_EYE, RIGHT_EYE, LIPS_OUTER } from './landmarks.ts';

const REGION_COLOURS: Record<number, [number, number, number]> = {
  [REGION.background]: [40, 40, 60],
  [REGION.skin]: [255, 200, 150],
  [REGION.hair]: [160, 90, 30],
  [REGION.eyes]: [0, 200, 255],
  [REGION.mouth]: [255, 0, 90],
  [REGION.neckTorso]: [90, 200, 90],
};

function setPixel(img: RgbaImage, x: number, y: number, c: readonly number[]): void {
  x = Math.round(x);
  y = Math.round(y);
  if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
  const i = (y * img.width + x) * 4;
  img.data[i] = c[0]!;
  img.data[i + 1] = c[1]!;
  img.data[i + 2] = c[2]!;
  img.data[i + 3] = 255;
}

function drawLine(img: RgbaImage, x0: number, y0: number, x1: number, y1: number, c: readonly number[]): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
  for (let s = 0; s <= steps; s++) setPixel(img, x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, c);
}

function drawLoop(img: RgbaImage, lm: readonly (readonly number[])[], idx: readonly number[], c: readonly number[]): void {
  for (let k = 0; k < idx.length; k++) {
    const a = lm[idx[k]!]!, b = lm[idx[(k + 1) % idx.length]!]!;
    drawLine(img, a[0]!, a[1]!, b[0]!, b[1]!, c);
  }
}

/** The crop with all 478 landmarks (dots), the face oval, eye and lip contours and iris centres. */
export function drawLandmarks(p: Portrait): RgbaImage {
  const img: RgbaImage = { width: p.image.width, height: p.image.height, data: new Uint8ClampedArray(p.image.data) };
  for (const q of p.cropLandmarks) setPixel(img, q[0], q[1], [0, 255, 0]);
  drawLoop(img, p.cropLandmarks, FACE_OVAL, [255, 255, 0]);
  drawLoop(img, p.cropLandmarks, RIGHT_EYE, [0, 200, 255]);
  drawLoop(img, p.cropLandmarks, LEFT_EYE, [0, 200, 255]);
  drawLoop(img, p.cropLandmarks, LIPS_OUTER, [255, 0, 90]);
  for (const k of [468, 473]) {
    const c = p.cropLandmarks[k]!;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) setPixel(img, c[0] + dx, c[1] + dy, [255, 0, 0]);
  }
  return img;
}

/** Region colours blended over the crop. */
export function colourRegions(p: Portrait): RgbaImage {
  const img: RgbaImage = { width: p.image.width, height: p.image.height, data: new Uint8ClampedArray(p.image.data.length) };
  for (let i = 0; i < p.regions.data.length; i++) {
    const c = REGION_COLOURS[p.regions.data[i]!] ?? [255, 0, 255];
    for (let k = 0; k < 3; k++) img.data[i * 4 + k] = 0.65 * c[k]! + 0.35 * p.image.data[i * 4 + k]!;
    img.data[i * 4 + 3] = 255;
  }
  return img;
}

function matteImage(p: Portrait): RgbaImage {
  const img: RgbaImage = { width: p.matte.width, height: p.matte.height, data: new Uint8ClampedArray(p.matte.width * p.matte.height * 4) };
  for (let i = 0; i < p.matte.data.length; i++) {
    const v = p.matte.data[i]! * 255;
    img.data[i * 4] = v;
    img.data[i * 4 + 1] = v;
    img.data[i * 4 + 2] = v;
    img.data[i * 4 + 3] = 255;
  }
  return img;
}

/** PNG of the five panels side by side, each `tile` px. */
export async function debugSheet(p: Portrait, tile = 384): Promise<Buffer> {
  const panels = [p.image, drawLandmarks(p), matteImage(p), colourRegions(p), p.background];
  const inputs = await Promise.all(
    panels.map(async (img, k) => ({
      input: await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
        .resize(tile, tile, { kernel: 'lanczos3' })
        .png()
        .toBuffer(),
      left: k * tile,
      top: 0,
    })),
  );
  return sharp({ create: { width: tile * panels.length, height: tile, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
    .composite(inputs)
    .png()
    .toBuffer();
}
