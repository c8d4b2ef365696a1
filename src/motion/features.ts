// Streaming audio features for the audio-to-motion model: log-mel spectra at 100 Hz (25 ms Hann
// window, 10 ms hop) from 16 kHz mono, computed chunk by chunk so long audio never sits in memory.

export const SAMPLE_RATE = 16000;
export const HOP = 160; // 10 ms
export const WIN = 400; // 25 ms
export const NFFT = 512;
export const MEL_BANDS = 24;
export const FEATURE_RATE = SAMPLE_RATE / HOP; // 100 frames per second
const FMIN = 80;
const FMAX = 7600;

/** Bit-reversal permutation and twiddle factors per FFT size (built once). */
const fftTables = new Map<number, { rev: Uint32Array; cos: Float64Array; sin: Float64Array }>();

function tablesFor(n: number) {
  let t = fftTables.get(n);
  if (t) return t;
  if (n < 2 || (n & (n - 1)) !== 0) throw new Error(`fft size must be a power of two, got ${n}`);
  const rev = new Uint32Array(n);
  const bits = Math.log2(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  const cos = new Float64Array(n / 2);
  const sin = new Float64Array(n / 2);
  for (let k = 0; k < n / 2; k++) {
    cos[k] = Math.cos((-2 * Math.PI * k) / n);
    sin[k] = Math.sin((-2 * Math.PI * k) / n);
  }
  t = { rev, cos, sin };
  fftTables.set(n, t);
  return t;
}

/** In-place iterative radix-2 complex FFT (re, im of length n = power of two). */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  const { rev, cos, sin } = tablesFor(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i]!;
    if (i < j) {
      let t = re[i]!;
      re[i] = re[j]!;
      re[j] = t;
      t = im[i]!;
      im[i] = im[j]!;
      im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const cr = cos[k * step]!;
        const ci = sin[k * step]!;
        const a = i + k;
        const b = a + half;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
      }
    }
  }
}

const hz2mel = (f: number) => 2595 * Math.log10(1 + f / 700);
const mel2hz = (m: number) => 700 * (10 ** (m / 2595) - 1);

/** Centre frequency (Hz) of each mel band. */
export function melBandCentresHz(): Float64Array {
  const mlo = hz2mel(FMIN);
  const mhi = hz2mel(FMAX);
  return Float64Array.from({ length: MEL_BANDS }, (_, b) => mel2hz(mlo + ((mhi - mlo) * (b + 1)) / (MEL_BANDS + 1)));
}

/** Triangular mel filters over the NFFT/2+1 power bins, as [band][bin] weights (sparse ranges). */
function melFilters(): { start: number; weights: Float64Array }[] {
  const bins = NFFT / 2 + 1;
  const mlo = hz2mel(FMIN);
  const mhi = hz2mel(FMAX);
  const edges: number[] = [];
  for (let i = 0; i < MEL_BANDS + 2; i++) edges.push((mel2hz(mlo + ((mhi - mlo) * i) / (MEL_BANDS + 1)) * NFFT) / SAMPLE_RATE);
  const out: { start: number; weights: Float64Array }[] = [];
  for (let b = 0; b < MEL_BANDS; b++) {
    const [l, c, r] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
    const start = Math.max(0, Math.floor(l));
    const end = Math.min(bins - 1, Math.ceil(r));
    const w = new Float64Array(end - start + 1);
    for (let k = start; k <= end; k++) {
      const v = k <= c ? (k - l) / (c - l) : (r - k) / (r - c);
      w[k - start] = Math.max(0, v);
    }
    out.push({ start, weights: w });
  }
  return out;
}

/**
 * Pushes samples in any chunk sizes; emits one feature vector per 10 ms hop:
 * [logEnergy, logMel_0..logMel_{B-1}] (natural log of power, floor 1e-10).
 * Frame i is centred at time (i * HOP + WIN / 2) / SAMPLE_RATE.
 */
export class LogMelStream {
  readonly dim = MEL_BANDS + 1;
  private readonly filters = melFilters();
  private readonly window = new Float64Array(WIN);
  private readonly buf = new Float32Array(WIN + 65536);
  private bufLen = 0;
  private readonly re = new Float64Array(NFFT);
  private readonly im = new Float64Array(NFFT);
  private readonly power = new Float64Array(NFFT / 2 + 1);
  frames = 0;

  constructor(
    private readonly onFrame: (features: Float32Array, index: number) => void,
    /** analyse every `stride`-th hop only (level statistics need no 100 Hz detail) */
    private readonly stride = 1,
  ) {
    for (let i = 0; i < WIN; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WIN - 1));
  }

  /** Frame centre time in seconds. */
  static frameTime(index: number): number {
    return (index * HOP + WIN / 2) / SAMPLE_RATE;
  }

  push(samples: Float32Array): void {
    let offset = 0;
    const hop = HOP * this.stride;
    while (offset < samples.length) {
      const take = Math.min(samples.length - offset, this.buf.length - this.bufLen);
      this.buf.set(samples.subarray(offset, offset + take), this.bufLen);
      this.bufLen += take;
      offset += take;
      let pos = 0;
      // two real frames per complex FFT
      while (this.bufLen - pos >= WIN + hop) {
        this.analysePair(pos, pos + hop);
        pos += 2 * hop;
      }
      // keep the unconsumed tail at the front
      this.buf.copyWithin(0, pos, this.bufLen);
      this.bufLen -= pos;
    }
  }

  /** Analyses a last frame left waiting for its pair; call once at the end of the stream. */
  flush(): void {
    if (this.bufLen >= WIN) {
      this.analysePair(0, -1);
      const hop = HOP * this.stride;
      this.buf.copyWithin(0, hop, this.bufLen);
      this.bufLen -= hop;
    }
  }

  /** Loads one windowed, mean-removed frame into `dst`; returns its energy. */
  private load(pos: number, dst: Float64Array): number {
    const { window, buf } = this;
    let mean = 0;
    for (let i = 0; i < WIN; i++) mean += buf[pos + i]!;
    mean /= WIN;
    let energy = 0;
    for (let i = 0; i < WIN; i++) {
      const v = (buf[pos + i]! - mean) * window[i]!;
      dst[i] = v;
      energy += v * v;
    }
    for (let i = WIN; i < NFFT; i++) dst[i] = 0;
    return energy;
  }

  /** Frame A in the real part, frame B (pos -1: none) in the imaginary part of one FFT. */
  private analysePair(posA: number, posB: number): void {
    const { re, im, power } = this;
    const eA = this.load(posA, re);
    let eB = 0;
    if (posB >= 0) eB = this.load(posB, im);
    else im.fill(0);
    fft(re, im);
    const n = NFFT;
    // A[k] = (Z[k] + conj Z[n-k]) / 2, B[k] = (Z[k] - conj Z[n-k]) / 2i
    for (let k = 0; k <= n / 2; k++) {
      const j = (n - k) % n;
      const ar = (re[k]! + re[j]!) / 2;
      const ai = (im[k]! - im[j]!) / 2;
      power[k] = ar * ar + ai * ai;
    }
    this.emit(eA);
    if (posB < 0) return;
    for (let k = 0; k <= n / 2; k++) {
      const j = (n - k) % n;
      const br = (im[k]! + im[j]!) / 2;
      const bi = (re[j]! - re[k]!) / 2;
      power[k] = br * br + bi * bi;
    }
    this.emit(eB);
  }

  private emit(energy: number): void {
    const power = this.power;
    const out = new Float32Array(this.dim);
    out[0] = Math.log(energy / WIN + 1e-10);
    for (let b = 0; b < MEL_BANDS; b++) {
      const f = this.filters[b]!;
      let s = 0;
      for (let k = 0; k < f.weights.length; k++) s += f.weights[k]! * power[f.start + k]!;
      out[b + 1] = Math.log(s + 1e-10);
    }
    this.onFrame(out, this.frames++);
  }
}
