// Shared by the mouth benches (mouthFrames, mouthDriven, mouthJawRow, smallParting, grinRead, grinLevers): a square around the mouth cut out of a
// rendered or real frame and enlarged, and tiles side by side in one strip.
import path from 'node:path';
import sharp from 'sharp';
import type { Portrait } from '../src/types.ts';
import type { Renderer } from '../src/render/renderer.ts';
import type { RgbaImage } from '../src/types.ts';
import { decodeVideoFrames } from '../src/io/media.ts';

export interface MouthBox { left: number; top: number; side: number }

/** The box's pixels of an RGBA frame `size` px square, enlarged `zoom` times (PNG). */
export function mouthTile(data: Uint8ClampedArray | Uint8Array, size: number, box: MouthBox, zoom: number): Promise<Buffer> {
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width: size, height: size, channels: 4 } })
    .extract({ left: Math.max(0, box.left), top: Math.max(0, box.top), width: box.side, height: box.side }).resize(box.side * zoom, box.side * zoom, { kernel: 'lanczos3' }).png().toBuffer();
}

/** Square tiles of `side` px in one row (PNG). */
export function strip(tiles: Buffer[], side: number): Promise<Buffer> {
  return sharp({ create: { width: side * tiles.length, height: side, channels: 3, background: '#000' } })
    .composite(tiles.map((input, q) => ({ input, left: q * side, top: 0 }))).png().toBuffer();
}

/** Strips stacked (PNG file). */
export async function stack(rows: Buffer[], width: number, height: number, out: string): Promise<void> {
  await sharp({ create: { width, height: height * rows.length, channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * height }))).png().toFile(out);
}

/** A square `widths` mouth widths across around rendered landmarks, its top `above` of its side over the lips' centre. */
export function mouthBox(lm: ArrayLike<ArrayLike<number>>, widths: number, above: number): MouthBox {
  const mw = Math.hypot(lm[291]![0]! - lm[61]![0]!, lm[291]![1]! - lm[61]![1]!);
  const side = Math.round(widths * mw);
  return { side, left: Math.round((lm[61]![0]! + lm[291]![0]!) / 2 - side / 2), top: Math.round((lm[13]![1]! + lm[14]![1]!) / 2 - above * side) };
}

/**
 * A renderer of `portrait` built by the checkout at `root` (its own src/avatar and src/render), so one
 * bench run can put a before and an after tree side by side on the same analysis.
 */
export async function rendererOfRoot(root: string, portrait: Portrait, size: number): Promise<Renderer> {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  return createRenderer(buildAvatar(portrait), { width: size, height: size });
}

/**
 * The driver's own mouths at the `picked` frames of a video (decoded at `fps`, at most 512 px), each boxed on the landmarks
 * `landmarksOf` reads on that frame (frames it finds no face on are left out), cut from the frame's top-left square, 1x.
 */
export async function driverMouthShots(videoFile: string, fps: number, picked: readonly number[], landmarksOf: (frame: RgbaImage) => Promise<ArrayLike<ArrayLike<number>> | null | undefined>): Promise<Map<number, Buffer>> {
  const shots = new Map<number, Buffer>();
  if (!picked.length) return shots;
  let k = 0;
  for await (const fr of decodeVideoFrames(videoFile, { fps, maxSide: 512, maxFrames: Math.max(...picked) + 1 })) {
    if (picked.includes(k)) {
      const lm = await landmarksOf(fr as RgbaImage);
      const side = Math.min(fr.width, fr.height);
      const square = await sharp(Buffer.from(fr.data.buffer, fr.data.byteOffset, fr.data.byteLength), { raw: { width: fr.width, height: fr.height, channels: 4 } }).extract({ left: 0, top: 0, width: side, height: side }).raw().toBuffer();
      if (lm) shots.set(k, await mouthTile(new Uint8Array(square), side, mouthBox(lm, 2, 0.5), 1));
    }
    k++;
  }
  return shots;
}
