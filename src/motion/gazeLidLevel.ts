// The stare rules' readings with the face mesh's gaze-coupled lid reading taken out (arch39). Over lp_d6's open
// frames the mesh's left-minus-right opening share follows the gaze x at r .73 (slope .71 per unit of gaze; the shown
// white above the iris r .82, slope .84): as she looks aside one eye is read lower, so at f162-164 (gaze +.11..+.16)
// her right eye reads .76-.87 of rest with its lid over the iris's top while the video shows white above both irises,
// and the stare rules (stareCarry, stareShowGate: the lesser eye) let nothing through. Here the eye the gaze reads
// lower gets back the driver's own expected difference at that gaze (fitted on its open frames, used only where the
// coupling is clear), never past the other eye's reading; the other eye is untouched (lash38's half-to-each-eye
// version lowered the stronger eye too, and with it f150's stare: .65 -> .48).

/** The correction is used only where the driver's difference follows its gaze at least this closely (r). */
export const GAZE_LID_MIN_R = 0.5;
/** Frames whose both eyes read at least this share of rest are the open frames the slope is fitted on. */
const OPEN_SHARE = 0.85;
/** Fewer open frames than this: no fit, no correction. */
const MIN_FRAMES = 25;

/** Least-squares slope of y on x and their correlation; NaN with too little spread. */
export function slopeOf(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; r: number; mx: number; my: number } {
  const n = x.length;
  let mx = 0, my = 0;
  for (let k = 0; k < n; k++) { mx += x[k]!; my += y[k]!; }
  mx /= Math.max(1, n); my /= Math.max(1, n);
  let sxy = 0, sxx = 0, syy = 0;
  for (let k = 0; k < n; k++) { const a = x[k]! - mx, b = y[k]! - my; sxy += a * b; sxx += a * a; syy += b * b; }
  return sxx > 1e-12 && syy > 1e-12 ? { slope: sxy / sxx, r: sxy / Math.sqrt(sxx * syy), mx, my } : { slope: NaN, r: NaN, mx, my };
}

/**
 * Per side copies of `values` (e.g. opening shares or shows) with the gaze-coupled difference given back to the eye
 * the gaze reads lower: the expected left-minus-right difference at frame i, slope x (gaze x - its mean), is added
 * to the eye it lowers, at most up to the other eye's value. `fitOn`: the frames the slope is fitted on.
 */
export function gazeLevelled(values: [ArrayLike<number>, ArrayLike<number>], gazeX: ArrayLike<number>, fitOn: number[], have: number[]): [Float64Array, Float64Array] {
  const out: [Float64Array, Float64Array] = [Float64Array.from(values[0]), Float64Array.from(values[1])];
  if (fitOn.length < MIN_FRAMES) return out;
  const fit = slopeOf(fitOn.map((i) => gazeX[i]!), fitOn.map((i) => values[0][i]! - values[1][i]!));
  if (!(Math.abs(fit.r) >= GAZE_LID_MIN_R)) return out;
  for (const i of have) {
    const d = fit.slope * (gazeX[i]! - fit.mx);
    // d > 0: the gaze reads the left eye higher than the right by d, so the right is the one lowered
    const low = d > 0 ? 1 : 0, other = 1 - low;
    out[low][i] = Math.max(values[low][i]!, Math.min(values[other][i]!, values[low][i]! + Math.abs(d)));
  }
  return out;
}

/** The open frames (both shares at least OPEN_SHARE of rest) the slope is fitted on. */
export function openFrames(shares: [ArrayLike<number>, ArrayLike<number>], have: number[]): number[] {
  return have.filter((i) => shares[0][i]! >= OPEN_SHARE && shares[1][i]! >= OPEN_SHARE);
}
