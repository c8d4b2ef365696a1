// How much of the head's side a turn keeps in view: the band of head sheet between an ear-level oval
// point and the head's outline beside it (cheek rim, ear, hair), turned rigidly by a yaw. Used by the
// turn bench (bench/turnOval.ts) and its test (test/turnEquator.test.ts): a turn away that squeezes the
// band to a sliver drew lp_s12's "flat card" at +30 (turn14, session 14).
import type { Avatar } from '../avatar/types.ts';
import { MESH_POINT_COUNT } from '../rig/topology.ts';

/** sheet vertices on the oval point's row: within this share of a face width above or below it */
const ROW_HALF_HEIGHT = 0.05;
/** the band reaches this share of a face width out from the oval point */
const BAND_REACH = 0.35;

/**
 * The band beside `ovalPoint` (234 or 454) turned rigidly by `yaw` degrees about the head pivot (no
 * reveal flattening): its projected width over its width in the photo; NaN when the band is empty.
 */
export function bandWidthRatio(avatar: Avatar, ovalPoint: number, yaw: number): number {
  const r = avatar.rest, [px, , pz] = avatar.head.pivot, fw = avatar.head.faceWidth;
  const side = Math.sign(r[ovalPoint * 3]! - px), t = (yaw * Math.PI) / 180;
  const turnedX = (v: number) => px + (r[v * 3]! - px) * Math.cos(t) - (r[v * 3 + 2]! - pz) * Math.sin(t);
  let outer = ovalPoint;
  for (let v = MESH_POINT_COUNT; v < avatar.vertexCount; v++) {
    if (avatar.headWeight[v]! < 1 || Math.abs(r[v * 3 + 1]! - r[ovalPoint * 3 + 1]!) > ROW_HALF_HEIGHT * fw) continue;
    if (avatar.uv[v * 2]! < 0 || avatar.uv[v * 2]! > avatar.size) continue;
    if (side * (r[v * 3]! - r[outer * 3]!) > 0 && side * (r[v * 3]! - r[ovalPoint * 3]!) < BAND_REACH * fw) outer = v;
  }
  const rest = side * (r[outer * 3]! - r[ovalPoint * 3]!);
  return rest > 0 ? (side * (turnedX(outer) - turnedX(ovalPoint))) / rest : NaN;
}
