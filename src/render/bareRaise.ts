// A brow raise on a bare brow ridge no taller than skin stretches (s56 mask56). The rig lifts the brows by the driver's
// rise in head-frame units (motion/browRetarget.ts), whatever the face. On a face without brow hair (avatar/browHair.ts:
// lp_s9, the Mona Lisa, whose brow landmarks sit on the top of the socket's painted shade) the band between the brow's
// lower contour and the upper lid is all that shows the raise, and it is short: .10 eye-corner widths against a real
// face's .17-.22. The same rise stretched it 1.9-2.1x (lp_s9 <- vrt4 f43) where the drivers' own bands grow 1.26-1.47x
// at their strongest raises (bench/maskFace.ts: lp_d6 1.47, vrt4 1.39, lp_d10 1.35, lp_d11 1.26): the socket's shade
// pulled up into a tall dark band over staring eyes, a mask. Here the band's stretch follows the rise up to KNEE and
// then eases toward MOST; the three raises are scaled together by the share that keeps it there, blended by how bare
// the ridge is. A brow of hair (bare 0) keeps the driver's rise: its hair moves over the uncovered skin (brows.ts).
import { CONTROL_COUNT, CONTROL_INDEX } from '../rig/controls.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';

/** on: a bare ridge's raise eased; `knee`, `most`: the band's stretch over its rest (0 = as at rest) where easing starts / that it never passes. */
export const bareRaiseSetting = { on: true, knee: 0.3, most: 0.55 };

const RAISES = [CONTROL_INDEX.browInnerUp, CONTROL_INDEX.browOuterUpLeft, CONTROL_INDEX.browOuterUpRight];
/** Per side: the brow's lower contour's middle points and the upper lid's middle (the band's ends). */
const BAND_SIDES = [{ brow: [282, 295], lid: [386] }, { brow: [52, 65], lid: [159] }];

/** A face's brow band: per side its height at the photo's weights and its growth per unit of each raise (canonical). */
export interface BrowBand { rest: number[]; rise: number[][]; bare: number }

/** The band (lid's middle below the brow's lower contour, canonical y down) per side, and per raise how much one unit of it adds. */
export function browBand(neutral: ArrayLike<number>, basis: ArrayLike<number>, photoWeights: ArrayLike<number>, bare: number): BrowBand {
  const stride = LANDMARK_COUNT * 3;
  // y of point i under control k's field at weight 1 (k < 0: the neutral)
  const y = (k: number, i: number) => (k < 0 ? neutral[i * 3 + 1]! : basis[k * stride + i * 3 + 1]!);
  const band = (k: number, s: (typeof BAND_SIDES)[number]) =>
    s.lid.reduce((a, i) => a + y(k, i), 0) / s.lid.length - s.brow.reduce((a, i) => a + y(k, i), 0) / s.brow.length;
  const rest = BAND_SIDES.map((s) => {
    let h = band(-1, s);
    for (let k = 0; k < CONTROL_COUNT; k++) if (photoWeights[k]) h += photoWeights[k]! * band(k, s);
    return h;
  });
  return { rest, rise: RAISES.map((k) => BAND_SIDES.map((s) => band(k, s))), bare };
}

/** A stretch e (band over its rest, less 1) eased past `knee` toward `most` (continuous, slope 1 at the knee). */
export function easedStretch(e: number, knee: number, most: number): number {
  return e <= knee || most <= knee ? e : knee + (most - knee) * Math.tanh((e - knee) / (most - knee));
}

/**
 * In place: the three raises of this frame's weights `wv` (over the photo's) scaled together so that the band's stretch on
 * its more stretched side is eased (easedStretch), blended by the face's bare share. Returns the scale applied (1: none).
 */
export function easeBareRaises(wv: Float64Array, photoWeights: ArrayLike<number>, band: BrowBand): number {
  if (!bareRaiseSetting.on || !(band.bare > 0)) return 1;
  const d = RAISES.map((k) => wv[k]! - photoWeights[k]!);
  let e = 0;
  band.rest.forEach((rest, s) => {
    if (rest > 1e-6) e = Math.max(e, d.reduce((a, v, q) => a + v * band.rise[q]![s]!, 0) / rest);
  });
  if (!(e > bareRaiseSetting.knee)) return 1;
  const f = 1 - Math.min(1, band.bare) * (1 - easedStretch(e, bareRaiseSetting.knee, bareRaiseSetting.most) / e);
  RAISES.forEach((k, q) => { wv[k] = photoWeights[k]! + f * d[q]!; });
  return f;
}
