// The face's outline as a curve through the face oval's landmarks (session 17, outline17): the
// slivers between the oval's straight segments and the curve, added to the avatar mesh by
// addHeadSheet (headSheet.ts) so a turned cheek shows a smooth edge instead of a polygon.
import { FACE_OVAL } from '../rig/topology.ts';
import { MATERIAL } from './types.ts';
import type { MeshBuilder } from './mesh.ts';

/** Points set along each face-oval segment on the curve through the oval (a segment cut in this many). */
export const OUTLINE_STEPS = 4;

/** Uniform Catmull-Rom weights at t in [0, 1] for the points before a, a, b and after b (they sum to 1). */
export function catmullRomWeights(t: number): [number, number, number, number] {
  const t2 = t * t, t3 = t2 * t;
  return [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2];
}

/**
 * The face's outline as a curve: the oval's 36 landmarks are 20-25 px apart, and a turn shows its
 * straight segments as a polygonal cheek edge over the hair behind it (lp_s12 at +25). Along each
 * segment, points on the Catmull-Rom curve through the oval, where it bulges outward of the chord,
 * close the sliver between chord and curve (a fan from the segment's first landmark). Each point
 * is textured at its own photo place and follows the segment's landmarks as the sheet's first
 * ring does (oval distance 0: the reveal's texture switch too), so the rest frame shows the same
 * photo pixels (the sheet's first band held them); on a turn the sliver moves with the face.
 * Returns the outline as vertex ids in order (landmarks and the points between).
 */
export function addOutlineCurve(mesh: MeshBuilder, flat: Float64Array, centre: [number, number]): number[] {
  const n = FACE_OVAL.length;
  const outline: number[] = [];
  const p = (k: number) => FACE_OVAL[((k % n) + n) % n]!;
  for (let k = 0; k < n; k++) {
    const ids = [p(k - 1), p(k), p(k + 1), p(k + 2)];
    const a = ids[1]!, b = ids[2]!;
    const ax = flat[a * 3]!, ay = flat[a * 3 + 1]!, bx = flat[b * 3]!, by = flat[b * 3 + 1]!;
    // the chord's normal pointing away from the oval's centre
    let nx = by - ay, ny = ax - bx;
    if (nx * ((ax + bx) / 2 - centre[0]) + ny * ((ay + by) / 2 - centre[1]) < 0) { nx = -nx; ny = -ny; }
    outline.push(a);
    const fan: number[] = [a];
    for (let s = 1; s < OUTLINE_STEPS; s++) {
      const t = s / OUTLINE_STEPS, w = catmullRomWeights(t);
      let x = 0, y = 0, z = 0;
      for (let q = 0; q < 4; q++) { x += w[q]! * flat[ids[q]! * 3]!; y += w[q]! * flat[ids[q]! * 3 + 1]!; z += w[q]! * flat[ids[q]! * 3 + 2]!; }
      // inward of the chord (a concave stretch): the face mesh already covers it
      if ((x - (ax + (bx - ax) * t)) * nx + (y - (ay + (by - ay) * t)) * ny <= 0) continue;
      const v = mesh.addVertex(x, y, z, x, y, 1, [a, b], [1 - t, t], 0);
      fan.push(v);
      outline.push(v);
    }
    fan.push(b);
    for (let q = 1; q + 1 < fan.length; q++) mesh.addTriangle(a, fan[q]!, fan[q + 1]!, MATERIAL.skin);
  }
  return outline;
}
