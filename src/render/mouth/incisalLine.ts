// The upper row's incisal edge as one smooth line (s38, incisal38; critic37 worst #4: "the upper row's incisal sawtooth").
// The library rows were cut from video frames: their tips end in steps a pixel or two apart, and evenTips (teethTips.ts)
// takes the furthest tip within a reach, a staircase of flat runs. With the relief's lines and V's over it (toothRelief.ts)
// the edge read at 4x as a sawtooth, where a real row's edge is a smooth, gently curved line with small rounded gaps (the
// relief draws those, after this: each tooth's stand-back and rounded corners). Per column the edge is moved to a running
// mean of the tips (sub-pixel: the tip row's own coverage), the last row covered by its share of the pixel.
import type { ReadyLayer } from './readyLayer.ts';

/** The tips are averaged over this many iod either side (about half an upper central's width: the arc, not the teeth). */
const LINE_REACH = 0.04;
/** Columns under this share of the row's peak coverage carry no tip (the row's faded ends). */
const TIP_COVER = 0.3;

/** Per column the tip in rows counted toward the tips' side, sub-pixel (NaN: no tip), as evenTips reads it plus the next row's share. */
export function columnTips(l: ReadyLayer, dir: 1 | -1): Float64Array {
  const W = l.width, H = l.height, d = l.data, tips = new Float64Array(W).fill(NaN);
  const yOf = (k: number) => (dir > 0 ? k : H - 1 - k);
  for (let x = 0; x < W; x++) {
    let top = 0;
    for (let y = 0; y < H; y++) top = Math.max(top, d[(y * W + x) * 4 + 3]!);
    if (top < TIP_COVER) continue;
    for (let k = H - 1; k >= 0; k--) {
      if (d[(yOf(k) * W + x) * 4 + 3]! < 0.5 * top) continue;
      // (row k spans k .. k + 1: its own and the next row's coverage carry the tip's sub-pixel part)
      const own = d[(yOf(k) * W + x) * 4 + 3]! / top, next = k + 1 < H ? d[(yOf(k + 1) * W + x) * 4 + 3]! / top : 0;
      tips[x] = k + Math.min(1, own) + Math.min(1, next);
      break;
    }
  }
  return tips;
}

/** The running mean of the finite values within `reach` either side (NaN where the value itself is NaN). */
export function smoothLine(v: Float64Array, reach: number): Float64Array {
  const out = new Float64Array(v.length).fill(NaN);
  for (let x = 0; x < v.length; x++) {
    if (!Number.isFinite(v[x]!)) continue;
    let s = 0, n = 0;
    for (let q = Math.max(0, x - reach); q <= Math.min(v.length - 1, x + reach); q++) if (Number.isFinite(v[q]!)) { s += v[q]!; n++; }
    out[x] = s / n;
  }
  return out;
}

/**
 * The row (`dir` 1: tips down, the upper row; -1: tips up) with its tips on one smooth line: each column ends at the running
 * mean of the tips within LINE_REACH, cut there by the pixel's share or carried on in its own last opaque colour.
 */
export function withSmoothIncisal(l: ReadyLayer, outPerIod: number, dir: 1 | -1): ReadyLayer {
  const W = l.width, H = l.height, d = l.data, data = Float32Array.from(d);
  const tips = columnTips(l, dir), line = smoothLine(tips, Math.max(1, Math.round(LINE_REACH * outPerIod)));
  const yOf = (k: number) => (dir > 0 ? k : H - 1 - k);
  for (let x = 0; x < W; x++) {
    const tip = tips[x]!, want = line[x]!;
    if (!Number.isFinite(tip)) continue;
    // the column's colour and coverage two rows inside its own tip (what a carried-on tip is drawn in)
    const ro = (yOf(Math.max(0, Math.floor(tip) - 2)) * W + x) * 4, ra = d[ro + 3]!;
    if (ra <= 0.02) continue;
    const k0 = Math.max(0, Math.floor(Math.min(tip, want)) - 1), k1 = Math.min(H - 1, Math.ceil(Math.max(tip, want)) + 1);
    for (let k = k0; k <= k1; k++) {
      const o = (yOf(k) * W + x) * 4, own = d[o + 3]!;
      // the coverage the line wants of row k (which spans k .. k + 1)
      const a = ra * Math.min(1, Math.max(0, want - k));
      if (own > a) {
        // past the line: cut back by the pixel's share
        const s = a / own;
        for (let ch = 0; ch < 4; ch++) data[o + ch] = d[o + ch]! * s;
      } else if (a - own > 0.01) {
        // short of it: the coverage added in the column's own colour
        for (let ch = 0; ch < 3; ch++) data[o + ch] = d[o + ch]! + (d[ro + ch]! / ra) * (a - own);
        data[o + 3] = a;
      }
    }
  }
  return { ...l, data };
}
