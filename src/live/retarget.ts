// Live webcam -> MotionFrame: the same measures and rig weights as `generate --video`
// (measures.ts, retarget.ts), made causal: the driver's rest face is estimated from the first
// REST_FRAMES tracked frames instead of the whole clip, pose is relative to the first frame, and the
// forward-backward One Euro filters of the offline path become forward-only ones (same cutoffs).
// Poses past what the photo can show are eased into range as the offline path's are (poseRange.ts).
import type { MotionFrame } from '../types.ts';
import { faceMeasures, headAngles, type FaceMeasures } from '../motion/measures.ts';
import { clamp01, estimateRest, eyeRestOf, pairBlinks, percentile, weightsFromMeasures, type RestFace } from '../motion/restFace.ts';
import { OneEuroFilter } from '../motion/filters.ts';
import { eyeSharesOf, eyesTrust, smallerEyeWidthPxOfPoints } from '../motion/blinkPairTrust.ts';
import { SMILE_AT_START } from '../rig/mouthBase.ts';
import { MOUTH_SHIFT } from '../render/mouthShift.ts';
import { LiveMouthShift } from './liveMouthShift.ts';
import { keepPoseInRange } from '../motion/poseRange.ts';
import { alikeBlinks } from '../motion/alikeEyes.ts';
import { lidHeights, upperLidCapped } from '../motion/upperLidBlink.ts';
import { GAZE_UNIT } from '../motion/measuredChannels.ts';
import type { DriverFitOptions } from '../motion/retargetOptions.ts';

/** Frames of the driver used as their rest face (about a second at webcam rates). */
export const REST_FRAMES = 10;

/**
 * The video path's settings the live path follows (retargetOptions.ts; absent: that path's default), and
 * restSeconds: over how many seconds of the latest frames each eye's rest opening keeps being re-read (as the video path
 * reads it over the whole clip, restFace.ts eyeRestOf); 0 = the first REST_FRAMES frames' rest, held (before s52);
 * alikeYaw (s54 livesync54; default true): the alike pair forgives a turned head's near eye reading lower, as the video
 * path's alikeEyes does (alikeEyes.ts turnedDiff; false: frontal, as before s54).
 */
export type LiveRetargetOptions = Pick<DriverFitOptions, 'alikeEyes' | 'blinkFromUpperLid'> & { restSeconds?: number; alikeYaw?: boolean };

/**
 * default LiveRetargetOptions.restSeconds (s52 livegrain52): the rest from the first 10 frames alone biased every later
 * eye-to-eye share (Katie f116's lowered lid read .40/.48 live, .19/.51 on the video path); re-read over the latest 10 s
 * it reads .23/.52, and the live splits on the six bench tracks fall 82 -> 51 (bench/liveLids.ts --windows).
 */
export const liveRestSetting = { seconds: 10 };


type Channel = 'w' | 'blink' | 'gaze' | 'move' | 'turn';
/** One Euro settings per kind of channel: the offline path's (fromVideo.motionFramesFromRaw). */
const FILTER: Record<Channel, [number, number]> = { w: [4, 0.5], blink: [6, 1], gaze: [2, 0.5], move: [1, 2], turn: [1, 0.3] };

export class LiveRetarget {
  private readonly startup: FaceMeasures[] = [];
  private rest: RestFace | null = null;
  private first: { angles: { yaw: number; pitch: number; roll: number }; centre: [number, number]; scale: number } | null = null;
  /** the smiles of the first frame after calibration: they stand for the photo's own (rig/mouthBase.ts keepPhotoSmile) */
  private startSmiles: [number, number] | null = null;
  private readonly filters = new Map<string, OneEuroFilter>();
  /** the lips pushed to one side (liveMouthShift.ts), calibrated on the same first frames */
  private mouthShift: LiveMouthShift;
  private lastTime = -1;
  /** per eye, its latest openings (restSeconds of them) for the running rest */
  private readonly eyeSeries: [number[], number[]] = [[], []];
  /** per eye, its latest lid heights [upper, lower] (upperLidBlink.ts lidHeights), for their running rests */
  private readonly lidSeries: [[number, number][], [number, number][]] = [[], []];
  /** per eye, its first 5 lid heights after calibration: the floor of their rests, as the eyes' first frames are theirs */
  private readonly lidFirst: [[number, number][], [number, number][]] = [[], []];

  constructor(
    /** expected tracking rate (Hz): the One Euro filters' nominal rate */
    private readonly rate = 15,
    private readonly opts: LiveRetargetOptions = {},
  ) {
    this.mouthShift = new LiveMouthShift(rate, REST_FRAMES, FILTER.w);
  }

  /** Forgets the rest face and the first pose: the next REST_FRAMES frames are measured again. */
  recalibrate(): void {
    this.startup.length = 0;
    this.rest = null;
    this.first = null;
    this.startSmiles = null;
    this.eyeSeries[0].length = 0; this.eyeSeries[1].length = 0;
    this.lidSeries[0].length = 0; this.lidSeries[1].length = 0;
    this.lidFirst[0].length = 0; this.lidFirst[1].length = 0;
    this.filters.clear();
    this.mouthShift = new LiveMouthShift(this.rate, REST_FRAMES, FILTER.w);
  }

  /** True once the rest face is known (after REST_FRAMES frames). */
  get calibrated(): boolean {
    return this.rest !== null;
  }

  private pushEyes(m: FaceMeasures, keep: number): void {
    [m.eyeLeft, m.eyeRight].forEach((v, side) => {
      const series = this.eyeSeries[side]!;
      series.push(v);
      if (series.length > keep) series.shift();
    });
  }

  /**
   * As the video path's blinksByUpperLid (upperLidBlink.ts) before its alike pair: a narrowing the lower lid makes is
   * not a blink. The lid heights' rests are eyeRestOf their latest frames (the video path's: the whole clip's), the
   * glance gate the gaze relative to the first frames' (the video path's gx: relative to the clip's median).
   */
  private upperLidBlinks(landmarks: ArrayLike<ArrayLike<number>>, m: FaceMeasures, blinks: [number, number], keep: number): [number, number] {
    const flat = new Float64Array(landmarks.length * 3);
    for (let k = 0; k < landmarks.length; k++) for (let c = 0; c < 3; c++) flat[k * 3 + c] = landmarks[k]![c] ?? 0;
    const gx0 = percentile(this.startup.map((s) => s.gaze[0]), 50);
    const gx = GAZE_UNIT * (m.gaze[0] - gx0);
    return ([0, 1] as const).map((side) => {
      const h = lidHeights(flat, side), series = this.lidSeries[side], first = this.lidFirst[side];
      series.push(h);
      if (series.length > keep) series.shift();
      if (first.length < 5) first.push(h);
      const restU = eyeRestOf(series.map((v) => v[0]), first.map((v) => v[0])), restL = eyeRestOf(series.map((v) => v[1]), first.map((v) => v[1]));
      return restU + restL > 0 ? upperLidCapped(blinks[side], h, restU, restL, gx) : blinks[side];
    }) as [number, number];
  }

  /** An eye's rest as restFace.ts eyeRestOf reads a clip's: the larger of the driver's first 5 frames' median and the 80th percentile, here of its latest openings. */
  private runningEyeRest(side: 0 | 1): number {
    const first = this.startup.slice(0, 5).map((m) => (side === 0 ? m.eyeLeft : m.eyeRight));
    return eyeRestOf(this.eyeSeries[side]!, first);
  }

  private smooth(name: string, kind: Channel, v: number): number {
    let f = this.filters.get(name);
    if (!f) {
      f = new OneEuroFilter(this.rate, FILTER[kind][0], FILTER[kind][1]);
      this.filters.set(name, f);
    }
    return f.filter(v);
  }

  /**
   * One tracked frame: 478 landmarks in video pixels. Returns the motion frame (relative to the
   * driver's first frame and rest face), or null while the rest face is still being measured.
   */
  update(landmarks: ArrayLike<ArrayLike<number>>, time: number): MotionFrame | null {
    if (time <= this.lastTime) return null;
    this.lastTime = time;
    const m = faceMeasures(landmarks);
    const angles = headAngles(landmarks);
    if (!this.first) this.first = { angles, centre: [m.centre[0], m.centre[1]], scale: m.scale };
    const shift = this.mouthShift.update(landmarks, angles.yaw);
    const restWindow = Math.round((this.opts.restSeconds ?? liveRestSetting.seconds) * this.rate);
    if (restWindow > 0) this.pushEyes(m, Math.max(restWindow, REST_FRAMES));
    if (!this.rest) {
      this.startup.push(m);
      if (this.startup.length < REST_FRAMES) return null;
      this.rest = estimateRest(this.startup);
    } else if (restWindow > 0) {
      this.rest.eyeLeft = this.runningEyeRest(0);
      this.rest.eyeRight = this.runningEyeRest(1);
    }
    const read = weightsFromMeasures(m, this.rest);
    const { w } = read;
    const [blinkLeft, blinkRight] = this.opts.blinkFromUpperLid ?? true ? this.upperLidBlinks(landmarks, m, [read.blinkLeft, read.blinkRight], Math.max(restWindow, REST_FRAMES)) : [read.blinkLeft, read.blinkRight];
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(w)) out[k] = clamp01(this.smooth(k, 'w', v));
    const shares = eyeSharesOf(m, this.rest);
    // as the video path, before the smoothing: two eyes the mesh reads about equally open blink as one (alikeEyes.ts;
    // the blink map's steep part turned its eye-to-eye noise into one-eyed droops, lp_s7 <- lp_d10 f40)
    // (and, as there, a turned head's near eye forgiven for reading lower: turnedDiff; s54, before it frontal)
    const [rawL, rawR] = this.opts.alikeEyes ?? true ? alikeBlinks(blinkLeft, blinkRight, shares, this.opts.alikeYaw ?? true ? angles.yaw : 0) : [blinkLeft, blinkRight];
    const bl = clamp01(this.smooth('blinkL', 'blink', rawL));
    const br = clamp01(this.smooth('blinkR', 'blink', rawR));
    // as offline: a large frontal face, or one eye read deeply shut, keeps a less closed eye as read (blinkPairTrust.ts)
    const trust = eyesTrust(smallerEyeWidthPxOfPoints(landmarks), angles.yaw, shares);
    const { blink, eyeBlinkLeft, eyeBlinkRight } = pairBlinks(bl, br, trust);
    out.eyeBlinkLeft = eyeBlinkLeft;
    out.eyeBlinkRight = eyeBlinkRight;
    // as the video path's frames (framesFromRaw markStartSmiles): a smiling photo keeps its smile while the driver rests
    this.startSmiles ??= [out.mouthSmileLeft ?? 0, out.mouthSmileRight ?? 0];
    SMILE_AT_START.forEach((name, side) => (out[name] = this.startSmiles![side]!));
    if (shift) out[MOUTH_SHIFT] = shift;
    const f = this.first;
    const faceWidth0 = f.scale * 1.6;
    const frame: MotionFrame = {
      w: out,
      pose: {
        yaw: this.smooth('yaw', 'turn', angles.yaw - f.angles.yaw),
        pitch: this.smooth('pitch', 'turn', angles.pitch - f.angles.pitch),
        roll: this.smooth('roll', 'turn', angles.roll - f.angles.roll),
        tx: this.smooth('tx', 'move', (m.centre[0] - f.centre[0]) / faceWidth0),
        ty: this.smooth('ty', 'move', (m.centre[1] - f.centre[1]) / faceWidth0),
        // 4 face widths from the camera: moving closer enlarges the face
        tz: this.smooth('tz', 'move', 4 * (1 - f.scale / m.scale)),
      },
      gaze: [Math.max(-1, Math.min(1, this.smooth('gx', 'gaze', m.gaze[0]))), Math.max(-1, Math.min(1, this.smooth('gy', 'gaze', m.gaze[1])))],
      blink,
    };
    // as the video path: a head turned or pitched further than one photo can show is eased into range (poseRange.ts)
    keepPoseInRange([frame]);
    return frame;
  }
}
