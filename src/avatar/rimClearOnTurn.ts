// A thin rim of the photo's face past the oval, against the background, goes clear on a turn toward
// it (issue #15, session 28). lp_s10's landmark oval runs 5-8 px inside her painted chin; the head
// sheet's first rings carry that rim, and a turn toward its side (+25) leaves them near the head's
// equator while the oval swings the other way: 2-6 photo columns of the rim spread over ~20 px, a
// pale, horizontally streaked lobe hanging off the chin. On such a turn the face's own oval is the
// better outline; so those sheet vertices take clear matte (past the rim, along their ray) as their
// texture on turns from RIM_CLEAR_FROM to RIM_CLEAR_FULL degrees toward them (render/rimClear.ts, on top
// of the reveal: a head swaying with speech keeps the photo's chin). The photo's pose keeps every texture position.
import type { GrayImage } from '../types.ts';
import { rimPastOval } from './skinPastOval.ts';
import { turnSide } from './sheetFold.ts';
import { matteAt } from './matteAt.ts';

/** The matte at or below this is clear backdrop (as sheetFold.ts's CLEAR). */
const CLEAR = 0.01;
/** How far past the rim (face widths) the walk to clear matte may go. */
const CLEAR_REACH = 0.04;
/** Past the first clear pixel, so the bilinear taps (1 px) stay clear. */
const CLEAR_MARGIN = 1;
/** A rim up to this many face widths wide counts (lp_s10's chin: 2-10 px of 121; by the mouth corner 10-19). */
const MAX_RIM = 0.17;
/** A vertex this far (px) past its ray's rim still lies on the rim's soft ramp. */
const RAMP = 1.5;

/** Where along the ray from (x, y) in direction (ux, uy) the matte first goes clear, plus the margin; null if not within `reach` px. */
export function clearPointAlong(matte: GrayImage, x: number, y: number, ux: number, uy: number, reach: number): [number, number] | null {
  const step = 0.25;
  const alpha = (px: number, py: number) => matteAt(matte, px, py);
  for (let c = 0; c <= reach; c += step) {
    if (alpha(x + ux * c, y + uy * c) <= CLEAR) return [x + ux * (c + CLEAR_MARGIN), y + uy * (c + CLEAR_MARGIN)];
  }
  return null;
}

/** The photo's face counts as turned when its far half (nose tip to the far cheek, 234/454) is under this share of its near half: lp_s10 (nose past the far cheek), lp_s9 .35; frontal faces .9-1, lp_s12 .58. */
const TURNED_SHARE = 0.5;

/** The side (-1 image-left, +1 image-right) a face turned in the photo has its far half on, or 0 for a face about frontal (TURNED_SHARE). */
export function photoFarSide(flat: Float64Array): number {
  const nose = flat[4 * 3]!, left = nose - flat[234 * 3]!, right = flat[454 * 3]! - nose;
  const far = Math.min(left, right), near = Math.max(left, right);
  return far < TURNED_SHARE * near ? (left < right ? -1 : 1) : 0;
}

/**
 * Adds to `turnUvs` (vertex -> texture point on turns) the sheet vertices of `rings` (per ring, per
 * ray; ring 0 is the oval and keeps its texture) that lie on a thin rim between the oval and the
 * background (rimPastOval > 0) on rays below `fromY` (crop px) on the far side of a face turned in the
 * photo (photoFarSide of `flat`: on a frontal face's jaw the rim is the outline's soft ramp, and
 * cleared it pulled lp_s7's jaw in) and cleared by a turn toward that side: their clear texture point
 * along their ray, into `out`. Vertices in `taken` (sheetFold.ts's turn texture) are left to it.
 */
export function clearThinRimOnTurns(rings: number[][], positions: ArrayLike<number>, uvs: ArrayLike<number>, ovalDistance: ArrayLike<number>, ovalPos: [number, number, number][], centre: [number, number], matte: GrayImage, faceWidth: number, flat: Float64Array, taken: Map<number, [number, number]>, out: Map<number, [number, number]>): void {
  const farSide = photoFarSide(flat);
  if (farSide === 0) return;
  const rim = rimPastOval(ovalPos, centre, matte, faceWidth, MAX_RIM);
  const fromY = flat[2 * 3 + 1]!, noseX = flat[4 * 3]!;
  for (let j = 0; j < ovalPos.length; j++) {
    const [ox, oy] = ovalPos[j]!;
    if (!(rim[j]! > 0) || oy < fromY) continue;
    const len = Math.hypot(ox - centre[0], oy - centre[1]) || 1;
    const ux = (ox - centre[0]) / len, uy = (oy - centre[1]) / len;
    if (ux * farSide <= 0) continue; // the near side
    for (let r = 1; r < rings.length; r++) {
      const v = rings[r]![j]!;
      const d = ovalDistance[v]!;
      if (!(d > 0) || d > rim[j]! + RAMP) break;
      if (taken.has(v)) continue;
      const clear = clearPointAlong(matte, uvs[v * 2]!, uvs[v * 2 + 1]!, ux, uy, rim[j]! + RAMP + CLEAR_REACH * faceWidth);
      // only where the reveal switches it in on the turn that shows this side (sheetFold.ts turnSide): under
      // the chin a ray's clear point lies straight below and the vertex's side of the nose decides;
      // there the rim is the jaw's edge in front of the neck, and a turn away opened a pale wedge (lp_s10 at -25)
      if (clear && turnSide(positions[v * 3]!, clear[0], noseX) === farSide) out.set(v, clear);
    }
  }
}

/** The turn (degrees toward the rim's side) where the rim starts to clear, and where it is clear: the audio's head sway (yaw sd ~4-5°) mostly stays below the first. */
export const RIM_CLEAR_FROM = 8, RIM_CLEAR_FULL = 14;

/** The rim vertices' clear texture points (`rimUvs`, from clearThinRimOnTurns) and the jaw side's (`sideUvs`: u, v, side; jawSideOnTurn.ts) as the avatar's uvCleared and clearSide (render/rimClear.ts), or undefined when there are none. */
export function rimClearTexture(rimUvs: Map<number, [number, number]>, farSide: number, vertexCount: number, sideUvs: Map<number, [number, number, number]> = new Map()): { uvCleared: Float32Array; clearSide: Float32Array } | undefined {
  if ((rimUvs.size === 0 || farSide === 0) && sideUvs.size === 0) return undefined;
  const uvCleared = new Float32Array(vertexCount * 2), clearSide = new Float32Array(vertexCount);
  if (farSide !== 0) for (const [v, [u, w]] of rimUvs) { uvCleared[v * 2] = u; uvCleared[v * 2 + 1] = w; clearSide[v] = farSide; }
  for (const [v, [u, w, side]] of sideUvs) { uvCleared[v * 2] = u; uvCleared[v * 2 + 1] = w; clearSide[v] = side; }
  return { uvCleared, clearSide };
}
