// What a rounded opening ("O", funnel, pucker) shows inside (session 23): the lips pushed forward
// into a tube stand in front of the teeth, so a real O shows the upper teeth's tips under the lip at
// most (often nothing), then dark depth, the tongue low in it (lp_d6 f186-192, lp_d10 f8). Ours
// drew the whole upper row, dimmed, filling every funnel still: a flat grey two-incisor slab with
// the centre gap as a seam (critic22, katie / lp_s42 / mt_man / lp_s5 at mouthFunnel .8, jawOpen .3).
// interior.ts reads these per pixel; every one is the identity where `oInsideOf` is 0.
import { smoothstep } from '../../math/smooth.ts';
import type { ReadyLayer } from './readyLayer.ts';
import type { MouthPlacement } from './frameLight.ts';
import { darkOGate } from './roundMouth.ts';
import { tongueTopAbove } from './tongue.ts';

/**
 * How much this frame's opening shows an O's inside, 0..1: the frame's rounding (pucker + half its
 * funnel, placement.ts) over O_ROUNDING, as far as a video driver's own mouth is dark (darkOGate:
 * Obama 2's puckered words show his teeth), or whatever it reads at a full pucker (oSure). It comes
 * in at less rounding than frameLight's `roundness` (0.25-0.6): a funnel of .8 alone is 0.4 of it,
 * an O with the teeth behind the lips, where roundness .39 kept 0.87 of the upper row.
 */
export function oInsideOf(p: MouthPlacement): number {
  const r = p.rounding ?? 0;
  if (!(r > O_ROUNDING[0])) return 0;
  return smoothstep(O_ROUNDING[0], O_ROUNDING[1], r) * Math.max(darkOGate(p.driverDark), oSure(r));
}
/** rounding (pucker + half the funnel over the photo's) over which the inside turns into an O's */
const O_ROUNDING = [0.12, 0.35] as const;

/**
 * How sure a rounding alone makes an O, whatever the driver's darkness reads: motion/mouthDark.ts
 * counts lp_d6's lit tongue and its highlight in her tall O (f190-191, pucker 1) as teeth (darkness
 * .11-.25), and our O drew the upper row there where hers shows none. Obama 2's puckered words that
 * do show teeth stay under O_SURE[0] (pucker + half the funnel .70-.81 at f106-110, darkness 0).
 */
export const oSure = (rounding: number) => smoothstep(O_SURE[0], O_SURE[1], rounding);
const O_SURE = [0.85, 1] as const;

/**
 * How far (layer px) the upper row's tips hang under its anchor: the lowest row of its middle
 * columns (a fifth of the layer) whose mean premultiplied luminance reaches half the brightest row's
 * (as teethRows.ts lowerTipsAbove, upside down). 0 for an empty layer.
 */
export function upperTipsBelow(l: ReadyLayer): number {
  const W = l.width, d = l.data, half = Math.max(1, Math.round(0.1 * W));
  const c = Math.min(W - 1, Math.max(0, Math.round(l.anchorX))), ay = Math.min(l.height - 1, Math.max(0, Math.round(l.anchorY)));
  const rowLum = (y: number) => {
    let s = 0;
    for (let x = Math.max(0, c - half); x <= Math.min(W - 1, c + half); x++) { const o = (y * W + x) * 4; s += 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!; }
    return s;
  };
  let top = 0;
  for (let y = 0; y < l.height; y++) top = Math.max(top, rowLum(y));
  if (top <= 0) return 0;
  for (let y = l.height - 1; y >= ay; y--) if (rowLum(y) >= 0.5 * top) return y - ay;
  return 0;
}

let tipsLayer: ReadyLayer | null = null, tipsCached = 0;
/** upperTipsBelow, kept for the last layer asked about (one avatar renders many frames). */
export function upperTipsOf(l: ReadyLayer): number {
  if (l !== tipsLayer) { tipsCached = upperTipsBelow(l); tipsLayer = l; }
  return tipsCached;
}

/**
 * How far (layer px) to raise the upper row at a pixel so that its tips show no more than
 * O_TIPS_SHOWN (IOD) under this column's upper lip line: `tips` the tips under the anchor, `lipLy`
 * the lip line in layer px (from the anchor, down positive), `unitLayer` layer px per IOD, `o`
 * oInsideOf. Never lowers the row.
 */
export function oTipsRaise(tips: number, lipLy: number, unitLayer: number, o: number): number {
  return o * Math.max(0, tips - (lipLy + O_TIPS_SHOWN * unitLayer));
}
/** an O's upper teeth show their tips this far (IOD) under the upper lip at most (a real O: the edges or nothing) */
export const O_TIPS_SHOWN = 0.035;

/** The share of the lower row an O still shows: the lower lip, pushed forward, hides it (real O frames show a tip at most). */
export const oLowerShown = (o: number) => 1 - O_LOWER_HIDDEN * o;
const O_LOWER_HIDDEN = 0.85;

/**
 * How much darker the O's cavity is at a pixel: toward its centre-back (deep between the lips,
 * `mid` 0 at a lip line .. 1 halfway, and away from the corners, `lateral`), the light off the lips
 * gone; a multiplier 1 - O_DEPTH_DARK x o x depth.
 */
export function oDepthShade(mid: number, lateral: number, o: number): number {
  return 1 - O_DEPTH_DARK * o * mid * (1 - lateral * lateral);
}
const O_DEPTH_DARK = 0.2;

let topLayer: ReadyLayer | null = null, topCached: number | null = null;
/** tongue.ts tongueTopAbove, kept for the last layer asked about. */
export function tongueTopOf(l: ReadyLayer): number | null {
  if (l !== topLayer) { topCached = tongueTopAbove(l); topLayer = l; }
  return topCached;
}

/**
 * The tongue's growth in an O (`o`: oInsideOf): at least `o` of the way to frameLight's fill of a
 * wide opening (tongueFillGrow: its top 0.45 of the gap over the lower lip), at any gap. It lies
 * low in the cavity, under a dark band (lp_d6 f189-192: its top about 0.6 of the O over the lower
 * lip); hidden behind the lower row at a moderate O's gap, the inside was one flat dark disc.
 * Its back stays in the mouth's shadow (interior.ts TONGUE_BACK_SHADE): lower and darker than lit.
 */
export function oTongueGrow(grow: number, fill: number, o: number): number {
  return Math.max(grow, 1 + (fill - 1) * o);
}

/**
 * How much of the O's tongue (shown by the parting, not hidden with the teeth) a lip gap (IOD)
 * brings in: none in a small pucker, whose tongue, in the O's shade, drew a black bar across its
 * dark red middle (test/mouthPucker: luma 32 -> 5 halfway down at jawOpen .17), all of it from
 * O_TONGUE_GAP[1] (lp_d6 f190-192 at 0.3-0.4).
 */
export const oTongueShare = (o: number, gap: number) => o * smoothstep(O_TONGUE_GAP[0], O_TONGUE_GAP[1], gap);
const O_TONGUE_GAP = [0.14, 0.24] as const;

/**
 * The light an O's tongue gets back (a multiplier, `ot` oTongueShare): the round's shade
 * (frameLight.ts roundShade, 0.75 of the light off at a full O) is for the teeth behind the pushed-out
 * lips; the tongue lies low in the cavity, lit through the O over the lower lip (lp_d6 f190-192: a
 * lit tongue, the opening's median luma 0.8 of the skin; ours .44-.60, funnel stills .24-.34).
 */
export function oTongueLight(ot: number, roundShade: number): number {
  return 1 + ot * O_TONGUE_LIT * (1 / Math.max(0.25, roundShade) - 1);
}
const O_TONGUE_LIT = 1;

/**
 * How far up its grown tongue (layer px over its anchor, `grow` the O's growth) an O's tongue is
 * fully lit, its back in shadow beyond (interior.ts): at least O_TONGUE_FRONT of it at a full O's
 * tongue (`ot` oTongueShare). frameLight's lit share of a wide opening (0.2 at a full one, counted
 * on its own smaller growth) left the tall O's tongue in the back's shadow to its front: a grey-mauve
 * lower half (lp_s42 <- lp_d6 f190-192, the opening's lower third .64-.70 of the skin's luma) where
 * hers is lit pink (.79-.84), darker only toward the back.
 */
export function oTongueLitUp(litUp: number, ot: number, top: number | null, grow: number): number {
  return Math.max(litUp, ot * O_TONGUE_FRONT * (top ?? 0) * grow);
}
const O_TONGUE_FRONT = 0.4;
