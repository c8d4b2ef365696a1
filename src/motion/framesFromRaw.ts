// Tracked faces -> Motion frames (pure; used by the video path, the lip teacher and training).
// The steps, in order: which frames to trust; per-frame channels from the landmark measures, the
// head pose and the gaze; the rig fit's richer expressions merged in; gaps filled and every channel
// smoothed; the channels read back out as MotionFrames.
import type { MotionFrame } from '../types.ts';
import type { RigControl } from '../rig/controls.ts';
import type { RawFaceFrame } from './faceTracker.ts';
import { NoFaceError } from '../errors.ts';
import { blinkPeaksKept, closuresKept, fillGaps, oneEuroZeroLag } from './filters.ts';
import { blinkFromOpening, clamp01, estimateRest, foldBlink, pairBlinks, percentile, weightsFromMeasures, type RestFace } from './restFace.ts';
import { eyeSharesOf, frameEyesTrust, slitEyeTrust } from './blinkPairTrust.ts';
import { heldClosuresAsRead, lidEventsRead } from './lidEvents.ts';
import { retargetFromLandmarks, driverFitDefaults, type DriverFitOptions } from './retarget.ts';
import { MOUTH_ON_PHOTO, SMILE_AT_START, SMILE_ROOM } from '../rig/mouthBase.ts';
import { isRelativeMouth } from './mouthChange.ts';
import { REST_LIP_GAP, JAW_GAP_SPAN } from '../render/mouth/opening.ts';
import { Channels } from './channels.ts';
import { eyeGazes } from './measures.ts';
import { keepRoundMouth, keepWideMouth, lipsWithinJaw, tallGrinCaps, LOWER_LIP_DROP } from './mouthAfterSmoothing.ts';

export interface VideoMotionStats {
  frames: number;
  /** frames with no usable face */
  missing: number;
  /** frames filled from neighbours (missing + rejected fits) */
  interpolated: number;
}

export interface FramesFromRawOptions {
  /** 'measures': the landmark measures alone, as before the rig retarget (kept for comparisons) */
  expressions?: 'rig' | 'measures';
  /** a rest face measured elsewhere (the lip teacher uses the clip's own closed-mouth frames) */
  rest?: RestFace;
  fit?: DriverFitOptions;
  /** the blink channels as measured, unsmoothed (bench/blinkPeak.ts reads the driver's own blink depth) */
  blinksAsMeasured?: boolean;
  /**
   * false: the jaw is its smoothed curve alone, without the measured short closures (closuresKept). The lip
   * network's teacher (train/lipData.ts): closures the sound cannot show, which every lips.json was trained without.
   */
  jawClosuresKept?: boolean;
  /** false: the blinks through the smoothing, without a wink held over its event or a held closure read frame by frame (lidEvents.ts) */
  lidEvents?: boolean;
}

/** Measure gaze (iris offset / half eye width) -> MotionFrame gaze (1 = a quarter eye width, see rig gazeOf). */
const GAZE_UNIT = 2;

/** Face-size change that counts as a tracking glitch (fraction of the neighbours' median). */
const SCALE_JUMP = 0.25;
const MIN_MESH_SCORE = 0.5;

/**
 * The rig fit's mouthLowerDown kept within the measured opening (a motion's jawOpen is the lip gap
 * over JAW_GAP_SPAN): faded in as the lips part, as the measure's own (restFace.ts), and no larger
 * than the drop that alone would open the lips that far.
 */
export function lowerLipWithinGap(fitted: number, jawOpen: number): number {
  return Math.min(fitted * clamp01(jawOpen * 4), (JAW_GAP_SPAN * jawOpen) / LOWER_LIP_DROP);
}

/** Frames whose face is trusted: a confident mesh and no sudden size jump against its neighbours (a wrong face or a broken mesh). */
export function usableFrames(raw: (RawFaceFrame | null)[]): boolean[] {
  const n = raw.length;
  const valid = raw.map((r) => !!r && r.score >= MIN_MESH_SCORE);
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    const near: number[] = [];
    for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) if (j !== i && valid[j]) near.push(raw[j]!.m.scale);
    if (near.length >= 2) {
      const med = percentile(near, 50);
      if (Math.abs(raw[i]!.m.scale - med) > SCALE_JUMP * med) valid[i] = false;
    }
  }
  return valid;
}

/** In place: the series minus its first value. */
function rezero(c: Float64Array): void {
  const c0 = c[0]!;
  for (let i = 0; i < c.length; i++) c[i] = c[i]! - c0;
}

/**
 * Per usable frame: the measures' weights and blinks against the rest face, the head pose (relative to
 * the first usable frame when mapToInitPose) and the gaze relative to the driver's usual gaze.
 */
function writeMeasuredChannels(ch: Channels, raw: (RawFaceFrame | null)[], valid: boolean[], good: RawFaceFrame[], rest: RestFace, mapToInitPose: boolean): void {
  const restGaze = [0, 1].map((a) => percentile(good.map((r) => r.m.gaze[a]!), 50)) as [number, number];
  const restVergence = percentile(good.filter((r) => r.lm).map((r) => vergenceOf(r.lm!)), 50);
  const first = good[0]!;
  const firstAngles = first.angles;
  const faceWidth0 = first.m.scale * 1.6;
  for (let i = 0; i < raw.length; i++) {
    if (!valid[i]) continue;
    const r = raw[i]!;
    const { w, blinkLeft, blinkRight } = weightsFromMeasures(r.m, rest);
    for (const [k, v] of Object.entries(w)) ch.get(`w.${k}`)[i] = v;
    ch.get('blinkL')[i] = blinkLeft;
    ch.get('blinkR')[i] = blinkRight;
    const a = r.angles;
    ch.get('yaw')[i] = mapToInitPose ? a.yaw - firstAngles.yaw : a.yaw;
    ch.get('pitch')[i] = mapToInitPose ? a.pitch - firstAngles.pitch : a.pitch;
    ch.get('roll')[i] = mapToInitPose ? a.roll - firstAngles.roll : a.roll;
    ch.get('tx')[i] = (r.m.centre[0] - (mapToInitPose ? first.m.centre[0] : 0)) / faceWidth0;
    ch.get('ty')[i] = (r.m.centre[1] - (mapToInitPose ? first.m.centre[1] : 0)) / faceWidth0;
    // 4 face widths from the camera: moving closer enlarges the face
    ch.get('tz')[i] = 4 * (1 - first.m.scale / r.m.scale);
    // gaze relative to the driver's usual gaze, in the renderer's unit (1 = a quarter eye width;
    // the measure's 1 is half an eye width)
    ch.get('gx')[i] = GAZE_UNIT * (r.m.gaze[0] - restGaze[0]);
    ch.get('gy')[i] = GAZE_UNIT * (r.m.gaze[1] - restGaze[1]);
    // crossed or parted eyes, which the shared gaze (the eyes' mean) cancels (lp_d6 f67)
    if (r.lm) ch.get('gv')[i] = GAZE_UNIT * (vergenceOf(r.lm) - restVergence);
  }
}

/**
 * Half the difference of the eyes' x iris offsets (measures.ts eyeGazes, 1 = half an eye width):
 * + both toward the nose. Landmarks flat (x, y, z per point), as the tracker keeps them.
 */
export function vergenceOf(lm: ArrayLike<number>): number {
  const points = Array.from({ length: lm.length / 3 }, (_, k) => [lm[k * 3]!, lm[k * 3 + 1]!]);
  const [right, left] = eyeGazes(points);
  return (left[0] - right[0]) / 2;
}

/** Each frame's measured eye openings (subject's left, right; 0 where there is no face), as the tracker read them. */
function measuredEyes(raw: (RawFaceFrame | null)[]): [Float64Array, Float64Array] {
  return [Float64Array.from(raw, (r) => r?.m.eyeLeft ?? 0), Float64Array.from(raw, (r) => r?.m.eyeRight ?? 0)];
}

/**
 * The blinks read again with the part of each lower lid's rise taken as a smile's squint (lowerLid.ts)
 * given back to the opening: a smile's raised lower lid is not a closing upper lid.
 */
function blinksWithoutSquint(ch: Channels, raw: (RawFaceFrame | null)[], valid: boolean[], rest: RestFace, rises: [Float64Array, Float64Array]): void {
  const [bl, br] = [ch.get('blinkL'), ch.get('blinkR')];
  for (let i = 0; i < raw.length; i++) {
    if (!valid[i]) continue;
    const m = raw[i]!.m;
    bl[i] = blinkFromOpening(m.eyeLeft / Math.max(rest.eyeLeft, 1e-6) + rises[0][i]!);
    br[i] = blinkFromOpening(m.eyeRight / Math.max(rest.eyeRight, 1e-6) + rises[1][i]!);
  }
}

/** The head's yaw from the rig fit (DriverFitOptions.yawFromFit) in place of the face mesh's, relative to the first usable frame when mapToInitPose. */
function writeFittedYaw(ch: Channels, fittedYaw: Float64Array, valid: boolean[], mapToInitPose: boolean): void {
  const c = ch.get('yaw'), first = valid.indexOf(true);
  const zero = mapToInitPose ? fittedYaw[first]! : 0;
  for (let i = 0; i < valid.length; i++) if (valid[i]) c[i] = fittedYaw[i]! - zero;
}

/**
 * The rig fit's channels (retarget.ts) over the measured ones. The smile and the lower lip keep the
 * larger of both readings (the corner-lift measure is sharp; the fit sees a lip that drops with the
 * jaw still); `signed` marks channels that are signed changes on the photo's own mouth.
 */
function mergeRigChannels(ch: Channels, rigChannels: Map<RigControl, Float64Array>, valid: boolean[], signed: (name: string) => boolean): void {
  for (const [control, series] of rigChannels) {
    const c = ch.get(`w.${control}`);
    const keepMax = control === 'mouthSmileLeft' || control === 'mouthSmileRight' || control === 'mouthLowerDown';
    // the fit's lower lip only where the measured lips are apart, and never dropping further than
    // they are: with the lips shut it would part the photo's lips (lp_d14 lip gap r 0.95 -> 0.78)
    const fitted = (i: number) => (control === 'mouthLowerDown' ? lowerLipWithinGap(series[i]!, ch.get('w.jawOpen')[i]!) : series[i]!);
    // a signed smile below the reference stays (the corner-lift measure, one-sided, reads 0 there)
    const merge = (measured: number, f: number) => (signed(`w.${control}`) && measured <= 0 ? f : Math.max(measured, f));
    for (let i = 0; i < valid.length; i++) if (valid[i]) c[i] = keepMax ? merge(c[i]!, fitted(i)) : fitted(i);
  }
}

/**
 * An eye this far closed (its blink weight from the measure) hides its iris: the face mesh's iris then
 * rides with the closing lid. lp_d6's wink at 7.3-7.5 s read a gaze drop of .2 (gy .09 -> -.21) that
 * the open frames either side do not have, and on lp_s42 that lowered iris read the wink's open eye as
 * .12 of its width where the same frame without it read .19 [driver .21].
 */
export const GAZE_HIDDEN_FROM = 0.5;
const GAZE_CHANNELS = ['gx', 'gy', 'gv'];

/**
 * Frames whose gaze is read: usable, and neither eye closing past GAZE_HIDDEN_FROM. The others take
 * the gaze of the open frames around them (filled before the smoothing, like a missing face).
 */
export function gazeSeen(valid: readonly boolean[], blinkLeft: ArrayLike<number>, blinkRight: ArrayLike<number>): boolean[] {
  return valid.map((v, i) => v && Math.max(blinkLeft[i]!, blinkRight[i]!) < GAZE_HIDDEN_FROM);
}

/** In place: the gaze channels held through closing eyes (gazeSeen); unchanged where no frame's gaze is seen. */
function gazeHeldThroughClosures(ch: Channels, valid: boolean[]): void {
  const seen = gazeSeen(valid, ch.get('blinkL'), ch.get('blinkR'));
  if (!seen.some(Boolean)) return;
  for (const name of GAZE_CHANNELS) if (ch.names.includes(name)) fillGaps(ch.get(name), seen);
}

/** the channel of the jaw's opening, whose short closures are kept through the smoothing */
const JAW_CHANNEL = 'w.jawOpen';

/** One Euro settings (min cutoff Hz, beta) per channel: the mouth moves fast; head and gaze are smoothed harder when still. */
function smoothingFor(name: string): [number, number] {
  if (name.startsWith('w.')) return [4, 0.5];
  if (name === 'blinkL' || name === 'blinkR') return [6, 1];
  if (name === 'gx' || name === 'gy' || name === 'gv') return [2, 0.5];
  if (name === 'tx' || name === 'ty' || name === 'tz') return [1, 2];
  return [1, 0.3];
}

/**
 * Gaps filled from neighbours, then every channel smoothed; returns the most frames filled in any
 * channel. A blink keeps its depth: it lasts 3-5 frames at 25 fps and the smoothing took 15-20 % off
 * its deepest frame (1.00 -> 0.79-0.86), so a blink channel is the larger of its smoothed curve and its
 * 3-frame median, which drops single-frame flickers of the measure but keeps the deepest frame of a
 * blink of 2+ frames in either eye (blinkPeaksKept). The jaw keeps its closures the same way
 * (closuresKept): lp_d6's lips meet for 3 frames at 2.2 s and before her tall "O" at 7.5 s, and the
 * smoothing held them .07 IOD apart.
 */
function fillAndSmooth(ch: Channels, valid: boolean[], fps: number, blinksAsMeasured = false, jawClosures = true): number {
  let interpolated = 0;
  for (const name of ch.names) interpolated = Math.max(interpolated, fillGaps(ch.get(name), valid));
  const [peaksL, peaksR] = blinkPeaksKept([ch.get('blinkL'), ch.get('blinkR')]);
  for (const name of ch.names) {
    if (blinksAsMeasured && (name === 'blinkL' || name === 'blinkR')) continue;
    const smoothed = oneEuroZeroLag(ch.get(name), fps, ...smoothingFor(name));
    if (name === 'blinkL' || name === 'blinkR') {
      const peaks = name === 'blinkL' ? peaksL : peaksR;
      for (let i = 0; i < smoothed.length; i++) smoothed[i] = Math.max(smoothed[i]!, peaks[i]!);
    }
    ch.replace(name, name === JAW_CHANNEL && jawClosures ? closuresKept(ch.get(name), smoothed) : smoothed);
  }
  return interpolated;
}

/** The smoothed channels read out as frames: weights clamped (signed ones to -1..1), shared closing as `blink`. */
function framesFromChannels(ch: Channels, signed: (name: string) => boolean, onPhoto: boolean, restLipGap: number, eyesTrust: ArrayLike<number>): MotionFrame[] {
  const frames: MotionFrame[] = [];
  const at = (name: string, i: number) => ch.at(name, i);
  for (let i = 0; i < ch.length; i++) {
    const w: Record<string, number> = {};
    for (const name of ch.names) if (name.startsWith('w.')) w[name.slice(2)] = signed(name) ? Math.max(-1, Math.min(1, at(name, i))) : clamp01(at(name, i));
    if (onPhoto) w[MOUTH_ON_PHOTO] = 1;
    const bl = clamp01(at('blinkL', i));
    const br = clamp01(at('blinkR', i));
    // the driver's lips at rest (jawOpen counts from them): a photo whose own lips are apart keeps
    // up to that much of its opening at the driver's rest (render/mouth/opening.ts)
    w[REST_LIP_GAP] = restLipGap;
    // shared closing goes to `blink`, the one-eyed rest (a wink) to the per-eye weights; on a large
    // frontal face a less closed eye stays as read (blinkPairTrust.ts)
    const { blink, eyeBlinkLeft, eyeBlinkRight } = pairBlinks(bl, br, eyesTrust[i]);
    w.eyeBlinkLeft = eyeBlinkLeft;
    w.eyeBlinkRight = eyeBlinkRight;
    // a closing lid is not a wide one (the rig fit read Obama's under-read blinking eye as wide, 0.45)
    for (const [wide, shut] of [['eyeWideLeft', foldBlink(blink, eyeBlinkLeft)], ['eyeWideRight', foldBlink(blink, eyeBlinkRight)]] as const) if (w[wide] !== undefined) w[wide] *= 1 - shut;
    frames.push({
      w,
      pose: { yaw: at('yaw', i), pitch: at('pitch', i), roll: at('roll', i), tx: at('tx', i), ty: at('ty', i), tz: at('tz', i) },
      gaze: [Math.max(-1, Math.min(1, at('gx', i))), Math.max(-1, Math.min(1, at('gy', i)))],
      blink,
      ...(ch.names.includes('gv') ? { vergence: Math.max(-1, Math.min(1, at('gv', i))) } : {}),
    });
  }
  return frames;
}

/**
 * Every frame carries the smiles of the first usable one and how much smile its opening can hold (rig/mouthBase.ts
 * keepPhotoSmile: the driver's smile that stands for the photo's, and a tall opening's cap, tallGrinCaps, which the
 * photo's own smile must keep too: the Mona Lisa's smile put back on the child's shout drew the grin tallO26 took away).
 */
function markStartSmiles(frames: MotionFrame[], first: number, grinCaps?: ArrayLike<number>): void {
  const start = frames[first]?.w;
  if (!start) return;
  const smiles = [start.mouthSmileLeft ?? 0, start.mouthSmileRight ?? 0];
  frames.forEach((f, i) => {
    SMILE_AT_START.forEach((name, side) => (f.w[name] = smiles[side]!));
    if (grinCaps && grinCaps[i]! < 1) f.w[SMILE_ROOM] = grinCaps[i]!;
  });
}

/** Each frame's share of the opening in teeth (faceTracker.ts teethShare; closed lips 0), or undefined when the track has none (tracked before it was read). */
function teethShares(raw: (RawFaceFrame | null)[]): Float64Array | undefined {
  return raw.some((r) => r?.teethShare !== undefined) ? Float64Array.from(raw, (r) => r?.teethShare ?? 0) : undefined;
}

/** Turns per-frame raw faces into smoothed Motion frames. */
export function motionFramesFromRaw(raw: (RawFaceFrame | null)[], fps: number, mapToInitPose: boolean, opts: FramesFromRawOptions = {}): { frames: MotionFrame[]; stats: VideoMotionStats } {
  const n = raw.length;
  const valid = usableFrames(raw);
  const missing = raw.filter((r) => !r).length;
  const good = raw.filter((_r, i) => valid[i]) as RawFaceFrame[];
  if (!good.length) throw new NoFaceError('No usable face was found in any frame of the driving video. Use a video where one face is clearly visible.');
  const rest = opts.rest ?? estimateRest(good.map((r) => r.m));
  const ch = new Channels(n);
  writeMeasuredChannels(ch, raw, valid, good, rest, mapToInitPose);
  // the richer expressions through the rig fit, relative to the driver's rest with a calibrated gain
  const fit = driverFitDefaults(opts.fit);
  const fittedYaw = new Float64Array(n);
  const lidRises: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
  const mouthWidths = new Float64Array(n), mouthAspects = new Float64Array(n);
  const rigChannels = opts.expressions === 'measures' ? new Map<RigControl, Float64Array>() : retargetFromLandmarks(raw.map((r, i) => (valid[i] ? r!.lm : null)), opts.fit, { fittedYaw, lidRises, mouthWidths, mouthAspects, eyes: measuredEyes(raw), lipGaps: raw.map((r) => r?.m.lipGap ?? 0) });
  if (rigChannels.size > 0 && fit.yawFromFit) writeFittedYaw(ch, fittedYaw, valid, mapToInitPose);
  if (rigChannels.size > 0 && fit.lowerLidSquint) blinksWithoutSquint(ch, raw, valid, rest, lidRises);
  // the mouth's shape as signed changes on the photo's own mouth (retarget.ts, rig/mouthBase.ts)
  const onPhoto = rigChannels.size > 0 && fit.mouthOnPhoto;
  const signed = (name: string) => onPhoto && isRelativeMouth(name.slice(2) as RigControl);
  mergeRigChannels(ch, rigChannels, valid, signed);
  gazeHeldThroughClosures(ch, valid);
  const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  const heldRead = opts.lidEvents ?? true ? lidEventsRead([ch.get('blinkL'), ch.get('blinkR')], shares, valid, fps) : undefined;
  const interpolated = fillAndSmooth(ch, valid, fps, opts.blinksAsMeasured, opts.jawClosuresKept ?? true);
  if (heldRead) heldClosuresAsRead([ch.get('blinkL'), ch.get('blinkR')], heldRead);
  if (rigChannels.size > 0 && fit.puckerPrior && fit.roundAfterSmoothing && !onPhoto) keepRoundMouth(ch, mouthWidths, valid, fit.funnelPrior);
  const widen = rigChannels.size > 0 && fit.widenToDriver && !onPhoto;
  const teeth = teethShares(raw);
  const grinCaps = widen && fit.tallNoGrin ? tallGrinCaps(mouthAspects, valid, teeth && { teeth, widths: mouthWidths }, fit.narrowNoGrin ? mouthWidths : undefined) : undefined;
  if (widen) keepWideMouth(ch, mouthWidths, valid, grinCaps);
  // the lips open no further than the jaw's gap, with its closures kept (the lip teacher's targets, without them, as trained)
  if (!onPhoto && (opts.jawClosuresKept ?? true)) lipsWithinJaw(ch, JAW_GAP_SPAN);
  // counted from the driver's first frame (mouthFromStart): as the pose, exactly zero there after
  // smoothing, so the video starts with the photo's own mouth
  if (fit.mouthFromStart) for (const name of ch.names) if (signed(name)) rezero(ch.get(name));
  // exactly zero at the first frame after smoothing: the video starts at the photo's own pose
  if (mapToInitPose) for (const name of ['yaw', 'pitch', 'roll', 'tx', 'ty', 'tz']) rezero(ch.get(name));
  // a frame's own trust, or the closure event's where its other eye never reads shut (a wink on a turned head)
  const slit = slitEyeTrust(shares);
  const eyesTrust = raw.map((r, i) => (valid[i] ? Math.max(frameEyesTrust(r, rest), slit[i]!) : 0));
  const frames = framesFromChannels(ch, signed, onPhoto, rest.lipGap, eyesTrust);
  markStartSmiles(frames, valid.indexOf(true), grinCaps);
  return { frames, stats: { frames: n, missing, interpolated } };
}
