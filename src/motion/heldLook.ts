// A driver's held look (issue #14, cry59): an expression the driver holds from the clip's first frame to its last.
//
// Every driver reading is relative to the driver's own rest: the rig fit runs against a neutral estimated over the
// clip (rig/fit.ts estimateNeutral), each control counts from its 10th percentile (retarget.ts), the eyes' openings
// from their 80th (restFace.ts eyeRestOf), the mouth corners from the first 0.2 s. So a face that cries through the
// whole clip (eamm_M030_sad_3_001: eyes squeezed to slits, corners pulled down, every frame) IS its own rest: the fit
// read eyeSquint and mouthFrown 0 at its 10th percentile, and the photo looked wide-eyed and surprised (critic58, 4/10).
//
// The fit against the generic mean face instead (bench/heldLook.ts --abs) is no help: it reads the person (andrew1's
// and christie's neutral mouths frown .8-1.0, Katie's brows .5 down). Two absolute readings do part one face from
// another, over the 25 drivers of the critic's ruler (bench/heldLook.ts):
// - the eyes' rest opening over the eye-corner distance (IOD): eamm .063, every other driver .084-.158 (median .107;
//   hooded christie .100, glasses looking down .093, smiling-eyed stewart .095 and beckham .084);
// - the start's mouth corners over the lips' middle (startCorners.ts): eamm -.057, the others -.044 (amy) to +.069.
// Past a floor the 25 drivers' own neutral faces stay above, the rest's narrowing under the drivers' median is a held
// squint (in units of what a full eyeSquint narrows the rig's eye) and the corners' drop a held frown (in units of a full
// mouthFrown's drop), taken at least on every frame. The brows' held knit is not here: the face mesh's brow shape
// does not tell eamm's knit from a neutral brow (inner heads' gap over the mean face's +.004, others -.038..+.025).
import type { RigControl } from '../rig/controls.ts';
import { clamp01 } from '../math/smooth.ts';
import { eyeRestOf, percentile } from './restFace.ts';
import { START_FRAMES } from './startCorners.ts';

/** The 25 drivers' median rest eye opening (IOD; the rig's mean face opens .115). */
export const EYE_OPEN_NORM = 0.107;
/** A rest opening under this (IOD) is no neutral eye of the 25 drivers' (all but eamm, .063, and beckham, .084, rest wider): the held squint fades in over... */
export const HELD_EYE_OPEN = 0.085;
/** ...this much narrower (IOD), so a driver a hair under the floor holds a hair of squint, not a step. */
export const HELD_EYE_SURE = 0.01;
/** The share of the opening a full eyeSquint takes off the rig's eye (1 - .592 on the mean face; test/heldLook.test.ts reads it off the rig). */
export const SQUINT_NARROWING = 0.408;
/** The 25 drivers' median start corner lift (IOD): a neutral mouth's corners sit a hair under its middle. */
export const CORNERS_NORM = -0.011;
/** A start whose corners sit under this (IOD; amy -.044, the lowest other start) holds a frown, fading in over... */
export const HELD_CORNERS_LEVEL = -0.045;
/** ...this much lower (IOD). */
export const HELD_CORNERS_SURE = 0.015;
/** How far a full mouthFrown (both sides) drops the rig's corners under the lips' middle (IOD, on the mean face; test/heldLook.test.ts reads it off the rig). */
export const FROWN_DROP = 0.049;

/** How sure a rest reading `x` under `floor` is a held expression: 0 at the floor, 1 `width` under it. */
const heldShare = (x: number, floor: number, width: number) => clamp01((floor - x) / width);

/** The squint an eye resting open to `restOpen` (IOD) holds over the whole clip: its narrowing under the drivers' median in full squints, once past every neutral driver's; 0 for any open eye. */
export function heldSquint(restOpen: number): number {
  return heldShare(restOpen, HELD_EYE_OPEN, HELD_EYE_SURE) * clamp01((1 - restOpen / EYE_OPEN_NORM) / SQUINT_NARROWING);
}

/** The frown a start whose lower corners sit `startLift` (IOD, face-up positive) over the lips' middle holds: its drop under the drivers' median in full frowns, once past every neutral start; 0 for a level mouth. */
export function heldFrown(startLift: number): number {
  return heldShare(startLift, HELD_CORNERS_LEVEL, HELD_CORNERS_SURE) * clamp01((CORNERS_NORM - startLift) / FROWN_DROP);
}

/** What the driver holds: per side (subject's left, right) a squint and a frown weight. */
export interface HeldLook {
  squint: [number, number];
  frown: [number, number];
}

/** Whether the look holds anything (a neutral driver's motion is left exactly as it was). */
export const holdsLook = (h: HeldLook) => h.squint.some((x) => x > 0) || h.frown.some((x) => x > 0);

/**
 * In place, every frame with landmarks: each side's eyeSquint and cheekSquint at least its held squint, and mouthFrown
 * at least its held frown less what that side smiles (a held frown does not fight a smile the driver breaks into).
 * Added under the frame's own reading, which counts from the rest: held + (1 - held) x reading, never past 1.
 */
export function applyHeldLook(out: Map<RigControl, Float64Array>, have: readonly number[], held: HeldLook): void {
  const sides = [['eyeSquintLeft', 'cheekSquintLeft', 'mouthFrownLeft', 'mouthSmileLeft'], ['eyeSquintRight', 'cheekSquintRight', 'mouthFrownRight', 'mouthSmileRight']] as const;
  sides.forEach(([eye, cheek, frown, smile], side) => {
    const s = held.squint[side]!, f = held.frown[side]!;
    const sm = out.get(smile);
    const smileStart = sm ? percentile(have.slice(0, START_FRAMES).map((i) => sm[i]!), 50) : 0;
    const lift = (ch: Float64Array | undefined, h: number) => {
      if (!ch || !(h > 0)) return;
      for (const i of have) ch[i] = Math.min(1, h + (1 - h) * ch[i]!);
    };
    lift(out.get(eye), s);
    lift(out.get(cheek), s);
    const fr = out.get(frown);
    if (!fr || !(f > 0)) return;
    for (const i of have) {
      const h = f * (1 - clamp01((sm?.[i] ?? 0) - smileStart));
      fr[i] = Math.min(1, h + (1 - h) * fr[i]!);
    }
  });
}


/**
 * The driver's held look from its readings: `eyes` each side's measured opening per frame (IOD, FaceMeasures eyeLeft /
 * eyeRight), `cornerLifts` each side's lower corner over the lips' middle (IOD) on the first usable frames. The squint is
 * two-eyed (the eyes' mean rest: no wink is held for a whole clip); the frown needs both corners down (the higher one).
 */
export function heldLookOf(eyes: [ArrayLike<number>, ArrayLike<number>], have: readonly number[], cornerLifts: [number[], number[]]): HeldLook {
  const rests = eyes.map((e) => eyeRestOf(have.map((i) => e[i]!)));
  const squint = have.length ? heldSquint((rests[0]! + rests[1]!) / 2) : 0;
  const starts = cornerLifts.map((l) => percentile(l.slice(0, START_FRAMES), 50));
  const frown = cornerLifts[0].length && cornerLifts[1].length ? heldFrown(Math.max(starts[0]!, starts[1]!)) : 0;
  return { squint: [squint, squint], frown: [frown, frown] };
}
