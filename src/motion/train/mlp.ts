// Training of the lip model's multilayer perceptron: plain TypeScript backprop with Adam on
// Float32Arrays, seeded (same seed and data -> same weights). Small on purpose: a few tens of
// thousands of weights train in a minute or two on one core.
import type { DenseLayer } from '../lipModel.ts';
import { forwardMlp } from '../lipModel.ts';
import { mulberry32 } from '../../math/random.ts';

export const rng = mulberry32;

function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export function initLayers(sizes: number[], seed: number): DenseLayer[] {
  const r = rng(seed);
  const layers: DenseLayer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const inputs = sizes[i]!;
    const outputs = sizes[i + 1]!;
    const w = new Float32Array(inputs * outputs);
    // He init for ReLU; the output layer starts small, so training starts near a constant guess
    const scale = Math.sqrt(2 / inputs) * (i + 2 === sizes.length ? 0.1 : 1);
    for (let k = 0; k < w.length; k++) w[k] = gaussian(r) * scale;
    layers.push({ inputs, outputs, w, b: new Float32Array(outputs) });
  }
  return layers;
}

export interface TrainSet {
  /** rows x dim standardised inputs */
  X: Float32Array;
  /** rows x T targets */
  Y: Float32Array;
  /** rows: per-row loss weight (0 = ignore) */
  rowWeight: Float32Array;
  rows: number;
  dim: number;
  T: number;
}

export interface TrainOptions {
  hidden: number[];
  epochs: number;
  batch: number;
  lr: number;
  /** L2 weight decay (decoupled, per step, times lr) */
  decay: number;
  /** per-target loss weights */
  targetWeight: number[];
  /** input noise (std, in standardised units): a cheap regulariser against speaker detail */
  inputNoise: number;
  seed: number;
  log?: (s: string) => void;
}

/** Trains an MLP on a TrainSet; returns the layers. */
export function trainMlp(data: TrainSet, o: TrainOptions): DenseLayer[] {
  const sizes = [data.dim, ...o.hidden, data.T];
  const layers = initLayers(sizes, o.seed);
  // output biases start at the targets' weighted means
  const out = layers[layers.length - 1]!;
  for (let t = 0; t < data.T; t++) {
    let s = 0;
    let w = 0;
    for (let r = 0; r < data.rows; r++) {
      s += data.rowWeight[r]! * data.Y[r * data.T + t]!;
      w += data.rowWeight[r]!;
    }
    out.b[t] = w > 0 ? s / w : 0;
  }
  const r = rng(o.seed + 1);
  const L = layers.length;
  const grads = layers.map((l) => ({ w: new Float32Array(l.w.length), b: new Float32Array(l.b.length) }));
  const m1 = layers.map((l) => ({ w: new Float32Array(l.w.length), b: new Float32Array(l.b.length) }));
  const m2 = layers.map((l) => ({ w: new Float32Array(l.w.length), b: new Float32Array(l.b.length) }));
  const acts = sizes.map((s) => new Float32Array(s));
  const deltas = sizes.map((s) => new Float32Array(s));
  const order = Int32Array.from({ length: data.rows }, (_, i) => i);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    // seeded shuffle
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    // cosine learning-rate schedule
    const lr = o.lr * 0.5 * (1 + Math.cos((Math.PI * epoch) / o.epochs));
    let lossSum = 0;
    let weightSum = 0;
    for (let start = 0; start < data.rows; start += o.batch) {
      const end = Math.min(data.rows, start + o.batch);
      for (const g of grads) {
        g.w.fill(0);
        g.b.fill(0);
      }
      let bw = 0;
      for (let k = start; k < end; k++) {
        const row = order[k]!;
        const rw = data.rowWeight[row]!;
        if (rw <= 0) continue;
        bw += rw;
        const x = acts[0]!;
        for (let d = 0; d < data.dim; d++) x[d] = data.X[row * data.dim + d]! + (o.inputNoise > 0 ? o.inputNoise * gaussian(r) : 0);
        // forward, keeping activations
        for (let li = 0; li < L; li++) {
          const l = layers[li]!;
          const inp = acts[li]!;
          const out = acts[li + 1]!;
          const last = li === L - 1;
          for (let j = 0; j < l.outputs; j++) {
            let s = l.b[j]!;
            const base = j * l.inputs;
            for (let i = 0; i < l.inputs; i++) s += l.w[base + i]! * inp[i]!;
            out[j] = last || s > 0 ? s : 0;
          }
        }
        // output delta: d(weighted squared error)
        const y = acts[L]!;
        const dOut = deltas[L]!;
        for (let t = 0; t < data.T; t++) {
          const e = y[t]! - data.Y[row * data.T + t]!;
          lossSum += rw * o.targetWeight[t]! * e * e;
          dOut[t] = 2 * rw * o.targetWeight[t]! * e;
        }
        weightSum += rw;
        // backward
        for (let li = L - 1; li >= 0; li--) {
          const l = layers[li]!;
          const inp = acts[li]!;
          const dY = deltas[li + 1]!;
          const g = grads[li]!;
          const dX = deltas[li]!;
          if (li > 0) dX.fill(0);
          for (let j = 0; j < l.outputs; j++) {
            const dj = dY[j]!;
            if (dj === 0) continue;
            g.b[j]! += dj;
            const base = j * l.inputs;
            for (let i = 0; i < l.inputs; i++) {
              g.w[base + i]! += dj * inp[i]!;
              if (li > 0) dX[i]! += dj * l.w[base + i]!;
            }
          }
          // through the ReLU of the layer below
          if (li > 0) for (let i = 0; i < l.inputs; i++) if (inp[i]! <= 0) dX[i] = 0;
        }
      }
      if (bw === 0) continue;
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      for (let li = 0; li < L; li++) {
        const l = layers[li]!;
        const g = grads[li]!;
        for (const key of ['w', 'b'] as const) {
          const p = l[key];
          const gg = g[key];
          const a = m1[li]![key];
          const v = m2[li]![key];
          const decay = key === 'w' ? o.decay : 0;
          for (let i = 0; i < p.length; i++) {
            const gi = gg[i]! / bw;
            a[i] = beta1 * a[i]! + (1 - beta1) * gi;
            v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi;
            p[i] = p[i]! - lr * ((a[i]! / c1) / (Math.sqrt(v[i]! / c2) + 1e-8) + decay * p[i]!);
          }
        }
      }
    }
    o.log?.(`  epoch ${epoch + 1}/${o.epochs}: loss ${(lossSum / Math.max(1e-9, weightSum)).toFixed(4)}`);
  }
  return layers;
}

/** Predictions for standardised rows (used for quick checks). */
export function predictRows(layers: DenseLayer[], X: Float32Array, rows: number, dim: number, T: number): Float32Array {
  const out = new Float32Array(rows * T);
  const y = new Float32Array(T);
  const scratch = layers.map((l) => new Float32Array(l.outputs));
  for (let r = 0; r < rows; r++) {
    forwardMlp(layers, X.subarray(r * dim, (r + 1) * dim), y, scratch);
    out.set(y, r * T);
  }
  return out;
}
