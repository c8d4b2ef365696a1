// The causal sequence lip model (lipTcn.ts, `lookahead` k) step by step, for the live microphone
// (src/live/lipMouth.ts): one new 25 fps input row in, the output row of the step k rows earlier out,
// the same numbers as tcnCurves over the whole clip. Each residual layer (kernel 3, dilation d, causal)
// needs its input at steps s - 2d, s - d and s, so it keeps its last 2d + 1 input rows in a ring;
// before the first step those rows are zero, as the offline pass's zero padding.
// Latency: output step s needs input row s + k, whose newest 100 Hz frame ends 25 ms after step s's
// time plus k x 40 ms (65 ms for k = 1), see tcnLookaheadSeconds.
import { convStep, FRAMES_PER_STEP, type ConvLayer, type LipTcn } from './lipTcn.ts';

/** How far past an output frame's time its audio reaches (s): the input row's newest 10 ms frame ends 25 ms after it, plus the look-ahead rows. */
export function tcnLookaheadSeconds(m: LipTcn): number {
  return 0.025 + (m.lookahead ?? 0) * FRAMES_PER_STEP * 0.01;
}

/** A ring of the last `length` rows of a layer's input; rows never written read as zero. */
class RowRing {
  private readonly rows: Float32Array[];
  constructor(length: number, width: number) {
    this.rows = Array.from({ length }, () => new Float32Array(width));
  }
  /** the row `back` steps before step s (written at step s - back) */
  at(s: number, back: number): Float32Array | null {
    const t = s - back;
    return t < 0 ? null : this.rows[t % this.rows.length]!;
  }
  slot(s: number): Float32Array {
    return this.rows[s % this.rows.length]!;
  }
}

export class LipTcnStream {
  /** input rows pushed so far */
  private pushed = 0;
  private readonly rings: RowRing[];
  private readonly tmp: Float32Array;
  private readonly top: Float32Array;
  private readonly out: Float32Array;

  constructor(private readonly m: LipTcn) {
    if (m.lookahead === null) throw new Error('this lip network looks both ways (offline): only a causal one (lookahead k) can stream');
    const C = m.input.outputs;
    // every residual layer is causal, kernel 3: taps at s - 2d, s - d, s
    this.rings = m.residual.map((l) => new RowRing(2 * l.dilation + 1, C));
    this.tmp = new Float32Array(C);
    this.top = new Float32Array(C);
    this.out = new Float32Array(m.output.outputs);
  }

  /** the look-ahead in steps: push() returns the output of the step this many rows before the newest */
  get delay(): number {
    return this.m.lookahead!;
  }

  /**
   * One standardised input row (tcnInputRow) for step `pushed`; returns the output row of step
   * pushed - lookahead (reused buffer), or null while fewer than lookahead + 1 rows have come.
   */
  push(x: Float32Array): Float32Array | null {
    const s = this.pushed++ - this.delay;
    if (s < 0) return null;
    const { m, rings } = this;
    // the offline pass shifts the input k rows earlier: step s reads row s + k, the one just pushed
    let h = convStep(m.input, (k) => (k === 0 ? x : null), true, rings.length ? rings[0]!.slot(s) : this.tmp);
    for (let li = 0; li < m.residual.length; li++) {
      const l: ConvLayer = m.residual[li]!;
      const ring = rings[li]!;
      const r = convStep(l, (k) => ring.at(s, (2 - k) * l.dilation), true, this.tmp);
      // the next layer's ring keeps this sum as its input history; the last one's goes to `top`
      const next = li + 1 < rings.length ? rings[li + 1]!.slot(s) : this.top;
      for (let o = 0; o < h.length; o++) next[o] = h[o]! + r[o]!;
      h = next;
    }
    return convStep(m.output, (k) => (k === 0 ? h : null), false, this.out);
  }

  /** The last lookahead steps' outputs at the end of a clip: the offline pass reads zero rows past the end. */
  flush(): Float32Array[] {
    const zero = new Float32Array(this.m.input.inputs);
    const rows: Float32Array[] = [];
    for (let k = 0; k < this.delay; k++) {
      const y = this.push(zero);
      if (y) rows.push(Float32Array.from(y));
    }
    return rows;
  }
}
