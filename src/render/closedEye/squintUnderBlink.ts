// A squint inside a partial closure (s53 lidhalf53). The rig's squint (rig/basis/eyes.ts writeSquints) narrows the
// eye by a fixed share of its REST opening (eyeSquint 1: the lower lid up .35, the upper down .08), added to the
// blink's travel (each upper-lid point onto its lower lid by the blink's share). On an open eye that is a squint;
// under a lowered lid it eats the slit the blink left: blink .5 + eye and cheek squints .4 drew .30 of rest, blink
// .7 + .4 drew .11 (lp_s12, st_happy, lp_s42 alike; a slit, "nearly shut"). And a driver's blink weight is read off his whole
// opening, upper to lower lid (motion/restFace.ts blinkFromOpening), so whatever his lower lid rose is in the blink
// already: lp_d14 f103 reads .55-.62 of rest (blink .49) with eyeSquint .41/.36 fitted on a lower lid that did not
// visibly rise, and lp_s12 drew .28/.30. One eye squinting a little more at equal closure (st_happy <- pose620 f93,
// eyeSquint .13/.02) then draws one slit much thinner than the other.
// So the squint is taken within what the blink leaves: the squint's excess over the photo's own is scaled by the
// share of the opening still open (1 - the blink's completion). An open eye (completion 0) is untouched
// (byte-identical), a shut one squints no further; cheekSquint (which moves the cheek
// too) is left as it is.
// OFF: on lp_s42 <- lp_d6 f108-109 (blink .53, squints .21-.26, looking down) the lowered lower lid let a grey
// vertical bar hang under the image-left eye, one column a few pixels tall (/work/look/s53/lidhalf53/p_s42_f109_zoom_this.png),
// main draws it too at eyeSquint .10-.15 there: paintedWhite.ts shadePaintedEyeBelow darkens one column of pale skin
// under the lower lid as a painted white (paintedEyeShadeSetting off removes it); and at the frames looked at the wider slit was hard to see at 3x (lp_s12 <- lp_d14 f103: mesh
// .28 -> .37 of rest, about 2 px). Kept for a later session, once that pass is mended.
import { CONTROL_INDEX } from '../../rig/controls.ts';
import { blinkCompletion } from '../eyes.ts';

/** on: eyeSquint scaled by the opening the blink leaves (squintInBlink). */
export const squintUnderBlinkSetting = { on: false };

const EYES = [
  { squint: CONTROL_INDEX.eyeSquintLeft, blink: CONTROL_INDEX.eyeBlinkLeft },
  { squint: CONTROL_INDEX.eyeSquintRight, blink: CONTROL_INDEX.eyeBlinkRight },
];

/** The eyeSquint weight drawn at blink completion c: the photo's own (pw) plus the excess by the opening left. */
export function squintInBlink(squint: number, pw: number, c: number): number {
  if (squint <= pw) return squint;
  return pw + (squint - pw) * (1 - Math.min(1, Math.max(0, c)));
}

/**
 * In the rig's weight vector wv (the blinks final: frame.blink folded in, on the photo's lid), each eye's
 * eyeSquint taken within its blink's opening; photoWeights: the photo's own weights. Untouched at completion 0.
 */
export function squintUnderBlink(wv: Float64Array | number[], photoWeights: ArrayLike<number>): void {
  if (!squintUnderBlinkSetting.on) return;
  for (const e of EYES) {
    const c = blinkCompletion(wv[e.blink]!, photoWeights[e.blink]!);
    if (c > 0) wv[e.squint] = squintInBlink(wv[e.squint]!, photoWeights[e.squint]!, c);
  }
}
