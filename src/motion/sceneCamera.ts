// The driver's camera read off the video's scene (sceneMotion.ts) and taken out of the head's translation: the
// shift of the background and shoulders is the camera's (or the whole body's) share, which the photo's face must not
// follow inside its own still painting; the head's motion over them is the speaker's own lean and stays. Node-only
// (decodes the video again, small and grey: ~1 s for 8 s of 512 px video); the tracker is untouched.
import { decodeVideoFrames, probeVideo } from '../io/media.ts';
import type { RawFaceFrame } from './faceTracker.ts';
import { headBoxOf, scenePath, SceneReader, type GreyFrame, type HeadBox, type ScenePath } from './sceneMotion.ts';
import { runningMedian } from './steadyCamera.ts';
import { luma601At } from '../math/colour.ts';

/** The long side of the grey frames the scene is read on (px). */
export const SCENE_SIDE = 128;

/**
 * The least share of the frame that must be textured scene for the camera to be read (sceneMotion.ts texturedShare):
 * below it the head fills the frame (Katie, pose796, pose620, lp_d6, lp_d11: 0) or the scene is a sliver beside the
 * hair (lily_5 1.1 %, lp_d10 .7 %, lp_d0 .35 %), and the translation is left as read. vrt4 3.7 %, lp_d14 2.2 %.
 */
export const SCENE_TEXTURED_MIN = 0.015;

/** The most frames whose scene fit may run off (sceneMotion.ts ScenePath.lost) for the camera to be trusted at all. */
export const SCENE_LOST_MAX = 0.05;

/** The camera's shift per frame, in the track's pixels, since the first frame with a face. */
export interface CameraPath { dx: Float64Array; dy: Float64Array }

/** The head box of a tracked face (its landmarks' extent), scaled by k. */
function headOf(r: RawFaceFrame | null, k: number): HeadBox | null {
  if (!r?.lm) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < r.lm.length; i += 3) {
    x0 = Math.min(x0, r.lm[i]!); x1 = Math.max(x1, r.lm[i]!);
    y0 = Math.min(y0, r.lm[i + 1]!); y1 = Math.max(y1, r.lm[i + 1]!);
  }
  return headBoxOf(x0 * k, y0 * k, x1 * k, y1 * k);
}

/**
 * The camera path in the track's pixels (k: grey frame px per track px) for `n` frames, from the scene's path:
 * undefined when the scene outside the head is too small or too flat to read (SCENE_TEXTURED_MIN) or its fit ran
 * off (SCENE_LOST_MAX).
 */
export function cameraPathFrom(path: ScenePath, k: number, n: number): CameraPath | undefined {
  if (!(path.textured >= SCENE_TEXTURED_MIN) || path.lost > SCENE_LOST_MAX || !path.dx.length) return undefined;
  // (a 5-frame median: one frame's slip is not the camera; the face's smoothing then takes both as one)
  const grown = (v: Float64Array) => {
    const out = new Float64Array(n), m = runningMedian(v, 2);
    for (let i = 0; i < n; i++) out[i] = m[Math.min(i, m.length - 1)]! / k;
    return out;
  };
  return { dx: grown(path.dx), dy: grown(path.dy) };
}

/** The camera path of grey `frames` (any size) for a track `raw` made at `trackWidth` px wide (cameraPathFrom). */
export function cameraPathOf(frames: GreyFrame[], raw: (RawFaceFrame | null)[], trackWidth: number): CameraPath | undefined {
  if (!frames.length) return undefined;
  const k = frames[0]!.width / trackWidth;
  return cameraPathFrom(scenePath(frames, raw.slice(0, frames.length).map((r) => headOf(r, k))), k, raw.length);
}

/** An RGBA frame as light 0..255 (Rec. 601). */
function grey(f: { width: number; height: number; data: Uint8ClampedArray }): GreyFrame {
  const data = new Float32Array(f.width * f.height);
  for (let i = 0; i < data.length; i++) data[i] = luma601At(f.data, 4 * i);
  return { width: f.width, height: f.height, data };
}

/**
 * The camera path of `videoFile` for its track `raw` (made at `fps`, long side at most `maxSide`), or undefined
 * (cameraPathFrom). Streamed; stops decoding once the first face's frame shows too little scene (most drivers).
 */
export async function readCameraPath(videoFile: string, raw: (RawFaceFrame | null)[], o: { fps: number; maxSide: number }, signal?: AbortSignal): Promise<CameraPath | undefined> {
  // the track's frame width, as decodeVideo.ts sized it (scaled down to maxSide, even sides)
  const info = await probeVideo(videoFile);
  const trackWidth = Math.max(2, Math.round((info.width * Math.min(1, o.maxSide / Math.max(info.width, info.height))) / 2) * 2);
  const reader = new SceneReader();
  let i = 0, k = 1;
  for await (const f of decodeVideoFrames(videoFile, { fps: o.fps, maxSide: SCENE_SIDE, maxFrames: raw.length, signal })) {
    if (i === 0) k = f.width / trackWidth;
    reader.push(grey(f), headOf(raw[i] ?? null, k));
    i++;
    if (reader.started && !(reader.textured >= SCENE_TEXTURED_MIN)) return undefined;
  }
  return cameraPathFrom(reader.path(), k, raw.length);
}
