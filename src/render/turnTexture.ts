// What a turn does to the surface rather than the shape: the far side's share of its mirror
// partner's texture, the texture coordinates of the sides a turn reveals, and the shading of skin
// turned away from the camera. deform.ts calls these after posing the mesh; `headR` is the head's
// rotation relative to the photo's pose.
import type { MotionFrame } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { MESH_POINT_COUNT } from '../rig/topology.ts';
import { mirrorShare } from '../avatar/mirror.ts';
import { turnShade } from './turn.ts';
import { clearRimTexture } from './rimClear.ts';
import { pitchRevealTerm } from './pitchReveal.ts';
import { shadedFromFacing } from './revealLight.ts';

/** The vertices each pass visits (fixed per avatar). */
export interface TurnLists {
  /** vertices that may blend in their mirror partner's texture */
  mirror: Int32Array;
  /** vertices whose texture a turn pulls toward nearby skin */
  reveal: Int32Array;
  /** vertices of a turned photo's far-jaw rim that clear on larger turns (rimClearOnTurn.ts) */
  clear: Int32Array;
}

export function turnLists(avatar: Avatar): TurnLists {
  const all = Int32Array.from({ length: avatar.vertexCount }, (_, v) => v);
  return {
    mirror: all.filter((v) => avatar.mirrorReach[v]! > 0),
    reveal: all.filter((v) => avatar.revealDir[v * 2] !== 0 || avatar.revealDir[v * 2 + 1] !== 0),
    clear: all.filter((v) => (avatar.clearSide?.[v] ?? 0) !== 0),
  };
}

/** Far side: where the turn shows a side more squarely than the photo did, its mirror partner's texture (seen more squarely) is blended in. */
export function farSideShares(avatar: Avatar, headR: Float64Array, mirrorList: Int32Array, share: Float32Array): void {
  const nrm = avatar.normal;
  for (let q = 0; q < mirrorList.length; q++) {
    const v = mirrorList[q]!;
    const nx = nrm[v * 3]!, ny = nrm[v * 3 + 1]!, nz = nrm[v * 3 + 2]!;
    const facingNow = -(headR[6]! * nx + headR[7]! * ny + headR[8]! * nz);
    share[v] = mirrorShare(avatar.photoFacing[v]!, avatar.mirrorFacing[v]!, -nz, facingNow, avatar.mirrorReach[v]!);
  }
}

/**
 * Per vertex, the brightness gain of its surface turned away from the camera (turn.ts turnShade),
 * in 1/128 (the rasterizer's fixed point), at `strength` (0..1). Face-mesh points by their own
 * normal, every other vertex by its landmarks' (the sheet next to the outline darkens with the
 * cheek beside it, fading outward with its influence weights).
 */
export function turnShadingInto(avatar: Avatar, headR: Float64Array, strength: number, shade: Float32Array, pulled?: PulledLight): void {
  const nrm = avatar.normal, infl = avatar.influence, inflW = avatar.influenceWeight;
  const m = Math.min(MESH_POINT_COUNT, avatar.vertexCount);
  if (plain.length < m) plain = new Float32Array(m);
  for (let v = 0; v < m; v++) {
    const nx = nrm[v * 3]!, ny = nrm[v * 3 + 1]!, nz = nrm[v * 3 + 2]!;
    const now = -(headR[6]! * nx + headR[7]! * ny + headR[8]! * nz);
    shade[v] = plain[v] = Math.round(128 * (1 - strength * (1 - turnShade(-nz, now))));
    // a pulled texel keeps the light it was photographed in (revealLight.ts), not the band's it is drawn on
    if (pulled && pulled.k[v]! > 0) shade[v] = Math.round(128 * (1 - strength * (1 - turnShade(shadedFromFacing(-nz, pulled.sourceFacing[v]!, pulled.k[v]!, pulled.share[v]!), now))));
  }
  // (the sheet by the landmarks' own shade: an ear or hair beside the cheek is not the pulled skin)
  for (let v = m; v < avatar.vertexCount; v++) {
    let g = 128;
    for (let q = 0; q < 4; q++) {
      const li = infl[v * 4 + q]!;
      if (li < 0) break;
      if (li < m) g += inflW[v * 4 + q]! * (plain[li]! - 128);
    }
    shade[v] = Math.round(g);
  }
}
let plain = new Float32Array(0);

/**
 * The yaw activation (-1..1 at -25..25 deg, beyond past it) run `rate` times faster up to a full turn and the same
 * from there on (a light rim's skip, avatar/rim.ts rimRevealRate): the photo's pose and a full turn are unchanged. Pure.
 */
export function fasterYaw(revealX: number, rate: number): number {
  const m = Math.abs(revealX);
  return m >= 1 || rate <= 1 ? revealX : Math.sign(revealX) * Math.min(1, m * rate);
}

/** What the turn's shading needs to shade a pulled texel from its own light (revealLight.ts): per vertex, the rest
 *  facing at its revealed texture position, this frame's reveal activation (revealTextureInto's `kOut`) and mirror share. */
export interface PulledLight { sourceFacing: Float32Array; k: Float32Array; share: Float32Array }

/** Sides of the head turning toward the camera sample nearby skin instead of edge pixels (into `uvNow`; each vertex's activation into `kOut`). */
export function revealTextureInto(
  avatar: Avatar, lists: TurnLists, pose: NonNullable<MotionFrame['pose']>, hairlineHold: boolean, uvNow: Float32Array, kOut?: Float32Array,
): void {
  const start = avatar.revealStart, rate = avatar.revealRate, revealList = lists.reveal;
  const revealX = -(pose.yaw || 0) / 25, revealY = -(pose.pitch || 0) / 25;
  for (let q = 0; q < revealList.length; q++) {
    const v = revealList[q]!;
    let k = avatar.revealDir[v * 2]! * (rate ? fasterYaw(revealX, rate[v]!) : revealX) + pitchRevealTerm(avatar.revealDir[v * 2 + 1]!, revealY, hairlineHold);
    if (start) k -= start[v]!;
    k = k < 0 ? 0 : k > 1 ? 1 : k;
    if (kOut) kOut[v] = k;
    uvNow[v * 2] = avatar.uv[v * 2]! + k * (avatar.uvRevealed[v * 2]! - avatar.uv[v * 2]!);
    uvNow[v * 2 + 1] = avatar.uv[v * 2 + 1]! + k * (avatar.uvRevealed[v * 2 + 1]! - avatar.uv[v * 2 + 1]!);
  }
  clearRimTexture(avatar, uvNow, lists.clear, pose.yaw || 0);
}
