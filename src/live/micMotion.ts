// Microphone mode's motion: the live mouth plus what speech does not determine, generated as in
// `generate` (src/motion/generators.ts): seeded blinks and gaze (precomputed curves, looped), and head
// motion and brow raises following the speech energy, stepped causally at the motion frame rate.
import type { MotionFrame } from '../types.ts';
import { blinkCurve, gazeCurve } from '../motion/generators.ts';
import { HeadMotionStream, type HeadMotionFrame } from '../motion/headMotion.ts';
import type { LiveMouthState } from './mouth.ts';
import { MOUTH_ON_PHOTO } from '../rig/mouthBase.ts';

export interface MicMotionOptions {
  fps?: number;
  seed?: number;
  temperature?: number;
  blink?: 'none' | 'periodic' | 'natural';
  /** head motion from the speech (auto, default) or a still head (static), as generate's --pose */
  pose?: 'auto' | 'static';
}

/** Ten minutes of blinks and gaze; longer sessions loop them. */
const CURVE_SECONDS = 600;

export class MicMotion {
  private readonly fps: number;
  private readonly blink: Float64Array;
  private readonly gaze: [Float64Array, Float64Array];
  private readonly head: HeadMotionStream;
  private readonly headNow: HeadMotionFrame = { yaw: 0, pitch: 0, roll: 0, brow: 0 };
  private step = 0;
  private readonly still: boolean;

  constructor(opts: MicMotionOptions = {}) {
    this.fps = opts.fps ?? 25;
    const seed = opts.seed ?? 0, temperature = opts.temperature ?? 0.2;
    const n = CURVE_SECONDS * this.fps;
    this.blink = blinkCurve(n, this.fps, opts.blink ?? 'natural', seed, temperature);
    this.gaze = gazeCurve(n, this.fps, seed, temperature);
    this.head = new HeadMotionStream(this.fps, seed, temperature);
    this.still = opts.pose === 'static';
  }

  /** The frame to show `seconds` after the start, with the mouth as it is now. */
  frameAt(seconds: number, mouth: LiveMouthState): MotionFrame {
    const target = Math.floor(seconds * this.fps);
    // the head model steps at the motion rate; catch up with the clock using the current energy
    for (; this.step <= target; this.step++) this.head.next(mouth.energy, this.headNow);
    const i = target % this.blink.length;
    const h = this.headNow;
    const k = this.still ? 0 : 1;
    return {
      // as generate's audio frames: the mouth's shapes go on the photo's own (a smiling photo keeps its smile)
      w: { ...mouth.weights, browInnerUp: h.brow * k, [MOUTH_ON_PHOTO]: 1 },
      pose: { yaw: h.yaw * k, pitch: h.pitch * k, roll: h.roll * k, tx: 0, ty: 0, tz: 0 },
      gaze: [this.gaze[0][i]!, this.gaze[1][i]!],
      blink: this.blink[i]!,
    };
  }
}
