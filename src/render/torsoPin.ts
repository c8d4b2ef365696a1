// The torso's outline kept where the photo's matte has it (issue #15, s37 torso37). The torso follows
// part of the head's turn (deform.ts torsoFollow) and its outline at the shoulders moved 3-10 px over the
// background plate's hole fill, whose invented colour showed as a smear beside the shoulder (docs/edges
// s37 shoulder37). Here each torso vertex gets a pin share: 1 on and past the photo's outline below the
// chin, fading to 0 a reach inside it, so the cloth inside still moves with the head while its outer
// edge stays over the pixels the photo itself covered: no plate is uncovered there.
import type { Avatar } from '../avatar/types.ts';
import { smoothstep } from '../math/smooth.ts';
import { distanceToOutside } from '../analyze/raster.ts';
import { MESH_POINT_COUNT } from '../rig/topology.ts';

/** The photo's outline: where the matte is at least this (the renderer's alpha >= 128 reads as the person). */
const INSIDE = 0.5;
/** the hold fades in from this many face widths above the chin to 0.1 below it (lp_s1's shoulder top is level with the chin) */
const ABOVE_CHIN = 0.25;
/** Chin landmark (its rest y is where the pin starts to fade in below). */
const CHIN = 152;

/**
 * Per pixel of the crop, the distance (px, chamfer 3-4: analyze/raster.ts distanceToOutside) from a pixel inside
 * the matte to the nearest pixel outside it, at most `size`; 0 outside. Past the crop's border counts as inside
 * (a torso cut by the crop's edge has no outline there).
 */
export function insideDistance(alpha: Uint8ClampedArray, size: number): Float32Array {
  return distanceToOutside((i) => alpha[i * 4 + 3]! < INSIDE * 255, size, size, size);
}

/**
 * Per vertex, how much of its motion (head and torso) is held at the photo's position (0..1): sheet
 * vertices only (not the face mesh or eyeballs), a ramp from a quarter face width above the chin to 0.1 below it
 * times its nearness to the outline (1 on or outside it, 0 from `reach` face widths inside).
 * `reach` 0: all zero (the option off).
 */
export function torsoPinShares(avatar: Avatar, reach: number): Float32Array {
  const n = avatar.vertexCount;
  const pin = new Float32Array(n);
  if (!(reach > 0)) return pin;
  const size = avatar.size, rest = avatar.rest;
  const span = reach * avatar.head.faceWidth;
  const chinY = rest[CHIN * 3 + 1]!;
  const dist = insideDistance(avatar.texture.data, size);
  for (let v = 0; v < n; v++) {
    // the face mesh and eyeballs move with the head; the sheet around them is free to be held (lp_s1: the
    // shoulder's top is sheet skinned .9-1 to the head, level with the chin)
    if (v < MESH_POINT_COUNT || (v >= avatar.eyeVertices[0] && v < avatar.eyeVertices[1])) continue;
    // the neck has its own motion behind the jaw (deform.ts neckTurn): its seam copies of the jaw line stay with the jaw
    // on the side a turn shows (test/neck.test.ts); held, they parted from it
    if (avatar.neckLag[v]! > 0) continue;
    const x = rest[v * 3]!, y = rest[v * 3 + 1]!;
    const below = smoothstep(chinY - ABOVE_CHIN * avatar.head.faceWidth, chinY + 0.1 * avatar.head.faceWidth, y);
    if (below <= 0) continue;
    const xi = Math.round(x), yi = Math.round(y);
    // past the crop: inside unless the crop's own edge pixel is outside (the sheet reaching past the border)
    const d = dist[Math.min(size - 1, Math.max(0, yi)) * size + Math.min(size - 1, Math.max(0, xi))]!;
    const near = 1 - smoothstep(0, span, d);
    pin[v] = below * near;
  }
  return pin;
}
