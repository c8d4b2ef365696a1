// Shared by the driven-mouth benches (rowStructure, teethDriven): the picked frames of a driver video with
// their face mesh read back, and a motion's picked frame rendered by one checkout's renderer.
import path from 'node:path';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { Renderer } from '../src/render/renderer.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { readLandmarks, type Lm } from './readBack.ts';
import { SHARED_DATA } from './sharedData.ts';

/** A driver frame: its index at 25 fps, the picture and its face mesh's landmarks (null: no face found). */
export interface DriverPick { k: number; img: RgbaImage; lm: Lm | null }

/** The frames `picks` (at 25 fps, as `generate` reads a driver) of `video` (a path, or a name in shared/data/video), in order. */
export async function* driverPicks(video: string, picks: number[]): AsyncGenerator<DriverPick> {
  const file = video.startsWith('/') ? video : path.join(SHARED_DATA, 'video', video);
  let k = 0;
  for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) {
    if (picks.includes(k)) yield { k, img, lm: await readLandmarks(img) };
    k++;
  }
}

/** Frame i of a motion (its last past the end) rendered by `r`: the frame, a copy of the picture and the rendered mesh's landmarks (x, y). */
export function renderedPick(r: Renderer, frames: MotionFrame[], i: number): { f: MotionFrame; img: RgbaImage; meshLm: Lm } {
  const f = frames[Math.min(frames.length - 1, i)]!;
  const shot = r.render(f), img = { ...shot, data: new Uint8ClampedArray(shot.data) };
  const meshLm = (r.landmarks(f) as number[][]).map((q) => [q[0]!, q[1]!] as [number, number]);
  return { f, img, meshLm };
}
