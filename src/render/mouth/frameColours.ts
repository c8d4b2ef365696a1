// The mouth's colours for one frame (FrameLight.set, after the teeth and the tongue): the cavity, the inner lip surface, the
// corners' lining, the floors under the rows, the back of the mouth and the shadows' warmth.
import type { FrameLight, MouthPlacement } from './frameLight.ts';
import type { ReadyMouth } from './layers.ts';
import { clamp01 } from '../../math/smooth.ts';
import { roundCoreInto } from './roundMouth.ts';
import { litCavityInto, litCavityShare, tipsToneInto, underFloorInto } from './teethEdge.ts';
import { cavityFloorShare, FLOOR_TONE } from './cavityFloor.ts';
import { TISSUE_SHARE, tissueToneInto } from './tissueTint.ts';
import { backToneInto, readingTrust } from './driverTongue.ts';
import { frontTarget, litFallRun } from './litCavityFall.ts';
import { paleFrontTarget } from './tongueFrontLight.ts';
import { luma601 } from '../../math/colour.ts';
import { depthShare } from './cavityDepth.ts';
import { deepHueInto } from './deepHue.ts';
import { castTintInto } from './pictureCast.ts';
import { greySlitInto, greySlitShare } from './greySlit.ts';
import { greyPartingInto, slitBackShare, slitHueShare } from './slitBack.ts';

type Rgb = [number, number, number];

/** The colours of the cavity, the inner lip surface, the corners' lining and the shadows (after the teeth rows and the tongue are set). */
export function mouthColoursInto(l: FrameLight, p: MouthPlacement, layers: ReadyMouth, lipInner: readonly number[], lipEdge: readonly number[], wide: number): void {
  const round = l.round;
  // (an "O" is a dark red hole too, light off its lips reaching in: a grey-black one read as a
  // hole punched through the face, lp_s42 <- lp_d6 at 3.3 s, every full funnel)
  const li = lipInner, cav = layers.cavity, k = Math.max(THROAT_MIX * wide, ROUND_THROAT_MIX * round);
  for (let ch = 0; ch < 3; ch++) {
    l.cavityNow[ch] = cav[ch]! + (THROAT_SHADE * li[ch]! - cav[ch]!) * k;
    // the inner lip surface is the edge's colour in the mouth's shadow: darker, redder (as the
    // photo's inner and edge colours differ, grey on a black-and-white photo)
    l.innerShade[ch] = Math.min(1, li[ch]! / Math.max(1, lipEdge[ch]!));
  }
  roundCoreInto(li, l.roundCore);
  // (the library's cavity is a little bluer than green: a navy rim round the opening beside warm lips)
  l.cavityNow[2] = Math.min(l.cavityNow[2], l.cavityNow[1]);
  // (a driver's lit opening over ours cut short: its cavity the lips' inner tissue in shade, teethEdge.ts)
  l.litFall = layers.fromPhoto ? 0 : litCavityShare(p.driverTeeth, p.driverDark, l.teethShow);
  litCavityInto(l.cavityNow, li, l.litFall);
  // (a narrow parting as grey as the driver's, not a black slot: greySlit.ts; an opening showing its rows unchanged)
  if (!layers.fromPhoto) greySlitInto(l.cavityNow, lipEdge, greySlitShare(p.driverCavity, l.teethShow));
  l.litRun = litFallRun(p.driverTongue, readingTrust(p.driverTeeth));
  l.underFloorK = layers.fromPhoto ? 0 : underFloorInto(l.underFloor, lipEdge, p.driverUnder, p.driverTeeth, l.teethShow, p.gap);
  for (let ch = 0; ch < 3; ch++) l.cornerLining[ch] = CORNER_LINING * li[ch]! * l.teethLight;
  // (at a speech opening nothing black: the mouth tissue's dim red under the rows, cavityFloor.ts)
  // (not in the line between a bite's rows, dark as the driver's: biteRows.ts)
  l.cavityFloorK = cavityFloorShare(p.gap, round, l.rowShade, p.driverCavity) * (1 - l.tongueBehind);
  tipsToneInto(l.cornerLining, l.cavityFloor);
  for (let ch = 0; ch < 3; ch++) l.cavityFloor[ch] *= FLOOR_TONE;
  shadowTintInto(li, l.warmShadow);
  // (the back of the mouth no darker than the driver's: a dim purple-red, not black, at a small opening too: driverTongue.ts, slitBack.ts)
  const hasBack = backToneInto(lipEdge, p.driverBack, l.backTone);
  l.backK = hasBack ? slitBackShare(depthShare(p.gap, round), round) : 0;
  l.tongueFrontLuma = paleFrontTarget(frontTarget(lipEdge), luma601(lipEdge), p.driverTongueLight, l.tonguePale);
  // (the tissue in the lips' own hue, not blue raises made on pink lips that grey a yellow picture's: tissueTint.ts)
  // (the floors under the rows no more colourful than the lips: at a speech slit 1.3 drew an orange line under the teeth)
  for (const tone of [l.cavityNow, l.backTone]) tissueToneInto(tone, lipInner);
  // (a grey parting's floor at the driver's lit light, not a dark slot, greyer than the tissue: slitBack.ts)
  if (!layers.fromPhoto) l.backK = greyPartingInto(l.backTone, lipEdge, p.driverTongueLight, greySlitShare(p.driverCavity, l.teethShow) * (1 - round), l.backK);
  for (const tone of [l.underFloor, l.cavityFloor]) tissueToneInto(tone, lipInner, TISSUE_SHARE, 1);
  // (in the drivers' red-purple as far as the back floor holds the driver's light, at a small opening too: slitBack.ts slitHueShare)
  l.deepK = deepHueInto(lipEdge, l.deepTint) ? slitHueShare(depthShare(p.gap, round), round, hasBack) : 0;
  // (the drivers' red-purple seen through a varnished picture's cast: pictureCast.ts)
  if (layers.cast && l.deepK > 0) castTintInto(l.deepTint, layers.cast);
  l.deepLipLuma = luma601(lipEdge);
}

/**
 * What a full shadow keeps of the teeth's colour, per channel (`out`): the mouth's warmth, never a
 * lipstick's hue. Blue loses WARM_SHADOW of the inner lip's own blue shortfall (R-B over R), up to
 * WARM_SHADOW_MOST; green loses no more than blue (a magenta lipstick's lining tinted shade pink,
 * session 15; an olive one is khaki) and at least half of it (warm grey, not orange). Session 18:
 * until then every channel was floored at 0.85 (for mt_sun's lipstick), so a tooth at 0.4 of the
 * light kept 97 % of its blue: Obama's, st_art_1's, st_happy's side teeth at jawOpen .15 a cold
 * mid-grey (bench/smallParting.ts grey share .2+) where real shaded teeth are a warm grey.
 */
export function shadowTintInto(lipInner: readonly number[], out: Rgb): void {
  const r = Math.max(1, lipInner[0]!, lipInner[1]!, lipInner[2]!);
  const blueShort = clamp01(1 - lipInner[2]! / r), greenShort = clamp01(1 - lipInner[1]! / r);
  const d = Math.min(WARM_SHADOW_MOST, WARM_SHADOW * blueShort);
  const greenShare = blueShort > 1e-6 ? Math.min(1, Math.max(0.5, greenShort / blueShort)) : 0;
  out[0] = 1 - WARM_SHADOW * (1 - lipInner[0]! / r); out[1] = 1 - d * greenShare; out[2] = 1 - d;
}
/** how far a full shadow on the teeth takes the inner lip's warmth (0: grey shadows, which read teal beside warm lips) */
const WARM_SHADOW = 0.6;
/**
 * ... but blue no further than this (0.15 for every channel from session 16 to 17: mt_sun's
 * lipstick lining drew pink-brown, then gold shaded teeth at 0.25-0.41, session 15-16)
 */
const WARM_SHADOW_MOST = 0.35;
/** the corners' lining: this share of the inner lip's colour (its light falls off into the corner; 0.7 until session 16: a lit pink corner where the real's are
 * dark; no darker than 0.55: test/mouthWide.test.ts, Katie's smile ended in black wedges at 0.4 of the cavity) */
const CORNER_LINING = 0.55;
/** wide open: the cavity moves this share toward the inner lip's colour times THROAT_SHADE */
const THROAT_MIX = 0.8, THROAT_SHADE = 0.42;
/** a round opening ("O"): the cavity moves this share toward the same dark red */
const ROUND_THROAT_MIX = 0.6;
