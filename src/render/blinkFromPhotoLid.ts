// A motion's blink weight counts from the photo's own lid: 0 is the lid as the photo shows it, 1 shut.
// Motions carry rest-relative blinks (a driver's opening over its own rest, motion/restFace.ts; the
// audio path none, so 0), while the rig's blink weight is absolute: the photo's fit reads its lids at
// some weight of its own (lp_s12 .03 / .13 with both eyes equally open, st_art_1 .20 / .13). Used
// as-is, a frame's weight w moved each lid by w - own: at w 0 the lids rose above the photo's (st_art_1
// read 1.10 / 1.16 of its rest), and at the same w the eye with the larger own weight had come less
// far to shut (lp_s12 f132, both lids half down on the driver: one eye shut, the other a slit; lids31).
// Mapped here, equal weights take each eye the same share of the way from its own lid to shut.
import { CONTROL_INDEX } from '../rig/controls.ts';

/** The rig's absolute blink weight for a rest-relative motion weight (0: the photo's lid, 1: shut). */
export function blinkOnPhotoLid(weight: number, photoWeight: number): number {
  const w = Math.min(1, Math.max(0, weight));
  return photoWeight + w * (1 - photoWeight);
}

/** Whether rig control k is a blink (the neutral frame gives blinks 0: the photo's own lid). */
export function isBlink(k: number): boolean {
  return k === CONTROL_INDEX.eyeBlinkLeft || k === CONTROL_INDEX.eyeBlinkRight;
}
