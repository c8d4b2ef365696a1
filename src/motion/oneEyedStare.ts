// A one-eyed stare (wink35, issue #14): one eye wide with white above its iris, the other plain. lp_d6 f75-79: her
// subject-left eye opens to 1.11-1.17 of rest (1.20-1.27 of its median) and shows .10-.19 iris diameters of white
// above the iris, the right one stays at .93 of rest with its lid on the iris (show -.07..+.05). The two-eyed rules
// let it through at eyeWide .17 on both eyes (twoEyedStare.ts: the stare past the cap needs white above *both* irises,
// stareShowGate.ts), which renders as a plain open eye on lp_s42 (critic34, f79). A stare read on one eye by the rig
// fit alone is the fit's noise (eyes30: lp_d6 f70 .35/.06 with both eyes opened alike); here the two eyes' measured
// openings must differ as well, and the wide eye must show its own white.
import type { RigControl } from '../rig/controls.ts';
import { wideWithinOpening } from './lidsDecide.ts';
import { linearStep } from '../math/smooth.ts';

/** The wider eye's opening (share of rest) this little over the other's is no one-eyed look (the mesh reads open eyes .05-.1 apart)... */
export const ONE_EYED_GAP_NONE = 0.1;
/** ...and from this far over it, a one-eyed stare whole (lp_d6 f75-79 .18-.24 apart). */
export const ONE_EYED_GAP_FULL = 0.18;

/**
 * The wide eye's own show (iris diameters of white above its iris) from which it counts at all (the lid at the iris's
 * top)... and at which fully: one eye's show is all the evidence here, so it must clear the mesh's noise (~.05) where
 * the two-eyed gate (stareShowGate.ts) starts at -.05. lp_d6 f75-79 show .10-.19 (one eye wide on the video); f195-197
 * read .18 apart at .01-.04, where the video shows both eyes alike with the lids at the irises' tops.
 */
export const ONE_EYED_SHOW_NONE = 0;
export const ONE_EYED_SHOW_FULL = 0.1;

/** linearStep, 0 for an unread (non-finite) x */
const ramp = (x: number, lo: number, hi: number) => (Number.isFinite(x) ? linearStep(lo, hi, x) : 0);

/**
 * 0..1: how far a frame is a one-eyed stare of the eye opened to `wide` (share of rest) beside the other at `other`,
 * the wide eye showing `show` of white above its iris (scleraShow.ts) and the other `otherShow`: the openings' gap,
 * the wide eye's show, and the other eye's lid on its iris (a stare of both eyes, one opened more, is the two-eyed
 * rules' business: lp_d6 f152-157 show .06-.10 / .08-.21), each ramped.
 */
export function oneEyedStareGate(wide: number, other: number, show: number, otherShow: number): number {
  const plainOther = 1 - ramp(otherShow, ONE_EYED_SHOW_NONE, ONE_EYED_SHOW_FULL);
  return ramp(wide - other, ONE_EYED_GAP_NONE, ONE_EYED_GAP_FULL) * ramp(show, ONE_EYED_SHOW_NONE, ONE_EYED_SHOW_FULL) * (Number.isFinite(otherShow) ? plainOther : 0);
}

/**
 * The eyeWide a one-eyed stare's wide eye may reach: the fit's uncapped reading or what its opening over rest
 * shows (eyes30's cap), whichever is larger (the fit under-reads a one-eyed stare: lp_d6 f76 .13 at 1.17 of rest),
 * but never past what its opening over its median shows (stareOverMedian's limit).
 */
export function oneEyedStareLevel(uncapped: number, share: number, overMedian: number): number {
  return Math.min(wideWithinOpening(overMedian), Math.max(uncapped, wideWithinOpening(share)));
}

/**
 * In place over the frames `have`, after the two-eyed rules: on each frame the more open eye (by its share of rest)
 * rises toward oneEyedStareLevel by oneEyedStareGate, its squint lowered by what it gained (a wide eye is not
 * squinting). The other eye is left as it is. `shares` over rest, `overMedian` over each eye's median, `shows` per eye.
 */
export function oneEyedStares(out: Map<RigControl, Float64Array>, uncapped: [Float64Array, Float64Array], shares: [Float64Array, Float64Array], overMedian: [Float64Array, Float64Array], shows: [Float64Array, Float64Array], have: number[]): void {
  const wide = [out.get('eyeWideLeft'), out.get('eyeWideRight')], squint = [out.get('eyeSquintLeft'), out.get('eyeSquintRight')];
  for (const i of have) {
    const e = shares[0][i]! >= shares[1][i]! ? 0 : 1, o = 1 - e;
    const w = wide[e], s = squint[e];
    if (!w || !s) continue;
    const gate = oneEyedStareGate(shares[e]![i]!, shares[o]![i]!, shows[e]![i]!, shows[o]![i]!);
    const level = oneEyedStareLevel(uncapped[e]![i]!, shares[e]![i]!, overMedian[e]![i]!);
    if (gate <= 0 || level <= w[i]!) continue;
    const next = w[i]! + gate * (level - w[i]!);
    s[i] = Math.max(0, s[i]! - (next - w[i]!));
    w[i] = next;
  }
}
