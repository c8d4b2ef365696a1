// Which tracked frames the video path trusts (framesFromRaw.ts, first step): a confident face mesh
// whose size does not jump against its neighbours'.
import type { RawFaceFrame } from './faceTracker.ts';
import { percentile } from './restFace.ts';

/** Face-size change that counts as a tracking glitch (fraction of the neighbours' median). */
const SCALE_JUMP = 0.25;
const MIN_MESH_SCORE = 0.5;

/** Frames whose face is trusted: a confident mesh and no sudden size jump against its neighbours (a wrong face or a broken mesh). */
export function usableFrames(raw: (RawFaceFrame | null)[]): boolean[] {
  const n = raw.length;
  const valid = raw.map((r) => !!r && r.score >= MIN_MESH_SCORE);
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    const near: number[] = [];
    for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) if (j !== i && valid[j]) near.push(raw[j]!.m.scale);
    if (near.length >= 2) {
      const med = percentile(near, 50);
      if (Math.abs(raw[i]!.m.scale - med) > SCALE_JUMP * med) valid[i] = false;
    }
  }
  return valid;
}
