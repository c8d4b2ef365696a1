// The photo's matte at a point, nearest pixel, clamped to the image: how the sheet and outline
// passes (sheetFold, skinPastOval, rimClearOnTurn, farBandClear) walk rays out of the face.
import type { GrayImage } from '../types.ts';

/** The matte's value (0..1) at the pixel nearest (x, y), the border pixel outside the image. */
export function matteAt(matte: GrayImage, x: number, y: number): number {
  const size = matte.width;
  return matte.data[Math.min(size - 1, Math.max(0, Math.round(y))) * size + Math.min(size - 1, Math.max(0, Math.round(x)))]!;
}
