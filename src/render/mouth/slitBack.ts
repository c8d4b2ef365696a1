// A small opening's dark no darker than the driver's (issue #13, holes56). The tracker reads the light of the dark part of the
// driver's opening over its lips (motion/driverCavity.ts cavityLight, the motion's `driverBack`), and the renderer lifts the
// cavity's dark toward it (driverTongue.ts backFloorInto) — but only as far as the opening is deep (cavityDepth.ts depthShare:
// none under a .08 IOD gap, a third at .125), a rule from before the reading, when "a speech slit stays the plain dark of its
// cavity" was the only guess. So every small opening kept the library's near-black where the driver's is a dim red:
// st_art_1 <- pcavs741 f97 (the driver's dark part .33 of his lips, ours .18), mt_man <- infinitetalk f43 (.36, ours .17),
// lp_s0 <- reagan f63 (.22, ours .14). The reading is the driver's own: where it is there, it holds at any gap. A black driver
// mouth reads ~.15 and lifts nothing visible; audio motions have no reading (backToneInto returns false): unchanged.
import { clamp01 } from '../../math/smooth.ts';
import { luma601 as luma } from '../../math/colour.ts';

/** share: how far the driver's back light holds at a gap under the depth's (1: as at a deep opening; 0: main's depth rule) */
export const slitBackSetting = { on: true, share: 1 };

/**
 * How far (0..1) the back floor (driverTongue.ts backFloorInto) applies on a frame with a driver's back reading: the opening's
 * depth share `depth` (cavityDepth.ts depthShare), or at a shallower opening the setting's share, not in a rounded "O"
 * (`round`: roundInside.ts shades its own).
 */
export function slitBackShare(depth: number, round: number): number {
  if (!slitBackSetting.on) return depth;
  return Math.max(depth, clamp01(slitBackSetting.share) * (1 - clamp01(round)));
}

/**
 * A grey parting's floor (greySlit.ts greySlitShare: the driver's opening middle reads little dark, our rows hidden): lp_s5 <-
 * stewart f110, lp_s7 <- lp_d10 f336, mt_man <- infinitetalk f137 — the driver's lips barely apart over wet inner lip and tooth
 * tips, its middle .17 or less dark, lit at .7-.8 of its lips (motion/driverCavity.ts tongueLight, the lit run up from its
 * lower lip: `driverTongueLight`). greySlit lifts the cavity's colour, but the interior's shading (depth, corners, the rows'
 * light) still takes its pixels to .3-.4 of the lips: a dark slot at 1x. Here the back floor (which lifts every darker pixel,
 * driverTongue.ts backFloorInto) is raised toward `lit` x the driver's lit light by that share.
 * lit: the floor's light over the driver's lit run's (pixels under the floor go BACK_LIFT .75 of the way; .8 left infinitetalk f137
 * and lp_d10 f336 dark slots at 4x, 1.3 drew f137 a uniform mauve band where his shows a dark-red line); grey: how far the raised
 * tone loses its colour (the tissue tone is 1.3 x as colourful as the lips, tissueTint.ts: dark, a dark red; raised to the lips'
 * light, lp_s9's ochre lips drew an orange line at f45 where the child shows a grey-brown parting)
 */
export const greyPartingSetting = { on: true, lit: 1, grey: 0.5 };

/**
 * `tone` (the back floor's tone, RGB 0..255, black when the frame has none) raised in place for a grey parting of share
 * `share` (0..1, greySlitShare) toward greyPartingSetting.lit x the driver's lit light `driverLit` (over the lips' luma, at
 * most 1) of `lipEdge`, in the tone's hue (the lips' edge colour where it has none); returns the frame's back share, at
 * least `backK` (1 where the floor was raised); its colour taken greyPartingSetting.grey x share toward grey (its luma kept). Never lowers the tone; no reading or no grey share: unchanged.
 */
export function greyPartingInto(tone: number[], lipEdge: readonly number[], driverLit: number | undefined, share: number, backK: number): number {
  if (!greyPartingSetting.on || !(share > 0) || driverLit === undefined || !Number.isFinite(driverLit)) return backK;
  const lt = luma(tone), want = greyPartingSetting.lit * Math.min(1, Math.max(0, driverLit)) * luma(lipEdge);
  const to = lt + (want - lt) * clamp01(share);
  if (!(to > lt) || !(to > 0)) return backK;
  const hue = lt > 0 ? tone : lipEdge, hl = lt > 0 ? lt : luma(lipEdge);
  if (!(hl > 0)) return backK;
  const grey = greyPartingSetting.grey * clamp01(share);
  for (let ch = 0; ch < 3; ch++) tone[ch] = Math.min(255, hue[ch]! * (to / hl));
  for (let ch = 0; ch < 3; ch++) tone[ch] = tone[ch]! + (to - tone[ch]!) * grey;
  return 1;
}

// The same reading's hue (smallhole57, s57): the dark's red-purple (deepHue.ts, hue38) still came in with the depth share alone
// (none under a .08 IOD gap, .47 at pcavs741 f97's .138), so a small opening whose back holds the driver's light kept the
// tissue tint's grey-brown: mt_man <- pcavs741 f97 its dark bands' Lab chroma .42-.47 of the lips' where the driver's crimson
// slit reads .80-.92 (bench/cavityProfile.ts band chroma): at 1x a black-brown hole beside a dark red one. Where the driver's
// back is read (a video driver's own opening), the hue holds as far as the back floor does.
/** on: a small opening with a driver's back reading takes the deep hue as far as its back floor (slitBackShare) */
export const slitHueSetting = { on: true };

/**
 * How far (0..1) the deep hue (deepHue.ts deepHueOver) applies: the depth share `depth`, or with a driver's back reading
 * (`hasBack`: driverTongue.ts backToneInto true) as far as slitBackShare carries the back floor; no reading: the depth's.
 */
export function slitHueShare(depth: number, round: number, hasBack: boolean): number {
  if (!slitHueSetting.on || !hasBack) return depth;
  return slitBackShare(depth, round);
}
