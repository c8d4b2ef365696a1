// The iris show off the pixels (irisShow.ts) set against the same eye's open frames (irisshow56, issue #14): a driver's
// iris and lids have their own size and dark, and a hooded or made-up eye shows less iris or a darker lash line than
// another's, so each eye's reading counts as a share of its median over the clip's frames the mesh reads open.
import { smoothstep } from '../math/smooth.ts';
import { TURN_DOUBTED, TURN_PAIRED } from './blinkPairTrust.ts';
import { nearestRank } from '../math/stats.ts';

/** Frames whose eye the mesh reads this open (share of rest) or more are its open frames... */
export const OPEN_SHARE = 0.85;
/** ...and an eye with fewer of them than this has no open median (NaN shares). */
export const OPEN_FRAMES_MIN = 5;

/**
 * Per frame, each eye's iris show over its open frames' median ([subject's left, right]; NaN: unread), from the raw shows
 * (null: no reading) and the mesh's opening shares of rest (null: no usable frame).
 */
export function irisShowShares(shows: readonly (readonly [number, number] | null | undefined)[], shares: readonly (readonly [number, number] | null)[]): ([number, number] | null)[] {
  const opens = [0, 1].map((e) => {
    const v: number[] = [];
    shows.forEach((s, i) => { const x = s?.[e], o = shares[i]?.[e]; if (x !== undefined && Number.isFinite(x) && o !== undefined && o >= OPEN_SHARE) v.push(x); });
    return v.length >= OPEN_FRAMES_MIN ? nearestRank(v, 0.5, NaN) : NaN;
  });
  return shows.map((s, i) => (s && shares[i] ? [s[0] / opens[0]!, s[1] / opens[1]!] : null));
}

/** An eye whose iris shows this share of its open frames' or less is shut over it (Stewart's blink f87-88: .18-.31)... */
export const HIDDEN_FULL = 0.35;
/** ...and from this share on its iris shows (a wink's open slit, the iris dark in it). */
export const HIDDEN_NONE = 0.5;

/**
 * Per frame 0..1: how far both eyes' irises are hidden together, read off the pixels (irisShowShares); 0 where either is
 * unread, and faded out on a turned head as blinkPairTrust.ts doubts the far eye (its iris a few pixels: farEye.ts reads it).
 */
export function bothIrisesHidden(rel: readonly ([number, number] | null)[], yaws: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rel.length);
  const hidden = (v: number) => (Number.isFinite(v) ? 1 - smoothstep(HIDDEN_FULL, HIDDEN_NONE, v) : 0);
  rel.forEach((s, i) => { if (s) out[i] = Math.min(hidden(s[0]), hidden(s[1])) * (1 - smoothstep(TURN_DOUBTED, TURN_PAIRED, Math.abs(yaws[i] ?? 0))); });
  return out;
}
