// The look of a library row standing in for teeth the photo does not show (issue #13, slab28): real smiles
// (Katie's f23-f47) read as separate teeth by the dark lines between them and end in a dark corridor at each
// corner; ours were one white slab, the lines a quarter as deep and the corners a grey fade.
import { PLAIN_RELIEF, type ReliefLook } from './toothRelief.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * The relief (toothRelief.ts) on a row the photo shows none of. Measured along the upper half of the opening
 * (bench/rowStructure.ts): Katie's smiles dip .18 of the centre's luma between teeth, st_art_1's rendered row
 * .047. Deeper lines alone drew pink hairlines a pixel wide (tinted by the cavity); a real row's separations
 * are mostly each tooth's rounded face turning away into the gap: the rounding 8 x as deep (0.4 at a tooth's
 * sides, as (2u - 1)^2; as |2u - 1| lp_s1's small parting lost its lit edge, test/mouthParting), the lines 1.2 x
 * as dark and wide, their shade 0.4 as warm (at the cavity's full hue the rounded sides read mauve). Over the
 * teeth's bodies the lines stay at BODY_LINE: at 0.8 Katie's smiles drew mauve stripes, a ruled bar.
 * Drawn at full strength on real photos their rows (lp_s1, st_happy, mt_man audio) read as dark pickets,
 * last session's "braces" back (critic28, zoom_a_lp_s1_f80); session 29 drew it at about half everywhere.
 * Session 30 (rowpic30, critic29's fix-first: "on paintings distinct teeth; on real photos faint lines with
 * whiter side teeth") keys it on the picture's skin texture (pictureKind.ts): TEXTURED_RELIEF (slab28's full
 * look) in a painting or a grainy print, CLEAN_RELIEF in a clean photo (and a 3D cartoon's smooth skin):
 * lines fainter than the plain relief's, hardly rounded, the side teeth keeping 0.4 of their shading (real
 * photographed rows, Katie's and mt_sun's open frames, are nearly white out to the canines).
 * Session 39 (row39, the lead's look at lp_s2 + imagine.wav, a grainy black-and-white photo read textured): the
 * rounding 8 as (2u - 1)^2 drew every tooth as a lit block between dark slots, a picket fence (gaps .15 of the
 * centre deep, 84 % deeper than .1; real speech rows .07-.10, 13-42 %). Each side is now as rounded as its line is
 * dark (toothVariety.ts sideRounding). A flatter front (5 as (2u - 1)^4, or 6 as ^2) measured nearer the real rows
 * (.107, 53 %) but the face mesh then read lp_s2's open grin 1.2 % narrower than its mesh (test/grinRendered, .954
 * against .96): left at 8 as ^2.
 */
export const TEXTURED_RELIEF: ReliefLook = { lines: 1.2, widen: 1.2, round: 8, roundPower: 2, warmth: 0.4, sides: 1 };
export const CLEAN_RELIEF: ReliefLook = { lines: 0.85, widen: 1, round: 2, roundPower: 2, warmth: 0.8, sides: 0.4 };

/**
 * A soft picture's row keeps less of the textured look (s53 greyteeth53, issue #13): lp_s9 (a soft painting, lip edges
 * 2.4 px) <- lp_d11 f150, a grin with both rows, drew its upper row as a picket fence of dark lines (upper-row dips .152
 * of the teeth's light, bench/teethTexture.ts picket) where the driver shows one white band (0); real soft videos' rows
 * dip .08-.11 in speech (lp_d6 .079, lp_d10 .103, lp_d11 .101, lp_d0 .113; sharp Katie .154): a blur this wide cannot
 * hold a stroke between every two teeth. The textured share is faded by `softFade` x softFade(softness) (0 off).
 */
export const rowLookSetting = { softFade: 1, /** ownCutRelief on (off: a photo's own cut always keeps PLAIN_RELIEF, main before s56) */ ownCutLook: true };

/**
 * How much of the textured look a picture of this softness (photoLook.ts pictureSoftness, 0..1) loses: none up to its
 * midpoint (lip edges ~1.7 px: crisp paintings keep their distinct teeth, st_art_1 and lp_s12 at .29, lp_s1 at .05),
 * all of it at 1 (lp_s9 2.4 px; lp_s5 1.9 px .62, lp_s0 2.0 px .78).
 */
export function softFade(softness: number): number {
  return rowLookSetting.softFade * Math.min(1, Math.max(0, 2 * softness - 1));
}

/** The look `share` of the way from CLEAN_RELIEF to TEXTURED_RELIEF (pictureKind.ts texturedShare). */
export function noTeethRelief(share: number): ReliefLook {
  const t = Math.min(1, Math.max(0, share)), mix = (k: keyof ReliefLook) => (CLEAN_RELIEF[k] ?? 1) + t * ((TEXTURED_RELIEF[k] ?? 1) - (CLEAN_RELIEF[k] ?? 1));
  return { lines: mix('lines'), widen: mix('widen'), round: mix('round'), roundPower: mix('roundPower'), warmth: mix('warmth'), sides: mix('sides') };
}

/** The relief's look for the library's upper row (the lower row keeps the plain one: with both deepened the seam between the rows drew a dark grid, lp_s1 f176) on a photo that does (or does not) show its own teeth (a photo's own teeth keep theirs), in a picture `textured` (0 clean .. 1 painted) as pictureKind.ts reads it, `softness` as photoLook.ts pictureSoftness reads it; `ownKept` false: the photo's cut is drawn but is not its row (ownCutRelief). */
export function libraryRelief(photoShowsTeeth: boolean, textured = 0.5, softness = 0, ownKept = true): ReliefLook {
  if (photoShowsTeeth) return ownKept || !rowLookSetting.ownCutLook ? PLAIN_RELIEF : ownCutRelief(textured * (1 - softFade(softness)));
  return noTeethRelief(textured * (1 - softFade(softness)));
}

/**
 * s56 (denture56, issue #13): a photo whose own cut is drawn but is not its row (under OWN_ROW_KEPT of the cut stays lit teeth:
 * a thin strip under the lip) shows the library row over nearly all of an opening, and that row took PLAIN_RELIEF ("a photo's
 * own teeth keep theirs"). On a painting (lp_s10, Vermeer's girl: her cut a glint of white, textured 1) the row was a solid white
 * band without gaps where her driver (lp_d0) shows six teeth apart: a painting's library row takes TEXTURED_RELIEF when the photo
 * shows no teeth, and here the plain look goes `share` of the way to it. A clean photo (share 0: lp_s42, lp_s11,
 * st_full_body_1) keeps the plain look, byte for byte.
 */
export function ownCutRelief(share: number): ReliefLook {
  const t = Math.min(1, Math.max(0, share));
  if (!(t > 0)) return PLAIN_RELIEF;
  const mix = (k: keyof ReliefLook) => (PLAIN_RELIEF[k] ?? 1) + t * ((OWN_CUT_RELIEF[k] ?? 1) - (PLAIN_RELIEF[k] ?? 1));
  return { lines: mix('lines'), widen: mix('widen'), round: mix('round'), roundPower: mix('roundPower'), warmth: mix('warmth'), sides: mix('sides'), tipLines: mix('tipLines') };
}
/** TEXTURED_RELIEF with speech's flatter front (speechRow.ts TEXTURED_SPEECH_RELIEF's values): an own cut's row has one look for speech and grin */
const OWN_CUT_RELIEF: ReliefLook = { ...TEXTURED_RELIEF, round: 6, roundPower: 3 };

/**
 * A smile's library row ends in the dark buccal corridor: over the outer CORRIDOR[0]..1 of the half-width its
 * light, and the corners' lining beyond it (interior.ts), fall by up to CORRIDOR[1]. Katie's smiles f23-f47
 * (bench/rowStructure.ts): the corners' luma .09 of the central incisors', the corridor (under .6 of them) .14
 * of the mouth's width a side; ours .26, a grey fade. Not a wide opening without a smile: lp_d6's lit corners
 * (her self-reenacted open frames lost .05 dB of mouth box), and its lining stays lit (test/mouthWide). A photo's
 * own teeth carry their own corners.
 */
const CORRIDOR: [number, number] = [0.72, 0.8];

/** How much of the corridor a frame's row takes, 0..1: library rows only, as far as a smile lights the row to its sides (frameLight.ts litSide). */
export function corridorStrength(fromPhoto: boolean, smileLit: number): number {
  return fromPhoto ? 0 : smileLit;
}

/** The light left on a tooth at `lateral` (0 centre, 1 inner corner) by a corridor of `strength` (1: none in the middle). */
export function corridorLight(lateral: number, strength: number): number {
  if (!(strength > 0) || lateral <= CORRIDOR[0]) return 1;
  return 1 - CORRIDOR[1] * strength * smoothstep(CORRIDOR[0], 1, lateral);
}
