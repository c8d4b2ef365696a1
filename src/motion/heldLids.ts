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

/** Per frame, the most closing either eye may have in a held stretch (NaN: no cap). */
export function heldLidCaps(shares: Shares, fps: number): Float64Array {
  const n = shares.length, caps = new Float64Array(n).fill(NaN);
  const low = lowShareMedian(shares);
  const level = lowShareMedian(shares, Math.max(MEDIAN_HALF, Math.round(LEVEL_SECONDS * fps)));
  const held = (i: number) => low[i]! >= HELD_LEAST && low[i]! < BLINK_START;
  const minLength = Math.max(3, Math.round(HELD_SECONDS * fps));
  const core = blinkCoreFrames(shares);
  // near a frame with an eye read shut: Katie f112-113 (.41/.35, .42/.25) and f170-172 (.11/.44, .06/.37) are blinks the median bridges
  const margin = Math.max(1, Math.round(SHUT_MARGIN_SECONDS * fps));
  const nearShut = new Array<boolean>(n).fill(false);
  const low2 = (i: number) => { const s = shares[i]; return !!s && (Math.max(s[0], s[1]) < BOTH_LOW || Math.min(s[0], s[1]) < ONE_LOW); };
  shares.forEach((s, i) => { if (s && (Math.min(s[0], s[1]) < BLINK_SHUT || (low2(i) && (low2(i - 1) || low2(i + 1))))) for (let k = Math.max(0, i - margin); k <= Math.min(n - 1, i + margin); k++) nearShut[k] = true; });
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
