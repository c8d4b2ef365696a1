// A brow raise on a bare brow ridge no taller than skin stretches (s56 mask56). The rig lifts the brows by the driver's
// rise in head-frame units (motion/browRetarget.ts), whatever the face. On a face without brow hair (avatar/browHair.ts:
// lp_s9, the Mona Lisa, whose brow landmarks sit on the top of the socket's painted shade) the band between the brow's
// lower contour and the upper lid is all that shows the raise, and it is short: .10 eye-corner widths against a real
// face's .17-.22. The same rise stretched it 1.9-2.1x (lp_s9 <- vrt4 f43) where the drivers' own bands grow 1.26-1.47x
// at their strongest raises (bench/maskFace.ts: lp_d6 1.47, vrt4 1.39, lp_d10 1.35, lp_d11 1.26): the socket's shade
// pulled up into a tall dark band over staring eyes, a mask. Here the band's stretch follows the rise up to KNEE and
// then eases toward MOST; the three raises are scaled together by the share that keeps it there, blended by how bare
// the ridge is. A brow of hair (bare 0) keeps the driver's rise: its hair moves over the uncovered skin (brows.ts).
// s57 (maskface57) `typical`: the knee alone left lp_s9 <- lp_d11 f82 at band 1.52 where the child's grows 1.22 (head
// frame), and the goggle arch stayed at 1x. A bare band stretches more than the driver's because the rise is the
// driver's in head-frame units and a band half as tall stretches twice as far (drivers' bands at rest .17-.22 eye-corner
// widths, median .194 over lp_d0/6/10/11/14, Katie, vrt4; the bare portraits' .12-.18: lp_s9 .121, lp_s1 .136, lp_s10
// .149, lp_s11 .175); and the retarget lifts the brows 1.4-1.45x the driver's own rise (lp_d11 f82 on lp_s9 and lp_s42,
// bench/maskFace.ts --off), the basis taking the band's lower contour up with them. So on a bare ridge the raises are first
// scaled by the band's rest over `typical` (relativeShare), the band that takes the whole rise: .194 x 1.45 ~ .3; and
// only then eased past the knee.
import { CONTROL_COUNT, CONTROL_INDEX } from '../rig/controls.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';

/** on: a bare ridge's raise eased; `knee`, `most`: the band's stretch over its rest (0 = as at rest) where easing starts / that it never passes. */
export const bareRaiseSetting = { on: true, knee: 0.3, most: 0.55, typical: 0.3 };
// (`typical`: the band at rest, in eye-corner widths, that takes the motion's whole raise; 0 = no relative scale, as in s56)

const RAISES = [CONTROL_INDEX.browInnerUp, CONTROL_INDEX.browOuterUpLeft, CONTROL_INDEX.browOuterUpRight];
/** Per side: the brow's lower contour's middle points and the upper lid's middle (the band's ends). */
const BAND_SIDES = [{ brow: [282, 295], lid: [386] }, { brow: [52, 65], lid: [159] }];

/** A face's brow band: per side its height at the photo's weights and its growth per unit of each raise (canonical). */
export interface BrowBand { rest: number[]; rise: number[][]; bare: number; /** the band at rest over the eye corners' distance, both sides' mean */ ofCorners: number }

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
  const corners = Math.hypot(neutral[263 * 3]! - neutral[33 * 3]!, neutral[263 * 3 + 1]! - neutral[33 * 3 + 1]!);
  const ofCorners = corners > 0 ? (rest[0]! + rest[1]!) / 2 / corners : NaN;
  return { rest, rise: RAISES.map((k) => BAND_SIDES.map((s) => band(k, s))), bare, ofCorners };
}

/** A stretch e (band over its rest, less 1) eased past `knee` toward `most` (continuous, slope 1 at the knee). */
export function easedStretch(e: number, knee: number, most: number): number {
  return e <= knee || most <= knee ? e : knee + (most - knee) * Math.tanh((e - knee) / (most - knee));
}

/** The share of the driver's rise a band `ofCorners` eye-corner widths tall takes to stretch as a `typical` one does (<= 1; 1 unread or off). */
export function relativeShare(ofCorners: number, typical: number): number {
  return typical > 0 && ofCorners > 0 ? Math.min(1, ofCorners / typical) : 1;
}

/**
 * In place: the three raises of this frame's weights `wv` (over the photo's) scaled together so that the band's stretch on
 * its more stretched side is eased (easedStretch), after a short band's relative scale (relativeShare), both blended by the
 * face's bare share. Returns the scale applied (1: none).
 */
export function easeBareRaises(wv: Float64Array, photoWeights: ArrayLike<number>, band: BrowBand): number {
  if (!bareRaiseSetting.on || !(band.bare > 0)) return 1;
  const bare = Math.min(1, band.bare);
  const rel = 1 - bare * (1 - relativeShare(band.ofCorners, bareRaiseSetting.typical));
  const d = RAISES.map((k) => rel * (wv[k]! - photoWeights[k]!));
  const put = (f: number) => { RAISES.forEach((k, q) => { wv[k] = photoWeights[k]! + f * d[q]!; }); return rel * f; };
  let e = 0;
  band.rest.forEach((rest, s) => {
    if (rest > 1e-6) e = Math.max(e, d.reduce((a, v, q) => a + v * band.rise[q]![s]!, 0) / rest);
  });
  if (!(e > bareRaiseSetting.knee)) return rel === 1 ? 1 : put(1);
  return put(1 - bare * (1 - easedStretch(e, bareRaiseSetting.knee, bareRaiseSetting.most) / e));
}
