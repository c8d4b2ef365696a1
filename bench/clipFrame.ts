// One frame of a real talking clip and its face-mesh landmarks, for benches that set our renders beside real faces.
// A pick is 'clip:frame' (25 fps), the clip found under the media's video/ or train/clips/.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { SHARED_DATA } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';

export type ClipFace = { clip: string; at: number; frame: RgbaImage; lm: ArrayLike<ArrayLike<number>> };

/** The pick's frame (longest side 720) and its first face's landmarks, or why there is none. */
export async function clipFrameFace(pick: string): Promise<ClipFace | string> {
  const [clip, atText] = pick.split(':');
  const at = Number(atText);
  const file = [path.join(SHARED_DATA, 'video', clip!), path.join(SHARED_DATA, 'train', 'clips', clip!)].find((f) => existsSync(f));
  if (!file) return 'not found';
  let frame: RgbaImage | undefined, k = 0;
  for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: at + 1 })) if (k++ === at) frame = { ...img, data: new Uint8ClampedArray(img.data) };
  if (!frame) return 'too short';
  const lm = (await detectFaces(frame, { embedding: false }))[0]?.landmarks;
  return lm ? { clip: clip!, at, frame, lm } : 'no face';
}
