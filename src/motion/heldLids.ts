// A driver's held, half-lowered lids drawn as his lids, not as a blink in flight (hooded56, issue #14).
// restFace.ts blinkFromOpening is steep through .4-.7 of rest on purpose: a blink passes there in a frame or two and
// has to look like a closing lid (lidsInFlight: Katie f25 at .40 -> .77). A hooded driver holds his lids there for
// seconds (christie f14-40: the near eye .48-.67 of rest, the iris half under the lid on the video), and the same map
// gave .55-.70, which the renderer draws as a dark line: at weight .6 the rig's lid is .40 of rest open but the
// eyeball under it is in the lid's shadow, and the rest eye's pixels still shown (bench/halfLidReadback.ts, median of
// lp_s42, lp_s1, lp_s5, st_art_1, lp_s2) are .37 (lp_s42 .17-.28); at .7 .19 (lp_s42 .13).
// Here a held stretch (the more closed eye's 5-frame median between HELD_LEAST and BLINK_START for HELD_SECONDS or
// longer) caps both eyes' weights at HELD_TO_BLINK of its level (the median over LEVEL_SECONDS either side, or the
// frame's lower share where lower): the weight whose render shows about the driver's
// share of the photo's eye. Blinks (both eyes shut, droopLids.ts blinkCoreFrames, and a frame either side) and any
// frame within SHUT_MARGIN_SECONDS of an eye read shut or of two frames read low (a blink's or a wink's closing and opening) keep theirs. Caps only lower a weight: one eye paired
// up to the other (alikeEyes, blinkInStep, farEye) stays paired.
import { BLINK_SHUT, BLINK_START, blinkFromOpening } from './restFace.ts';
import { blinkCoreFrames } from './droopLids.ts';
import { nearestRank } from '../math/stats.ts';
import { irisShowShares } from './irisShowShares.ts';
import { eyeSharesOf, TURN_PAIRED } from './blinkPairTrust.ts';
import type { RawFaceFrame } from './fromVideo.ts';

type Shares = readonly (readonly [number, number] | null)[];

/** The more closed eye's median at least this (a slit over the iris; heldNarrowing's NARROW_OTHER_LEAST)... */
export const HELD_LEAST = 0.38;
/** ...for this long (s) or longer: held, not a blink passing (a blink's closing and opening are 1-2 frames each at 25 fps). */
export const HELD_SECONDS = 0.4;
/** Frames within this long (s) of an eye read shut (under BLINK_SHUT) are a blink's or a wink's closing and opening: not capped. */
export const SHUT_MARGIN_SECONDS = 0.08;
/**
 * ...as are those near two neighbouring frames read low: the more open eye under BOTH_LOW (both lids down: stewart
 * f25-27 .39/.41, .43/.41, .31/.41) or the more closed one under ONE_LOW (Katie f22-23 .50/.31, .54/.35, an uneven
 * blink). A lone low frame is the mesh's noise in a hooded stretch (christie f34 .34 between .52 and .48); on a turned
 * head both eyes read the near one (farEye.ts), so the two shares are alike there.
 */
export const BOTH_LOW = 0.45;
export const ONE_LOW = 0.36;
/** The stretch is found on the median over this many frames either side... */
const MEDIAN_HALF = 2;
/** ...and its lid's level is the median over this long (s) either side (droopLids.ts HELD_WINDOW_SECONDS): a frame's cap from its own reading made the held lid pump again where droopHeld steadies it. */
export const LEVEL_SECONDS = 0.4;
/**
 * (share of rest, weight) for a held lid: the weight at which the renders show about that share of the photo's
 * open eye (bench/halfLidReadback.ts pix, median of five portraits: w .4 .65, .5 .52, .55 .47, .6 .37), joining
 * blinkFromOpening at BLINK_START; at most 2.2 per unit of opening (no snap).
 */
const HELD_TO_BLINK: readonly (readonly [number, number])[] = [[HELD_LEAST, 0.62], [0.47, 0.55], [0.56, 0.48], [0.67, 0.39], [BLINK_START, 0]];

/** The weight a held lid at `share` of rest renders as that share: never more than blinkFromOpening. */
export function heldBlinkFromOpening(share: number): number {
  const k = HELD_TO_BLINK;
  let w = k[0]![1];
  if (share >= k[k.length - 1]![0]) w = 0;
  else if (share > k[0]![0]) {
    for (let i = 1; i < k.length; i++) {
      const [s1, w1] = k[i]!, [s0, w0] = k[i - 1]!;
      if (share <= s1) { w = w0 + ((share - s0) / (s1 - s0)) * (w1 - w0); break; }
    }
  }
  return Math.min(w, blinkFromOpening(share));
}

/** Per frame, the more closed eye's share's median over `half` frames either side (NaN without readings). */
export function lowShareMedian(shares: Shares, half = MEDIAN_HALF): Float64Array {
  const n = shares.length, out = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (!shares[i]) continue;
    const near: number[] = [];
    for (let k = Math.max(0, i - half); k <= Math.min(n - 1, i + half); k++) if (shares[k]) near.push(Math.min(shares[k]![0], shares[k]![1]));
    out[i] = nearestRank(near, 0.5, NaN);
  }
  return out;
}

/**
 * s57 (heldlid57): an eye whose pixels show its iris at this share of its open frames' median or more (irisShowShares.ts;
 * a blink's hidden irises read .18-.45, Stewart's and Obama's) is not shut on that frame, whatever the mesh reads of
 * its lids...
 */
export const IRIS_SEEN = 0.75;
/**
 * ...when the mesh reads that eye itself this open or more (its own share, before farEye.ts reads a turned head's far
 * eye as its near one): a blink's under-read eye reads .45-.58 (lp_d6 f183-187, whose dark lash band irisShow reads .98).
 */
export const SEEN_SHARE = 0.6;

/**
 * Per frame: on a turned head (|yaw| TURN_PAIRED or more, where the eyes are read as one pair: farEye.ts, blinkPairTrust.ts),
 * the pixels show an open iris (IRIS_SEEN, on an eye the mesh reads SEEN_SHARE open or more). christie f0-13 (yaw -15..-19):
 * his near eye reads .25-.54 of rest (hooded, looking down: farEye.ts makes it both eyes' reading) while his far eye
 * shows its iris .82-1.16 of open on every frame — a held, narrowed look, not the blinks the low readings looked like to
 * heldLidCaps (which left every frame within 2 of them uncapped: drawn shut, weight .62-1). A frontal head's eyes are read
 * each on its own: there one eye's iris beside a shut one is a wink (Obama1 f70-72, Obama2 f81-82), left as it was, and
 * only both irises showing make a frame seen (noem f55-58: her left eye read .33-.47 of rest, both irises .84-1.37 of open).
 */
export function irisSeenFrames(irisRel: readonly (readonly [number, number] | null)[], ownShares: Shares, yaws: ArrayLike<number>): boolean[] {
  const seen = irisRel.map((r, i) => {
    const s = ownShares[i];
    if (!r || !s) return false;
    const open = [0, 1].some((e) => r[e]! >= IRIS_SEEN && s[e]! >= SEEN_SHARE);
    // a frontal head: both irises must show (noem f55-58: .84-1.37 of open while the mesh reads her left eye .33-.47)
    return open && (Math.abs(yaws[i] ?? 0) >= TURN_PAIRED || Math.min(r[0]!, r[1]!) >= IRIS_SEEN);
  });
  // a lone frame between two seen, not read shut, is seen (christie f7, the far eye read .48); a shut one stays a blink (lp_d6 f377 .09/.08)
  const bridged = (i: number) => i > 0 && i + 1 < seen.length && seen[i - 1]! && seen[i + 1]! && !!ownShares[i] && Math.min(ownShares[i]![0], ownShares[i]![1]) >= BLINK_SHUT;
  return seen.map((v, i) => v || bridged(i));
}

/**
 * Per frame, the most closing either eye may have in a held stretch (NaN: no cap). `seen` (irisSeenFrames, optional):
 * frames the pixels show open, which neither make a blink's core nor count as read shut or low.
 */
export function heldLidCaps(shares: Shares, fps: number, seen?: readonly boolean[]): Float64Array {
  const n = shares.length, caps = new Float64Array(n).fill(NaN);
  const low = lowShareMedian(shares);
  const level = lowShareMedian(shares, Math.max(MEDIAN_HALF, Math.round(LEVEL_SECONDS * fps)));
  const unseen = (i: number) => !seen?.[i];
  // (a frame the pixels show open is held however low the mesh reads it: christie f6-8's near eye .25-.34)
  const held = (i: number) => (low[i]! >= HELD_LEAST || !unseen(i)) && low[i]! < BLINK_START;
  const minLength = Math.max(3, Math.round(HELD_SECONDS * fps));
  const core = blinkCoreFrames(seen ? shares.map((s, i) => (unseen(i) ? s : null)) : shares);
  // near a frame with an eye read shut: Katie f112-113 (.41/.35, .42/.25) and f170-172 (.11/.44, .06/.37) are blinks the median bridges
  const margin = Math.max(1, Math.round(SHUT_MARGIN_SECONDS * fps));
  const nearShut = new Array<boolean>(n).fill(false);
  const low2 = (i: number) => { const s = shares[i]; return !!s && unseen(i) && (Math.max(s[0], s[1]) < BOTH_LOW || Math.min(s[0], s[1]) < ONE_LOW); };
  shares.forEach((s, i) => { if (s && ((unseen(i) && Math.min(s[0], s[1]) < BLINK_SHUT) || (low2(i) && (low2(i - 1) || low2(i + 1))))) for (let k = Math.max(0, i - margin); k <= Math.min(n - 1, i + margin); k++) nearShut[k] = true; });
  for (let a = 0; a < n; a++) {
    if (!held(a)) continue;
    let b = a;
    while (b + 1 < n && held(b + 1)) b++;
    if (b - a + 1 >= minLength) {
      // the frame's own reading where it is lower: a short half blink in the stretch stays one
      for (let i = a; i <= b; i++) if (!core[i] && !core[i - 1] && !core[i + 1] && !nearShut[i]) caps[i] = heldBlinkFromOpening(Math.min(level[i]!, Math.min(shares[i]![0], shares[i]![1])));
    }
    a = b;
  }
  return caps;
}

/** In place: both eyes' weights within their frame's cap (before and again after the smoothing). */
export function withinCaps(blinks: readonly Float64Array[], caps: Float64Array): void {
  for (const c of blinks) caps.forEach((cap, i) => { if (!Number.isNaN(cap) && c[i]! > cap) c[i] = cap; });
}

/** irisSeenFrames of a track: its yaws, each eye's own share of `rest` and its iris show over its open median (irisShowShares.ts). */
export function heldIrisSeen(raw: readonly (RawFaceFrame | null)[], valid: readonly boolean[], rest: { eyeLeft: number; eyeRight: number }): boolean[] {
  const own = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  return irisSeenFrames(irisShowShares(raw.map((r, i) => (valid[i] ? r?.irisShow : null)), own), own, raw.map((r) => r?.angles.yaw ?? 0));
}
