// Tracked faces -> Motion frames (pure; used by the video path, the lip teacher and training).
// The steps, in order: which frames to trust; per-frame channels from the landmark measures, the
// head pose and the gaze; the rig fit's richer expressions merged in; gaps filled and every channel
// smoothed; the channels read back out as MotionFrames. Each step is its own file (usableFrames.ts,
// measuredChannels.ts, rigChannelsMerge.ts, gazeHeld.ts, channelSmoothing.ts, channelsToFrames.ts); this
// one runs them in order.
import type { MotionFrame } from '../types.ts';
import type { RigControl } from '../rig/controls.ts';
import type { RawFaceFrame } from './faceTracker.ts';
import { NoFaceError } from '../errors.ts';
import { estimateRest, type RestFace } from './restFace.ts';
import { restGapWithSealed, sealedRestGap } from './sealedRest.ts';
import { eyeSharesOf, frameEyesTrust, slitEyeTrust } from './blinkPairTrust.ts';
import { heldClosuresAsRead, lidEventsRead } from './lidEvents.ts';
import { halfLidsTogether } from './halfLids.ts';
import { droopHeldSteady, heldNarrowingOutsideBlinks } from './droopLids.ts';
import { retargetFromLandmarks, driverFitDefaults, landmarkList, type DriverFitOptions } from './retarget.ts';
import { isRelativeMouth } from './mouthChange.ts';
import { JAW_GAP_SPAN } from '../render/mouth/opening.ts';
import { Channels } from './channels.ts';
import { keepRoundMouth, keepWideMouth, lipsWithinJaw, tallGrinCaps } from './mouthAfterSmoothing.ts';
import { usableFrames } from './usableFrames.ts';
import { blinksByUpperLid } from './upperLidBlink.ts';
import { alikeEyes, alikeSquints } from './alikeEyes.ts';
import { bothIrisesHidden, irisShowShares } from './irisShowShares.ts';
import { blinkInStep } from './blinkInStep.ts';
import { heldLidCaps, withinCaps, heldIrisSeen } from './heldLids.ts';
import { irisShownFrames, markHeldLids } from './heldLidMarks.ts';
import { rawAtUsualPitch } from './pitchedEyes.ts';
import { GAZE_CHANNELS, POSE_CHANNELS, bridgedAtJumps, jumpFrames, poseJumps, widesAtJumpsCapped } from './poseJumpWide.ts';
import { capWidesByNearShow, farEyes, farWideWithinNear, rawWithFarAsNear } from './farEye.ts';
import { blinksWithoutSquint, measuredEyes, teethShares, writeFittedYaw, writeMeasuredChannels } from './measuredChannels.ts';
import { mergeRigChannels } from './rigChannelsMerge.ts';
import { gazeHeldThroughClosures } from './gazeHeld.ts';
import { fillAndSmooth } from './channelSmoothing.ts';
import { closeSealedLips, sealedSeries } from './sealedClose.ts';
import { framesFromChannels, markDriverMouth, markStartSmiles } from './channelsToFrames.ts';
import { markSpeech } from './speechMarks.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';
import { TRANSLATION_CHANNELS, withoutCamera, withoutDrift } from './steadyCamera.ts';
import type { CameraPath } from './sceneCamera.ts';

// the steps' exports that other modules import from here
export { usableFrames } from './usableFrames.ts';
export { vergenceOf } from './measuredChannels.ts';
export { lowerLipWithinGap } from './rigChannelsMerge.ts';
export { gazeSeen, GAZE_HIDDEN_FROM } from './gazeHeld.ts';
import { markStartCorners } from './startCorners.ts';
import { markSmileLiftScale } from './smileLift.ts';
import { addLipSides } from './lipSides.ts';
import { addMouthSide } from './mouthSide.ts';
import { addSneerSides, sneerSeries } from './sneerSides.ts';

export interface VideoMotionStats {
  frames: number;
  /** frames with no usable face */
  missing: number;
  /** frames filled from neighbours (missing + rejected fits) */
  interpolated: number;
  /** frames whose relative pitch or yaw was eased into the range the photo can show (poseRange.ts; set by videoMotionFromRaw) */
  poseEased?: number;
}

export interface FramesFromRawOptions {
  /** 'measures': the landmark measures alone, as before the rig retarget (kept for comparisons) */
  expressions?: 'rig' | 'measures';
  /** a rest face measured elsewhere (the lip teacher uses the clip's own closed-mouth frames) */
  rest?: RestFace;
  fit?: DriverFitOptions;
  /**
   * Half the window (s) of the running median the head translation is taken against: a camera that drifts or zooms
   * is not the head moving (steadyCamera.ts; STEADY_CAMERA_SECONDS for a handheld driver; default 0 = the translation as read)
   */
  steadyCamera?: number;
  /** the driver's camera shift read off the scene around the head (sceneCamera.ts readCameraPath): taken out of the head's translation */
  camera?: CameraPath;
  /** false: the head's depth (tz) from the eye distance as seen, which a turn foreshortens (steadyCamera.ts headDepth) */
  depthThroughTurn?: boolean;
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

/** In place: the series minus its first value. */
function rezero(c: Float64Array): void {
  const c0 = c[0]!;
  for (let i = 0; i < c.length; i++) c[i] = c[i]! - c0;
}

/** The rest face with its lip gap at most the sealed frames' (sealedRest.ts). */
function withSealedRest(rest: RestFace, good: RawFaceFrame[]): RestFace {
  const lipGap = restGapWithSealed(rest.lipGap, sealedRestGap(good));
  return lipGap === rest.lipGap ? rest : { ...rest, lipGap };
}

/** What every step reads: the tracked frames, which of them to trust, the driver's rest face and the channels being written. */
interface Driver {
  n: number;
  fps: number;
  fit: ReturnType<typeof driverFitDefaults>;
  raw: (RawFaceFrame | null)[];
  valid: boolean[];
  missing: number;
  good: RawFaceFrame[];
  rest: RestFace;
  ch: Channels;
  far: ReturnType<typeof farEyes> | undefined;
  eyed: (RawFaceFrame | null)[];
}

/** The rig fit's outputs beside its channels, which later steps read. */
interface RigReadings {
  rigChannels: Map<RigControl, Float64Array>;
  mouthWidths: Float64Array;
  mouthAspects: Float64Array;
  neutral: Float64Array;
  jumps: ReturnType<typeof poseJumps>;
}

type Shares = (ReturnType<typeof eyeSharesOf> | null)[];

/** Which frames to trust, the raw readings at the usual pitch, the rest face, and the far eye read as near. */
function readDriver(tracked: (RawFaceFrame | null)[], fps: number, opts: FramesFromRawOptions): Driver {
  const n = tracked.length;
  const valid = usableFrames(tracked);
  const fit = driverFitDefaults(opts.fit);
  // a hooded driver's eyes read more open as the head pitches up: each frame's openings at the driver's usual pitch (pitchedEyes.ts)
  const raw = fit.eyesAtUsualPitch ? rawAtUsualPitch(tracked, valid) : tracked;
  const missing = raw.filter((r) => !r).length;
  const good = raw.filter((_r, i) => valid[i]) as RawFaceFrame[];
  if (!good.length) throw new NoFaceError('No usable face was found in any frame of the driving video. Use a video where one face is clearly visible.');
  // (the rest gap no wider than the lips stand on the frames read sealed, sealedRest.ts: lp_d10 p5 .045, sealed .017)
  const rest = opts.rest ?? withSealedRest(estimateRest(good.map((r) => r.m)), good);
  const ch = new Channels(n);
  // a turned head's far eye, a few pixels wide, is read as its near eye: the blinks and the pairing rules read `eyed` (farEye.ts)
  const far = fit.farEyeAsNear ? farEyes(raw) : undefined;
  const eyed = far ? rawWithFarAsNear(raw, far, rest) : raw;
  return { n, fps, fit, raw, valid, missing, good, rest, ch, far, eyed };
}

/** The per-frame channels: the landmark measures, pose and gaze, then the rig fit's richer expressions; pose jumps bridged. */
function readChannels(d: Driver, mapToInitPose: boolean, opts: FramesFromRawOptions): RigReadings & { lidRises: [Float64Array, Float64Array] } {
  const { n, fps, fit, raw, valid, good, rest, ch, eyed } = d;
  // (a turn foreshortens the eye distance the depth is read from: not the head moving away, steadyCamera.ts headDepth)
  writeMeasuredChannels(ch, eyed, valid, good, rest, mapToInitPose, opts.depthThroughTurn ?? true);
  // a camera that pans is not the head moving: the scene's shift out of the face's (sceneCamera.ts), before both are smoothed as one
  if (opts.camera) withoutCamera(ch.get('tx'), ch.get('ty'), opts.camera, good[0]!.m.scale * 1.6);
  // the richer expressions through the rig fit, relative to the driver's rest with a calibrated gain
  const fittedYaw = new Float64Array(n);
  const lidRises: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
  const mouthWidths = new Float64Array(n), mouthAspects = new Float64Array(n), neutral = new Float64Array(LANDMARK_COUNT * 3);
  const rigChannels = opts.expressions === 'measures' ? new Map<RigControl, Float64Array>() : retargetFromLandmarks(raw.map((r, i) => (valid[i] ? r!.lm : null)), opts.fit, { fps, fittedYaw, lidRises, mouthWidths, mouthAspects, eyes: measuredEyes(raw), lipGaps: raw.map((r) => r?.m.lipGap ?? 0), whiteShows: raw.map((r) => r?.whiteShow ?? null), neutral });
  if (rigChannels.size > 0 && fit.yawFromFit) writeFittedYaw(ch, fittedYaw, valid, mapToInitPose);
  // a one- or two-frame pose jump of the mesh that comes straight back is not the head (nor the gaze) moving: both on its flanks' line (poseJumpWide.ts)
  const jumps = poseJumps(raw.map((r, i) => (valid[i] && r ? r.angles : null)), fps);
  bridgedAtJumps([...(fit.poseAtJumpBridged ? POSE_CHANNELS : []), ...(fit.gazeAtJumpBridged ? GAZE_CHANNELS : [])].map((k) => ch.get(k)), jumps, jumpFrames(fps));
  return { rigChannels, lidRises, mouthWidths, mouthAspects, neutral, jumps };
}

/** The blinks read as the eyes' lids make them: no squint, the upper lid's fall, two eyes as one pair, in step. */
function pairBlinks(d: Driver, rigOn: boolean, lidRises: [Float64Array, Float64Array]): { shares: Shares; irisHidden: ReturnType<typeof bothIrisesHidden> | undefined } {
  const { fps, fit, raw, valid, rest, ch, eyed } = d;
  if (rigOn && fit.lowerLidSquint) blinksWithoutSquint(ch, eyed, valid, rest, lidRises);
  // a narrowing the lower lid makes is not a blink: each blink no more than its upper lid's fall asks (upperLidBlink.ts)
  if (fit.blinkFromUpperLid) blinksByUpperLid([ch.get('blinkL'), ch.get('blinkR')], raw.map((r, i) => (valid[i] ? r?.lm : null)), ch.get('gx'));
  const shares = eyed.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  // two eyes the mesh reads about equally open blink as one: their difference is its noise on the blink map's steep part (alikeEyes.ts); a turned head forgives its near eye reading lower
  // (and where the pixels show both irises hidden together, however far apart the mesh reads them: irisShowShares.ts)
  const irisHidden = fit.irisShowPairs ? bothIrisesHidden(irisShowShares(raw.map((r, i) => (valid[i] ? r?.irisShow : null)), shares), raw.map((r) => r?.angles.yaw ?? 0)) : undefined;
  if (fit.alikeEyes) alikeEyes([ch.get('blinkL'), ch.get('blinkR')], shares, raw.map((r) => r?.angles.yaw ?? 0), irisHidden);
  // a two-eyed blink shuts and opens in step: the frames where the mesh lets one eye close late or open early (blinkInStep.ts)
  if (fit.blinkInStep) blinkInStep([ch.get('blinkL'), ch.get('blinkR')], shares, fps, raw.map((r) => r?.angles.yaw ?? 0));
  return { shares, irisHidden };
}

/** The rig's channels merged in (the mouth as signed changes on the photo's own), then the wide eyes and squints kept in bounds. */
function mergeRig(d: Driver, rig: RigReadings, shares: Shares): { onPhoto: boolean; signed: (name: string) => boolean } {
  const { fit, raw, valid, ch, far } = d;
  const { rigChannels, jumps } = rig;
  // the mouth's shape as signed changes on the photo's own mouth (retarget.ts, rig/mouthBase.ts)
  const onPhoto = rigChannels.size > 0 && fit.mouthOnPhoto;
  const signed = (name: string) => onPhoto && isRelativeMouth(name.slice(2) as RigControl);
  mergeRigChannels(ch, rigChannels, valid, signed);
  // (and no eyeWide past what the near eye's lid over its iris allows, wideShowCap.ts, where the far eye's few pixels read white)
  if (far && rigChannels.size > 0) {
    const wides: [Float64Array, Float64Array] = [ch.get('w.eyeWideLeft'), ch.get('w.eyeWideRight')];
    farWideWithinNear(wides, far);
    if (fit.wideShowCap) capWidesByNearShow(wides, raw, far);
  }
  // a one- or two-frame pose jump of the mesh reads the eyes wide: no stare there past its flanking frames' (poseJumpWide.ts)
  if (rigChannels.size > 0 && fit.wideAtPoseJump) widesAtJumpsCapped([ch.get('w.eyeWideLeft'), ch.get('w.eyeWideRight')], jumps);
  // two eyes the mesh reads about equally open squint as one: a squint the fit read on one side alone narrowed one of the photo's eyes (alikeEyes.ts alikeSquints)
  if (rigChannels.size > 0 && fit.alikeSquints) alikeSquints([ch.get('w.eyeSquintLeft'), ch.get('w.eyeSquintRight')], shares, raw.map((r) => r?.angles.yaw ?? 0));
  return { onPhoto, signed };
}

/** Gaps filled and every channel smoothed, with the lids' held states (narrowings, half lids, closures) kept through it. */
function smoothWithLids(d: Driver, shares: Shares, opts: FramesFromRawOptions): { interpolated: number; heldCaps: ReturnType<typeof heldLidCaps> | undefined } {
  const { fps, fit, raw, valid, rest, ch } = d;
  gazeHeldThroughClosures(ch, valid);
  // a held two-eyed narrowing (a look down, a squint) is not a shut eye (heldNarrowing.ts)
  const narrowCaps = fit.heldNarrowing ? heldNarrowingOutsideBlinks([ch.get('blinkL'), ch.get('blinkR')], shares, fps, fit.blinkThroughNarrowing) : undefined;
  // a held half-lowered lid drawn as that share of the photo's eye, not as a blink in flight (heldLids.ts)
  // (frames whose pixels show an iris open, on an eye the mesh reads open itself, are no blink there: irisSeenFrames)
  const heldCaps = fit.heldLidsShown ? heldLidCaps(shares, fps, fit.heldLidIrisSeen ? heldIrisSeen(raw, valid, rest) : undefined) : undefined;
  if (heldCaps) withinCaps([ch.get('blinkL'), ch.get('blinkR')], heldCaps);
  // a droopy speaker's held half lids steady, not pumping (droopLids.ts)
  if (fit.droopHeld) droopHeldSteady([ch.get('blinkL'), ch.get('blinkR')], shares, fps);
  const heldRead = opts.lidEvents ?? true ? lidEventsRead([ch.get('blinkL'), ch.get('blinkR')], shares, valid, fps) : undefined;
  if (fit.halfLidsTogether && (opts.lidEvents ?? true)) halfLidsTogether([ch.get('blinkL'), ch.get('blinkR')], shares);
  const interpolated = fillAndSmooth(ch, valid, fps, opts.blinksAsMeasured, opts.jawClosuresKept ?? true);
  if (heldRead) heldClosuresAsRead([ch.get('blinkL'), ch.get('blinkR')], heldRead);
  if (narrowCaps) withinCaps([ch.get('blinkL'), ch.get('blinkR')], narrowCaps);
  if (heldCaps) withinCaps([ch.get('blinkL'), ch.get('blinkR')], heldCaps);
  return { interpolated, heldCaps };
}

/** The smoothed mouth: sealed lips shut, round and wide shapes kept, lips within the jaw, counted from the first frame. */
function mouthAfterSmoothing(d: Driver, rig: RigReadings, onPhoto: boolean, signed: (name: string) => boolean, opts: FramesFromRawOptions): ReturnType<typeof tallGrinCaps> | undefined {
  const { fit, raw, valid, ch } = d;
  const { rigChannels, mouthWidths, mouthAspects } = rig;
  // the lips shut where the driver's pixels read them sealed, whatever gap the mesh read (sealedClose.ts; not the lip teacher's targets)
  const sealed = fit.sealedLipsClose && (opts.jawClosuresKept ?? true) ? sealedSeries(raw.map((r, i) => (valid[i] ? r : null))) : undefined;
  if (sealed) closeSealedLips(ch, sealed);
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
  return grinCaps;
}

/** The frames' marks the channels do not carry: start smiles, held lids, the driver's mouth width, corners, lift, one-sided lips. */
function markFrames(d: Driver, frames: MotionFrame[], rig: RigReadings, grinCaps: ReturnType<typeof tallGrinCaps> | undefined, heldCaps: ReturnType<typeof heldLidCaps> | undefined): void {
  const { fps, fit, raw, valid, good, rest } = d;
  markStartSmiles(frames, valid.indexOf(true), grinCaps);
  // the held lids' frames marked for the renderer: their eyes shaded lighter than a blink in flight's (heldLidMarks.ts)
  // (where the driver's pixels show an iris under the lid: a slow half blink the caps held keeps its dark slit)
  if (heldCaps && fit.heldLidMarked) markHeldLids(frames, heldCaps, irisShownFrames(raw, valid, rest));
  // the driver's own mouth width: a narrow photo opens against it (render/mouth/narrowJaw.ts)
  if (rig.rigChannels.size > 0) markDriverMouth(frames, rig.neutral);
  markStartCorners(frames, good.map((r) => r.m));
  if (fit.smileByLift) markSmileLiftScale(frames, raw.map((r, i) => (valid[i] && r ? r.m : null)));
  // the lips pushed to one side, which no rig control makes (mouthSide.ts)
  if (fit.mouthShift) addMouthSide(frames, raw.map((r, i) => (valid[i] && r?.lm ? landmarkList(r.lm) : null)), raw.map((r) => r?.angles.yaw ?? 0));
  // one side of the lips raised or dropped against the other, which the rig's controls average away (lipSides.ts)
  if (fit.lipSides) addLipSides(frames, raw.map((r, i) => (valid[i] && r?.lm ? landmarkList(r.lm) : null)));
  // a one-sided sneer or bite the face mesh evens out, read per side off the driver's pixels (sneerSides.ts)
  if (fit.sneerSides) addSneerSides(frames, sneerSeries(raw.map((r, i) => (valid[i] ? r?.sideTeeth : null)), fps));
}

/** Turns per-frame raw faces into smoothed Motion frames. */
export function motionFramesFromRaw(tracked: (RawFaceFrame | null)[], fps: number, mapToInitPose: boolean, opts: FramesFromRawOptions = {}): { frames: MotionFrame[]; stats: VideoMotionStats } {
  const d = readDriver(tracked, fps, opts);
  const { n, valid, rest, ch, eyed } = d;
  const rig = readChannels(d, mapToInitPose, opts);
  const { shares, irisHidden } = pairBlinks(d, rig.rigChannels.size > 0, rig.lidRises);
  const { onPhoto, signed } = mergeRig(d, rig, shares);
  const { interpolated, heldCaps } = smoothWithLids(d, shares, opts);
  const grinCaps = mouthAfterSmoothing(d, rig, onPhoto, signed, opts);
  // a camera that drifts, pans or zooms is not the head moving: when asked, the translation against its running median (steadyCamera.ts)
  for (const name of TRANSLATION_CHANNELS) withoutDrift(ch.get(name), fps, opts.steadyCamera ?? 0);
  // exactly zero at the first frame after smoothing: the video starts at the photo's own pose
  if (mapToInitPose) for (const name of ['yaw', 'pitch', 'roll', 'tx', 'ty', 'tz']) rezero(ch.get(name));
  // a frame's own trust, or the closure event's where its other eye never reads shut (a wink on a turned head)
  const slit = slitEyeTrust(shares, undefined, irisHidden);
  const eyesTrust = eyed.map((r, i) => (valid[i] ? Math.max(frameEyesTrust(r, rest), slit[i]!) : 0));
  const frames = framesFromChannels(ch, signed, onPhoto, rest.lipGap, eyesTrust);
  markFrames(d, frames, rig, grinCaps, heldCaps);
  // the frames in speech, where a parted photo's own mouth is rebuilt (speechMarks.ts)
  markSpeech(frames);
  return { frames, stats: { frames: n, missing: d.missing, interpolated } };
}
