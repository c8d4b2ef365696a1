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

/** In-place iterative radix-2 complex FFT (re, im of length n = power of two). */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
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
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      const half = len >> 1;
      for (let k = 0; k < half; k++) {
        const a = i + k;
        const b = a + half;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}

const hz2mel = (f: number) => 2595 * Math.log10(1 + f / 700);
const mel2hz = (m: number) => 700 * (10 ** (m / 2595) - 1);

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
    while (offset < samples.length) {
      const take = Math.min(samples.length - offset, this.buf.length - this.bufLen);
      this.buf.set(samples.subarray(offset, offset + take), this.bufLen);
      this.bufLen += take;
      offset += take;
      let pos = 0;
      while (this.bufLen - pos >= WIN) {
        this.analyse(pos);
        pos += HOP * this.stride;
      }
      // keep the unconsumed tail at the front
      this.buf.copyWithin(0, pos, this.bufLen);
      this.bufLen -= pos;
    }
  }

  private analyse(pos: number): void {
    const { re, im, power, window, buf } = this;
    re.fill(0);
    im.fill(0);
    let mean = 0;
    for (let i = 0; i < WIN; i++) mean += buf[pos + i]!;
    mean /= WIN;
    let energy = 0;
    for (let i = 0; i < WIN; i++) {
      const v = (buf[pos + i]! - mean) * window[i]!;
      re[i] = v;
      energy += v * v;
    }
    fft(re, im);
    for (let k = 0; k <= NFFT / 2; k++) power[k] = re[k]! * re[k]! + im[k]! * im[k]!;
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
