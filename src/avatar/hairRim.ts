// The face's outer rings on a blended skin-to-hair rim (issue #15, s52 rimline52).
//
// On a photo turned a little, the face mesh's rings just inside the far outline fold onto it: their
// photo positions lie on the outline or past it, on the last 1-2 px of skin before dark hair, whose
// colour is a blend of the two (st_full_body_1: luma 52-77 against 85-100 a few px in, hair 5-25).
// Where hair lies beside the outline the reveal keeps the outline's own texels (reveal.ts keepEdge)
// and refuses to pull a shaded cheek that fails the skin test, so a turn toward that side unfolds
// those rings across the cheek and draws the blend as a thin grey line with skin on both sides.
// These skips move such rings' texture to a little inside the outline, through the rim skips
// (rim.ts: in full on a full turn toward that side, none at rest; the mirror skips them too).
// The outline points themselves keep their texels (the soft skin-to-hair ramp keepEdge is for).
import { FACE_OVAL } from '../rig/topology.ts';
import { insidePolygon, distanceToOutline } from '../math/polygon.ts';
import { ovalFrame, nearestOvalPoint, type RimSkips } from './rim.ts';

/**
 * Face widths: a ring folded onto the rim lies past the outline by more than -HAIR_RIM_FOLD (up to
 * HAIR_RIM_REACH); it samples HAIR_RIM_IN inside instead. Rings on the outline or inside it are the
 * photo's own cheek edge: its ramp to the hair is the outline's soft edge (lp_s42 -25: moved, its jaw
 * edge turned into a hard stair) or the cheek's own shade (lp_s12's sideburn side: at 0.005 inside,
 * farCheekLight's offset 2.2 -> 6.3).
 */
export const HAIR_RIM_FOLD = -0.005, HAIR_RIM_IN = 0.02, HAIR_RIM_REACH = 0.05;

/** A blend, not hair nor skin: the ring's own luminance between these shares of the skin's inside. */
export const HAIR_RIM_BLEND = [0.4, 0.9] as const;

/** Whether rings on a hair-side rim sample skin inside the outline on turns (default on: s52). */
export const hairRimSetting = { on: true };

const FACE_MESH_POINTS = 468;
const ovalSet = new Set<number>(FACE_OVAL);

/**
 * For each face-mesh vertex off the outline folded past it (HAIR_RIM_FOLD), on the face's sides
 * where hair lies beside the outline (`keepEdge` of the nearest outline point), the inward offset to
 * HAIR_RIM_IN inside it, at the hair's certainty. Only where the vertex's own texel (`lum`) is a
 * blend: darker than that skin but not hair (HAIR_RIM_BLEND); a ring on a hair strand or on skin keeps it.
 */
export function hairRimSkips(flat: Float64Array, faceWidth: number, keepEdge: ArrayLike<number>, lum: (x: number, y: number) => number): RimSkips {
  const { oval, inward } = ovalFrame(flat);
  const out: RimSkips = { ids: [], offset: [], strength: [] };
  for (let v = 0; v < FACE_MESH_POINTS; v++) {
    if (ovalSet.has(v)) continue;
    const x = flat[v * 3]!, y = flat[v * 3 + 1]!;
    const dist = distanceToOutline(x, y, oval), depth = insidePolygon(x, y, oval) ? dist : -dist;
    if (depth >= HAIR_RIM_FOLD * faceWidth || depth < -HAIR_RIM_REACH * faceWidth) continue;
    const k = nearestOvalPoint(oval, x, y);
    const hair = keepEdge[FACE_OVAL[k]!]!;
    if (!(hair > 0)) continue;
    const [inX, inY] = inward[k]!;
    if (Math.abs(inX) < 0.35) continue; // forehead and chin: the outline runs across (rim.ts)
    const need = HAIR_RIM_IN * faceWidth - depth;
    const own = lum(x, y), skin = lum(x + inX * need, y + inY * need);
    if (!(own <= HAIR_RIM_BLEND[1] * skin && own >= HAIR_RIM_BLEND[0] * skin)) continue;
    out.ids.push(v);
    out.offset.push([inX * need, inY * need]);
    out.strength.push(Math.min(1, hair));
  }
  return out;
}

/** The rim skips `extra` added to `rims` for vertices `rims` does not skip already. */
export function withRimSkips(rims: RimSkips, extra: RimSkips): RimSkips {
  const have = new Set(rims.ids), out: RimSkips = { ids: [...rims.ids], offset: [...rims.offset], strength: [...rims.strength] };
  extra.ids.forEach((v, k) => {
    if (have.has(v)) return;
    out.ids.push(v); out.offset.push(extra.offset[k]!); out.strength.push(extra.strength[k]!);
  });
  return out;
}
