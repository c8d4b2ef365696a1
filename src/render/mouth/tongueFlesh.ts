// The tongue's flesh in a tongue's own pink (issue #13, tongue41; critic40 worst #1: lp_s5 <- lp_d10 f80-88 "a salmon
// dome", our tongue "a flat salmon-orange where real tongues are pale pink"). tonguePalette.ts moves the library's pink
// tongue to the lips' colour (all the way when their hues part by 30 degrees or more): on a warm photo (lp_s5's lips Lab
// h56) that makes the tongue the lips' orange, h43, where every driver's lit tongue reads h12-25 in Lab whatever its lips
// (bench/tongueLit.ts: lp_d6 f48-100 h17-25, lp_d10 f57/f83/f88 h20-23, lp_d11 f165 h12). A tongue is the mouth's pinkest
// flesh, less orange than the lips beside it, so its hue turns TURN_SHARE of the way to TONGUE_HUE, at most MAX_TURN degrees
// (a varnished painting keeps most of its ochre: critic28's lilac tongue on the Mona Lisa), its Lab lightness
// kept and its chroma a little less (PALE). Pure; tongue.ts readyTongue applies it once per avatar, after the palette.
import { smoothstep } from '../../math/smooth.ts';
import { labOf } from './tonguePalette.ts';
import { rgbOfLab } from './deepHue.ts';
import type { ReadyLayer } from './readyLayer.ts';

/** the drivers' lit tongues' Lab hue (degrees; lp_d6 17-25, lp_d10 20-23, lp_d11 12) */
export const TONGUE_HUE = 20;
/** the share of the way from the palette's hue to TONGUE_HUE ... */
const TURN_SHARE = 0.65;
/** ... and the largest turn (degrees) */
const MAX_TURN = 20;
/** the share of its chroma the tongue gives up at the largest turn (a tongue is paler than the lips' orange: the drivers'
 *  lit tongues .83-.93 of their lips' chroma; turned alone, the Mona Lisa's ochre tongue went a coral) */
const PALE = 0.15;
/** a layer greyer than this Lab chroma has no hue to turn (a black-and-white photo's grey tongue, tonguePalette.ts) */
const GREY_CHROMA = 5;

/** Degrees to add to a tongue of Lab hue `hue` (degrees): TURN_SHARE of the short way to TONGUE_HUE, within MAX_TURN. */
export function tongueTurn(hue: number): number {
  const d = ((((TONGUE_HUE - hue) % 360) + 540) % 360) - 180;
  return Math.max(-MAX_TURN, Math.min(MAX_TURN, d * TURN_SHARE));
}

/** The layer (premultiplied) with every pixel's Lab hue turned by tongueTurn of its opaque pixels' mean hue, its chroma x (1 - PALE x the turn's share of MAX_TURN). */
export function tongueInPink(l: ReadyLayer): ReadyLayer {
  let sa = 0, sb = 0, n = 0;
  const d = l.data;
  for (let o = 0; o < d.length; o += 4) {
    const al = d[o + 3]!;
    if (al < 0.9) continue;
    const [, a, b] = labOf(d[o]! / al, d[o + 1]! / al, d[o + 2]! / al);
    sa += a; sb += b; n++;
  }
  if (!n || Math.hypot(sa / n, sb / n) < GREY_CHROMA) return l;
  const turn = (tongueTurn((Math.atan2(sb, sa) * 180) / Math.PI) * Math.PI) / 180;
  if (Math.abs(turn) < 1e-3) return l;
  const pale = 1 - (PALE * Math.abs(turn)) / ((MAX_TURN * Math.PI) / 180);
  const c = Math.cos(turn) * pale, s = Math.sin(turn) * pale, data = Float32Array.from(d);
  for (let o = 0; o < data.length; o += 4) {
    const al = data[o + 3]!;
    if (!(al > 0)) continue;
    const [L, a, b] = labOf(data[o]! / al, data[o + 1]! / al, data[o + 2]! / al);
    const rgb = rgbOfLab(L, a * c - b * s, a * s + b * c);
    for (let ch = 0; ch < 3; ch++) data[o + ch] = Math.max(0, Math.min(255, rgb[ch]!)) * al;
  }
  return { ...l, data };
}

// The median groove (same issue; critic40: lp_s5 f80-88 "a dome with no groove"). lp_d10 f83's tongue shows a soft dark line
// down the middle of its top, from near the tip into its purple back. tongueShape.ts's groove (5 % of the light over .07 of
// the half width, s35) did not show at 4x, and on the lit front litCavityFall.ts tongueFrontAt lifts each pixel toward one
// target luma, evening any groove drawn before it out. This one is narrower and deeper and interior.ts applies it after the
// front's lift (times the arch's share), over the tongue's height from GROOVE_H's start on into its back. No lighter ridges
// beside it: s35's twin highlights read as three stripes (critic34; test/tongueShape.test.ts keeps that rule).
/** the groove's half width (share of the opening's half width) and depth (share of the light; on tongueShape.ts's 5 %) */
const GROOVE_WIDE = 0.06, GROOVE_DEEP = 0.12;
/** the groove comes in over the tongue's height h (share of its top) from the first to the second, and fades by half over the last */
const GROOVE_H = [0.02, 0.2, 0.97] as const;

/** The light factor of the groove at `lateral` (0 the middle .. 1 a corner) and height share `h` on the tongue. */
export function tongueGroove(lateral: number, h: number): number {
  const on = smoothstep(GROOVE_H[0], GROOVE_H[1], h) * (1 - smoothstep(GROOVE_H[1] + 0.4, GROOVE_H[2], h) * 0.5);
  if (!(on > 0)) return 1;
  const x = Math.abs(lateral);
  return 1 - on * GROOVE_DEEP * Math.exp(-((x / GROOVE_WIDE) ** 2));
}

// A tongue forward in a lit opening (same issue; critic40: st_happy <- lp_d6 f48-103 "the driver puts her tongue out, ours
// shows none"). tongue40b darkened a standing tongue's back under its arched top (tongueStands.ts standingBackLight) and
// tongueShape.ts lets the arch's light fall to .4 up the opening: right for lp_d10 f80-88, whose tongue stands in the
// throat's dark (driverCavity .27-.31 of her opening's middle dark), but lp_d6 f52-f82 push the tongue forward, lit to .75 of
// the opening (bench/tongueLit.ts top .75 at f67, L 1.21 of the lips'), with hardly any dark (driverCavity .06-.11), and
// lp_d11 f166's pale tongue too (.11): ours stood as high (driverArchTop .9) but its top half went into the dark (top .49).
/** driver tongue runs (as far as trusted: driverTongue.ts readingTrust) over which its tongue counts as forward ... */
const FORWARD_RUN = [0.55, 0.7] as const;
/** ... as long as its opening's middle is hardly dark (driverCavity: lp_d6 f67 .09, lp_d10 f83 .27) */
const FORWARD_DARK = [0.12, 0.22] as const;

/** How far the driver's tongue is forward and lit, 0..1 (0 without a reading: audio, old tracks). `trust`: readingTrust. */
export function tongueForward(driverTongue: number | undefined, driverCavity: number | undefined, trust: number): number {
  if (driverTongue === undefined || driverCavity === undefined || !Number.isFinite(driverTongue) || !Number.isFinite(driverCavity)) return 0;
  return smoothstep(FORWARD_RUN[0], FORWARD_RUN[1], driverTongue * trust) * (1 - smoothstep(FORWARD_DARK[0], FORWARD_DARK[1], driverCavity));
}

// s49 (tongue49; critic48: lp_s9 <- lp_d11 f76/f98 "a salmon tongue slab" filling the opening). The run above is a lit run
// up the opening's middle; lp_d11 f76's .75 (driverCavity .05) is her lower teeth and the pale tongue tip behind them
// (bench/tongueLit.ts lowTeeth .62, her lit top .26 of the opening, a dim maroon band over it), and it lit ours to its top
// with no back, no back hue and x1.15: one flat light from the lower lip to .68 of the opening. A tongue really forward
// is read since s42/s45 as a tongue out (tongueOut.ts, motion/tongueOutEvidence.ts: lp_d6 f52/f64/f67 out 1), which frameLight
// takes whole; a lit run alone is s45's weak evidence and gives only RUN_FORWARD of it.
/** the share of tongueForward a lit run gives without a tongue out read */
export const RUN_FORWARD = 0.35;

/** tongueForward from a lit run alone (no tongue out read): RUN_FORWARD of it. */
export function runForward(driverTongue: number | undefined, driverCavity: number | undefined, trust: number): number {
  return RUN_FORWARD * tongueForward(driverTongue, driverCavity, trust);
}

/** a forward tongue's light over what it gets in the mouth otherwise: lp_d6 f64/f67's read 1.01/1.21 of her lips' luma, ours .96/.97 */
const FORWARD_LIFT = 0.15;

/** The light factor on the tongue where the driver's is forward (`forward`: tongueForward x the arch's share). */
export function forwardLight(forward: number): number {
  return 1 + FORWARD_LIFT * Math.max(0, Math.min(1, forward));
}
