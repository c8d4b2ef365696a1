// An open grin's corners held up against the jaw (render/deform.ts calls it after opening.ts rigJaw).
import { LANDMARK_COUNT } from '../../rig/topology.ts';
import { CONTROL_INDEX } from '../../rig/controls.ts';
import type { JawGeometry, JawMap } from './opening.ts';

/**
 * A smiling mouth's corners stay up as the jaw opens (the cheek muscles hold them): the rig's jaw
 * pulls the corners down with the lower lip (lp_s2, st_art_1, lp_s42 at motion jaw 0.3: read back
 * 0.04-0.10 IOD lower than the photo's), so an open grin's corners ended where the photo's were and
 * the opening hung as a U below them: a shout (Katie at 1.1 s: her corners 0.035 IOD over her median,
 * lp_s2's 0.010). In place, on the rig's weights after rigJaw: each side's smile raised until it
 * gives back GRIN_CORNER_HOLD of the corner's drop under this jaw, times the grin share (opening.ts
 * grinShare of the frame's weights before this call).
 */
export function holdGrinCorners(w: Float64Array, map: JawMap, av: JawGeometry, grin: number): void {
  const jaw = CONTROL_INDEX.jawOpen, pw = av.rig.photoWeights;
  const opened = w[jaw]! - map.photoJaw;
  if (grin <= 0 || opened <= 0) return;
  for (const [corner, smile] of [[291, CONTROL_INDEX.mouthSmileLeft], [61, CONTROL_INDEX.mouthSmileRight]] as const) {
    const drop = opened * cornerDown(av, jaw, corner), rise = -cornerDown(av, smile, corner);
    if (drop <= 0 || rise <= 1e-6) continue;
    w[smile] = Math.min(1, Math.max(w[smile]!, pw[smile]!) + (GRIN_CORNER_HOLD * grin * drop) / rise);
  }
}
/** The share of the jaw's corner drop a full grin gives back. */
const GRIN_CORNER_HOLD = 1;

/** How far (iod, + = down in the photo's crop frame) one unit of control k moves landmark i. */
function cornerDown(av: JawGeometry, k: number, i: number): number {
  const R = av.rig.rotation, B = av.rig.basis, o = (k * LANDMARK_COUNT + i) * 3;
  return (av.rig.scale * (R[3]! * B[o]! + R[4]! * B[o + 1]! + R[5]! * B[o + 2]!)) / Math.max(1e-6, av.head.iod);
}
