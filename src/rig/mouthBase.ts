// The mouth of a video motion is the photo's own mouth plus what the driver's mouth did: a motion
// frame marks this with the MOUTH_ON_PHOTO entry; its RELATIVE_MOUTH weights are then signed
// changes from the driver's rest (motion/retarget.ts, mouthChange.ts), and the renderer adds them to
// the photo's own fitted weights (rebaseMouth) instead of taking them as the whole expression.
//
// Why: the rig reads each face against its own neutral, so a driver's reading and the photo's fit
// disagree even when the faces are the same. Taken as the whole expression, the driver at rest
// replaced the photo's mouth with the rig's rest (the photo's own smile fitted .24 went to 0), and
// self-reenactment's mouth box lost to the photo repeated (Obama 2 19.75 dB -> 20.12 with this,
// photo repeated 18.22). But the rest-relative change counts the photo's expression twice when the
// photo shows more than the driver's rest (mt_sun 20.38 -> 16.99), so the video path marks frames
// only with DriverFitOptions.mouthOnPhoto (off by default; docs/mouth/README.md round 9).
// The audio path marks every frame: its lip model's shape curves are, like its teacher's readings
// (motion/restFace.ts), changes from a speaker's rest, so they go on the photo's own mouth.
import { CONTROL_INDEX, type RigControl } from './controls.ts';
import { cornersUp, flatStartBias, lopsidedExcess, mouthDeparture, SMILE_LIFT_SCALE, START_CORNER_LIFT, type SideSmile } from './startLook.ts';

/** A motion frame `w` entry (not a rig control): 1 = RELATIVE_MOUTH weights are signed changes to add to the photo's own. */
export const MOUTH_ON_PHOTO = 'mouthOnPhoto';

/**
 * The mouth's shape controls taken as changes on the photo's own. Not jawOpen and mouthLowerDown (the
 * opening: counted from the driver's lips at rest, REST_LIP_GAP, render/mouth/opening.ts), not
 * the cheeks, nose, eyes or brows (issue #14's side of the retarget).
 */
export const RELATIVE_MOUTH: RigControl[] = [
  'mouthFunnel', 'mouthPucker', 'mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight',
  'mouthUpperUp', 'mouthPress', 'mouthFrownLeft', 'mouthFrownRight', 'mouthShrugUpper', 'mouthShrugLower',
  'mouthRollUpper', 'mouthRollLower', 'mouthDimpleLeft', 'mouthDimpleRight',
];

/**
 * A change may take the photo's own expression back below its fitted weight by at most this much
 * (the rig's fields extended past their rest: a photo fitted at press 0 whose driver relaxes its
 * pressed rest gets slightly fuller lips, never an inverted face).
 */
export const BELOW_PHOTO = 0.3;

const RELATIVE_INDEX = RELATIVE_MOUTH.map((c) => CONTROL_INDEX[c]);

/**
 * In place: the RELATIVE_MOUTH entries of `wv` become the photo's own plus the frame's change, when
 * the frame is marked; a control the frame does not carry keeps the photo's own (the audio path
 * predicts no smile: taken as 0, a smiling photo lost its smile in every frame, and mt_sun's wide
 * toothy smile talked as a narrow pout).
 */
export function rebaseMouth(wv: Float64Array, photoWeights: ArrayLike<number>, w: Record<string, number>): void {
  if (w[MOUTH_ON_PHOTO] !== 1) return;
  for (let i = 0; i < RELATIVE_MOUTH.length; i++) {
    const change = w[RELATIVE_MOUTH[i]!];
    const k = RELATIVE_INDEX[i]!, own = photoWeights[k]!;
    if (typeof change !== 'number' || !Number.isFinite(change)) { wv[k] = own; continue; }
    wv[k] = Math.min(1, Math.max(own - BELOW_PHOTO, own + change));
  }
}

/**
 * Lips apart by at most this much (IOD) count as shut: the face mesh reads shut lips .00-.03 apart, so
 * within it two shut mouths differ by the reading, not by an expression (motion/shutRest.ts reads a driver's rest there).
 */
export const SHUT_LIP_GAP = 0.03;
/** A video motion's jawOpen of SHUT_LIP_GAP (its jawOpen is the lip gap over 0.6 IOD, render/mouth/opening.ts JAW_GAP_SPAN). */
const SHUT_JAW = SHUT_LIP_GAP / 0.6;
const LIP_OPENERS = [CONTROL_INDEX.mouthLowerDown, CONTROL_INDEX.mouthUpperUp];

/** A video motion (not marked MOUTH_ON_PHOTO: the audio path marks every frame) whose frame `w` is at the driver's rest. */
const videoShare = (w: Record<string, number>) => (w[MOUTH_ON_PHOTO] === 1 ? 0 : Math.max(0, 1 - Math.max(0, w.jawOpen ?? 0) / SHUT_JAW));

/**
 * In place: at a video frame whose lips are shut (jawOpen under SHUT_JAW, fading to none there), each lip's own opening
 * (mouthLowerDown, mouthUpperUp) no less than the photo's fitted one. The rig fit reads a full shut lower lip as a
 * dropped one (lp_d6's photo, shut: mouthLowerDown .41), while a driver's reading counts from its own rest (0 when
 * shut), so every shut frame raised the photo's lower lip over its own (lp_d6 frame 1: +1.5 dB with the photo's).
 */
export function keepShutPhotoLips(wv: Float64Array, photoWeights: ArrayLike<number>, w: Record<string, number>, otherGap?: () => number): void {
  const share = videoShare(w);
  if (share <= 0) return;
  const was = LIP_OPENERS.map((k) => wv[k]!);
  const g0 = otherGap?.() ?? 0;
  for (const k of LIP_OPENERS) wv[k] = Math.max(wv[k]!, share * photoWeights[k]!);
  // no further than the lips stay shut: the motion's lower lip under the photo's sealed a rounded frame's opening
  // (`otherGap`: the lip gap the controls other than the jaw open, render/mouth/opening.ts otherLipGap, past what the
  // photo's own lips show), and with
  // the photo's own drop a funnel's or pucker's opening showed as a dark slit (lp_d6 f15-16, funnel .17)
  if (!otherGap) return;
  const g1 = otherGap();
  if (g1 <= Math.max(0, g0)) return;
  const t = g0 >= 0 ? 0 : -g0 / (g1 - g0);
  LIP_OPENERS.forEach((k, q) => (wv[k] = was[q]! + t * (wv[k]! - was[q]!)));
}

const SMILES = [CONTROL_INDEX.mouthSmileLeft, CONTROL_INDEX.mouthSmileRight];
/** Motion frame `w` entries (not rig controls): each side's smile on the driver's first usable frame (motion/framesFromRaw.ts). */
export const SMILE_AT_START = ['smileAtStartLeft', 'smileAtStartRight'] as const;
/** A motion frame `w` entry: the share of a smile the driver's opening can hold (rig/mouthPrior.ts tallGrinCap); absent = 1. */
export const SMILE_ROOM = 'smileRoom';
/**
 * A motion frame `w` entry (not a rig control): the share of the driver's opening that is teeth (motion/mouthDark.ts
 * teethShare, smoothed as mouthDark; unclamped, unlike mouthDark's 0.12 saturation). The renderer's library rows show
 * no more teeth than it (render/mouth/driverTeeth.ts); absent (audio, a track without it): no limit.
 */
export const DRIVER_TEETH = 'driverTeeth';
/**
 * A motion frame `w` entry (not a rig control): the share of the driver's opening's middle that is dark cavity
 * (motion/driverCavity.ts, smoothed as mouthDark). The renderer's tongue sinks as far as it says the driver's mouth is
 * dark (render/mouth/tongueGate.ts); absent (audio, a track without it): mouthDark alone.
 */
export const DRIVER_CAVITY = 'driverCavity';
/**
 * A motion frame `w` entry (not a rig control): the light under the driver's upper row of teeth over its lips' (motion/underTeeth.ts,
 * smoothed as mouthDark): a dim lower row (clenched, ~1) or a dark band (~.5-.7). The renderer cuts its upper row short
 * (render/mouth/driverTeeth.ts) only over a dark one; absent (audio, a track without it): as before.
 */
export const DRIVER_UNDER = 'driverUnder';
/**
 * A motion frame `w` entry (not a rig control): how high the driver's tongue stands, the lit run up from its lower lip down the
 * opening's middle columns as a share of the opening's height (motion/driverCavity.ts `tongue`, smoothed as mouthDark). The
 * renderer's arched tongue stands as high (render/mouth/driverTongue.ts); absent (audio, a track without it): a fixed cap.
 */
export const DRIVER_TONGUE = 'driverTongue';
/**
 * A motion frame `w` entry (not a rig control): the light of the dark part of the driver's opening over its lips' (motion/driverCavity.ts
 * `cavityLight`, smoothed as mouthDark): the back of the mouth a dim purple-red (~.36-.43) or black (~.15). The renderer's
 * throat over the tongue is no darker (render/mouth/driverTongue.ts); absent (audio, a track without it): as before.
 */
export const DRIVER_BACK = 'driverBack';
/**
 * A motion frame `w` entry (not a rig control): the light of the driver's tongue (its lit run up from the lower lip) over its
 * lips' (motion/driverCavity.ts `tongueLight`, smoothed as mouthDark): a pale lit tongue 1.1-1.3, a pink one in shade ~.8.
 * The renderer's tongue front is lit as light (render/mouth/tongueFrontLight.ts); absent (audio, a track without it): as before.
 */
export const DRIVER_TONGUE_LIGHT = 'driverTongueLight';
/**
 * A motion frame `w` entry (not a rig control): how far down its opening's middle the driver's upper row of teeth hangs,
 * over the opening's height (motion/teethDepth.ts, smoothed as mouthDark). The renderer's row hangs no deeper than that
 * allows (render/mouth/rowDepth.ts); absent (audio, a track without it): the teeth share's guess alone.
 */
export const DRIVER_TEETH_DEPTH = 'driverTeethDepth';
/**
 * A motion frame `w` entry (not a rig control): how far (IOD) the driver's lower row of teeth stands over its lower lip (motion/lowerTeeth.ts,
 * the run of teeth up from the lower lip down the opening's middle columns times the lip gap, smoothed as mouthDark). The renderer's library
 * lower row shows as far (render/mouth/driverLowerRow.ts); absent (audio, a track without it): its jaw-and-smile rule.
 */
export const DRIVER_LOWER_SHOW = 'driverLowerShow';
/** how far the driver's tongue is out over her lower teeth, 0..1, held over short dips (render/mouth/tongueOut.ts heldOut) */
export const DRIVER_TONGUE_OUT = 'driverTongueOut';
/** the upper row depth carried over the driver's own as her row drops under a tongue out (motion/outRowFade.ts); absent: none */
export const DRIVER_OUT_ROW_TAIL = 'driverOutRowTail';
/**
 * A motion frame `w` entry (not a rig control): the driver's upper row's light over its cheeks', one value for the whole clip (the
 * median of motion/teethTone.ts's frame reads: teeth do not change colour). The renderer's library rows stand as light over our
 * photo's cheeks (render/mouth/rowTone.ts); absent (audio, a track without it, a driver read on too few frames): the photo's light alone.
 */
export const DRIVER_TEETH_TONE = 'driverTeethTone';
/**
 * A frame `w` entry (not a rig control): 1 on a still expression (`view --expr`), which no driver's mouth or speech
 * moves: an open mouth there is drawn at rest, its tongue low behind the lower teeth and in shade
 * (render/mouth/tongueGate.ts); absent (video, audio): 0.
 */
export const STILL_MOUTH = 'stillMouth';
const PUCKER = CONTROL_INDEX.mouthPucker, FUNNEL = CONTROL_INDEX.mouthFunnel;
/** The lips' rounding (pucker + half the funnel) at which a photo's own smile is given up entirely: an "O" is narrow. */
const SMILE_ROUND_LIMIT = 0.35;

/**
 * How far (smile weight) the driver's smile moves from its first frame's before its own smile counts whole again: until
 * then a start that reads more smile than the photo's fit (lp_d6: .25 where the photo's own reads 0) is the two readings
 * disagreeing about the same face, not a smile to add.
 */
export const SMILE_DEPARTURE = 0.3;

/**
 * The driver's own smile (`side.now`) as a floor under the photo's relative one: its excess at its first frame over the
 * photo's own taken away, fully at its start and fading out as the mouth departs from its start look (either corner,
 * mouthDeparture) by SMILE_DEPARTURE. When the start's corners are up (`smiling`, startLook.ts), only its one-sided lead
 * over the `other` side's start counts: the two-sided part is the driver's smile and stays (Katie's .41/.26 keeps .26 a
 * side; lp_d14's .92/.92 grin on the unsmiling lp_s12 keeps all of it, start27 kept .62). At most SMILE_DEPARTURE is taken, and the floor never falls as the driver's smile
 * rises toward its start.
 */
export function driverSmileFloor(side: SideSmile, other: SideSmile, photo: number, smiling: boolean, flatStart = false): number {
  const excess = Math.min(SMILE_DEPARTURE, lopsidedExcess(side.start, other.start, photo, smiling));
  // a flat start's reading is the fit's bias on that face, in every later reading too (flatStartBias, startLook.ts)
  const departed = flatStart ? 0 : Math.min(1, mouthDeparture(side, other) / SMILE_DEPARTURE);
  return Math.max(0, side.now - excess * (1 - departed));
}

/** A smile's rise over its start scaled by `scale` (smileLift.ts); at or below the start, as it is. */
export function scaledRise(now: number, start: number, scale: number): number {
  return now > start ? start + scale * (now - start) : now;
}

/**
 * In place: on a video frame, each smile at least the photo's own moved by what the driver's smile did since its first
 * frame, less as the lips round. A driver's smile counts from its own rest (0 at rest), so a smiling photo driven by a
 * face at rest lost its smile: self-reenacted mt_sun, who smiles throughout, talked with a de-smiled mouth (frame 1,
 * where the real frame is the photo: mouth box 18.3 dB, 36.6 with the photo's own weights; its smiles alone +3.1 / +2.3
 * dB). The driver's first frame stands for the photo (as a peer's relative motion: source + driver - driver's first):
 * a grin it starts on and relaxes from is the driver's to take away (lp_d14 starts at .91: keeping the photo's smile
 * whole cost its self-reenactment 0.7 dB). The driver's own smile is a floor once it departs from its start
 * (driverSmileFloor), so a driver smiling from its first frame still smiles (round 9's mouthFromStart lost those), while
 * a start read as smiling over a photo that does not, where it does not look like a smile or only on one side
 * (startLook.ts), is the photo's mouth (lp_d6's first frames: smile .25 on a photo
 * fitted 0, -4.5 dB at f1). A tall opening holds only its share (SMILE_ROOM).
 */
export function keepPhotoSmile(wv: Float64Array, photoWeights: ArrayLike<number>, w: Record<string, number>): void {
  // only a driver's frames (they carry its first-frame smiles): the neutral frame, `view --expr` and audio frames are
  // the whole expression or already on the photo's mouth
  if (w[MOUTH_ON_PHOTO] === 1 || w[SMILE_AT_START[0]] === undefined) return;
  const keep = Math.max(0, 1 - (wv[PUCKER]! + 0.5 * wv[FUNNEL]!) / SMILE_ROUND_LIMIT) * (w[SMILE_ROOM] ?? 1);
  const smiling = cornersUp(w[START_CORNER_LIFT]);
  const flat = flatStartBias(w[START_CORNER_LIFT]);
  // a flat start's rise only as far as its clip's corners show a smile (motion/smileLift.ts)
  const liftScale = flat ? w[SMILE_LIFT_SCALE] : undefined;
  if (liftScale !== undefined) SMILES.forEach((k, side) => (wv[k] = scaledRise(wv[k]!, w[SMILE_AT_START[side]!]!, liftScale)));
  const sides: SideSmile[] = SMILES.map((k, side) => ({ now: wv[k]!, start: w[SMILE_AT_START[side]!]! }));
  SMILES.forEach((k, side) => {
    const { now, start } = sides[side]!, own = photoWeights[k]!;
    const fromStart = own + now - start;
    wv[k] = Math.max(driverSmileFloor(sides[side]!, sides[1 - side]!, own, smiling, flat), keep * Math.min(1, fromStart));
  });
}
