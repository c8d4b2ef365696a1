// Turning the head toward a side the photo saw edge-on: that side's true depth would widen the
// cheek-to-ear band into a few stretched texels (a flat smear, a jaw swinging out), so it is drawn
// shallower in proportion to the turn. Depth alone changes: the photo's pose projects exactly as
// before. Pure functions of the avatar and the pose; the renderer applies them per vertex.
import type { Avatar } from '../avatar/types.ts';
import { FACE_OVAL, MESH_POINT_COUNT } from '../rig/topology.ts';
import { insidePolygon, distanceToOutline } from '../math/polygon.ts';
import { smooth01 } from '../math/smooth.ts';

/** The face oval of the rest mesh, as image points (crop pixels). */
function restFaceOval(avatar: Avatar): [number, number][] {
  const r = avatar.rest;
  return FACE_OVAL.map((i) => [r[i * 3]!, r[i * 3 + 1]!]);
}

/** How far rest vertex v lies outside the face oval: 0 inside, else the distance to its nearest oval point. */
function distancePastOval(rest: Float32Array, v: number, oval: [number, number][]): number {
  const x = rest[v * 3]!, y = rest[v * 3 + 1]!;
  if (insidePolygon(x, y, oval)) return 0;
  let d = Infinity;
  for (const [ox, oy] of oval) d = Math.min(d, Math.hypot(x - ox, y - oy));
  return d;
}

/** Per vertex, how far it lies behind each side's cheek (crop pixels; 0 where flattening must not reach). */
export interface RevealDepth {
  /** behind landmark 50's depth, on the image-left side (shown by a +yaw turn) */
  left: Float32Array;
  /** behind landmark 280's depth, on the image-right side (shown by a -yaw turn) */
  right: Float32Array;
}

/**
 * How much of the flattening reaches a vertex beside the face (ear, sideburn, hair): all of it on
 * the oval, falling smoothly to 1 - EAR_KEEP by EAR_REACH face widths outside it. The ear then
 * keeps most of its depth behind the cheek and stands out from it on a turn (seen more squarely,
 * as a real ear) instead of being pressed flat against it. The ramp spans several sheet rings:
 * a step within one ring folds the flattened face edge and the deeper sheet into a jagged cut.
 * outside: distance to the oval's outline (its edges: the sheet's first ring lies on them).
 */
const EAR_KEEP = 0.85, EAR_REACH = 0.3;
export function besideFaceFlattening(outside: number, faceWidth: number): number {
  return 1 - EAR_KEEP * smooth01(outside / (EAR_REACH * faceWidth));
}

/**
 * Depth behind the cheek removed on a full reveal: UNIFORM_SHARE (70%, the old flattening of all of
 * it) of the depth past a soft cap of REVEAL_DEPTH_CAP face widths (d - c * tanh(d / c)). The inner
 * cheek, only a little behind it, keeps nearly its true depth and turns as a round surface (70% of
 * all of it pressed the side into a plane: the "card", and the turn read back short); the band near
 * the outline (0.38-0.46 face widths behind the cheek on the test portraits), which the photo saw
 * edge-on and holds only a few texels for, loses nearly as much as before, so the turn widens it
 * about as little. Removing all of the depth past the cap (a plateau) put the face's edge and the
 * hair beside it at one depth: their seam turned stair-stepped (lp_s12, lp_s42 at +25).
 */
const REVEAL_DEPTH_CAP = 0.12, UNIFORM_SHARE = 0.7;
export function depthRemoved(d: number, faceWidth: number): number {
  const c = REVEAL_DEPTH_CAP * faceWidth;
  return UNIFORM_SHARE * (d - c * Math.tanh(d / c));
}

/**
 * 0 for a photo turned up to 18° away from the side a turn shows (by `yawAway` degrees, rig
 * angles), 1 from 30°: that side's texture is then a thin edge-on strip, and showing its cheek
 * round (depthRemoved) widens it into a wider wall of mirrored contours (lp_s10, a painting turned
 * 34°, at +25: CSIM 0.838 with this, 0.825 without (a first, plateau cap); 0.850 on main), so there
 * the old, uniform flattening stays. lp_s9 (Mona Lisa, 18°) gains from the round cheek (+25: read
 * back 19.4 -> 21.0°, CSIM 0.908 -> 0.918).
 */
export function turnedAway(yawAway: number): number {
  return smooth01((yawAway - 18) / 12);
}

/** Depth removed on a full reveal: the soft cap's for a photo facing the camera, going over to 70% of all of it for one turned away (turnedAway). */
export function revealRemoval(d: number, faceWidth: number, away: number): number {
  return (1 - away) * depthRemoved(d, faceWidth) + away * UNIFORM_SHARE * d;
}

/**
 * Depth removed behind each side's cheek on a full reveal (revealRemoval), counted only well off the face's centre line (0 within 0.1 face
 * widths of the nose bridge, 1 from 0.35 on) and on the face and what lies close beside it (the
 * ear, less the further out: besideFaceFlattening; none past 0.5 face widths, so long hair and
 * shoulders keep their place). Eyeballs, lashes and mouth inside the oval move exactly with the face mesh.
 */
export function revealDepth(avatar: Avatar): RevealDepth {
  const n = avatar.vertexCount;
  const left = new Float32Array(n), right = new Float32Array(n);
  const r = avatar.rest, fw = avatar.head.faceWidth, noseX = r[168 * 3]!;
  const oval = restFaceOval(avatar);
  // how far the photo turned away from each side (+yaw shows the image-left side)
  const photoYaw = avatar.rig.angles.yaw, awayLeft = turnedAway(-photoYaw), awayRight = turnedAway(photoYaw);
  for (let v = 0; v < n; v++) {
    // face mesh points are on the face; added vertices count by their distance past the oval
    const past = v >= MESH_POINT_COUNT ? distancePastOval(r, v, oval) : 0;
    let near = 1 - smooth01((past / fw - 0.25) / 0.25);
    if (past > 0) near *= besideFaceFlattening(distanceToOutline(r[v * 3]!, r[v * 3 + 1]!, oval), fw);
    if (near === 0) continue;
    const off = (r[v * 3]! - noseX) / fw;
    left[v] = near * revealRemoval(Math.max(0, r[v * 3 + 2]! - r[50 * 3 + 2]!), fw, awayLeft) * smooth01((-off - 0.1) / 0.25);
    right[v] = near * revealRemoval(Math.max(0, r[v * 3 + 2]! - r[280 * 3 + 2]!), fw, awayRight) * smooth01((off - 0.1) / 0.25);
  }
  return { left, right };
}

/** The turn (degrees) over which the flattening ramps in. */
const FLATTEN_RAMP_DEG = 25;
/**
 * On a side the photo was turned away from (turnedAway, lp_s10 at 34°) the ramp is this much shorter: that side is
 * edge-on in the photo, so the first degrees toward it (a speaking head's sway, +4..8°) spread its few texel columns
 * past the cheek into a pale streaked band while most of its depth still stands (s35 farcheek35). ±25° is unchanged.
 */
export const AWAY_RAMP_CUT_DEG = 15;

/**
 * Share of depthRemoved taken away at this yaw (degrees, relative to the photo): up to
 * `strength` at 25° (at 10° on a side the photo was turned away from: AWAY_RAMP_CUT_DEG), none on a side the photo itself was turned toward (its texture holds real
 * detail there). photoYaw: the photo's own yaw in the rig's angles.
 */
export function revealFlattening(yaw: number, photoYaw: number, strength: number): number {
  const seenAlready = smooth01((Math.sign(yaw) * photoYaw) / 30);
  const ramp = FLATTEN_RAMP_DEG - AWAY_RAMP_CUT_DEG * turnedAway(-Math.sign(yaw) * photoYaw);
  return strength * Math.min(1, Math.abs(yaw) / ramp) * (1 - seenAlready);
}

/** Per vertex, what the neck does on a turn (render/renderer.ts applies it; nothing at rest). */
export interface NeckTurn {
  /** how far it steps back behind the jaw on a full turn (crop pixels) */
  back: Float32Array;
  /** 0 on the image-left of the chin, 1 on the image-right, a ramp between (the side it lags on) */
  right: Float32Array;
}

/**
 * The neck turns less than the head (avatar.neckLag), so the jaw passes in front of it. Only on
 * the side turning away: there the jaw slides over the neck and hides it. On the side a turn
 * shows, a lagging neck would uncover the underside of the jaw, which the photo never saw (a pale
 * smeared band), so there the neck keeps turning with the head. Where it lags it steps back
 * 0.12 face widths (past the renderer's occlusion-edge step, so the jaw's outline over it is
 * anti-aliased): full on the strip under the jaw and the neck's top edge, fading out 0.25 face
 * widths below the jaw line.
 */
export function neckTurn(avatar: Avatar): NeckTurn {
  const n = avatar.vertexCount;
  const back = new Float32Array(n), right = new Float32Array(n);
  const r = avatar.rest, fw = avatar.head.faceWidth, chinX = r[152 * 3]!;
  const oval = restFaceOval(avatar);
  for (let v = MESH_POINT_COUNT; v < n; v++) {
    if (!(avatar.neckLag[v]! > 0)) continue;
    const d = distancePastOval(r, v, oval);
    back[v] = 0.12 * fw * (1 - smooth01(d / (0.25 * fw)));
    right[v] = smooth01(0.5 + (r[v * 3]! - chinX) / (0.3 * fw));
  }
  return { back, right };
}

/**
 * Light from the camera's side over a fill (TURN_FILL of the light reaches every surface): how lit
 * a surface is that faces the camera by `facing` (-normal.z, 1 = square on).
 */
export const TURN_FILL = 0.5;
const TURN_SHADE_FLOOR = 0.75;
function litBy(facing: number): number {
  return TURN_FILL + (1 - TURN_FILL) * (facing > 0 ? facing : 0);
}

/**
 * Brightness gain of a surface point turned from facing the camera by `facingRest` (the photo's
 * pose) to `facingNow`: a cheek the turn takes away from the camera (and from a light near it)
 * darkens, as a real head's far side does, instead of keeping the photo's brightness like a card
 * seen obliquely. Only darkening (a near side turned toward the camera keeps the photo's light,
 * which its texture already holds), at most to TURN_SHADE_FLOOR.
 */
export function turnShade(facingRest: number, facingNow: number): number {
  const g = litBy(facingNow) / litBy(facingRest);
  return g >= 1 ? 1 : g < TURN_SHADE_FLOOR ? TURN_SHADE_FLOOR : g;
}
