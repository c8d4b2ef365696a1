// Figures of the tongue inside the inner-lip polygon (bench/tongueShow.ts, test/mouthTongue.test.ts):
// how much of the opening it covers and how bright it is against the lips. On a render the tongue's
// pixels are found exactly (the frame with and without the tongue layer); on a real frame, and on
// a render for a like-for-like figure, by colour (`tongueLike`: a lip-red surface no darker than
// TONGUE_LEAST of the lips, where the cavity is darker and the teeth are pale).
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';

type Lm = ArrayLike<ArrayLike<number>>;
type Px = ArrayLike<number>;
const luma = (d: Px, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const poly = (lm: Lm, a: readonly number[], b: readonly number[]) => [...a, ...[...b].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);

/** the inner-lip polygon (the opening) of a frame `width` x `height` */
export function openingMask(lm: Lm, width: number, height: number): Uint8Array {
  return polygonMask(poly(lm, LIPS_INNER_UPPER, LIPS_INNER_LOWER), width, height);
}

/** The lips' colour: the medians of luma and (R-G)/luma between the outer and inner lip lines. */
export function lipTone(d: Px, lm: Lm, width: number, height: number): { l: number; red: number } {
  const outer = polygonMask(poly(lm, LIPS_OUTER_UPPER, LIPS_OUTER_LOWER), width, height), inner = openingMask(lm, width, height);
  const ls: number[] = [], rs: number[] = [];
  for (let q = 0; q < outer.length; q++) {
    if (!outer[q] || inner[q]) continue;
    const l = luma(d, q * 4);
    ls.push(l); rs.push((d[q * 4]! - d[q * 4 + 1]!) / Math.max(1, l));
  }
  return { l: median(ls) || 128, red: median(rs) || 0 };
}

/** a tongue-like pixel is at least this share of the lips' luma (the cavity is darker) ... */
export const TONGUE_LEAST = 0.3;
/** ... at most this share (pale teeth are brighter) ... */
const TONGUE_MOST = 1.25;
/** ... and at least this share of the lips' redness (a lip-red surface; a grey photo's lips have none to compare) */
const TONGUE_RED = 0.45;

export interface TongueFigures {
  /** share of the opening's pixels that are tongue */
  share: number;
  /** the tongue pixels' median luma over the lips' */
  light: number;
  n: number;
}

/** The tongue-like pixels of the opening, by colour alone (real frames). */
export function tongueLike(d: Px, lm: Lm, width: number, height: number): TongueFigures | null {
  const mask = openingMask(lm, width, height), lip = lipTone(d, lm, width, height);
  let n = 0;
  const ls: number[] = [];
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    n++;
    const o = q * 4, l = luma(d, o);
    if (l < TONGUE_LEAST * lip.l || l > TONGUE_MOST * lip.l) continue;
    if (lip.red > 0.1 && (d[o]! - d[o + 1]!) / Math.max(1, l) < TONGUE_RED * lip.red) continue;
    ls.push(l / lip.l);
  }
  return n < 20 ? null : { share: ls.length / n, light: ls.length ? median(ls) : 0, n };
}

/** The tongue's pixels of a render, found against the same frame drawn without it (a pixel it changed by more than `least` in a channel). */
export function tongueDrawn(withTongue: Px, without: Px, lm: Lm, width: number, height: number, least = 6): TongueFigures | null {
  const mask = openingMask(lm, width, height), lip = lipTone(withTongue, lm, width, height);
  let n = 0;
  const ls: number[] = [];
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    n++;
    const o = q * 4;
    const diff = Math.max(Math.abs(withTongue[o]! - without[o]!), Math.abs(withTongue[o + 1]! - without[o + 1]!), Math.abs(withTongue[o + 2]! - without[o + 2]!));
    if (diff > least) ls.push(luma(withTongue, o) / lip.l);
  }
  return n < 20 ? null : { share: ls.length / n, light: ls.length ? median(ls) : 0, n };
}
