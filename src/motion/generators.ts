// Seeded generators for what audio does not determine: blinks, gaze saccades and head motion.
// Everything is driven by a small PRNG so the same seed gives the same motion.

/** mulberry32: tiny, fast, good enough for animation noise. */
export function rng(seed: number): () => number {
  let a = (seed >>> 0) + 0x9e3779b9;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sample (Box-Muller). */
export function gauss(rand: () => number): number {
  const u = Math.max(1e-12, rand());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Shape of one blink over `len` frames: fast close, short hold, slower open (0..1). */
function blinkShape(i: number, len: number): number {
  const x = i / (len - 1);
  if (x < 0.35) return Math.sin((x / 0.35) * (Math.PI / 2));
  if (x < 0.5) return 1;
  return Math.cos(((x - 0.5) / 0.5) * (Math.PI / 2)) ** 2;
}

/**
 * Blink curve: none; periodic (every ~5 s, 10 frames at 25 fps, as in the reference system);
 * natural (random 2-6 s intervals, durations 8-12 frames at 25 fps, occasional double blinks).
 */
export function blinkCurve(n: number, fps: number, mode: 'none' | 'periodic' | 'natural', seed: number, temperature: number): Float64Array {
  const out = new Float64Array(n);
  if (mode === 'none') return out;
  const rand = rng(seed ^ 0xb1b1);
  const frameScale = fps / 25;
  let t = mode === 'periodic' ? 2.5 : 1 + rand() * 2;
  while (t * fps < n) {
    const len = Math.max(3, Math.round((mode === 'periodic' ? 10 : 8 + rand() * 4) * frameScale));
    const start = Math.round(t * fps);
    for (let i = 0; i < len && start + i < n; i++) out[start + i] = Math.max(out[start + i]!, blinkShape(i, len));
    if (mode === 'periodic') t += 5 + (rand() - 0.5) * 0.5 * temperature;
    else {
      t += rand() < 0.1 ? (len / fps) + 0.15 : 2 + rand() * 4;
    }
  }
  return out;
}

/** Gaze: mostly forward, small saccades held for 0.5-3 s, amplitude grows with temperature. */
export function gazeCurve(n: number, fps: number, seed: number, temperature: number): [Float64Array, Float64Array] {
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  const rand = rng(seed ^ 0x6a2e);
  const amp = 0.08 + 0.25 * temperature;
  let x = 0;
  let y = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (i >= next) {
      // most fixations return to the camera
      const away = rand() < 0.4;
      x = away ? gauss(rand) * amp : 0;
      y = away ? gauss(rand) * amp * 0.5 : 0;
      next = i + Math.round((0.5 + rand() * 2.5) * fps);
    }
    // a saccade takes ~2 frames
    gx[i] = i ? gx[i - 1]! + (x - gx[i - 1]!) * 0.6 : x;
    gy[i] = i ? gy[i - 1]! + (y - gy[i - 1]!) * 0.6 : y;
  }
  return [gx.map((v) => Math.max(-1, Math.min(1, v))), gy.map((v) => Math.max(-1, Math.min(1, v)))];
}

/** One frame of generated head motion (degrees) and brow raise (0..1). */
export interface HeadMotionFrame {
  yaw: number;
  pitch: number;
  roll: number;
  brow: number;
}

/**
 * Head motion following the speech, one frame at a time (causal: frame i uses energies up to i):
 * a slow seeded drift (a few degrees), plus small nods on stressed syllables (rises of the energy
 * envelope) and stillness in pauses. Used over a whole file by headMotion and live by src/live.
 */
export class HeadMotionStream {
  private readonly rand: () => number;
  private readonly scale: number;
  private readonly yawDrift: (t: number) => number;
  private readonly pitchDrift: (t: number) => number;
  private readonly rollDrift: (t: number) => number;
  private readonly k: number;
  private readonly damp: number;
  private readonly dt: number;
  private i = 0;
  private level = 0;
  private slow = -8;
  private b = 0;
  private p = 0;
  private v = 0;
  private refractory = 0;

  constructor(private readonly fps: number, seed: number, temperature: number) {
    const rand = rng(seed ^ 0x4ead);
    this.rand = rand;
    this.scale = 0.5 + temperature * 2.5; // temperature 0.2 -> about 1 (a few degrees)
    // smooth random drift: sum of slow sinusoids with random phases
    const comp = (amp: number) => {
      const parts = [0.07, 0.13, 0.23].map((f) => ({ f: f * (0.8 + 0.4 * rand()), p: rand() * 2 * Math.PI, a: amp * (0.5 + rand()) }));
      return (t: number) => parts.reduce((s, c) => s + c.a * Math.sin(2 * Math.PI * c.f * t + c.p), 0) / parts.length;
    };
    this.yawDrift = comp(4.5);
    this.pitchDrift = comp(2);
    this.rollDrift = comp(1.2);
    // nods: a damped spring kicked by stresses (pitch down then back)
    this.k = (2 * Math.PI * 2.2) ** 2;
    this.damp = 2 * 0.6 * 2 * Math.PI * 2.2;
    this.dt = 1 / fps;
  }

  /** The next frame, from this frame's relative speech energy (0 = loud speech, about -8 = silence). */
  next(e: number, out: HeadMotionFrame = { yaw: 0, pitch: 0, roll: 0, brow: 0 }): HeadMotionFrame {
    const { fps, dt, scale } = this;
    // speech activity, slowly smoothed, makes the head livelier while talking
    const a = Math.max(0, Math.min(1, (e + 4.6) / 3));
    this.level += (a - this.level) * (1 / (0.6 * fps));
    this.slow += (e - this.slow) * (1 / (0.25 * fps));
    // stress: energy well above its recent average
    const onset = Math.max(0, e - this.slow - 1.5);
    if (onset > 0 && this.refractory <= 0) {
      this.v += (onset * 30 + 25) * scale * (0.6 + 0.8 * this.rand());
      this.refractory = Math.round(0.3 * fps);
      // brows rise a little with stressed syllables (decays over ~0.4 s)
      if (this.rand() < 0.5) this.b = Math.max(this.b, Math.min(0.35, (0.1 + onset * 0.2) * scale));
    }
    this.b *= Math.exp(-dt / 0.4);
    this.refractory--;
    this.v += (-this.k * this.p - this.damp * this.v) * dt;
    this.p += this.v * dt;
    const t = this.i++ / fps;
    const live = 0.4 + 0.6 * this.level;
    out.yaw = this.yawDrift(t) * scale * live;
    out.pitch = this.pitchDrift(t) * scale * live + Math.max(-4, Math.min(4, this.p));
    out.roll = this.rollDrift(t) * scale * live;
    out.brow = this.b;
    return out;
  }
}

/** Head motion over a whole series of relative speech energies (see HeadMotionStream). */
export function headMotion(energy: ArrayLike<number>, fps: number, seed: number, temperature: number): { yaw: Float64Array; pitch: Float64Array; roll: Float64Array; brow: Float64Array } {
  const n = energy.length;
  const yaw = new Float64Array(n), pitch = new Float64Array(n), roll = new Float64Array(n), brow = new Float64Array(n);
  const stream = new HeadMotionStream(fps, seed, temperature);
  const f: HeadMotionFrame = { yaw: 0, pitch: 0, roll: 0, brow: 0 };
  for (let i = 0; i < n; i++) {
    stream.next(energy[i]!, f);
    yaw[i] = f.yaw; pitch[i] = f.pitch; roll[i] = f.roll; brow[i] = f.brow;
  }
  return { yaw, pitch, roll, brow };
}
