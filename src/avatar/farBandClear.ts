// The head sheet's clear-on-turn band beside a turned photo's far cheek (issue #15, s36 fringe36).
//
// Gaps. Beside a turned photo's far
// cheek the sheet's rings go clear on turns toward it (sheetFold.ts unfoldSheetTexture: a deep fold
// beside the background). That test reads the matte one ray at a time, and a speck of matte past the
// outline (a stray hair, the matte's own noise) makes a single ray read as "beside hair": it keeps its
// opaque soft ramp while both neighbouring rays go clear. A turn then widens that ray's ramp alone:
// a translucent spike standing out of the outline, one per such ray, a stair-stepped fringe
// (lp_s10 at +4..8°: the ray at the far eye's corner). A ray whose neighbours on both sides go clear
// goes clear too.
//
// Sooner on a side the photo was turned away from. That band is the photo's soft matte ramp, and a
// turn toward the side widens it (render/turn.ts revealFlattening: full by 10° there) while its
// texture slides to clear matte only by 16° (sheetFold.ts CLEAR_ON_TURN): from 2 to 8° the ramp,
// stretched 2-3x across, showed each row's own ramp end as a step, a translucent stair-stepped
// fringe standing out of the cheek (critic35, lp_s10 f105-120). Cleared by 3° there, the face's
// own edge is the outline while the band has barely widened.
import type { GrayImage } from '../types.ts';
import { clearPointAlong } from './rimClearOnTurn.ts';
import { CLEAR_ON_TURN } from './sheetFold.ts';
import { turnedAway } from '../render/turn.ts';
import { matteAt } from './matteAt.ts';

/** On a side the photo was turned away from (turnedAway 1), the band is clear by this turn (degrees); the reveal's full turn is 25°. */
export const AWAY_CLEAR_FULL_DEG = 3;

/**
 * The reveal activation per unit of turn (revealDir's length) for the band's clear switch on a side
 * the photo was turned `yawAway` degrees away from (rig angles, as render/turn.ts turnedAway): the
 * usual CLEAR_ON_TURN on facing sides, 25 / AWAY_CLEAR_FULL_DEG on a side turned away.
 */
export function bandClearRate(yawAway: number): number {
  return CLEAR_ON_TURN + (25 / AWAY_CLEAR_FULL_DEG - CLEAR_ON_TURN) * turnedAway(yawAway);
}

/**
 * In place: the band's clear switch (the vertices of `turnUvs`, after sheetFold.ts revealSheetClear
 * set their revealDir to side x CLEAR_ON_TURN) at bandClearRate for its side; photoYaw is the photo's
 * yaw in the rig's angles (a turn showing side s is one the photo was turned s x photoYaw away from).
 */
export function clearBandSoonerWhenAway(revealDir: Float32Array, turnUvs: Map<number, [number, number]>, photoYaw: number): void {
  for (const v of turnUvs.keys()) {
    const side = Math.sign(revealDir[v * 2]!);
    if (side !== 0) revealDir[v * 2] = side * bandClearRate(side * photoYaw);
  }
}

/** How far along its ray (face widths) a gap vertex's texture may go to reach clear matte: past a matte speck a few px wide. */
export const GAP_CLEAR_REACH = 0.12;

/** A ray counts as clearing when any of its sheet vertices goes clear on turns. */
function clearingRays(rings: number[][], turnUvs: Map<number, [number, number]>): boolean[] {
  const D = rings[0]?.length ?? 0;
  return Array.from({ length: D }, (_, j) => rings.some((ring) => turnUvs.has(ring[j]!)));
}

/**
 * The rays (indices) that do not clear on turns while both neighbouring rays do: the gaps of
 * `clearing` (cyclic). Pure, for the test.
 */
export function gapRays(clearing: readonly boolean[]): number[] {
  const D = clearing.length, out: number[] = [];
  for (let j = 0; j < D; j++) if (!clearing[j] && clearing[(j + D - 1) % D] && clearing[(j + 1) % D]) out.push(j);
  return out;
}

/**
 * In place: each gap ray's sheet vertices (rings 1.., outward from the oval) whose texture is not
 * clear and whose ring neighbour on either side goes clear take a clear texture point on turns (`turnUvs`), the first clear matte outward along their
 * ray (from the face centre through their texture point) within GAP_CLEAR_REACH face widths. Their
 * rest texture is kept (the photo's pose renders as before). Returns how many vertices were added.
 */
export function fillClearGaps(rings: number[][], uvs: ArrayLike<number>, matte: GrayImage, centre: [number, number], faceWidth: number, turnUvs: Map<number, [number, number]>): number {
  const alpha = (x: number, y: number) => matteAt(matte, x, y);
  let added = 0;
  for (const j of gapRays(clearingRays(rings, turnUvs))) {
    for (let r = 1; r < rings.length; r++) {
      const ring = rings[r]!, v = ring[j]!, D = ring.length;
      // as its ring goes beside it: the inner rings under the face's soft edge keep it (cleared, a dark notch)
      if (!turnUvs.has(ring[(j + D - 1) % D]!) && !turnUvs.has(ring[(j + 1) % D]!)) continue;
      const x = uvs[v * 2]!, y = uvs[v * 2 + 1]!;
      if (alpha(x, y) <= 0.01) break; // past the matte: the rest of the ray draws nothing
      const len = Math.hypot(x - centre[0], y - centre[1]) || 1;
      const clear = clearPointAlong(matte, x, y, (x - centre[0]) / len, (y - centre[1]) / len, GAP_CLEAR_REACH * faceWidth);
      if (!clear) break;
      turnUvs.set(v, clear);
      added++;
    }
  }
  return added;
}
