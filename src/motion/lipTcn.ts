// The sequence lip model: a temporal convolution network over the whole clip at the output rate
// (25 fps). Each step's input is the four normalised 100 Hz log-mel frames that output frame covers
// (lipFeatures.ts), projected by a 1x1 convolution, then residual dilated convolutions (kernel 3,
// ReLU) give about a second of context, and a 1x1 convolution gives the mouth weights. Trained by
// src/motion/train/lipseq/ (python3-torch, training only); this is the product's plain TypeScript
// forward pass. `lookahead` null: symmetric convolutions (offline); a number k: causal convolutions
// on input shifted k frames earlier (frame i hears audio up to frame i + k).
import { FLOOR_VALUE, LIP_FRAME_DIM, type LipAudio } from './lipFeatures.ts';
import { base64ToFloat32, float32ToBase64 } from './base64.ts';
import { FileFormatError } from '../errors.ts';

/** 100 Hz frames per output frame (25 fps) */
export const FRAMES_PER_STEP = 4;

export interface ConvLayer {
  /** outputs x inputs x kernel, row-major (torch's Conv1d layout) */
  w: Float32Array;
  b: Float32Array;
  outputs: number;
  inputs: number;
  kernel: number;
  dilation: number;
}

export interface LipTcn {
  kind: 'lip-tcn';
  version: 1;
  targets: string[];
  /** standardisation of the FRAMES_PER_STEP x LIP_FRAME_DIM input row */
  mean: Float32Array;
  std: Float32Array;
  input: ConvLayer;
  residual: ConvLayer[];
  output: ConvLayer;
  lookahead: number | null;
  /** each 100 Hz frame followed by its onset values (frameOnsets): spectral flux and energy change */
  onsets: boolean;
}

/** values per 100 Hz frame in the network's input row */
export function tcnFrameDim(m: LipTcn): number {
  return LIP_FRAME_DIM + (m.onsets ? ONSET_DIM : 0);
}

/** onset values per frame: spectral flux, energy change */
export const ONSET_DIM = 2;

/**
 * Spectral flux (mean rise of the mel bands since the frame before, falls ignored) and the change
 * of relative energy of 100 Hz frame j, from frames j-1 and j as `frame` reads them (the floor
 * outside the audio, so the first frame of a file is an onset). Sudden rises mark syllable
 * onsets, which the input layer, linear in the frames, cannot form from the log-mel alone.
 */
export function frameOnsets(frame: (j: number, d: number) => number, j: number): [number, number] {
  let flux = 0;
  for (let d = 1; d < LIP_FRAME_DIM; d++) flux += Math.max(0, frame(j, d) - frame(j - 1, d));
  return [flux / (LIP_FRAME_DIM - 1), frame(j, 0) - frame(j - 1, 0)];
}

/**
 * Input rows at 25 fps: row i holds 100 Hz frames 4i-3..4i (each with its onset values when the
 * network takes them) (the frames the pooled 40 ms window of
 * output time i/25 averages, see contextVector), silence (the floor) outside the file, standardised.
 */
export function tcnInputs(m: LipTcn, audio: LipAudio, n: number): Float32Array[] {
  const D = LIP_FRAME_DIM;
  const frame = (j: number, d: number) => (j >= 0 && j < audio.n100 ? audio.frames[j * D + d]! : FLOOR_VALUE);
  return Array.from({ length: n }, (_, i) => tcnInputRow(m, frame, i, new Float32Array(FRAMES_PER_STEP * tcnFrameDim(m))));
}

/** Input row i (see tcnInputs) into `out`; frame(j, d) is value d of 100 Hz frame j (the floor outside the audio). */
export function tcnInputRow(m: LipTcn, frame: (j: number, d: number) => number, i: number, out: Float32Array): Float32Array {
  const D = LIP_FRAME_DIM;
  const W = tcnFrameDim(m);
  const put = (at: number, v: number) => (out[at] = (v - m.mean[at]!) / m.std[at]!);
  for (let k = 0; k < FRAMES_PER_STEP; k++) {
    const j = FRAMES_PER_STEP * i - (FRAMES_PER_STEP - 1) + k;
    for (let d = 0; d < D; d++) put(k * W + d, frame(j, d));
    if (m.onsets) {
      const [flux, rise] = frameOnsets(frame, j);
      put(k * W + D, flux);
      put(k * W + D + 1, rise);
    }
  }
  return out;
}

/**
 * One convolution over a whole sequence (n x inputs rows): zero outside the sequence; `left` is how
 * many of the kernel's taps reach back (symmetric: dilation; causal: 2 x dilation for kernel 3).
 * Each output row gets the bias, then tap by tap the same sums convStep adds (so the streaming pass
 * matches), four rows and four outputs at a time (matMatAdd4) so each weight and input is loaded
 * once per four products.
 */
export function conv1d(l: ConvLayer, rows: Float32Array[], left: number, relu: boolean): Float32Array[] {
  const n = rows.length;
  const taps = tapMatrices(l);
  const out = Array.from({ length: n }, () => Float32Array.from(l.b));
  const zeroIn = new Float32Array(l.inputs), spareOut = new Float32Array(l.outputs);
  const input = (t: number) => (t >= 0 && t < n ? rows[t]! : zeroIn);
  const output = (i: number) => (i < n ? out[i]! : spareOut);
  for (let k = 0; k < l.kernel; k++) {
    const shift = k * l.dilation - left;
    for (let i = 0; i < n; i += 4) {
      const xs: Rows4 = [input(i + shift), input(i + 1 + shift), input(i + 2 + shift), input(i + 3 + shift)];
      matMatAdd4(taps[k]!, xs, [output(i), output(i + 1), output(i + 2), output(i + 3)], l.outputs, l.inputs);
    }
  }
  if (relu) for (const y of out) for (let o = 0; o < l.outputs; o++) if (y[o]! < 0) y[o] = 0;
  return out;
}

type Rows4 = [Float32Array, Float32Array, Float32Array, Float32Array];

/** ys[j] += W xs[j] for four rows j (W outputs x inputs, row-major): a 4 x 4 tile of sums per pass over the inputs. */
function matMatAdd4(w: Float32Array, xs: Rows4, ys: Rows4, outputs: number, inputs: number): void {
  const [x0, x1, x2, x3] = xs;
  const [y0, y1, y2, y3] = ys;
  let o = 0;
  for (; o + 3 < outputs; o += 4) {
    const r0 = o * inputs, r1 = r0 + inputs, r2 = r1 + inputs, r3 = r2 + inputs;
    let a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
    let a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
    for (let c = 0; c < inputs; c++) {
      const w0 = w[r0 + c]!, w1 = w[r1 + c]!, w2 = w[r2 + c]!, w3 = w[r3 + c]!;
      const v0 = x0[c]!, v1 = x1[c]!, v2 = x2[c]!, v3 = x3[c]!;
      a00 += w0 * v0; a01 += w1 * v0; a02 += w2 * v0; a03 += w3 * v0;
      a10 += w0 * v1; a11 += w1 * v1; a12 += w2 * v1; a13 += w3 * v1;
      a20 += w0 * v2; a21 += w1 * v2; a22 += w2 * v2; a23 += w3 * v2;
      a30 += w0 * v3; a31 += w1 * v3; a32 += w2 * v3; a33 += w3 * v3;
    }
    y0[o]! += a00; y0[o + 1]! += a01; y0[o + 2]! += a02; y0[o + 3]! += a03;
    y1[o]! += a10; y1[o + 1]! += a11; y1[o + 2]! += a12; y1[o + 3]! += a13;
    y2[o]! += a20; y2[o + 1]! += a21; y2[o + 2]! += a22; y2[o + 3]! += a23;
    y3[o]! += a30; y3[o + 1]! += a31; y3[o + 2]! += a32; y3[o + 3]! += a33;
  }
  for (let j = 0; j < 4; j++) matVecAdd(w.subarray(o * inputs), xs[j]!, ys[j]!.subarray(o), outputs - o, inputs);
}

/**
 * One output row of a convolution into y: tap(k) is the input row under kernel tap k (null: outside
 * the sequence, zero). Shared by the whole-sequence pass and the streaming one (lipTcnStream.ts),
 * so both add the same numbers in the same order.
 */
export function convStep(l: ConvLayer, tap: (k: number) => Float32Array | null, relu: boolean, y: Float32Array): Float32Array {
  const taps = tapMatrices(l);
  y.set(l.b);
  for (let k = 0; k < l.kernel; k++) {
    const x = tap(k);
    if (x) matVecAdd(taps[k]!, x, y, l.outputs, l.inputs);
  }
  if (relu) for (let o = 0; o < l.outputs; o++) if (y[o]! < 0) y[o] = 0;
  return y;
}

/** y += W x (W outputs x inputs, row-major); four rows at a time so that each x[c] is loaded once per four. */
function matVecAdd(w: Float32Array, x: Float32Array, y: Float32Array, outputs: number, inputs: number): void {
  let o = 0;
  for (; o + 3 < outputs; o += 4) {
    const r0 = o * inputs, r1 = r0 + inputs, r2 = r1 + inputs, r3 = r2 + inputs;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let c = 0; c < inputs; c++) {
      const v = x[c]!;
      s0 += w[r0 + c]! * v;
      s1 += w[r1 + c]! * v;
      s2 += w[r2 + c]! * v;
      s3 += w[r3 + c]! * v;
    }
    y[o]! += s0;
    y[o + 1]! += s1;
    y[o + 2]! += s2;
    y[o + 3]! += s3;
  }
  for (; o < outputs; o++) {
    let s = 0;
    for (let c = 0; c < inputs; c++) s += w[o * inputs + c]! * x[c]!;
    y[o]! += s;
  }
}

const tapCache = new WeakMap<ConvLayer, Float32Array[]>();

/** The layer's weights as one outputs x inputs matrix per kernel tap (contiguous rows for the inner loop). */
function tapMatrices(l: ConvLayer): Float32Array[] {
  let taps = tapCache.get(l);
  if (!taps) {
    taps = Array.from({ length: l.kernel }, (_, k) => Float32Array.from({ length: l.outputs * l.inputs }, (_, j) => l.w[j * l.kernel + k]!));
    tapCache.set(l, taps);
  }
  return taps;
}

/** The network's raw curves (targets x n frames). */
export function tcnCurves(m: LipTcn, audio: LipAudio, n: number): Float64Array[] {
  let x = tcnInputs(m, audio, n);
  if (m.lookahead) {
    const k = m.lookahead;
    const zero = new Float32Array(x[0]?.length ?? 0);
    x = x.map((_, i) => (i + k < n ? x[i + k]! : zero));
  }
  let h = conv1d(m.input, x, 0, true);
  for (const l of m.residual) {
    const left = m.lookahead === null ? l.dilation : 2 * l.dilation;
    const r = conv1d(l, h, left, true);
    for (let i = 0; i < r.length; i++) {
      const ri = r[i]!, hi = h[i]!;
      for (let o = 0; o < ri.length; o++) ri[o]! += hi[o]!;
    }
    h = r;
  }
  const y = conv1d(m.output, h, 0, false);
  return m.targets.map((_, t) => Float64Array.from(y, (row) => row[t]!));
}

interface ConvFile { outputs: number; inputs: number; kernel: number; dilation: number; w: string; b: string }

const convToFile = (l: ConvLayer): ConvFile => ({ outputs: l.outputs, inputs: l.inputs, kernel: l.kernel, dilation: l.dilation, w: float32ToBase64(l.w), b: float32ToBase64(l.b) });

function convFromFile(f: ConvFile, where: string): ConvLayer {
  const l = { outputs: f.outputs, inputs: f.inputs, kernel: f.kernel, dilation: f.dilation, w: base64ToFloat32(f.w), b: base64ToFloat32(f.b) };
  if (l.w.length !== l.outputs * l.inputs * l.kernel || l.b.length !== l.outputs) throw new FileFormatError(`The lip model ${where} has inconsistent layer sizes. Rebuild it: npm run train:mouth`);
  return l;
}

export function tcnToJson(m: LipTcn): Record<string, unknown> {
  return { kind: m.kind, version: m.version, targets: m.targets, lookahead: m.lookahead, ...(m.onsets ? { onsets: true } : {}), mean: float32ToBase64(m.mean), std: float32ToBase64(m.std), input: convToFile(m.input), residual: m.residual.map(convToFile), output: convToFile(m.output) };
}

export function tcnFromJson(f: Record<string, unknown>, where: string): LipTcn {
  const g = f as { targets: string[]; lookahead: number | null; onsets?: boolean; mean: string; std: string; input: ConvFile; residual: ConvFile[]; output: ConvFile };
  const m: LipTcn = {
    kind: 'lip-tcn', version: 1, targets: g.targets, lookahead: g.lookahead ?? null, onsets: g.onsets === true,
    mean: base64ToFloat32(g.mean), std: base64ToFloat32(g.std),
    input: convFromFile(g.input, where), residual: g.residual.map((l) => convFromFile(l, where)), output: convFromFile(g.output, where),
  };
  const C = m.input.outputs;
  const bad = m.mean.length !== FRAMES_PER_STEP * tcnFrameDim(m) || m.std.length !== m.mean.length || m.input.inputs !== m.mean.length ||
    m.residual.some((l) => l.inputs !== C || l.outputs !== C || l.kernel !== 3) || m.output.inputs !== C || m.output.outputs !== m.targets.length;
  if (bad) throw new FileFormatError(`The lip model ${where} has inconsistent layer sizes. Rebuild it: npm run train:mouth`);
  return m;
}
