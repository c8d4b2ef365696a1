// Head motion of a speaker, generated from the speech rhythm (audio has no pose to read).
// Three parts per axis, added:
// - a slow seeded drift (sinusoids below 0.3 Hz): where the head rests over seconds;
// - random sway: low-passed noise through damped springs, whose spectrum matches real speakers' heads
//   (SWAY below, fitted to the training clips), so the head moves as fast and as far as a real one;
// - drift and sway run on a stroke clock (headStrokes.ts): slow in holds, fast in strokes started
//   mostly by stressed syllables, as real heads move;
// - nods: pitch kicked by stressed syllables (rises of the energy envelope), decaying in ~0.5 s.
// Everything is scaled by speech activity (stiller in pauses) and by `temperature`.
import { gauss, rng } from './generators.ts';
import { springRate, StrokeClock, STROKES, type StrokeShape } from './headStrokes.ts';

/** One frame of generated head motion (degrees) and brow raise (0..1). */
export interface HeadMotionFrame {
  yaw: number;
  pitch: number;
  roll: number;
  brow: number;
}

/** A damped spring driven by white noise: `hz` natural frequency, `damping` ratio, `deg` standard deviation. */
interface SwaySpring {
  hz: number;
  damping: number;
  deg: number;
}

/**
 * Sway per axis at temperature 0.2. Fitted to the median power spectrum (0.4-4.7 Hz) of the head
 * angles our tracker reads off the 39 non-GRID training clips, minus the spectrum it reads off GRID's
 * still, frontal speaker (tracker noise). Together with the drift this gives per-clip standard
 * deviations near the real medians (yaw 2.9°, pitch 2.3°, roll 3.1°); bench/headMotion.ts compares.
 * Roll's 0.7 Hz spring was 2.9° (and the slow one 4.0°) until head15: read with the rig fit every
 * 0.2 s, our renders' roll changed 1.58° per step against real speakers' 1.29° (33 speakers, 8 s each,
 * bench/headRead.ts) at about the same sd; moving weight to the slow spring slows it.
 * Pitch's springs were 3.0° / 1.0° until head16 (with a drift of 2, now 4.5 as yaw's): read every frame
 * (bench/headBands.ts), real speakers' pitch has 37 % of its variance below 0.3 Hz and 17 % at 1-3 Hz
 * (median of 12 clips, first 8 s) and ours had 24 % / 19 %; now 35 % / 17 %, the nods included.
 * Roll's springs went back part way in head16 (4.5° / 1.5° -> 3.8° / 2.4°): with roll's gain down, real
 * roll has 45 % below 0.3 Hz, ours had 68 %, now 61 %; its change per 0.2 s (command, median over six
 * clips x 8 seeds) 0.97° -> 1.32°, real speakers' read 1.29° (head15).
 */
export const SWAY: Record<'yaw' | 'pitch' | 'roll', readonly SwaySpring[]> = {
  yaw: [{ hz: 0.5, damping: 0.8, deg: 3.8 }, { hz: 1.4, damping: 0.8, deg: 1.4 }],
  pitch: [{ hz: 0.7, damping: 0.5, deg: 2.0 }, { hz: 2.0, damping: 0.5, deg: 0.6 }],
  roll: [{ hz: 0.2, damping: 0.5, deg: 3.8 }, { hz: 0.7, damping: 0.8, deg: 2.4 }],
};

/**
 * The sway springs' force is white noise through a one-pole low-pass at this frequency (Hz), not raw
 * white noise (s34, nod34): with a white force the velocity was a random walk, so a 25 fps trace
 * reversed direction ~7 times a second per axis and shook 0.6-0.7 deg about its 7-frame mean
 * (critic33). A smooth force keeps the springs' band spectrum below ~2 Hz and takes out the
 * frame-rate shake; each spring's `deg` stays its standard deviation (renormalised numerically).
 */
export const SWAY_FORCE_HZ = 2.5;

/** A gain per axis on the drift and sway (not the nods). */
export type HeadGain = Record<'yaw' | 'pitch' | 'roll', number>;

/**
 * How far the head moves, per axis, over SWAY and the drift (SWAY's angles were the face mesh's own,
 * which read a turn at ~0.65 of the rig's degrees the pose is in). Fitted (bench/headFit.ts) to the rig
 * fit's angles read off real speakers' frames by bench/headRead.ts: per speaker the sd over the first
 * 8 s; 17 of 33 speakers (train/clips non-GRID + Katie + mt_sun, alternate by name) fit, median on
 * median (1.38 / 1.26 / 1.20); on the other 16, held out, sd yaw / pitch / roll: real median 3.6 /
 * 3.3 / 3.3 deg, the generator before head15 2.95 / 2.0 / 2.9, with this 3.9 / 2.7 / 3.5. The rendered
 * head reads back at the command's angle (rig fit 1.05-1.08 / 0.95-1.0 / 1.01 x on 5 speakers), the
 * detector at 0.67 / 0.71 x of the fit as on a real head (0.68 / 0.72): the generated pose was small,
 * not the rendered turn.
 * head16 (pitch 1.3 -> 1.5, roll 1.2 -> 0.95, with the slower pitch, bigger nods, faster roll): critic15 saw the head
 * tilt more than it nodded (roll sd above pitch sd on every audio clip), while 26 of 39 real clips pitch
 * more than they roll. On the same 16 held-out speakers, sd pitch / roll: real 2.65 / 2.48, before
 * 2.91 / 3.25, now 3.21 / 2.35 (yaw 3.59 -> 3.83, real 3.89). The detector the critic reads with takes
 * our roll at 1.04 x the fit but a real head's at 0.87 x, so roll stays a little under the real median.
 */
export const HEAD_GAIN: HeadGain = { yaw: 1.35, pitch: 1.5, roll: 0.95 };

/**
 * Nods: pitch (chin down, positive) kicked by stressed syllables, a damped spring that dips and comes
 * back. `deg`: the peak of a typical stress's nod at temperature 0.2; `maxDeg`: the largest nod. Until
 * head16 a 2.2 Hz spring (damping 0.6) kicked to ~1.4° and outside HEAD_GAIN: nods were 0.3-0.4° sd of
 * the pitch's ~3°. Now 0.6-0.8° sd (eng.wav, japanese.wav, Katie, Obama), slower (real speakers' pitch
 * has 16 % of its variance at 1-3 Hz, bench/headBands.ts) and stressed syllables still nod.
 */
export const NOD = { hz: 1.6, damping: 0.7, deg: 3.0, maxDeg: 7 } as const;

/**
 * A nod's push is a smooth force over this long (s), not a velocity kick (s34, nod34): kicked, the chin
 * moved 2.6 deg in the first frame of a typical nod (3.6 deg at a strong one, critic33) and peaked 0.11 s
 * later. Spread, the same peak comes ~0.2 s after the stress with its steps a third as big.
 */
export const NOD_PUSH_SECONDS = 0.2;

/** Raised-cosine weights over `n` frames, summing to 1 (a smooth push spread over n frames). */
export function pushWeights(n: number): number[] {
  const w = Array.from({ length: n }, (_, k) => Math.sin((Math.PI * (k + 1)) / (n + 1)) ** 2);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

/** The peak displacement of the spring stepped as HeadMotionStream steps it, after a unit velocity change spread by `weights`. */
export function pushPeak(hz: number, damping: number, dt: number, weights: readonly number[]): number {
  const k = (2 * Math.PI * hz) ** 2, c = 2 * damping * 2 * Math.PI * hz;
  let p = 0, v = 0, peak = 0;
  for (let i = 0; i < Math.ceil(3 / hz / dt); i++) {
    v += (weights[i] ?? 0) + (-k * p - c * v) * dt;
    p += v * dt;
    peak = Math.max(peak, p);
  }
  return peak;
}

/**
 * Stationary standard deviations of position and velocity of a SwaySpring driven, per step, by unit
 * normal noise through the one-pole force filter `alpha` (the sum of its squared impulse response).
 */
export function filteredSpringSd(hz: number, damping: number, dt: number, alpha: number): { p: number; v: number } {
  const k = (2 * Math.PI * hz) ** 2, c = 2 * damping * 2 * Math.PI * hz;
  let f = 0, p = 0, v = 0, sp = 0, sv = 0;
  const steps = Math.ceil(12 / (damping * 2 * Math.PI * hz) / dt) + Math.ceil(12 / alpha);
  for (let i = 0; i < steps; i++) {
    f += ((i === 0 ? 1 : 0) - f) * alpha;
    v += (-k * p - c * v) * dt + f * Math.sqrt(dt);
    p += v * dt;
    sp += p * p; sv += v * v;
  }
  return { p: Math.sqrt(sp), v: Math.sqrt(sv) };
}

/** A spring driven by low-passed noise, stepped causally (semi-implicit Euler); output in the spring's `deg` units. */
class NoiseSpring {
  private p = 0;
  private v = 0;
  private f = 0;
  private readonly k: number;
  private readonly c: number;
  private readonly gain: number;
  private readonly alpha: number;

  /** `start`: three standard normal draws that place the spring in its stationary spread (position, velocity, force). */
  constructor(readonly spring: SwaySpring, private readonly dt: number, start: [number, number, number]) {
    const w = 2 * Math.PI * spring.hz;
    this.k = w * w;
    this.c = 2 * spring.damping * w;
    this.alpha = 1 - Math.exp(-2 * Math.PI * SWAY_FORCE_HZ * dt);
    const sd = filteredSpringSd(spring.hz, spring.damping, dt, this.alpha);
    this.gain = spring.deg / sd.p;
    // a speaker is caught mid-motion: starting at rest, the slow roll spring (0.2 Hz) took ~5 s to reach
    // its spread, so a clip's first 8 s moved less than the rest
    this.p = start[0] * sd.p;
    this.v = start[1] * sd.v;
    this.f = start[2] * Math.sqrt(this.alpha / (2 - this.alpha));
  }

  /**
   * One frame. `rate`: how much of the spring's own time passes in it (the stroke clock, headStrokes.ts);
   * a fast frame is split into substeps so the semi-implicit Euler step stays small. The force's spread
   * is kept whatever the step (the noise scaled for the step's low-pass).
   */
  step(noise: number, rate = 1): number {
    const substeps = Math.max(1, Math.ceil(rate));
    const h = (this.dt * rate) / substeps;
    const alpha = rate === 1 ? this.alpha : 1 - Math.exp(-2 * Math.PI * SWAY_FORCE_HZ * h);
    const kick = rate === 1 ? noise : noise * Math.sqrt(substeps * ((2 - alpha) / alpha) * (this.alpha / (2 - this.alpha)));
    for (let j = 0; j < substeps; j++) {
      this.f += ((j === 0 ? kick : 0) - this.f) * alpha;
      this.v += (-this.k * this.p - this.c * this.v) * h + (this.f * h) / Math.sqrt(this.dt);
      this.p += this.v * h;
    }
    return this.p * this.gain;
  }
}

/**
 * A stress: the speech energy this far (log units) above its 0.25 s average. Nods take rises above
 * NOD_RISE (1.5 until head16: about 1.2 nods a second on eng.wav, now 1.6; 1.8 on Katie and Obama);
 * the live mic's brows keep the old, stronger threshold.
 */
const NOD_RISE = 1.0, BROW_RISE = 1.5;

/** A stress's nod relative to a typical one (1 at 0.5 over NOD_RISE), growing with the rise. */
function nodSize(overRise: number): number {
  return (overRise * 30 + 25) / 40;
}

/**
 * Head motion following the speech, one frame at a time (causal: frame i uses energies up to i).
 * Used over a whole file by headMotion and live by src/live.
 */
export class HeadMotionStream {
  private readonly rand: () => number;
  private readonly scale: number;
  private readonly yawDrift: (t: number) => number;
  private readonly pitchDrift: (t: number) => number;
  private readonly rollDrift: (t: number) => number;
  private readonly sway: { yaw: NoiseSpring[]; pitch: NoiseSpring[]; roll: NoiseSpring[] };
  private readonly k: number;
  private readonly damp: number;
  private readonly dt: number;
  private readonly kickPerDeg: number;
  /** a nod's push: the share of its velocity change given on each frame */
  private readonly push: number[];
  /** the nod pushes still being given: velocity change and frames done */
  private pushes: { dv: number; k: number }[] = [];
  private level = 0;
  private slow = -8;
  private b = 0;
  private p = 0;
  private v = 0;
  private refractory = 0;
  /** the sway's and drift's own clock: slow in holds, fast in strokes */
  private readonly strokes: StrokeClock;
  /** a stroke runs no sway spring faster than this (Hz; headStrokes.ts springRate) */
  private readonly maxSpringHz: number;
  private rate = 1;
  private clock = 0;
  private frame = 0;

  constructor(private readonly fps: number, seed: number, temperature: number, private readonly gain: HeadGain = HEAD_GAIN, strokes: StrokeShape = STROKES) {
    const rand = rng(seed ^ 0x4ead);
    this.rand = rand;
    this.scale = 0.5 + temperature * 2.5; // temperature 0.2 -> 1 (a real speaker's amount)
    // smooth random drift: sum of slow sinusoids with random phases
    const comp = (amp: number) => {
      const parts = [0.07, 0.13, 0.23].map((f) => ({ f: f * (0.8 + 0.4 * rand()), p: rand() * 2 * Math.PI, a: amp * (0.5 + rand()) }));
      return (t: number) => parts.reduce((s, c) => s + c.a * Math.sin(2 * Math.PI * c.f * t + c.p), 0) / parts.length;
    };
    this.yawDrift = comp(4.5);
    this.pitchDrift = comp(4.5);
    this.rollDrift = comp(1.2);
    this.dt = 1 / fps;
    const springs = (list: readonly SwaySpring[]) => list.map((s) => new NoiseSpring(s, this.dt, [gauss(rand), gauss(rand), gauss(rand)]));
    this.sway = { yaw: springs(SWAY.yaw), pitch: springs(SWAY.pitch), roll: springs(SWAY.roll) };
    // nods: a damped spring kicked by stresses (pitch down then back)
    this.k = (2 * Math.PI * NOD.hz) ** 2;
    this.damp = 2 * NOD.damping * 2 * Math.PI * NOD.hz;
    this.push = pushWeights(Math.max(1, Math.round(NOD_PUSH_SECONDS * fps)));
    this.kickPerDeg = 1 / pushPeak(NOD.hz, NOD.damping, this.dt, this.push);
    this.strokes = new StrokeClock(fps, rng(seed ^ 0x57e0), strokes);
    this.maxSpringHz = strokes.maxSpringHz;
  }

  private swayOf(axis: NoiseSpring[], rate: number): number {
    let sum = 0;
    for (const s of axis) sum += s.step(gauss(this.rand), springRate(rate, s.spring.hz, this.maxSpringHz));
    return sum;
  }

  /** The next frame, from this frame's relative speech energy (0 = loud speech, about -8 = silence). */
  next(e: number, out: HeadMotionFrame = { yaw: 0, pitch: 0, roll: 0, brow: 0 }): HeadMotionFrame {
    const { fps, dt, scale } = this;
    // speech activity, slowly smoothed, makes the head livelier while talking
    const a = Math.max(0, Math.min(1, (e + 4.6) / 3));
    this.level += (a - this.level) * (1 / (0.6 * fps));
    this.slow += (e - this.slow) * (1 / (0.25 * fps));
    // stress: energy well above its recent average
    const rise = e - this.slow;
    const stressed = rise > NOD_RISE && this.refractory <= 0;
    this.rate = this.strokes.next(stressed);
    if (stressed) {
      this.pushes.push({ dv: NOD.deg * this.kickPerDeg * nodSize(rise - NOD_RISE) * scale * (0.6 + 0.8 * this.rand()), k: 0 });
      this.refractory = Math.round(0.3 * fps);
      // brows rise a little with the stronger stresses (decays over ~0.4 s; the live mic's brows)
      if (rise > BROW_RISE && this.rand() < 0.5) this.b = Math.max(this.b, Math.min(0.35, (0.1 + (rise - BROW_RISE) * 0.2) * scale));
    }
    this.b *= Math.exp(-dt / 0.4);
    this.refractory--;
    for (const q of this.pushes) this.v += q.dv * this.push[q.k++]!;
    this.pushes = this.pushes.filter((q) => q.k < this.push.length);
    this.v += (-this.k * this.p - this.damp * this.v) * dt;
    this.p += this.v * dt;
    const t = this.clock, tReal = this.frame++ * dt;
    this.clock += dt * this.rate;
    const live = 0.4 + 0.6 * this.level;
    const { gain } = this;
    out.yaw = (this.yawDrift(t) + this.swayOf(this.sway.yaw, this.rate)) * scale * live * gain.yaw;
    out.pitch = (this.pitchDrift(t) + this.swayOf(this.sway.pitch, this.rate)) * scale * live * gain.pitch + Math.max(-NOD.maxDeg, Math.min(NOD.maxDeg, this.p));
    // roll keeps real time: on the stroke clock its variance went further below 0.3 Hz (75 % [real 49 %])
    out.roll = (this.rollDrift(tReal) + this.swayOf(this.sway.roll, 1)) * scale * live * gain.roll;
    out.brow = this.b;
    return out;
  }
}

/** Head motion over a whole series of relative speech energies (see HeadMotionStream). */
export function headMotion(energy: ArrayLike<number>, fps: number, seed: number, temperature: number, gain: HeadGain = HEAD_GAIN, strokes: StrokeShape = STROKES): { yaw: Float64Array; pitch: Float64Array; roll: Float64Array; brow: Float64Array } {
  const n = energy.length;
  const yaw = new Float64Array(n), pitch = new Float64Array(n), roll = new Float64Array(n), brow = new Float64Array(n);
  const stream = new HeadMotionStream(fps, seed, temperature, gain, strokes);
  const f: HeadMotionFrame = { yaw: 0, pitch: 0, roll: 0, brow: 0 };
  for (let i = 0; i < n; i++) {
    stream.next(energy[i]!, f);
    yaw[i] = f.yaw; pitch[i] = f.pitch; roll[i] = f.roll; brow[i] = f.brow;
  }
  return { yaw, pitch, roll, brow };
}
