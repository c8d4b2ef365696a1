// Eyelid geometry of the avatar. A closing lid is the photo's upper-lid skin stretched down over
// the eyeball (the rig moves the lid landmarks; the renderer slides their texture up toward the
// crease so the stretched lid shows skin, not a smear of lashes and iris). The lash line must stay
// at the lid's edge, so each upper lid gets a thin "lash strip": a copy of the photo's lash band
// that moves rigidly with the lid edge. At rest it lies exactly over the same pixels with the same
// texture, so the photo is reproduced unchanged.
import { EYE_L_UPPER, EYE_L_UPPER2, EYE_R_UPPER, EYE_R_UPPER2 } from '../rig/topology.ts';
import { MATERIAL } from './types.ts';
import type { MeshBuilder } from './mesh.ts';

/** Share of the lid-edge-to-crease distance that is lash band (what the strip carries). */
export const LASH_BAND = 0.22;

/** Adds the two lash strips (skin material, each vertex following its lid-edge landmark rigidly). */
export function addLashStrips(mesh: MeshBuilder, flat: Float64Array, iod: number): void {
  const forward = -0.004 * iod; // a hair in front of the lid skin, so the strip wins the depth test
  for (const [upper, crease] of [[EYE_L_UPPER, EYE_L_UPPER2], [EYE_R_UPPER, EYE_R_UPPER2]] as const) {
    const edge: number[] = [], top: number[] = [];
    for (let q = 0; q < upper.length; q++) {
      const u = upper[q]!, c = crease[q]!;
      const x = flat[u * 3]!, y = flat[u * 3 + 1]!, z = flat[u * 3 + 2]! + forward;
      const tx = x + LASH_BAND * (flat[c * 3]! - x), ty = y + LASH_BAND * (flat[c * 3 + 1]! - y);
      edge.push(mesh.addVertex(x, y, z, x, y, 1, [u], [1]));
      top.push(mesh.addVertex(tx, ty, z, tx, ty, 1, [u], [1]));
    }
    for (let q = 0; q + 1 < upper.length; q++) {
      mesh.addTriangle(edge[q]!, edge[q + 1]!, top[q + 1]!, MATERIAL.skin);
      mesh.addTriangle(edge[q]!, top[q + 1]!, top[q]!, MATERIAL.skin);
    }
  }
}
