// A turn's reveal stays on the side of the nose it shows (issue #15, s44 turn44). reveal.ts pulls the texture of
// the steep band inside the outline toward the face centre for the turn that shows that band, and then smooths
// the pull over the mesh. On a photo turned far to one side (lp_s10, a painting at ~34°) the nose lies inside
// that band of the far side, so its ridge and far wing are pulled, and the smoothing carries the pull across the
// ridge onto the near flank: at +25 landmark 281, just past the ridge, sampled the photo 9 px further toward the
// near cheek (185.8 -> 194.8) and the ridge point 195 did too (183.0 -> 192.1) while 5 kept its texel, so the near
// flank's gradual shading (the photo's terminator, ~12 px wide) was squeezed into the one triangle beside the ridge
// (~5 px), and the upper ridge drew the near flank's shade beside the far sidewall's pale: a hard light/dark step
// down the nose. The other side of the ridge turns away from the camera on that turn and has nothing to reveal;
// here a nose point's pull that samples that side for such a turn fades out.
import { eyeCornerDistance, MESH_POINT_COUNT, NOSE_POINTS, NOSE_RIDGE } from '../rig/topology.ts';
import { smoothstep } from '../math/smooth.ts';

/** Nose points (NOSE_POINTS, neutral face) within the first share of the eye distance lose all of a pull
 *  toward the other side of the ridge, from the second none (the near cheek keeps reveal.ts's seam blending). */
export const RIDGE_SIDE_REACH = [0.35, 0.6] as const;
/** Within this many crop px of the ridge a point counts as on it (both sides' turns may use it). */
const ON_RIDGE_PX = 1;

/** The ridge's x at height y in `pts` (x, y, stride 3): NOSE_RIDGE's polyline from the bridge to the tip, its ends held. Pure. */
export function ridgeXAt(pts: ArrayLike<number>, y: number): number {
  const ridge = NOSE_RIDGE.map((i) => [pts[i * 3]!, pts[i * 3 + 1]!] as const).sort((a, b) => a[1] - b[1]);
  if (y <= ridge[0]![1]) return ridge[0]![0];
  for (let k = 0; k + 1 < ridge.length; k++) {
    const [ax, ay] = ridge[k]!, [bx, by] = ridge[k + 1]!;
    if (y <= by) return by > ay ? ax + ((y - ay) / (by - ay)) * (bx - ax) : bx;
  }
  return ridge[ridge.length - 1]![0];
}

/**
 * Per landmark, the side of the nose's ridge on the person's neutral face (-1 / +1 by the sign of x past the
 * ridge's x at that height, 0 on it), for the sides turnUnfold.ts solves. The neutral face is symmetric about
 * x = 0 at the eyes, but a painted nose need not lie there (lp_s10's ridge at x -0.058, its near-flank point 281
 * at -0.005): by the sign of x alone 281 counted as the far side, and the unfolding re-spread its texture for
 * the turn that shows the far side (the step down the nose, again). Pure.
 */
export function neutralRidgeSide(neutral: ArrayLike<number>): (i: number) => number {
  return (i) => {
    const off = neutral[i * 3]! - ridgeXAt(neutral, neutral[i * 3 + 1]!);
    return NOSE_RIDGE.includes(i) ? 0 : Math.sign(off);
  };
}

/**
 * Share of a reveal kept for a revealed texel `side` of the ridge (-1 image-left, +1 image-right, 0 on it) whose reveal
 * acts for a turn toward `dirSide` (the sign of revealDir's x: -1 a turn showing the image-left), `d` eye distances
 * from the nose's points on the neutral face. Pure.
 */
export function ridgeSideKeep(side: number, dirSide: number, d: number): number {
  if (side === 0 || dirSide === 0 || side === dirSide) return 1;
  return smoothstep(RIDGE_SIDE_REACH[0], RIDGE_SIDE_REACH[1], d);
}

/**
 * In place, for the face-mesh points: the reveal's texture offset (uvRevealed - uv) and activation (revealDir)
 * scaled by ridgeSideKeep. flat: landmarks in crop space (x, y, depth); neutral: the person's neutral face
 * (canonical). Returns the points changed. Only the reveals made so far are touched (call it right after
 * revealedTexturing, before the nose's own sidewall reveal, which then treats the freed points as sidewall).
 */
export function keepRevealOnRidgeSide(flat: ArrayLike<number>, neutral: ArrayLike<number>, uv: ArrayLike<number>, uvRevealed: Float32Array, revealDir: Float32Array): number[] {
  const iod = eyeCornerDistance(neutral);
  const nose = NOSE_POINTS.map((q) => [neutral[q * 3]!, neutral[q * 3 + 1]!, neutral[q * 3 + 2]!] as const);
  const changed: number[] = [];
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    const dx = revealDir[i * 2]!;
    if (dx === 0) continue;
    // the side of the ridge the revealed texel lies on (the ridge's own points were pulled onto the near flank too)
    const off = uvRevealed[i * 2]! - ridgeXAt(flat, uvRevealed[i * 2 + 1]!);
    const side = Math.abs(off) <= ON_RIDGE_PX ? 0 : Math.sign(off);
    const d = Math.min(...nose.map(([x, y, z]) => Math.hypot(neutral[i * 3]! - x, neutral[i * 3 + 1]! - y, neutral[i * 3 + 2]! - z))) / iod;
    const keep = ridgeSideKeep(side, Math.sign(dx), d);
    if (keep >= 1) continue;
    for (const c of [0, 1]) {
      uvRevealed[i * 2 + c] = uv[i * 2 + c]! + keep * (uvRevealed[i * 2 + c]! - uv[i * 2 + c]!);
      revealDir[i * 2 + c] = keep * revealDir[i * 2 + c]!;
    }
    changed.push(i);
  }
  return changed;
}

/** A far-side texel is kept at least this far (crop px) from the ridge's texel at its height. */
const RIDGE_MARGIN_PX = 0.5;

/**
 * In place, after every reveal: a nose point whose reveal acts for the turn that shows its own side never samples
 * past the ridge's texel at that height (the ridge's revealed position at a full turn toward that side). With the
 * ridge kept on its own texels (keepRevealOnRidgeSide), lp_s10's far sidewall by the tip (44, 45, 51: re-spread by
 * noseReveal.ts / turnUnfold.ts) sampled 1-1.5 px past it, and the triangles there drew the photo mirrored (a fold).
 * Returns the points moved.
 */
export function clampRevealToRidgeSide(flat: ArrayLike<number>, neutral: ArrayLike<number>, uv: ArrayLike<number>, uvRevealed: Float32Array, revealDir: Float32Array): number[] {
  const iod = eyeCornerDistance(neutral);
  const nose = NOSE_POINTS.map((q) => [neutral[q * 3]!, neutral[q * 3 + 1]!, neutral[q * 3 + 2]!] as const);
  const moved: number[] = [];
  for (const s of [-1, 1] as const) {
    // the ridge's texels at a full turn toward side s (x, y, stride 3 for ridgeXAt)
    const ridgeTex = new Float64Array(MESH_POINT_COUNT * 3);
    for (const r of NOSE_RIDGE) {
      const k = Math.min(1, Math.max(0, revealDir[r * 2]! * s));
      for (const c of [0, 1]) ridgeTex[r * 3 + c] = uv[r * 2 + c]! + k * (uvRevealed[r * 2 + c]! - uv[r * 2 + c]!);
    }
    for (let i = 0; i < MESH_POINT_COUNT; i++) {
      if (NOSE_RIDGE.includes(i) || !(revealDir[i * 2]! * s > 0)) continue;
      if (Math.sign(flat[i * 3]! - ridgeXAt(flat, flat[i * 3 + 1]!)) !== s) continue;
      const d = Math.min(...nose.map(([x, y, z]) => Math.hypot(neutral[i * 3]! - x, neutral[i * 3 + 1]! - y, neutral[i * 3 + 2]! - z))) / iod;
      if (d >= RIDGE_SIDE_REACH[1]) continue;
      const limit = ridgeXAt(ridgeTex, uvRevealed[i * 2 + 1]!) + s * RIDGE_MARGIN_PX;
      if (s * (uvRevealed[i * 2]! - limit) >= 0) continue;
      uvRevealed[i * 2] = limit;
      moved.push(i);
    }
  }
  return moved;
}
