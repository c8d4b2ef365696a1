// Did the face mesh find the photo's eye at all? (s58, blinkread58) The blink read-back (bench/blink.ts)
// divides the mesh's opening of our shut eye by its opening of the photo's open eye. On a painted,
// foreshortened eye (lp_s10's far eye) the mesh puts its eye contour on the cheek under the painted
// eye, on the photo and on the render alike (s15, s50): that eye's ratio compares two readings of cheek
// and says nothing about the drawn lid. This measures, per eye, how far the mesh's eye centre on the
// photo lies from the analysis' eye (portrait.cropLandmarks, which src/analyze/eyes.ts may have moved
// onto the painted eye), in the analysis' eye widths. It does not change the read-back: bench/blink.ts
// prints it beside the ratio and marks eyes over EYE_FOUND_MAX as "mesh missed the eye on the photo".
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';

type Landmarks = ArrayLike<ArrayLike<number>>;

/** Offsets over this many eye widths: the mesh's eye is not the photo's eye. s58 (bench/blink.ts): the 14
 *  portraits' other 27 eyes read .00-.03 (the analysis keeps the mesh's eye), lp_s10's far eye .53 (photo at
 *  its size) / .26 (the photo shrunk to 320 px). */
export const EYE_FOUND_MAX = 0.15;

/** Mean point of the eye's contour (upper and lower lid, corners once). */
function centre(lm: Landmarks, upper: number[], lower: number[]): [number, number] {
  const ids = [...upper, ...lower.slice(1, -1)];
  let x = 0, y = 0;
  for (const i of ids) { x += lm[i]![0]!; y += lm[i]![1]!; }
  return [x / ids.length, y / ids.length];
}

function offset(mesh: Landmarks, ref: Landmarks, upper: number[], lower: number[]): number {
  const a = ref[upper[0]!]!, b = ref[upper[upper.length - 1]!]!;
  const width = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) || 1;
  const m = centre(mesh, upper, lower), r = centre(ref, upper, lower);
  return Math.hypot(m[0] - r[0], m[1] - r[1]) / width;
}

/** Per eye (left/right as eval/eyes.ts eyeOpenings names them), the distance between the mesh's eye
 *  centre and the reference landmarks' eye centre, in the reference eye's corner-to-corner widths. */
export function eyeFoundOffsets(mesh: Landmarks, ref: Landmarks): { left: number; right: number } {
  return { left: offset(mesh, ref, EYE_L_UPPER, EYE_L_LOWER), right: offset(mesh, ref, EYE_R_UPPER, EYE_R_LOWER) };
}
