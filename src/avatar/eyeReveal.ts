// The far eye's surroundings on a turned photo: the temple and the outer ring of lid points behind
// the far eye's outer corner are hidden in the photo, and the landmarks project them onto the eye
// itself (lp_s10, painted turned 34°: points 130, 226, 35, 143 and the oval's 127 land on the white
// and the iris). Their texels are the eye's, so a turn toward that side drew the white and the
// corner a second time beside the eyeball: a doubled far eye. Like the hidden nose points
// (noseReveal.ts), they now take, for the turn that shows them, the texture where they come out of
// hiding in the photo: walking away from the nose past the eye's opening to their own depth.
import { EYE_L_LOOP, EYE_R_LOOP, MESH_POINT_COUNT, NOSE_RIDGE } from '../rig/topology.ts';
import { insidePolygon } from '../math/polygon.ts';
import { nearPoints, walkOutOfHiding } from './noseReveal.ts';

// the points within EYE_REACH eye distances of an eye's loop on the neutral face; a hidden point
// walks at most EYE_WALK tolerances (the far eye's opening is wider than a nose wing); the exit
// lies at least OPENING_MARGIN px past the photo's eye opening
const EYE_REACH = 0.6, EYE_WALK = 3, OPENING_MARGIN = 1;
const EYE_LOOPS = [EYE_L_LOOP, EYE_R_LOOP];

/** Whether a landmark lies within EYE_REACH eye distances of an eye loop's points on the neutral 3D face. */
const nearAnEye = (neutral: Float64Array, iod: number) => nearPoints(neutral, EYE_LOOPS.flat(), EYE_REACH * iod);

/**
 * In place: face points around an eye that the photo did not see (seen: photoVisibility) take, for
 * the turn that shows their side (revealDir along x, away from the nose's ridge), the texture where
 * they come out of hiding in the photo (walkOutOfHiding through the face mesh's photo depth buffer),
 * outside both eye openings; where the photo holds only background there (a painted eye's corner
 * touching the outline), the nearest spot within `tolerance` px that is opaque (`opaque`). The eye loops themselves, the irises and the points in `skip` (already
 * revealed by the nose rule) are left alone, and so is a point with no such exit within reach.
 * Returns the points moved. Nothing changes at the photo's pose (the reveal is off there).
 */
export function hiddenEyeReveal(flat: Float64Array, neutral: Float64Array, iod: number, seen: Uint8Array, depth: Float32Array, opaque: (x: number, y: number) => boolean, size: number, tolerance: number, skip: readonly number[], uvRevealed: Float32Array, revealDir: Float32Array): number[] {
  const P = (i: number, k: number) => flat[i * 3 + k]!;
  const ridgeX = NOSE_RIDGE.reduce((s, i) => s + P(i, 0), 0) / NOSE_RIDGE.length;
  const openings = EYE_LOOPS.map((loop) => loop.map((i) => [P(i, 0), P(i, 1)] as [number, number]));
  const onLoop = new Set(EYE_LOOPS.flat()), nearEye = nearAnEye(neutral, iod);
  const moved: number[] = [];
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    if (seen[i] || onLoop.has(i) || skip.includes(i) || !nearEye(i)) continue;
    const side = Math.sign(P(i, 0) - ridgeX) || -1, y = P(i, 1);
    const outside = (x: number, yy: number) => openings.every((o) => !insidePolygon(x, yy, o) && !insidePolygon(x - side * OPENING_MARGIN, yy, o));
    const exit = walkOutOfHiding(P(i, 0), y, P(i, 2), side, depth, size, tolerance, EYE_WALK * tolerance, (x) => outside(x, y));
    if (Number.isNaN(exit)) continue;
    const [u, v] = nearestSpot(exit, y, tolerance, (x, yy) => opaque(x, yy) && outside(x, yy));
    uvRevealed[i * 2] = u;
    uvRevealed[i * 2 + 1] = v;
    revealDir[i * 2] = side;
    moved.push(i);
  }
  return moved;
}

/** The spot nearest (x, y) on a 1 px grid within reach px where `ok` holds (nearer first); (x, y) itself when none does. Pure. */
export function nearestSpot(x: number, y: number, reach: number, ok: (x: number, y: number) => boolean): [number, number] {
  const r = Math.floor(reach), offsets: [number, number][] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (Math.hypot(dx, dy) <= reach) offsets.push([dx, dy]);
  offsets.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
  for (const [dx, dy] of offsets) if (ok(x + dx, y + dy)) return [x + dx, y + dy];
  return [x, y];
}
