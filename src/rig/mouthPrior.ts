// A prior of the rig fit on the mouth: a pucker pulls the lip corners together (the basis's full
// pucker narrows the mouth to 0.62 of its rest width), so a mouth pulled wider than at rest is not
// puckered. Without it the fit reads open, toothy smiles (lips forward over the teeth, the face
// mesh's depth noisy on a lowered head) as pucker 0.2-0.67 beside smile or stretch: Katie's wide
// smile, every pucker reading of lp_d14 (mouth 1.08-1.33 times its rest width).
/** The mouth corners (landmarks). */
const CORNERS = [61, 291] as const;
/**
 * The pucker must show as narrowing: from this width ratio to rest none is allowed, and each
 * PUCKER_NARROWING of narrowing below it allows a full pucker (the basis's own is 0.38; less, for
 * faces whose pucker narrows less than the generic one, and for the noise of the rest estimate).
 */
export const PUCKER_NONE_WIDTH = 1.04, PUCKER_NARROWING = 0.3;

/** Mouth-corner distance (x, y) of a canonical shape over the same distance of the neutral. */
export function mouthWidthRatio(canon: ArrayLike<number>, neutral: ArrayLike<number>): number {
  const w = (s: ArrayLike<number>) => Math.hypot(s[CORNERS[0] * 3]! - s[CORNERS[1] * 3]!, s[CORNERS[0] * 3 + 1]! - s[CORNERS[1] * 3 + 1]!);
  return w(canon) / (w(neutral) || 1);
}

/** The largest pucker weight a mouth this wide (ratio to rest) can hold: 0 from PUCKER_NONE_WIDTH, rising with the narrowing below it. */
export function puckerCap(widthRatio: number): number {
  return Math.min(1, Math.max(0, (PUCKER_NONE_WIDTH - widthRatio) / PUCKER_NARROWING));
}
