// Expression retargeting from a driver's landmarks through the rig: each frame is fitted (robust
// IRLS: glasses, hair, a hand) against the driver's own neutral face estimated over the clip, then
// each control is taken relative to the driver's REST for it (a low percentile over the clip: a
// driver who frowns a little all along does not make the photo frown) and scaled by a gain
// calibrated on the driver's own range (its high percentile maps to a strong expression), so a
// big driver expression gives a big one on the photo whatever the driver's face.
import { fitRig, estimateNeutral, type Landmarks } from '../rig/fit.ts';
import { RIG_CONTROLS, weightsToVector, type RigControl } from '../rig/controls.ts';
import { removePoseBias } from '../rig/poseBias.ts';
import { toCanonical } from '../rig/canonical.ts';
import { browHeights } from './browDrop.ts';
import { browCaps, browRestOf, raisesFromRise, smileFrowns } from './browRetarget.ts';
import { mouthChange, isRelativeMouth } from './mouthChange.ts';
import { distrustTurnedOneSided } from './turnTrust.ts';
import { lidsDecideAll } from './lidsDecide.ts';
import { lidHeights, lowerLidRises, smileSquint, RENDERED_RISE_AT_FULL, type Lids } from './lowerLid.ts';
import { eyeRestOf, percentile } from './restFace.ts';
import { faceMeasures } from './measures.ts';
import { mouthWidthRatio } from '../rig/mouthPrior.ts';

/** Controls read from the rig fit (jawOpen and the blinks stay with the measures, which are sharper). */
export const RETARGETED: RigControl[] = [
  'mouthFunnel', 'mouthPucker', 'mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight',
  'mouthUpperUp', 'mouthPress', 'cheekPuff', 'eyeWideLeft', 'eyeWideRight',
  'browInnerUp', 'browDownLeft', 'browDownRight', 'browOuterUpLeft', 'browOuterUpRight',
  'eyeSquintLeft', 'eyeSquintRight', 'cheekSquintLeft', 'cheekSquintRight', 'noseSneerLeft', 'noseSneerRight',
  'mouthFrownLeft', 'mouthFrownRight', 'mouthShrugUpper', 'mouthShrugLower', 'mouthRollUpper', 'mouthRollLower',
  'mouthDimpleLeft', 'mouthDimpleRight',
];

/** Rest = this percentile of a control over the clip; the driver's range top = the high one. */
const REST_PERCENTILE = 10, HIGH_PERCENTILE = 98;
/** The driver's range top maps to this weight (a strong but not maxed expression). */
const TARGET_PEAK = 0.85;
/** Below this range a control is noise for this driver: no gain above 1. */
const MIN_RANGE = 0.15;
/** Rendered expressions read back about half as strong (a 0.6 smile re-detects as 0.3), but noise must not be blown up. */
const MAX_GAIN = 2;


/**
 * Brow raises read back the same way: a rendered browInnerUp 1 reads 0.32-0.49 and browOuterUp 1
 * 0.27-0.45 by the rig fit (bench/wideZoom.ts, 4 portraits), so a driver's raise reading 0.7 arrived
 * as 0.3: raised brows did not transfer (lp_d10). Taken at 1/0.42 at least, and (browRetarget.ts browCaps) no higher
 * than the driver's brows really rose over its eye corners, so a fit's crosstalk is not blown up.
 */
const BROW_RAISE_READ_BACK: Partial<Record<RigControl, number>> = { browInnerUp: 1 / 0.42, browOuterUpLeft: 1 / 0.42, browOuterUpRight: 1 / 0.42 };

/**
 * The brows' frown read back off a render: the rig fit (the same fit that reads the driver) reads a
 * rendered full frown as only 0.29-0.40 (bench/browProbe.ts, 4 portraits), and drivers' strong frowns
 * moved their brows 0.08-0.13 iod over the lids in the head frame where ours moved 0.03-0.04
 * (bench/browGain.ts). A frown is taken at this gain at least, so a driver's frown reading arrives as
 * the same reading on the result.
 */
const READ_BACK_GAIN: Partial<Record<RigControl, number>> = { browDownLeft: 1 / 0.35, browDownRight: 1 / 0.35 };

/** The least gain control c is taken at, so the result reads back what the driver read (0: none). */
function readBackGain(c: RigControl, o: Required<DriverFitOptions>): number {
  return READ_BACK_GAIN[c] ?? (o.raiseWithinRise ? BROW_RAISE_READ_BACK[c] ?? 0 : 0);
}

/** Gain for a control whose driver range is rest..high: maps high to TARGET_PEAK (1 when the range is noise). */
export function calibratedGain(rest: number, high: number): number {
  const range = high - rest;
  if (range < MIN_RANGE) return 1;
  return Math.min(MAX_GAIN, Math.max(1, TARGET_PEAK / range));
}

/** How the driver's frames are fitted and retargeted; each option defaults to on (off only for before/after runs) except the two mouth rebases, which are experiments. */
export interface DriverFitOptions {
  /** The face oval counts less in the pose solve as the head turns or tilts (rig/fit.ts). */
  silhouetteFade?: boolean;
  /** Remove what a neutral face reads at the frame's head pose (rig/poseBias.ts): the face mesh reads a pitched/tilted head as one-sided expression. */
  poseCorrection?: boolean;
  /** The fit's mouth prior: a mouth wider than at rest is not puckered (rig/mouthPrior.ts). */
  puckerPrior?: boolean;
  /**
   * The lower lip's own drop read by the fit (mouthLowerDown); the video path keeps the larger of it and
   * the measure's (fromVideo.ts). The opening stays the measured lip gap (the renderer gives the jaw only
   * what the lips do not open, render/mouth/opening.ts), so this moves a smile's opening from the jaw to
   * the lip: Katie's toothy smiles part the lips with the jaw nearly still (the fit's jawOpen 0.00-0.03,
   * lowerDown 0.8-0.9 at 1.1 s and 6.7 s), and a jaw carrying the whole gap drew a tall oval, a talking mouth.
   */
  lowerLipFit?: boolean;
  /** A frown no deeper than the driver's brows came down over its eye corners (head frame, against its median; browDrop.ts). */
  frownWithinDrop?: boolean;
  /**
   * The mouth's shape as signed changes from the driver's rest, added to the photo's own mouth
   * (rig/mouthBase.ts). Off by default: it counts a photo's expression twice when the photo shows
   * more than the driver's rest (self-reenactment mt_sun, who smiles throughout: mouth PSNR 20.38 ->
   * 16.99), though it helps where the photo's fit reads less than the driver (Obama 2 19.75 -> 20.12).
   */
  mouthOnPhoto?: boolean;
  /**
   * With mouthOnPhoto: the changes count from the driver's first frame instead of its rest. Right
   * when the photo shows the driver's first frame (self-reenactment mouth PSNR, from 20.38 / 22.86 /
   * 19.75 without mouthOnPhoto: mt_sun 20.61, lp_d0 24.52, Obama 2 20.41), wrong for another face: a
   * driver smiling from its first frame gave no smile (cross AED lp_d14 0.165 against 0.10, Katie
   * 0.166, worse than the photo repeated; docs/mouth/README.md round 9).
   */
  mouthFromStart?: boolean;
  /** Brow raises at their read-back gain, no higher than the driver's brows rose over its eye corners (browDrop.ts). */
  raiseWithinRise?: boolean;
  /** A wide eye is not squinting: eyeSquint less the side's eyeWide (wideOverSquint). */
  wideOverSquint?: boolean;
  /**
   * The head's yaw from the rig fit's pose solve (a 3D face fitted to the landmarks' x, y) rather
   * than from the face mesh's own depth (measures.ts headAngles), which is flat: on real drivers it
   * read 0.51-0.77 of the fit's yaw (Katie 0.61, Obama 0.77, Fei-Fei 0.62, lp_d0 0.51), and on our own
   * renders turned 25 deg it read 9.5-14 deg where the fit reads 16-20. Self-reenactment (yaw read back
   * by the fit on ours vs on the real frames): Fei-Fei 0.65 -> 0.89 per real degree, mean error 2.70 ->
   * 1.11 deg; Obama 0.85 -> 1.02, 1.17 -> 0.96. Pitch and roll stay the mesh's: the fit's pitch
   * overshot (Obama 1.19 -> 1.32 per real degree, error 1.35 -> 1.93).
   */
  yawFromFit?: boolean;
  /** One-sided readings (left/right pairs) kept less as the head turns from the driver's usual heading (turnTrust.ts). */
  oneSidedTurn?: boolean;
  /** With wideOverSquint: an eye measured narrower than at rest keeps its squint over its eyeWide (lidsDecide.ts). */
  lidsDecide?: boolean;
  /** A lower lid that rose is a squint (with a smile, the cheek's too), and the video path's blink leaves that share out (lowerLid.ts). */
  lowerLidSquint?: boolean;
  /**
   * With puckerPrior: the mouth prior again after the video path's smoothing (framesFromRaw.ts): a
   * short "O" between smiles (lp_d6 at 3.3 s, 0.2 s) took 0.16-0.21 of their smile from the smoothing.
   */
  roundAfterSmoothing?: boolean;
  /**
   * After smoothing, a driver's mouth wider than its rest widens the photo's as much: the smile,
   * stretch and dimples scaled up to the driver's width over its neutral (rig/mouthPrior.ts widenToWidth).
   */
  widenToDriver?: boolean;
  /**
   * With puckerPrior: no funnel on a mouth at or past its rest width (rig/mouthPrior.ts funnelCap), in the
   * fit and after smoothing. Katie's grins on lp_s2 lost their pout (width .48/.55 -> .52/.64 IOD at 2.2 / 2.7 s),
   * but a self-reenactment that reproduced its own funnel readings lost mouth PSNR (lp_d14 24.01 -> 23.44).
   */
  funnelPrior?: boolean;
  /**
   * With raiseWithinRise: the shared inner raise (both inner heads) within the lower brow's rise, and
   * the higher brow's extra on its own outer raise (browRetarget.ts raisesFromRise). Until session 17
   * the inner raise took the higher brow's rise and a frown took it back on the other side (s14);
   * lp_d0's grin on st_art_1 read a 0.3 inner raise on both brows from his left brow's 0.012-0.018 rise.
   */
  oneSidedBrows?: boolean;
  /** With lowerLidSquint: a smile's squint no deeper than the driver's eye narrowed (squintForNarrowing). */
  squintWithinNarrowing?: boolean;
  /** With frownWithinDrop: the brow drop a smile brings is no frown (browDrop.ts SMILE_BROW_DROP; browRetarget.ts smileFrowns). */
  smileNoFrown?: boolean;
  /** With raiseWithinRise: each brow raised at least as far as the driver's rose over its eye corners (browRetarget.ts raisesFromRise). */
  raiseFromRise?: boolean;
}

/** Every option at its default. */
export function driverFitDefaults(o: DriverFitOptions = {}): Required<DriverFitOptions> {
  return { silhouetteFade: o.silhouetteFade ?? true, poseCorrection: o.poseCorrection ?? true, puckerPrior: o.puckerPrior ?? true, lowerLipFit: o.lowerLipFit ?? true, frownWithinDrop: o.frownWithinDrop ?? true, raiseWithinRise: o.raiseWithinRise ?? true, wideOverSquint: o.wideOverSquint ?? true, yawFromFit: o.yawFromFit ?? true, oneSidedTurn: o.oneSidedTurn ?? true, lidsDecide: o.lidsDecide ?? true, lowerLidSquint: o.lowerLidSquint ?? true, roundAfterSmoothing: o.roundAfterSmoothing ?? true, oneSidedBrows: o.oneSidedBrows ?? true, raiseFromRise: o.raiseFromRise ?? true, smileNoFrown: o.smileNoFrown ?? true, squintWithinNarrowing: o.squintWithinNarrowing ?? true, widenToDriver: o.widenToDriver ?? true, funnelPrior: o.funnelPrior ?? true, mouthOnPhoto: o.mouthOnPhoto ?? false, mouthFromStart: o.mouthFromStart ?? false };
}

/** One driver frame's weights against its neutral (the pose's reading removed unless options.poseCorrection is false). */
export function driverWeights(lm: Landmarks, neutral: Float64Array, options: DriverFitOptions = {}): Record<string, number> {
  return driverFrame(lm, neutral, options).weights;
}

/** driverWeights, and the brows' heights over the eye corners in the head frame (browDrop.ts). */
function driverFrame(lm: Landmarks, neutral: Float64Array, options: DriverFitOptions): { weights: Record<string, number>; brows: [number, number]; lids: [Lids, Lids]; pose: { yaw: number }; mouthWidth: number } {
  const o = driverFitDefaults(options);
  const fit = fitRig(lm, { neutral, robust: true, puckerWidthPrior: o.puckerPrior, funnelWidthPrior: o.funnelPrior, silhouetteFade: o.silhouetteFade });
  const head = toCanonical(lm, fit);
  return { weights: o.poseCorrection ? removePoseBias(fit.weights, fit.pose) : fit.weights, brows: browHeights(head), lids: lidHeights(head), pose: fit.pose, mouthWidth: mouthWidthRatio(head, neutral) };
}



/**
 * Wide eyes and a squint pull the lids apart and together: a driver's frame read as both (lp_d6's
 * startled eyes at 8.8 s and 29.3 s: eyeWide 0.15-0.39 with eyeSquint 0.16-0.51) rendered as a
 * narrowed eye, the squint's lower lid being plainer to see than the raised upper one. Per side the
 * squint keeps only what exceeds the eyeWide.
 */
export function wideOverSquint(out: Map<RigControl, Float64Array>): void {
  for (const [wide, squint] of [['eyeWideLeft', 'eyeSquintLeft'], ['eyeWideRight', 'eyeSquintRight']] as const) {
    const w = out.get(wide), s = out.get(squint);
    if (!w || !s) continue;
    for (let i = 0; i < s.length; i++) s[i] = Math.max(0, s[i]! - w[i]!);
  }
}

/**
 * Each eye's opening (the face mesh's lid distance, measures.ts) as a share of its rest opening by the
 * blink's rest rule (restFace.ts eyeRestOf). The head-frame lids (lowerLid.ts) were tried here: they
 * kept more of the fitted squints and over-narrowed lp_d10 (AED .1117 -> .1128, lp_s42).
 */
function eyeShares(eyes: [Float64Array, Float64Array], have: number[]): [Float64Array, Float64Array] {
  return eyes.map((e) => {
    const rest = Math.max(1e-6, eyeRestOf(have.map((i) => e[i]!)));
    return Float64Array.from(e, (v) => v / rest);
  }) as [Float64Array, Float64Array];
}

/**
 * In place: with a smile, each side's eyeSquint and cheekSquint at least what its lower lid's rise
 * shows (lowerLid.ts smileSquint; the fit read lp_d0's squinting grin as a blink, 0.05 squint, no
 * cheek). `rises` becomes the share of the opening the added squint raises the photo's lower lid by
 * (the blink leaves it out).
 */
function lowerLidSquints(out: Map<RigControl, Float64Array>, rises: [Float64Array, Float64Array], have: number[], shares?: [Float64Array, Float64Array]): void {
  ([['eyeSquintLeft', 'cheekSquintLeft', 'mouthSmileLeft'], ['eyeSquintRight', 'cheekSquintRight', 'mouthSmileRight']] as const).forEach(([eye, cheek, smile], side) => {
    const e = out.get(eye), c = out.get(cheek), sm = out.get(smile);
    if (!e || !c || !sm) return;
    for (const i of have) {
      const s = Math.min(smileSquint(rises[side]![i]!, sm[i]!), shares ? squintForNarrowing(shares[side]![i]!) : 1);
      // only the squint the fit missed is taken from the blink: where the fit read the squint (lp_d6),
      // the blink measure's narrowing stays as it was (giving it all back left her eyes too open)
      rises[side]![i] = RENDERED_RISE_AT_FULL * Math.max(0, s - e[i]!);
      e[i] = Math.max(e[i]!, s);
      c[i] = Math.max(c[i]!, s);
    }
  });
}

/**
 * The squint that narrows the photo's eye as far as the driver's narrowed (its opening as a share of
 * rest, eyeShares), and no further: Katie's grins (lp_s2, 36 smiling frames of 8 s) read lower-lid
 * rises of up to 0.18 of her right eye's opening where the eye narrowed to 0.88 (head turned 8-11 deg),
 * and the squint they gave narrowed lp_s2's right eye to 0.69 of rest (bench/happyRead.ts).
 */
export function squintForNarrowing(share: number): number {
  return Math.min(1, Math.max(0, 1 - share) / RENDERED_RISE_AT_FULL);
}

/** What the video path hands retargetFromLandmarks besides the landmarks, and what it reads back. */
export interface RetargetIo {
  /** per side (subject's left, right), each frame's measured eye opening (FaceMeasures eyeLeft / eyeRight) */
  eyes?: [ArrayLike<number>, ArrayLike<number>];
  fittedYaw?: Float64Array;
  lidRises?: [Float64Array, Float64Array];
  /** receives each frame's mouth width over the driver's neutral (the fit's mouth prior reads it: rig/mouthPrior.ts) */
  mouthWidths?: Float64Array;
}

/** Flat x, y, z landmarks (RawFaceFrame.lm) as the rig's landmark list. */
export function landmarkList(flat: ArrayLike<number>): Landmarks {
  const out: Landmarks = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
  return out;
}

/**
 * Per-frame weights of the RETARGETED controls and, with options.lowerLipFit (default), mouthLowerDown (null
 * frames = no landmarks: left 0, the caller fills gaps). Returns channels by control name. Frames are flat x, y, z landmarks or landmark lists.
 * `io.eyes`, when given, are the frames' measured eye openings (the video path's raw frames carry them;
 * else measured here). `io.fittedYaw`, when given, receives each frame's yaw from the same fit
 * (degrees; yawFromFit), and `io.lidRises` each side's lowerLidRise taken as a smile's squint
 * (lowerLid.ts: the share of the opening that is not a blink), `io.mouthWidths` each frame's mouth
 * width over the driver's neutral.
 */
export function retargetFromLandmarks(frames: (Landmarks | ArrayLike<number> | null | undefined)[], options: DriverFitOptions = {}, io: RetargetIo = {}): Map<RigControl, Float64Array> {
  const { fittedYaw, lidRises, mouthWidths } = io;
  const o = driverFitDefaults(options);
  const lms = frames.map((f) => (!f ? null : Array.isArray(f) && Array.isArray(f[0]) ? (f as Landmarks) : landmarkList(f as ArrayLike<number>)));
  const n = lms.length;
  const good = lms.filter((l): l is Landmarks => !!l && l.length >= 478);
  const out = new Map<RigControl, Float64Array>();
  if (!good.length) return out;
  const neutral = estimateNeutral(good, 1, { silhouetteFade: o.silhouetteFade });
  const raw = RIG_CONTROLS.map(() => new Float64Array(n));
  const have: number[] = [];
  const brows = [new Float64Array(n), new Float64Array(n)];
  const yaw = fittedYaw ?? new Float64Array(n);
  const lids: [Lids, Lids][] = new Array(n);
  const eyes = [new Float64Array(n), new Float64Array(n)] as [Float64Array, Float64Array];
  for (let i = 0; i < n; i++) {
    const lm = lms[i];
    if (!lm || lm.length < 478) continue;
    // the face mesh reads a pitched/tilted head as one-sided expression: remove what a neutral
    // face reads at this pose (rig/poseBias.ts)
    const frame = driverFrame(lm, neutral, o);
    yaw[i] = frame.pose.yaw;
    if (mouthWidths) mouthWidths[i] = frame.mouthWidth;
    const w = weightsToVector(frame.weights);
    for (let k = 0; k < RIG_CONTROLS.length; k++) raw[k]![i] = w[k]!;
    brows[0]![i] = frame.brows[0]; brows[1]![i] = frame.brows[1];
    lids[i] = frame.lids;
    if (o.lidsDecide || o.squintWithinNarrowing) {
      const m = io.eyes ? null : faceMeasures(lm);
      eyes[0][i] = io.eyes ? io.eyes[0][i]! : m!.eyeLeft;
      eyes[1][i] = io.eyes ? io.eyes[1][i]! : m!.eyeRight;
    }
    have.push(i);
  }
  const browRest = browRestOf(brows, have);
  const controls: RigControl[] = o.lowerLipFit ? [...RETARGETED, 'mouthLowerDown'] : RETARGETED;
  for (const c of controls) {
    const k = RIG_CONTROLS.indexOf(c);
    const series = Float64Array.from(have, (i) => raw[k]![i]!);
    const rest = percentile(series, REST_PERCENTILE), high = percentile(series, HIGH_PERCENTILE);
    const gain = Math.max(calibratedGain(rest, high), readBackGain(c, o));
    const ch = new Float64Array(n);
    if (o.mouthOnPhoto && isRelativeMouth(c)) {
      // signed, from the rest (or the first usable frame, as the pose: fromVideo.ts zeroes it again after smoothing)
      const ref = o.mouthFromStart ? series[0]! : rest;
      for (const i of have) ch[i] = mouthChange(raw[k]![i]!, ref, gain);
      out.set(c, ch);
      continue;
    }
    for (const i of have) ch[i] = Math.min(1, Math.max(0, (raw[k]![i]! - rest) * gain));
    browCaps(c, ch, have, brows, browRest, o);
    out.set(c, ch);
  }
  if (o.raiseWithinRise && o.raiseFromRise) raisesFromRise(out, have, brows, browRest, o.oneSidedBrows);
  if (o.frownWithinDrop && o.smileNoFrown) smileFrowns(out, have, brows, browRest);
  const rises = lowerLidRises(lids, have);
  if (o.lowerLidSquint) lowerLidSquints(out, rises, have, o.squintWithinNarrowing ? eyeShares(eyes, have) : undefined);
  lidRises?.[0].set(rises[0]);
  lidRises?.[1].set(rises[1]);
  if (o.oneSidedTurn) distrustTurnedOneSided(out, yaw, have);
  if (o.wideOverSquint && o.lidsDecide) lidsDecideAll(out, eyeShares(eyes, have), have);
  else if (o.wideOverSquint) wideOverSquint(out);
  return out;
}
