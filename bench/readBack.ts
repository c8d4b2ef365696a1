// What the mouth benches share to read a rendered (or real) frame back: its 2D face-mesh landmarks, pixel luma and
// distances between landmarks. Figures only; never asserts.
import { detectFaces } from '../src/face/detect.ts';
import type { RgbaImage } from '../src/types.ts';

/** 2D landmarks in the frame's pixels. */
export type Lm = [number, number][];

/** Rec. 601 luma of the RGBA pixel at byte offset `o`. */
export const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
/** Distance between landmarks a and b. */
export const dist = (lm: ArrayLike<ArrayLike<number>>, a: number, b: number) => Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
/** The upper median (NaN for none). */
export const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** The first face's landmarks as the face mesh reads the frame (a copy of the pixels goes to the detector), or null. */
export async function readLandmarks(img: RgbaImage): Promise<Lm | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  return f ? (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]) : null;
}
