// The tips of a row of teeth as one continuous, light edge. The library rows were cut from video
// frames with the dark cavity left transparent: between neighbouring tips (the embrasures) the layer
// is transparent down a V and the tips' own rim carries the cavity's dark. Over the shader's black
// cavity a thin upper row at jaw .1-.3 read as a comb of black spikes (lp_s1, lp_s42 <- lp_d6).
// Real tips make one soft edge with only small dark gaps between the teeth.
import type { ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';

/** Across this (iod) either side, the furthest tip sets the row's edge (an incisor is ~0.1 IOD wide). */
const TIP_REACH = 0.035;
/** The band (iod) over the edge that is evened out. */
const TIP_BAND = 0.035;
/** Nothing in the band is darker than this share of the teeth's colour beside it: a small dark gap between teeth, not the black cavity. */
const TIP_FLOOR = 0.8;
/** Coverage added between the tips takes this share of the teeth's colour. */
const GAP_SHADE = 0.8;

/**
 * The row's tips (`dir` 1: tips down, the upper row; -1: tips up, the lower row) made one edge: per
 * column the edge goes to the furthest tip within TIP_REACH (the most opaque of them, row by row), and in the TIP_BAND over it no pixel stays darker than TIP_FLOOR of the teeth's
 * colour there (the brightest column's within the same reach).
 */
export function evenTips(l: ReadyLayer, outPerIod: number, dir: 1 | -1): ReadyLayer {
  const W = l.width, H = l.height, d = l.data, data = Float32Array.from(d);
  const reach = Math.max(1, Math.round(TIP_REACH * outPerIod)), band = Math.max(2, Math.round(TIP_BAND * outPerIod));
  const at = (x: number, y: number) => (y * W + x) * 4;
  // k counts rows toward the tips' side
  const yOf = (k: number) => (dir > 0 ? k : H - 1 - k);
  const tip = new Int32Array(W).fill(-1), top = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    for (let y = 0; y < H; y++) top[x] = Math.max(top[x]!, d[at(x, y) + 3]!);
    if (top[x]! < 0.3) continue;
    for (let k = H - 1; k >= 0; k--) if (d[at(x, yOf(k)) + 3]! >= 0.5 * top[x]!) { tip[x] = k; break; }
  }
  // the teeth's straight colour over each column's tip band (opaque pixels only; in the band itself
  // the tips are already greyed by the cavity behind them)
  const own = new Float32Array(W * 3), ownN = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    for (let k = Math.max(0, tip[x]! - 2 * band); k <= tip[x]! - band; k++) {
      const o = at(x, yOf(k)), a = d[o + 3]!;
      if (a < 0.9) continue;
      for (let ch = 0; ch < 3; ch++) own[x * 3 + ch]! += d[o + ch]! / a;
      ownN[x]!++;
    }
  }
  for (let x = 0; x < W; x++) {
    if (tip[x]! < 0) continue;
    let edge = tip[x]!, best = -1, bestLum = -1;
    const q0 = Math.max(0, x - reach), q1 = Math.min(W - 1, x + reach);
    for (let q = q0; q <= q1; q++) {
      edge = Math.max(edge, tip[q]!);
      if (!ownN[q]) continue;
      const l = lum(own[q * 3]!, own[q * 3 + 1]!, own[q * 3 + 2]!) / ownN[q]!;
      if (l > bestLum) { bestLum = l; best = q; }
    }
    if (best < 0) continue;
    // the brightest tooth beside it (a column's own mean can be an embrasure's dark)
    const ref = [0, 1, 2].map((ch) => own[best * 3 + ch]! / ownN[best]!) as [number, number, number];
    const floor = TIP_FLOOR * lum(ref[0]!, ref[1]!, ref[2]!);
    for (let k = Math.max(0, edge - band); k <= Math.min(H - 1, edge + 1); k++) {
      const o = at(x, yOf(k)), a = d[o + 3]!;
      // the coverage of the tips beside it (never more than the column's own: the rows' ends fade)
      let beside = 0;
      for (let q = q0; q <= q1; q++) beside = Math.max(beside, d[at(q, yOf(k)) + 3]!);
      const want = Math.max(a, Math.min(top[x]!, beside));
      if (want <= 0.01) continue;
      // the added coverage in the teeth's colour, a little darker (the gap between two teeth)
      let r = d[o]! + ref[0]! * GAP_SHADE * (want - a), g = d[o + 1]! + ref[1]! * GAP_SHADE * (want - a), b = d[o + 2]! + ref[2]! * GAP_SHADE * (want - a);
      // no darker than the floor, in the teeth's hue (the rim's own dark is the cavity's)
      if (lum(r, g, b) / want < floor) { r = ref[0]! * TIP_FLOOR * want; g = ref[1]! * TIP_FLOOR * want; b = ref[2]! * TIP_FLOOR * want; }
      data[o] = r; data[o + 1] = g; data[o + 2] = b; data[o + 3] = want;
    }
  }
  return { ...l, data };
}
