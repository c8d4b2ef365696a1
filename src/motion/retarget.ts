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
import { browShapeOf, type BrowShape } from './browShape.ts';
import { worriedKnits, worriedWeights } from './browKnit.ts';
import { browsThroughLids, realDrops, shutRuns } from './browsThroughLids.ts';
import { mouthChange, isRelativeMouth } from './mouthChange.ts';
import { distrustTurnedOneSided } from './turnTrust.ts';
import { distrustPitchedFrowns } from './pitchTrust.ts';
import { lidsDecide, lidsDecideAll } from './lidsDecide.ts';
import { medianShares, twoEyedStares, twoEyedStaresOverMedian } from './twoEyedStare.ts';
import { stareShowGate } from './stareShowGate.ts';
import { oneEyedStares } from './oneEyedStare.ts';
import { whiteStares, WHITE_STARE_MAX } from './whiteStare.ts';
import { showsOverFloor } from './whiteFloor.ts';
import { capWidesByShow } from './wideShowCap.ts';
import { scleraShows, widenFromShows } from './scleraShow.ts';
import { heldRises, lidHeights, lowerLidRises, type Lids } from './lowerLid.ts';
import { eyeShares, lidShownSquints, lowerLidSquints, squintsWithinBlink, wideOverSquint } from './eyeSquints.ts';
import { driverFitDefaults, type DriverFitOptions } from './retargetOptions.ts';
export { driverFitDefaults, type DriverFitOptions } from './retargetOptions.ts';
import { eyeRestOf, percentile } from './restFace.ts';
import { eyeGazes, faceMeasures } from './measures.ts';
import { mouthWidthRatio, openingAspect } from '../rig/mouthPrior.ts';
import { restReading, shutLipFrames } from './shutRest.ts';
import { applyHeldLook, heldLookOf, holdsLook } from './heldLook.ts';
import { START_FRAMES } from './startCorners.ts';

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

/** One driver frame's weights against its neutral (the pose's reading removed unless options.poseCorrection is false). */
export function driverWeights(lm: Landmarks, neutral: Float64Array, options: DriverFitOptions = {}): Record<string, number> {
  return driverFrame(lm, neutral, options).weights;
}

/** driverWeights, and the brows' heights over the eye corners in the head frame (browDrop.ts). */
function driverFrame(lm: Landmarks, neutral: Float64Array, options: DriverFitOptions): { weights: Record<string, number>; brows: [number, number]; browShape: BrowShape; lids: [Lids, Lids]; pose: { yaw: number; pitch: number }; mouthWidth: number; mouthAspect: number } {
  const o = driverFitDefaults(options);
  const fit = fitRig(lm, { neutral, robust: true, puckerWidthPrior: o.puckerPrior, funnelWidthPrior: o.funnelPrior, silhouetteFade: o.silhouetteFade });
  const head = toCanonical(lm, fit);
  return { weights: o.poseCorrection ? removePoseBias(fit.weights, fit.pose) : fit.weights, brows: browHeights(head), browShape: browShapeOf(head), lids: lidHeights(head), pose: fit.pose, mouthWidth: mouthWidthRatio(head, neutral), mouthAspect: openingAspect(head) };
}

/** What the video path hands retargetFromLandmarks besides the landmarks, and what it reads back. */
export interface RetargetIo {
  /** per side (subject's left, right), each frame's measured eye opening (FaceMeasures eyeLeft / eyeRight) */
  eyes?: [ArrayLike<number>, ArrayLike<number>];
  fittedYaw?: Float64Array;
  lidRises?: [Float64Array, Float64Array];
  /** receives each frame's lids in the head frame (lowerLid.ts lidHeights; frames without landmarks left as they are) */
  lids?: ([Lids, Lids] | undefined)[];
  /** receives each frame's mouth width over the driver's neutral (the fit's mouth prior reads it: rig/mouthPrior.ts) */
  mouthWidths?: Float64Array;
  /** receives each frame's opening height over width (rig/mouthPrior.ts openingAspect: a tall opening is no grin) */
  mouthAspects?: Float64Array;
  /** each frame's measured inner-lip gap (FaceMeasures lipGap, IOD; else measured here): where the lips are shut (shutRest.ts) */
  lipGaps?: ArrayLike<number>;
  /** each frame's white above both irises off the video's pixels (RawFaceFrame.whiteShow, eyeWhiteShow.ts; stareFromWhite) */
  whiteShows?: ArrayLike<readonly [number, number] | null | undefined>;
  /** the frames' rate (browsThroughLids: a blink's length in frames); 25 when not given */
  fps?: number;
  /** receives the driver's neutral face (478*3 canonical, estimateNeutral over the clip): its mouth share goes on the motion (render/mouth/narrowJaw.ts) */
  neutral?: Float64Array;
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
  const o = driverFitDefaults(options);
  const lms = frames.map((f) => (!f ? null : Array.isArray(f) && Array.isArray(f[0]) ? (f as Landmarks) : landmarkList(f as ArrayLike<number>)));
  const good = lms.filter((l): l is Landmarks => !!l && l.length >= 478);
  if (!good.length) return new Map();
  const neutral = estimateNeutral(good, 1, { silhouetteFade: o.silhouetteFade });
  io.neutral?.set(neutral);
  const r = readDriverFrames(lms, neutral, o, io);
  const out = controlsFromRest(r, o);
  if (o.raiseWithinRise && o.raiseFromRise) raisesFromRise(out, r.have, r.brows, r.browRest, o.oneSidedBrows);
  if (o.frownWithinDrop && o.smileNoFrown) smileFrowns(out, r.have, r.brows, r.browRest);
  if (o.frownPitchTrust) distrustPitchedFrowns(out, r.pitch, r.have);
  // a knit whose inner heads came together further than down is a worried brow, not a frown (browKnit.ts)
  if (o.worriedKnit) worriedKnits(out, r.have, worriedWeights(r.browShapes, r.have));
  // the mesh drags the brows down with a shut lid: a raised brow is held through a wink or blink (browsThroughLids.ts)
  // ...unless the brow stays down after the eyes reopen: that drop was real (lp_d6 f325-332)
  if (o.browsThroughLids) {
    const shares = eyeShares(r.eyes, r.have), fps = io.fps ?? 25, brows = [r.brows[0]!, r.brows[1]!] as [Float64Array, Float64Array];
    const runs = shutRuns(shares, r.have, fps);
    browsThroughLids(out, o.realBrowDrops ? realDrops(runs, brows, shares, r.have, fps) : runs, r.browShapes);
  }
  eyeRules(out, r, o, io);
  // an expression held from the first frame to the last is the driver's rest: its absolute part put back (heldLook.ts)
  if (o.heldLook) heldLookOnto(out, r, lms);
  return out;
}

/** What retargetFromLandmarks reads off each driver frame with landmarks (frames without: left 0). */
interface DriverReadings {
  n: number;
  /** the frames with landmarks */
  have: number[];
  /** per RIG_CONTROLS entry, each frame's weight from the fit (the pose's reading removed) */
  raw: Float64Array[];
  /** per side, the brows' heights over the eye corners (browDrop.ts), and their rest */
  brows: Float64Array[];
  browRest: ReturnType<typeof browRestOf>;
  /** per frame, the brows' shape in the head frame (browShape.ts) */
  browShapes: (BrowShape | null)[];
  yaw: Float64Array;
  pitch: Float64Array;
  lids: [Lids, Lids][];
  /** per side, the measured eye opening (when an eye rule needs it) */
  eyes: [Float64Array, Float64Array];
  /** the inner-lip gap (with restFromShutLips) */
  gaps: Float64Array;
  /** per side, the white shown above the iris (scleraShow.ts; when a rule needs it) */
  shows: [Float64Array, Float64Array];
  /** each frame's sideways look, |x| of the irises' mean offset in half eye widths (measures.ts eyeGazes; with heldRiseSquint) */
  glance: Float64Array;
}

/** Step 1: fit each frame against the driver's neutral and keep what the later rules read. */
function readDriverFrames(lms: (Landmarks | null)[], neutral: Float64Array, o: Required<DriverFitOptions>, io: RetargetIo): DriverReadings {
  const { fittedYaw, mouthWidths, mouthAspects } = io;
  const n = lms.length;
  const raw = RIG_CONTROLS.map(() => new Float64Array(n));
  const have: number[] = [];
  const brows = [new Float64Array(n), new Float64Array(n)];
  const browShapes: (BrowShape | null)[] = new Array(n).fill(null);
  const yaw = fittedYaw ?? new Float64Array(n);
  const pitch = new Float64Array(n);
  const lids: [Lids, Lids][] = new Array(n);
  const eyes = [new Float64Array(n), new Float64Array(n)] as [Float64Array, Float64Array];
  const gaps = new Float64Array(n);
  const shows = [new Float64Array(n), new Float64Array(n)] as [Float64Array, Float64Array];
  const glance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lm = lms[i];
    if (!lm || lm.length < 478) continue;
    // the face mesh reads a pitched/tilted head as one-sided expression: remove what a neutral
    // face reads at this pose (rig/poseBias.ts)
    const frame = driverFrame(lm, neutral, o);
    yaw[i] = frame.pose.yaw;
    pitch[i] = frame.pose.pitch;
    if (mouthWidths) mouthWidths[i] = frame.mouthWidth;
    if (mouthAspects) mouthAspects[i] = frame.mouthAspect;
    const w = weightsToVector(frame.weights);
    for (let k = 0; k < RIG_CONTROLS.length; k++) raw[k]![i] = w[k]!;
    brows[0]![i] = frame.brows[0]; brows[1]![i] = frame.brows[1];
    browShapes[i] = frame.browShape;
    lids[i] = frame.lids;
    if (o.wideFromShow || (o.stareOverMedian && o.stareShowGate) || o.oneEyedStare || (o.stareFromWhite && o.whiteStareMeshGate) || o.wideShowCap) [shows[0][i], shows[1][i]] = scleraShows(lm);
    const needEyes = o.lidsDecide || o.squintWithinNarrowing || o.squintWithinBlink || o.heldLook;
    const m = (needEyes && !io.eyes) || (o.restFromShutLips && !io.lipGaps) ? faceMeasures(lm) : null;
    if (needEyes) {
      eyes[0][i] = io.eyes ? io.eyes[0][i]! : m!.eyeLeft;
      eyes[1][i] = io.eyes ? io.eyes[1][i]! : m!.eyeRight;
    }
    if (o.restFromShutLips) gaps[i] = io.lipGaps ? io.lipGaps[i]! : m!.lipGap;
    if (o.heldRiseSquint) { const [a, b] = eyeGazes(lm); glance[i] = Math.abs((a[0] + b[0]) / 2); }
    have.push(i);
  }
  return { n, have, raw, brows, browRest: browRestOf(brows, have, o.frontalBrowRest ? pitch : undefined), browShapes, yaw, pitch, lids, eyes, gaps, shows, glance };
}

/** Step 2: each retargeted control relative to the driver's rest for it, at its calibrated gain (brows capped by their rise). */
function controlsFromRest(r: DriverReadings, o: Required<DriverFitOptions>): Map<RigControl, Float64Array> {
  const { n, have, raw } = r;
  const out = new Map<RigControl, Float64Array>();
  const controls: RigControl[] = o.lowerLipFit ? [...RETARGETED, 'mouthLowerDown'] : RETARGETED;
  // the lips' shape at rest is read where the lips are shut (shutRest.ts)
  const shut = o.restFromShutLips ? shutLipFrames(r.gaps, have) : undefined;
  for (const c of controls) {
    const k = RIG_CONTROLS.indexOf(c);
    const series = Float64Array.from(have, (i) => raw[k]![i]!);
    const rest = restReading(raw[k]!, have, isRelativeMouth(c) ? shut : undefined, REST_PERCENTILE), high = percentile(series, HIGH_PERCENTILE);
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
    browCaps(c, ch, have, r.brows, r.browRest, o);
    out.set(c, ch);
  }
  return out;
}

/** Step 3: the eyes' rules on the controls — squints from the lower lids, wide eyes and stares decided by the lids' opening. */
function eyeRules(out: Map<RigControl, Float64Array>, r: DriverReadings, o: Required<DriverFitOptions>, io: RetargetIo): void {
  const { n, have, eyes, shows } = r;
  const rises = lowerLidRises(r.lids, have);
  // (the rises as measured: lowerLidSquints leaves in them the share it gives back to the blink)
  const measuredRises = o.lidShownSquint ? rises.map((x) => x.slice()) as [Float64Array, Float64Array] : undefined;
  const smileSquints: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
  // (each eye's opening over its rest, read once for both squint rules)
  const shares = o.squintWithinNarrowing || o.squintWithinBlink ? eyeShares(eyes, have) : undefined;
  // a rise held 0.36 s is a squint without a smile too, no deeper than the eye narrowed (lowerLid.ts heldRises, squint57)
  const held = o.heldRiseSquint && o.squintWithinNarrowing ? heldRises(rises, have, undefined, r.glance) : undefined;
  if (o.lowerLidSquint) lowerLidSquints(out, rises, have, o.squintWithinNarrowing ? shares : undefined, smileSquints, held);
  if (o.squintWithinBlink) squintsWithinBlink(out, shares!, have, smileSquints);
  io.lidRises?.[0].set(rises[0]);
  io.lidRises?.[1].set(rises[1]);
  if (io.lids) for (const i of have) io.lids[i] = r.lids[i];
  if (o.wideFromShow) widenFromShows(out, shows, have);
  if (o.oneSidedTurn) distrustTurnedOneSided(out, r.yaw, have);
  if (o.wideOverSquint && o.lidsDecide) {
    const eyeOpen = eyeShares(eyes, have);
    const fitted = measuredRises ? (['eyeSquintLeft', 'eyeSquintRight'] as const).map((c) => out.get(c)?.slice() ?? new Float64Array(n)) as [Float64Array, Float64Array] : undefined;
    const uncapped = o.stareOverMedian || o.oneEyedStare ? uncappedWides(out, eyeOpen, have) : undefined;
    lidsDecideAll(out, eyeOpen, have, o.wideWithinOpening);
    // a squint its lower lid's rise shows is not taken off for a wide reading that is not shown (eyeSquints.ts, squint57)
    if (fitted && measuredRises) lidShownSquints(out, fitted, measuredRises, eyeOpen, have);
    if (o.twoEyedStare) twoEyedStares(out, eyeOpen, have);
    // (each eye's opening over its median: read once for both stare rules)
    const overMedian = uncapped ? medianShares(eyes, have) : undefined;
    if (o.twoEyedStare && o.stareOverMedian && uncapped && overMedian) {
      const gate = o.stareShowGate ? Float64Array.from(shows[0], (l, i) => stareShowGate(l, shows[1][i]!)) : undefined;
      twoEyedStaresOverMedian(out, uncapped, eyeOpen, overMedian, have, gate);
    }
    if (o.oneEyedStare && uncapped && overMedian) oneEyedStares(out, uncapped, eyeOpen, overMedian, shows, have);
    // no eyeWide where the mesh puts both lids well over their irises: a down-looking driver's plain open eye (wideShowCap.ts, falsestare50)
    if (o.wideShowCap) capWidesByShow(out, shows, have, o.wideShowLesser);
    // a two-eyed stare the pixels show, which the mesh's openings and shows miss (whiteStare.ts, stare40)
    // (only the white over the driver's own floor: pale lids read as white in every frame, whiteFloor.ts, owl47)
    // (and only where the mesh does not put a lid well over either iris: pale lid skin reads as white, calmeyes49)
    if (o.stareFromWhite && io.whiteShows) whiteStares(out, o.whiteStareFloor ? showsOverFloor(io.whiteShows, WHITE_STARE_MAX) : io.whiteShows, eyeOpen, have, o.whiteStareMeshGate ? shows : undefined);
  } else if (o.wideOverSquint) wideOverSquint(out);
}

/** Each eye's eyeWide as lidsDecide leaves it without the eyes30 cap (the stareOverMedian experiment). */
function uncappedWides(out: Map<RigControl, Float64Array>, shares: [Float64Array, Float64Array], have: number[]): [Float64Array, Float64Array] {
  return ([['eyeWideLeft', 'eyeSquintLeft'], ['eyeWideRight', 'eyeSquintRight']] as const).map(([wide, squint], side) => {
    const w = out.get(wide), s = out.get(squint), r = new Float64Array(shares[side]!.length);
    if (w && s) for (const i of have) r[i] = lidsDecide(w[i]!, s[i]!, shares[side]![i]!)[0];
    return r;
  }) as [Float64Array, Float64Array];
}

/** Step 4: the squint and frown the driver holds over the whole clip, which its rest took away (heldLook.ts); a neutral driver's channels untouched. */
function heldLookOnto(out: Map<RigControl, Float64Array>, r: DriverReadings, lms: (Landmarks | null)[]): void {
  const first = r.have.slice(0, START_FRAMES).map((i) => faceMeasures(lms[i]!));
  const look = heldLookOf(r.eyes, r.have, [first.map((m) => m.cornerLiftLeft), first.map((m) => m.cornerLiftRight)]);
  if (holdsLook(look)) applyHeldLook(out, r.have, look);
}
