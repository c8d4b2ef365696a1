// A narrow parting drawn in the tone the driver shows (issue #13, holes55). At a small parting the rows are faded out
// (teethRowLight.ts teethShown: a shown gap under .059 IOD) and what is left is the library's cavity, near black, so every
// barely parted mouth was a black slit — mt_man <- infinitetalk f137 (his lips apart by a grey-pink gap, the middle read .17
// dark; his slit's middle .4 of his lips' light, ours .17), lp_s7 <- lp_d10's near-rest partings. The driver's own dark share of
// its opening's middle (motion/driverCavity.ts, `driverCavity`) says how dark its parting is: where it reads little dark, our
// slit's cavity is lifted toward the lips' edge colour (GREY_TONE), as far as the rows are hidden. An opening that shows its
// rows (teethShow 1) and audio motions (no reading) are unchanged, and so is a driver's dark slit.
import { clamp01, smoothstep } from '../../math/smooth.ts';

/** tone: the lifted cavity's colour over the lips' edge colour (see GREY_TONE) */
export const greySlitSetting = { on: true, tone: 1 };

/** the driver's dark shares (driverCavity) over which its parting goes from grey to dark: under GREY_DARK[0] a grey gap (infinitetalk's slits .04-.17), from GREY_DARK[1] its cavity (motion/driverCavity.ts DARK_OF_LIP's own .45) */
export const GREY_DARK = [0.1, 0.45] as const;
/** the most a slit's cavity moves toward the lifted tone */
export const GREY_MIX = 1;
/**
 * the lifted cavity's colour over the lips' edge colour (lipRim.ts, the lip beside its inner line): the cavity's own shade in a
 * slit (interior.ts cavityInto: depth, corners, the teeth's light) leaves its darkest pixel at .34-.37 of the lips' luma
 * (mt_man <- infinitetalk f137, lp_s7 <- lp_d10 f330): the drivers' .32 and .48 (hers beside a grey teeth edge at .85);
 * .7 left .27 on mt_man, still a dark slot at 1x
 */
export const GREY_TONE = greySlitSetting.tone;

/** How far (0..GREY_MIX) a slit's cavity is lifted: the rows' hidden share (1 - `teethShow`) times how little dark the driver's parting reads. */
export function greySlitShare(driverCavity: number | undefined, teethShow: number): number {
  if (!greySlitSetting.on || driverCavity === undefined || !Number.isFinite(driverCavity)) return 0;
  return GREY_MIX * (1 - clamp01(teethShow)) * (1 - smoothstep(GREY_DARK[0], GREY_DARK[1], driverCavity));
}

/** `cavity` (RGB 0..255) moved in place by `share` (greySlitShare) toward greySlitSetting.tone of `lipEdge`; never darkened. */
export function greySlitInto(cavity: [number, number, number], lipEdge: readonly number[], share: number): void {
  if (!(share > 0)) return;
  for (let ch = 0; ch < 3; ch++) cavity[ch] = cavity[ch]! + Math.max(0, greySlitSetting.tone * lipEdge[ch]! - cavity[ch]!) * share;
}
