// A short lower face opens less for the same jaw (s58 bigmouth58, #13 "oversized cartoon openings"). A motion's jawOpen
// is a lip gap in inter-ocular distances (opening.ts) and lands as that gap on every face. The eyes are the wrong
// yardstick for a jaw on a face whose lower face is short for its eye distance: a stylised portrait's large, wide-set
// eyes (st_full_body_1: nose base to chin .646 of the outer-eye-corner distance in the canonical neutral, the mean
// face .721), a child's (lp_s11 .645), lp_s5 / lp_s7 (.618 / .576). A jaw opening is a rotation, so its lip gap scales
// with the jaw's length, not with the eyes: at the driver's gap in IOD, st_full_body_1 <- feifei1 read back .88 of
// the driver's gap in IOD but 1.20x it over the lower face (bench/openSize.ts), a shout on a small chin.
// The gap a motion asks for is scaled by the photo's lower face (nose base 2 to chin 152 over the eye corners 33-263,
// in the canonical neutral, pose-free) over the mean face's, at most 1 (a long face keeps the driver's gap: the gap
// calibration, opening.ts TRACKED_PEAK_GAIN, is the speakers' median), at least `floor`. It is not added to
// narrowJaw.ts's mouth-width gain: a small face is often narrow-mouthed too, and the two are one shrink (the smaller).

/**
 * The mean face's lower face (rig/mean-face.json, nose base 2 to chin 152, outer-eye-corner distance 1), as a number:
 * the renderer also runs in the live page's worker, which reads no files (test/shortFace.test.ts checks it).
 */
export const MEAN_FACE_LOWER = 0.72053;

/**
 * On: a lower face shorter than the mean face's opens proportionally less. floor: the least gain, .85: within the spread
 * of real talkers' own lower faces (.708-.819 on six drivers: the shortest .86 of the longest); below it narrowJaw.ts's
 * mouth-width gain is the one that shrinks (lp_s7 .576 -> .80 took test/tongueStands.test.ts's f57 tongue run to its bound
 * .47, as narrowjaw49's refShare .9 had).
 */
export const shortFaceSetting = { on: true, floor: 0.85 };

/** The lower face (2-152) over the outer-eye-corner distance (33-263) of a flat 478*3 face; 0 without one. */
export function lowerFaceShareOf(p: ArrayLike<number> | undefined): number {
  if (!p || p.length < 478 * 3) return 0;
  const d = (a: number, b: number) => Math.hypot(p[a * 3]! - p[b * 3]!, p[a * 3 + 1]! - p[b * 3 + 1]!);
  const eyes = d(33, 263);
  return eyes > 0 ? d(2, 152) / eyes : 0;
}

/** The lip-gap gain of a face whose lower-face share is `share`: share over the mean face's in [floor, 1]; 1 without a share or with the setting off. */
export function shortFaceGain(share: number, setting = shortFaceSetting): number {
  if (!setting.on || !(share > 0)) return 1;
  return Math.min(1, Math.max(setting.floor, share / MEAN_FACE_LOWER));
}

/** The lip-gap gain of an avatar whose canonical neutral is `neutral`. */
export function shortFaceGainOf(neutral: ArrayLike<number> | undefined, setting = shortFaceSetting): number {
  return shortFaceGain(lowerFaceShareOf(neutral), setting);
}
