// Mouth tiles for the side benches (mouthSideRender.ts, lipSidesRender.ts): a square under the nose, cut from a frame,
// labelled; the driver video's tiles at the chosen frames; and a sheet of rows of tiles.
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { Landmarks } from '../src/rig/canonical.ts';

/** The face mesh's landmarks of a frame (a copy of its pixels: the renderer reuses its buffer). */
export const read3d = async (img: RgbaImage): Promise<Landmarks | null> => (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0]?.landmarks ?? null;

/** A square 1.1 IOD across centred on the nose's base (landmark 2), its top just under the nose. */
function noseBox(lm: ArrayLike<ArrayLike<number>>, w: number, h: number) {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const side = Math.round(1.1 * iod);
  const left = Math.max(0, Math.min(w - side, Math.round(lm[2]![0]! - side / 2))), top = Math.max(0, Math.min(h - side, Math.round(lm[2]![1]! - 0.12 * side)));
  return { left, top, side };
}

/** The mouth square of `img`, `size` px, labelled. */
export async function mouthTile(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, label: string, size: number): Promise<Buffer> {
  const b = noseBox(lm, img.width, img.height);
  const px = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left: b.left, top: b.top, width: b.side, height: b.side }).resize(size, size, { kernel: 'lanczos3' }).removeAlpha().png().toBuffer();
  const svg = Buffer.from(`<svg width="${size}" height="${size}"><text x="4" y="16" font-size="14" fill="yellow" font-family="sans-serif">${label}</text></svg>`);
  return sharp(px).composite([{ input: svg, left: 0, top: 0 }]).png().toBuffer();
}

/** The driver video's mouth tiles at `frames` (decoded at `fps`), each the first tile of its row. */
export async function driverTiles(video: string, frames: number[], fps: number, size: number): Promise<Map<number, Buffer[]>> {
  const tiles = new Map<number, Buffer[]>();
  let k = 0;
  for await (const fr of decodeVideoFrames(video, { fps, maxSide: 720, maxFrames: Math.max(...frames) + 1 })) {
    if (frames.includes(k)) {
      const img = { ...fr, data: new Uint8ClampedArray(fr.data) } as RgbaImage;
      const lm = await read3d(img);
      if (lm) tiles.set(k, [await mouthTile(img, lm, `driver f${k}`, size)]);
    }
    k++;
  }
  return tiles;
}

/** Writes rows of `size` px tiles as one PNG. */
export async function writeTileSheet(file: string, rows: Buffer[][], size: number): Promise<void> {
  const cols = Math.max(...rows.map((r) => r.length));
  await sharp({ create: { width: size * cols, height: size * rows.length, channels: 3, background: '#000' } })
    .composite(rows.flatMap((r, y) => r.map((input, x) => ({ input, left: x * size, top: y * size })))).png().toFile(file);
}
