// A stare is two-eyed, but the rig fit often reads it on one eye only: lp_d6 (white all round both irises
// over most of her clip) reads eyeWide .29/.05 at f70 and .00/.83 at f151, with both eyes' openings at or
// over her rest (.98/1.04, .96/1.08). On lp_s42 the weaker side then stayed at rest and the stare arrived on
// neither eye (critic31: "lp_d6's wide stares are carried on neither eye"). Here, after lidsDecide
// (lidsDecide.ts, which already caps each eye's eyeWide within the more open eye's opening), the weaker
// eye takes the wider eye's eyeWide where it is itself as open as that eye, fading out as it is narrower:
// an eye that narrows while the other widens (a squint, a wink, a lowered lid) keeps its own reading.
import type { RigControl } from '../rig/controls.ts';
import { wideWithinOpening } from './lidsDecide.ts';

/**
 * The weaker eye takes the whole stare while its opening (share of its rest) is no more than this under the
 * wider eye's or under its own rest, whichever is lower; lp_d6's stares differ by up to .12 between her
 * eyes (f151 .96/1.08) where both eyes show white above the iris on the video.
 */
export const STARE_SPLIT_FULL = 0.08;
/** ...and none of it from this far under (a squinting eye at .81 beside a wide one at .98: lp_d6 f165). */
export const STARE_SPLIT_NONE = 0.16;

/**
 * The share (0..1) of the wider eye's eyeWide the weaker eye carries: 1 while the weaker eye's opening
 * `weak` is within STARE_SPLIT_FULL of the reference (the wider eye's opening `wide`, at most its rest 1),
 * 0 from STARE_SPLIT_NONE under it.
 */
export function stareCarry(weak: number, wide: number): number {
  const short = Math.min(1, wide) - weak;
  return Math.min(1, Math.max(0, (STARE_SPLIT_NONE - short) / (STARE_SPLIT_NONE - STARE_SPLIT_FULL)));
}

/**
 * One frame's [left, right] eyeWide and eyeSquint with the stare carried onto the weaker eye: its eyeWide
 * raised toward the wider eye's by stareCarry, and its squint lowered by what it gained (a wide eye is not
 * squinting, wideOverSquint).
 */
export function carriedStare(wide: [number, number], squint: [number, number], shares: [number, number]): { wide: [number, number]; squint: [number, number] } {
  const strong = wide[0] >= wide[1] ? 0 : 1, weak = 1 - strong;
  const outWide: [number, number] = [wide[0], wide[1]], outSquint: [number, number] = [squint[0], squint[1]];
  const target = wide[strong] * stareCarry(shares[weak]!, shares[strong]!);
  if (target > wide[weak]) {
    outWide[weak] = target;
    outSquint[weak] = Math.max(0, squint[weak] - (target - wide[weak]));
  }
  return { wide: outWide, squint: outSquint };
}

/** In place over the frames `have`: carriedStare on each frame (shares: each eye's opening over its rest, eyeShares). */
export function twoEyedStares(out: Map<RigControl, Float64Array>, shares: [Float64Array, Float64Array], have: number[]): void {
  const wl = out.get('eyeWideLeft'), wr = out.get('eyeWideRight'), sl = out.get('eyeSquintLeft'), sr = out.get('eyeSquintRight');
  if (!wl || !wr || !sl || !sr) return;
  for (const i of have) {
    const r = carriedStare([wl[i]!, wr[i]!], [sl[i]!, sr[i]!], [shares[0][i]!, shares[1][i]!]);
    [wl[i], wr[i]] = r.wide;
    [sl[i], sr[i]] = r.squint;
  }
}

/**
 * Option `stareOverMedian` (on since s34, gated by stareShowGate.ts): a two-eyed stare (stareCarry > 0) may rise past the eyes30 cap, to the
 * fit's wider uncapped reading within the opening over the eye's MEDIAN opening (not its rest, the 80th percentile:
 * lp_d6 stares over most of her clip, so her rest is a stare). `uncapped`: each eye's eyeWide after lidsDecide's
 * narrowing but before its cap; `shares` over rest (eyeShares), `overMedian` over the median; `gate` per frame (0..1,
 * stareShowGate.ts): the share of the rise past the capped weights let through.
 */
export function twoEyedStaresOverMedian(out: Map<RigControl, Float64Array>, uncapped: [Float64Array, Float64Array], shares: [Float64Array, Float64Array], overMedian: [Float64Array, Float64Array], have: number[], gate?: Float64Array): void {
  const wl = out.get('eyeWideLeft'), wr = out.get('eyeWideRight'), sl = out.get('eyeSquintLeft'), sr = out.get('eyeSquintRight');
  if (!wl || !wr || !sl || !sr) return;
  for (const i of have) {
    const strong = uncapped[0][i]! >= uncapped[1][i]! ? 0 : 1;
    const carry = stareCarry(shares[1 - strong]![i]!, shares[strong]![i]!);
    const level = carry * Math.min(uncapped[strong]![i]!, wideWithinOpening(Math.max(overMedian[0][i]!, overMedian[1][i]!)));
    for (const [w, s] of [[wl, sl], [wr, sr]] as const) {
      if (level <= w[i]!) continue;
      // gate (stareShowGate.ts, s34): each eye rises only the share of the way the driver's shown white allows
      const next = gate ? w[i]! + gate[i]! * (level - w[i]!) : level;
      s[i] = Math.max(0, s[i]! - (next - w[i]!));
      w[i] = next;
    }
  }
}

/** Each eye's opening over its median over the frames `have`. */
export function medianShares(eyes: [Float64Array, Float64Array], have: number[]): [Float64Array, Float64Array] {
  return eyes.map((e) => {
    const v = have.map((i) => e[i]!).sort((a, b) => a - b);
    const m = Math.max(1e-6, v[v.length >> 1] ?? 1);
    return Float64Array.from(e, (x) => x / m);
  }) as [Float64Array, Float64Array];
}
