// A turned photo's thin far-jaw rim going clear on larger turns toward it (avatar/rimClearOnTurn.ts):
// on top of the reveal, each such vertex's texture position moves toward its clear point by the share
// of the turn past RIM_CLEAR_FROM degrees (all of it from RIM_CLEAR_FULL). Smaller turns (a head swaying
// with speech) keep the texture exactly as before.
import type { Avatar } from '../avatar/types.ts';
import { rimClearWindow } from './rimClearAway.ts';

/**
 * Share (0..1) of the clearing at `yaw` degrees relative to the photo (+yaw shows the image-left side) for a vertex on
 * `side` (-1 image-left, +1 image-right) of a photo at rig yaw `photoYaw` (a side turned away clears sooner, rimClearAway.ts).
 */
export function rimClearShare(yaw: number, side: number, photoYaw = 0): number {
  const shown = -side * yaw;
  const [from, full] = rimClearWindow(side * photoYaw);
  return Math.min(1, Math.max(0, (shown - from) / (full - from)));
}

/** In place: `uvNow` (after the reveal) of the `list` vertices moved toward the avatar's uvCleared at this yaw; from the photo's uv where the reveal does not move them. */
export function clearRimTexture(avatar: Avatar, uvNow: Float32Array, list: Int32Array, yaw: number): void {
  const { uvCleared, clearSide, revealDir, uv } = avatar;
  if (!uvCleared || !clearSide) return;
  for (let q = 0; q < list.length; q++) {
    const v = list[q]!;
    const revealed = revealDir[v * 2] !== 0 || revealDir[v * 2 + 1] !== 0;
    const k = rimClearShare(yaw, clearSide[v]!, avatar.rig.angles.yaw);
    for (let c = 0; c < 2; c++) {
      const base = revealed ? uvNow[v * 2 + c]! : uv[v * 2 + c]!;
      uvNow[v * 2 + c] = base + k * (uvCleared[v * 2 + c]! - base);
    }
  }
}
