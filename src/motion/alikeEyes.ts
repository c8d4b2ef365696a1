// Two eyes the face mesh reads about equally open are read as one pair (droop51, issue #14). critic50: lp_s7 <- lp_d10
// f40/f41 one eye's lid lowered over the iris (eyeBlinkRight .43/.46, the left 0) while the driver's eyes are level (a
// smile's narrowing, both at ~.7 of rest). Two things split the pair there, neither of them a wink:
// - the blink map (restFace.ts blinkFromOpening) is steep between .67 and .85 of rest (.5 -> 0, ~2.8 per unit), so the
//   mesh's frame-to-frame difference between the eyes (|share L - share R|, median .04-.08 over the six bench drivers,
//   p90 .11-.20) becomes a blink difference of .1-.4 (lp_d10 f40 in the critic's cut: .77 / .65 -> .22 / .52);
// - the smile's squint given back to each blink (lowerLid.ts, eyeSquints.ts lowerLidSquints) is per side and comes
//   from that side's smile and the fit's own squint, not from the eye (f40-42: .11-.13 given back on one eye, .04 on
//   the other, the head-frame lower lids rising alike, .15-.17).
// lp_d6 shows the same at f509/f533/f632/f634/f789 (shares .03-.07 apart, closures .25-.45 apart): level eyes on the
// video, one eye rendered with a lowered lid. A real wink stands well past the noise: lp_d10 f305-306 .29/.23 apart.
// So where the shares are within ALIKE_DIFF the two readings take one value, from APART_DIFF each its own, smoothstep
// between. That value is their mean for a half lid, and the more closed one's in a blink (from SHUT_FROM to SHUT_FULL
// on it): the mesh under-reads a shutting eye (pcavs741 f37, both lids down on the video, read 1 / .76; the mean left
// both at .88). Pure; hooked in framesFromRaw.ts before the lid events and the smoothing (DriverFitOptions.alikeEyes).
import { smoothstep } from '../math/smooth.ts';

/** Opening shares of rest this close (or closer) are the same opening read twice: the two blinks are one... */
export const ALIKE_DIFF = 0.1;
/** ...and this far apart each eye keeps its own (a wink, lp_d10 f305-306: .29 / .23). */
export const APART_DIFF = 0.22;

/** A pair whose more closed eye's blink weight reaches this is blinking: from here its common value goes to that eye's... */
export const SHUT_FROM = 0.5;
/** ...and from this it is that eye's (restFace.ts PAIRED_UP_TO .78: a slit; a shut eye reads ~1). */
export const SHUT_FULL = 0.8;

/**
 * On a turned head the mesh reads the NEAR eye's lowered lid lower than the far eye's (turnwink51, critic51's pose620:
 * a down-looking driver at yaw -7..-9 with both lids lowered alike on the video, shares near .46-.67 / far .73-.83,
 * f90-107; at yaw +2..+6, f43-50, the other eye is near and the split turns round: near .41-.55 / far .66-.84; open
 * eyes read alike at either yaw, 1.0-1.1 both). The share difference in that direction is forgiven from this yaw
 * (degrees; nearer frontal the winks of the bench drivers stand, lp_d10 f305 at -1, Katie f116 at +1)...
 */
export const NEAR_SLACK_FROM = 2;
/** ...this much per degree past it... */
export const NEAR_SLACK_PER_DEG = 0.02;
/** ...up to this (12 degrees): past it a lower near eye is a wink again. */
export const NEAR_SLACK_MAX = 0.2;
/**
 * A near eye read this shut (share of rest) is shut, not a lowered lid: no slack (Obama2 f115-116, a wink at yaw 8.7:
 * the near eye .24-.32, the far .60-.64; test/winks.test.ts)... */
export const NEAR_SHUT = 0.35;
/** ...the full slack from this (pose620's lowered near lids .46-.67). */
export const NEAR_LOWERED = 0.45;

/**
 * The share difference alikeShare weighs: |left - right|, less the turned head's slack where the near eye (the
 * subject's left at negative yaw, degrees as the tracker's angles) reads more closed than the far one, and is lowered, not shut.
 */
export function turnedDiff(left: number, right: number, yaw = 0): number {
  const d = Math.abs(left - right);
  const nearLower = yaw < 0 ? left < right : yaw > 0 ? right < left : false;
  if (!nearLower) return d;
  const slack = Math.min(NEAR_SLACK_MAX, NEAR_SLACK_PER_DEG * Math.max(0, Math.abs(yaw) - NEAR_SLACK_FROM));
  return Math.max(0, d - slack * smoothstep(NEAR_SHUT, NEAR_LOWERED, Math.min(left, right)));
}

/** 0..1: how far a frame's two blink readings are one pair's, from the eyes' opening shares of rest (and its yaw). */
export function alikeShare(left: number, right: number, yaw = 0): number {
  return 1 - smoothstep(ALIKE_DIFF, APART_DIFF, turnedDiff(left, right, yaw));
}

/** The one value an alike pair of blink weights takes: their mean, going over to the larger in a blink. */
export function pairValue(left: number, right: number): number {
  const mean = (left + right) / 2, most = Math.max(left, right);
  return mean + smoothstep(SHUT_FROM, SHUT_FULL, most) * (most - mean);
}

/**
 * In place: each frame's two blink weights (blinks[0] subject's left) taken toward their pairValue by alikeShare of
 * its opening shares (null: no reading, left as is) and the head's yaw in degrees (none: frontal). `irisHidden` (0..1 per
 * frame, irisShowShares.ts bothIrisesHidden): where the pixels show both irises hidden together the pair is one however far
 * apart the mesh reads it (irisshow56: Stewart f87-88, both lids down, read .35 / .62 of rest).
 */
export function alikeEyes(blinks: [Float64Array, Float64Array], shares: readonly (readonly [number, number] | null)[], yaws?: ArrayLike<number>, irisHidden?: ArrayLike<number>): void {
  const [l, r] = blinks;
  shares.forEach((s, i) => {
    if (!s) return;
    const hidden = irisHidden?.[i] ?? 0, pair = pairValue(l[i]!, r[i]!);
    // (both irises hidden: both lids are down, and the more closed eye's weight is the pair's: the mesh under-read the other)
    const one = pair + hidden * (Math.max(l[i]!, r[i]!) - pair);
    [l[i], r[i]] = towardOne(l[i]!, r[i]!, one, Math.max(alikeShare(s[0], s[1], yaws?.[i] ?? 0), hidden));
  });
}

/** One frame's alikeEyes (the live retarget calls it per webcam frame): its two blink weights taken toward their pairValue by alikeShare. */
export function alikeBlinks(left: number, right: number, shares: readonly [number, number], yaw = 0): [number, number] {
  return towardOne(left, right, pairValue(left, right), alikeShare(shares[0], shares[1], yaw));
}

/** One frame's alikeSquints: its two eyeSquint weights taken toward their mean by alikeShare. */
export function alikeSquintPair(left: number, right: number, shares: readonly [number, number], yaw = 0): [number, number] {
  return towardOne(left, right, (left + right) / 2, alikeShare(shares[0], shares[1], yaw));
}

function towardOne(left: number, right: number, one: number, a: number): [number, number] {
  return a <= 0 ? [left, right] : [left + a * (one - left), right + a * (one - right)];
}

/**
 * In place: each frame's two eyeSquint weights (squints[0] subject's left) taken toward their mean by the same
 * alikeShare as the blinks (squint54, issue #14). The fit reads a squint per side from that side's lower lid and cheek;
 * where the mesh reads the two eyes about equally open the driver's narrowing is two-eyed, and a squint on one side only
 * narrows one of the photo's eyes alone: critic53's lp_s9 <- videoretalking_4 f86-96, a frown narrowing both eyes alike
 * (shares .64-.70 / .69-.72, yaw -1..-4) read eyeSquint .17-.38 / .04-.09, the photo's subject-left lid mesh at .53 of rest
 * beside .64 (f91); pcavs86 f36-42 (turned 17-19 deg, the near eye's lowered lid forgiven by turnedDiff) .24-.32 / .03-.06.
 * The mean, not the larger: the split is the fit's side noise, and a two-eyed squint's size is the pair's. A wink or a
 * one-eyed squint the mesh sees (shares past APART_DIFF) keeps each side's. cheekSquint is left as read: it raises the
 * cheek, not the lid (lp_s9 f91: its mean moved neither eye's mesh opening by .01).
 */
export function alikeSquints(squints: [Float64Array, Float64Array], shares: readonly (readonly [number, number] | null)[], yaws?: ArrayLike<number>): void {
  const [l, r] = squints;
  shares.forEach((s, i) => {
    if (s) [l[i], r[i]] = alikeSquintPair(l[i]!, r[i]!, s, yaws?.[i] ?? 0);
  });
}
