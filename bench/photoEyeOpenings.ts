// A motion frame's two eyes drawn on a photo's mesh (renderer.landmarks at the photo's own pose, so a head turn does not
// enter) and read as each eye's lid opening over the photo's rest (eval/eyes.ts eyeOpenings; [left, right] = the
// subject's). Shared by bench/squintPairs.ts (the video path) and bench/liveEyePairs.ts (live).
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';

/** For a portrait of shared/data/portraits: a frame's eye openings over the photo's rest openings. */
export async function photoEyeOpenings(photo: string): Promise<(f: MotionFrame) => [number, number]> {
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const open = (f: MotionFrame): [number, number] => { const o = eyeOpenings(r.landmarks({ ...f, pose: n.pose })); return [o.left, o.right]; };
  const rest = open(n);
  return (f) => { const o = open(f); return [o[0] / rest[0], o[1] / rest[1]]; };
}
