// The far mouth corner's painted lip on the far cheek's own texture (issue #15, session 32). On a face
// turned in the photo (lp_s10) the landmark oval at mouth height runs inside the painted far cheek,
// inside even the far mouth corner (oval 172 at x 186, corner 61 at 183, the painted outline at 168),
// and the painted lip reaches 3-5 px past the corner landmark. The far oval's triangles (138-172-136)
// and the skin beside the corner then sample the lip's end; a turn toward that side (+12.5 / +25)
// spreads it into a red line along the outline and a pale lip beside the corner: a second far mouth
// corner. On such turns those skin vertices sample the skin just past the lip on their row instead
// (render/rimClear.ts moves them, from RIM_CLEAR_FROM to RIM_CLEAR_FULL degrees toward that side; the
// photo's pose and small sways keep every texture position).
import type { RgbaImage } from '../types.ts';
import { nearestRank } from '../math/stats.ts';
import { eyeCornerDistance, LIPS_OUTER_UPPER, LIPS_OUTER_LOWER, MESH_POINT_COUNT } from '../rig/topology.ts';

/** Only skin vertices within this many eye distances of the far corner, and this many above or below it (the lip's end, not the nostril or the chin under the lip). */
const NEAR_CORNER = 0.3, NEAR_ROWS = 0.2;
/** A texel is lip where its redness lies past this share of the way from the cheek's to the lip's. */
const LIP_SHARE = 0.5;
/** Past the last lip texel, so the bilinear taps stay on skin (px). */
const SKIN_MARGIN = 1.5;

const redness = (img: RgbaImage, x: number, y: number): number => {
  const xi = Math.min(img.width - 1, Math.max(0, Math.round(x - 0.5))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y - 0.5)));
  const o = (yi * img.width + xi) * 4;
  return (img.data[o]! - img.data[o + 1]!) / (img.data[o]! + img.data[o + 1]! + img.data[o + 2]! + 1);
};
/** R + G + B at the texel (redness's own sampling). */
const texelSum = (img: RgbaImage, x: number, y: number): number => {
  const xi = Math.min(img.width - 1, Math.max(0, Math.round(x - 0.5))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y - 0.5)));
  const o = (yi * img.width + xi) * 4;
  return img.data[o]! + img.data[o + 1]! + img.data[o + 2]!;
};
const median = (v: number[]) => nearestRank(v, 0.5, NaN);

/**
 * Whether a photo texel (unpremultiplied `image`, landmarks `flat`) is lip-red: its redness past
 * LIP_SHARE of the way from the cheeks' (skin beside the nose and mouth) to the lip contours'.
 * Undefined where the lips are not redder than the cheeks (a moustache, a pale painting).
 */
export function lipTexelTest(image: RgbaImage, flat: Float64Array): ((x: number, y: number) => boolean) | undefined {
  const r = lipRedness(image, flat);
  return r && ((x, y) => r.at(x, y) > r.skin + LIP_SHARE * (r.lip - r.skin));
}

/** The photo's redness at a texel, its R + G + B, and the redness's median on the lips' contours and on the cheeks; undefined where the lips are not redder (lipTexelTest). */
export function lipRedness(image: RgbaImage, flat: Float64Array): { at: (x: number, y: number) => number; sum: (x: number, y: number) => number; lip: number; skin: number } | undefined {
  const lip = median([...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER].map((i) => redness(image, flat[i * 3]!, flat[i * 3 + 1]! + (LIPS_OUTER_LOWER.includes(i) ? -1.5 : 1.5))));
  const skin = median([50, 280, 205, 425, 187, 411].map((i) => redness(image, flat[i * 3]!, flat[i * 3 + 1]!)));
  if (!(lip > skin + 0.04)) return undefined;
  return { at: (x, y) => redness(image, x, y), sum: (x, y) => texelSum(image, x, y), lip, skin };
}

/**
 * Adds to `out` (vertex -> texture point on turns toward `farSide`) the face-mesh skin vertices (not
 * in `lipPoints`) near the photo's far mouth corner (`farSide` -1 image-left / +1 image-right; 0, a
 * frontal face: nothing) whose texel in `image` (unpremultiplied photo) is lip-red: their texel moved
 * along its row toward the far side until past the red.
 */
export function farLipOnTurns(image: RgbaImage, flat: Float64Array, uvs: ArrayLike<number>, lipPoints: ReadonlySet<number>, farSide: number, out: Map<number, [number, number]>): void {
  if (farSide === 0) return;
  const iod = eyeCornerDistance(flat, 2);
  const corner = farSide < 0 ? (flat[61 * 3]! < flat[291 * 3]! ? 61 : 291) : (flat[61 * 3]! > flat[291 * 3]! ? 61 : 291);
  const cx = flat[corner * 3]!, cy = flat[corner * 3 + 1]!;
  // the lip's redness from the lip contours' texels, the cheek's from the skin vertices just past the near half's cheek
  const isLip = lipTexelTest(image, flat);
  if (!isLip) return;
  for (let v = 0; v < MESH_POINT_COUNT; v++) {
    if (lipPoints.has(v) || out.has(v)) continue;
    const u = uvs[v * 2]!, w = uvs[v * 2 + 1]!;
    if (Math.hypot(u - cx, w - cy) > NEAR_CORNER * iod || Math.abs(w - cy) > NEAR_ROWS * iod || !isLip(u, w)) continue;
    let x = u;
    for (let step = 0; step < 4 * NEAR_CORNER * iod && isLip(x, w); step++) x += 0.5 * farSide;
    out.set(v, [x + SKIN_MARGIN * farSide, w]);
  }
}
