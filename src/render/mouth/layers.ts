// The mouth layers an avatar uses, made ready for one output size (readyLayer.ts): the teeth
// library's rows, light-matched to the face (lightMatch.ts) and carried to the corners and under
// the lips (teethRows.ts), with the photo's own teeth laid over them where the photo shows them
// (photoTeeth.ts); the tongue in the lips' hue (tongue.ts); the cavity colour.
import type { Avatar } from '../../avatar/types.ts';
import { cutMouthLayers, type MouthLayers } from './atlas.ts';
import { teethLibrary } from './library.ts';
import { lipSurfaceColours } from './placement.ts';
import { ready, coverage, type ReadyLayer } from './readyLayer.ts';
import { cheekColour, desaturate, lightMatch, type LightMatch } from './lightMatch.ts';
import { mainRow, teethUnderLip } from './teethRows.ts';
import { evenTips } from './teethTips.ts';
import { withSmoothIncisal } from './incisalLine.ts';
import { BODY_LINE, LOWER_RELIEF, shadeTintOf, withToothRelief } from './toothRelief.ts';
import { PHOTO_TEETH_MIN_GAP, over, photoRowTarget, withoutDark } from './photoTeeth.ts';
import { readyTongue, tongueSides } from './tongue.ts';
import { brightenedTo, libraryGain, pictureSoftness, SOFT_TEETH_WARMTH, warmedToward, photoLipLook, pictureWhite, sharpened, sharpnessToMatch, softPictureWhite, teethTarget } from './photoLook.ts';
import { teethBlurFor } from './pictureBlur.ts';
import { levelledRow } from './rowLevel.ts';
import { softLowerRow } from './softLowerRow.ts';
import { softRow } from './softRowOutline.ts';
import { overhangOf, overhangShare } from './overhangShade.ts';
import { flatRow, rowFlatSetting } from './rowFlat.ts';
import { withLinesToGum } from './linesToGum.ts';
import { libraryRelief } from './rowLook.ts';
import { ownRowRelief } from './ownRowRelief.ts';
import { speechRelief, speechRowDiffers } from './speechRow.ts';
import { onsetRelief } from './onsetRelief.ts';
import { skinTexture, texturedShare } from './pictureKind.ts';
import { libraryRowTone } from './rowTone.ts';
import { withPictureGrain } from './pictureGrain.ts';
import { crackTile, type CrackTile } from './pictureCracks.ts';
import { castLayer, varnishCast } from './pictureCast.ts';
import { luminance as lum } from '../../math/colour.ts';
import { eyeWhite } from './eyeWhite.ts';
import { OWN_ROW_KEPT } from './rowBend.ts';
import { offWhite, PHOTO_HUE_KEEP, photoOffWhite, photoTeethWhite, towardOffWhite } from './teethColour.ts';

export interface ReadyMouth {
  upper: ReadyLayer;
  /** the library's upper row with speech's flatter front (speechRow.ts: `upper` is a smile's); absent: one look for both */
  upperSpeech?: ReadyLayer | null;
  /** the upper row with the mid-opening's deeper relief (onsetRelief.ts), taken per frame by the lip gap; absent: none */
  upperOnset?: ReadyLayer | null;
  lower: ReadyLayer;
  tongue: ReadyLayer | null;
  /** per column of `tongue`, how much of it shows (tongue.ts tongueSides: its ends fade; absent: all of it) */
  tongueSides?: Float32Array | null;
  cavity: [number, number, number];
  /** the photo's own teeth are laid over the library set (the photo shows them) */
  fromPhoto: boolean;
  /** the lower row is the photo's own too (a really open photo), not only the library's */
  lowerFromPhoto?: boolean;
  /** the picture's own fine texture laid on the opening (pictureCracks.ts); absent: none */
  cracks?: CrackTile | null;
  /** the picture's cast (its varnish) read off its eyes' white, for the colours taken from drivers (pictureCast.ts); absent: none */
  cast?: [number, number, number] | null;
  /** the photo's own cut is its upper row (most of it kept as lit teeth: rowBend.ts OWN_ROW_KEPT), not bent with the lip line */
  ownRowKept?: boolean;
  /** the library upper row's median light over the photo's cheeks (rowTone.ts libraryRowTone) and how textured the picture is (pictureKind.ts): rowTone.ts; absent: no driver tone taken */
  rowTone?: { tone: number; textured: number };
  /** how much of a dark overhang's (a moustache's) shade the upper row takes (overhangShade.ts); absent: none */
  overhang?: number;
}

/**
 * gamma on the library teeth (< 1 brightens the mid-tones). lips17 (session 13) tried 1 against
 * Fei-Fei Li's "white tooth slab" (the gaps between teeth lifted into one bright band); the outside
 * critic then saw lp_s1's and mt_man's teeth as a dark grey band with streaks ("braces"), so 0.75
 * again: the slab is answered by the darkening toward the corners (frameLight.ts SIDE_DARK).
 */
const TEETH_LIFT = 0.75;

/**
 * A mouth this wide at rest (corner to corner, in the head's IOD: eye corner to eye corner) or wider
 * takes the library's teeth at their adult size. The library rows are sized by the IOD, and a narrower
 * mouth (a child, a stylised or painted small mouth: lp_s11 .42, lp_s5 .44, lp_s7 .39, lp_s10 .44
 * against the adult photos' .50-.60) had two incisors filling it, a pale slab at small openings.
 */
const ADULT_MOUTH_WIDTH = 0.49;
/** ...and the teeth never shrink below this share of it */
const TEETH_SCALE_MIN = 0.78;

/** The library teeth's size for a mouth `mouthOverIod` wide at rest (1: the adult size). */
export function teethScaleForMouth(mouthOverIod: number): number {
  if (!(mouthOverIod > 0)) return 1;
  return Math.min(1, Math.max(TEETH_SCALE_MIN, mouthOverIod / ADULT_MOUTH_WIDTH));
}

/** The avatar's mouth width at rest (landmarks 61-291 of the rest positions) over its IOD (eye corners). */
function restMouthOverIod(avatar: Avatar): number {
  const p = avatar.rest;
  return Math.hypot(p[61 * 3]! - p[291 * 3]!, p[61 * 3 + 1]! - p[291 * 3 + 1]!) / avatar.head.iod;
}

/**
 * The blur (output px) the library layers need on top of their own to look as soft as the photo:
 * a source smaller than the crop was enlarged into it; the library is softer than its ppi suggests
 * (a video frame), so only what the photo has more is added.
 */
function extraBlur(avatar: Avatar, outPerIod: number, libPpi: number): number {
  const photoBlurOut = photoSoftness(avatar, outPerIod);
  const libBlurOut = libSoftness(outPerIod, libPpi);
  return Math.sqrt(Math.max(0, photoBlurOut * photoBlurOut - libBlurOut * libBlurOut));
}

/** The library's own softness at output scale (gaussian sigma, px): video frames, softer than their ppi. */
function libSoftness(outPerIod: number, libPpi: number): number {
  return 0.6 * (outPerIod / libPpi);
}

/** The photo's own softness at output scale (gaussian sigma, px): a source smaller than the crop was enlarged into it. */
function photoSoftness(avatar: Avatar, outPerIod: number): number {
  const a = avatar.analysis;
  const enlarge = a ? a.crop.size / Math.max(1, a.crop.side) : 1;
  return Math.max(0.35, 0.5 * enlarge) * (outPerIod / avatar.head.iod);
}

/** The photo's own interior, where it shows one (already in the photo's light and sharpness). */
function photoCut(avatar: Avatar): MouthLayers | null {
  if (avatar.mouth.photoGap / avatar.head.iod < PHOTO_TEETH_MIN_GAP) return null;
  const at = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  return cutMouthLayers(avatar.texture, at, Math.max(16, Math.round(avatar.head.iod)), { fillBehindLip: false, stopAtRowGap: true });
}

/**
 * The photo's teeth as rigid pieces over the library rows (which go on where the photo hid them).
 * A barely parted photo shows its upper teeth; its lower half is mostly lip shadow, used only when
 * the photo's mouth is really open (lowerToo).
 */
function withPhotoTeeth(own: MouthLayers, rows: { upper: ReadyLayer; lower: ReadyLayer }, outPerIod: number, lowerToo: boolean, target: number, white: [number, number, number]) {
  const ident: LightMatch = { gain: [1, 1, 1], saturation: 1 };
  const upperOwn = ready(own.upper, outPerIod, 0, ident), lowerOwn = ready(own.lower, outPerIod, 0, ident);
  // the photo's teeth sat in the shade of its lips (lp_s42 at 0.63 of the teeth brightness its
  // light gives, st_full_body_1 at 0.5: grey teeth in an open mouth): lifted toward it, by 1.25 at most
  const leastBright = target / OWN_TEETH_GAIN[1];
  const { layers: [upper, lower] } = brightenedTo([withoutDark(upperOwn, leastBright), withoutDark(lowerOwn, leastBright)], target, OWN_TEETH_GAIN);
  return {
    fromPhoto: coverage(upperOwn) + (lowerToo ? coverage(lowerOwn) : 0) > 0,
    lowerFromPhoto: lowerToo && coverage(lowerOwn) > 0,
    ownRowKept: coverage(upper!) >= OWN_ROW_KEPT * Math.max(1, coverage(upperOwn)),
    // (held near the picture's white too: mt_sun's, in her lipstick's light, were gold)
    upper: over(towardOffWhite(upper!, white, PHOTO_HUE_KEEP), rows.upper),
    lower: lowerToo ? over(towardOffWhite(lower!, white, PHOTO_HUE_KEEP), rows.lower) : rows.lower,
  };
}
/** The gain on the photo's own teeth: never darker, at most this much brighter. */
const OWN_TEETH_GAIN: [number, number] = [1, 1.25];

/** How the library rows are made to look photographed here (photoLook.ts, pictureBlur.ts). */
interface TeethLook {
  /** the bright teeth's luma */
  target: number;
  /** the share of a sharp picture's target a soft one keeps (photoLook.ts softPictureWhite) */
  softShare: number;
  /** the photo's detail ratio around its lips (photoLook.ts detailRatio) */
  lipDetail: number | null;
  /** the photo's lip edges' blur and the rows' own softness (output px) */
  lipBlur: number | null;
  /** the photo's grain around its lips (pictureGrain.ts fineGrain) */
  lipGrain: number | null;
  haveBlur: number;
}

/**
 * The library rows in this photo's look (photoLook.ts): sharpened (or softened) to the detail of the
 * photo around its lips, or blurred to the softness of its lip edges where that is more (pictureBlur.ts:
 * a painting's or a soft photo's grain read as detail), given the picture's grain (pictureGrain.ts),
 * then separate teeth (`relief`), their
 * bright teeth brought to the photo's teeth brightness (`look`).
 * The sharpness is matched on the finished rows (the relief's lines count as detail), but only the
 * library's own pixels take a sharpening or a softening: the relief is drawn at the picture's softness
 * already, and sharpened again its lines between teeth and the biting edge doubled into a dark grid
 * ("braces": lp_s1, session 26); softened again they faded into a white slab (st_art_1, teeth27).
 */
function libraryLook(avatar: Avatar, upper: ReadyLayer, lower: ReadyLayer, relief: (l: ReadyLayer, dir: -1 | 1, blurPx?: number, plain?: boolean, speech?: boolean, sharpen?: number, onset?: boolean) => ReadyLayer, look: TeethLook, withSpeech = false): { upper: ReadyLayer; lower: ReadyLayer; upperSpeech: ReadyLayer | null; upperOnset: ReadyLayer | null } {
  const blur = teethBlurFor(look.lipBlur, look.haveBlur);
  // (matched with the plain relief: rowLook.ts's deeper one read as detail and the rows were softened for it,
  // lp_s1's small parting's teeth edge 1.03 -> .94 of the skin's light, test/mouthParting)
  const matched = sharpnessToMatch(relief(upper, -1, 0, true), look.lipDetail);
  const amount = blur > 0 ? Math.min(-blur, matched) : matched;
  // (softened, the relief is drawn after it as wide as that blur: blurred after, teeth27, its lines
  // were softened twice, st_art_1's slab; until session 26 it went first and took the softening)
  const [u0, l0] = withPictureGrain([sharpened(upper, amount), sharpened(lower, amount)], look.lipGrain);
  const spread = Math.max(0, -amount);
  const rows = [relief(u0!, -1, spread, false, false, amount), relief(l0!, 1, spread)];
  const { layers: bright, gain } = brightenedTo(rows, look.target, libraryGain(look.softShare));
  const warm = SOFT_TEETH_WARMTH * pictureSoftness(look.lipBlur);
  const [u, l] = warmedToward(bright, cheekColour(avatar), warm);
  // (speech's row in the same light as the smile's: its gain, not its own)
  const speech = withSpeech ? warmedToward(brightenedTo([relief(u0!, -1, spread, false, true)], look.target, [gain, gain]).layers, cheekColour(avatar), warm)[0]! : null;
  // (and, without a speech row, the mid-opening's row in the same light: onsetRelief.ts)
  const onset = withSpeech ? null : warmedToward(brightenedTo([relief(u0!, -1, spread, false, false, amount, true)], look.target, [gain, gain]).layers, cheekColour(avatar), warm)[0]!;
  // (the lower row's tips no crisper than the picture's lip edges: softLowerRow.ts; the upper rows' outline too: softRowOutline.ts)
  const rowBlur = Math.hypot(look.haveBlur, spread), soft = (r: ReadyLayer | null) => (r ? softRow(r, look.lipBlur, rowBlur) : r);
  return { upper: soft(u!)!, lower: softLowerRow(l!, look.lipBlur, rowBlur), upperSpeech: soft(speech), upperOnset: soft(onset) };
}

/** Sees the library rows after each of readyMouth's stages (bench/teethStages.ts: which stage draws a defect). */
export type TeethStageProbe = (stage: string, upper: ReadyLayer, lower: ReadyLayer | undefined) => void;

/** Layers for `avatar` at `outPerIod` output pixels per inter-ocular distance. */
export function readyMouth(avatar: Avatar, outPerIod: number, probe?: TeethStageProbe): ReadyMouth {
  const own = photoCut(avatar);
  const lib = teethLibrary();
  const eyes = eyeWhite(avatar);
  const match = lightMatch(lib.cheek, cheekColour(avatar), avatar.mouth.light?.saturation ?? 1, eyes);
  const extra = extraBlur(avatar, outPerIod, lib.upper.ppi), soft = photoSoftness(avatar, outPerIod);
  // (the gum above the upper teeth: the inner lip's colour, a raised lip shows it)
  const gum = lipSurfaceColours(avatar).lipInner;
  // the teeth's white in this picture (teethColour.ts): before the gum is carried under the lip
  // (where the photo shows its teeth the library stands in for them: the photo's own teeth's white)
  const white = own ? photoOffWhite(eyes, match.gain, match.saturation) : offWhite(match.gain, match.saturation);
  // the teeth's own sizes (the row's run, the tips, the tooth widths) follow the mouth's width; the
  // lip's distances (how far the row sits under the lip) stay in the face's IOD
  const toothPerIod = outPerIod * teethScaleForMouth(restMouthOverIod(avatar));
  // (a soft picture's teeth sit under its white: photoLook.ts softPictureWhite)
  const { detail: lipDetail, blur: lipBlur, grain: lipGrain } = photoLipLook(avatar, outPerIod / avatar.head.iod);
  // (a sharp photo's row is as lit along it as its centre: rowLevel.ts; a soft one keeps the library's fall)
  const level = 1 - pictureSoftness(lipBlur);
  const stages = new Map<string, ReadyLayer[]>();
  const seen = (stage: string, l: ReadyLayer): ReadyLayer => {
    if (probe) stages.set(stage, [...(stages.get(stage) ?? []), l].slice(-2)); // (the last upper and lower row)
    return l;
  };
  const row = (layer: typeof lib.upper, dir: -1 | 1) => {
    const teeth = seen('matched', towardOffWhite(seen('ready', ready(layer, toothPerIod, extra, match, TEETH_LIFT)), white, own ? PHOTO_HUE_KEEP : undefined));
    // (levelled once the row is cut: lifted first, the source's dark gap by a canine no longer stopped the cut, holes past it)
    const carried = seen('levelled', levelledRow(seen('rows', mainRow(teethUnderLip(teeth, outPerIod, dir, dir < 0 ? gum : null), toothPerIod)), toothPerIod, dir < 0 ? 1 : -1, level));
    // (the tips as one light edge: a comb of black spikes hung from the upper row, teethTips.ts)
    // (the source's own teeth evened, the relief's drawn alone: rowFlat.ts)
    const flat = seen('flat', flatRow(carried, toothPerIod, dir < 0));
    const tips = evenTips(flat, toothPerIod, dir < 0 ? 1 : -1);
    // (the upper row's tips on one smooth line: a staircase of tips read as a sawtooth at 4x, incisalLine.ts)
    return seen('tips', dir < 0 ? withSmoothIncisal(tips, toothPerIod, 1) : tips);
  };
  // separate teeth on the rows (toothRelief.ts: the library's gaps were lost in its video frames), the
  // gaps in the cavity's hue
  const libCavity = desaturate(lib.cavity.map((v, k) => v * match.gain[k]!) as [number, number, number], match.saturation);
  // (the upper row's deeper where the photo shows no teeth of its own, the more the more textured the picture: rowLook.ts)
  const textured = texturedShare(skinTexture(avatar));
  // (a photo's own row by how much it was sharpened: ownRowRelief.ts)
  const relief = (l: ReadyLayer, dir: -1 | 1, blurPx = 0, plain = false, speech = false, sharpen?: number, onset = false) => {
    const rowLook = speech ? speechLook : own && !ownShown && sharpen !== undefined ? ownRowRelief(sharpen, upperLook) : upperLook;
    return seen(speech ? 'speech' : onset ? 'onset' : 'relief', withToothRelief(l, toothPerIod, dir < 0 ? 1 : -1, Math.hypot(soft, blurPx), BODY_LINE, shadeTintOf(libCavity), dir < 0 && !plain ? (onset ? onsetRelief(rowLook) : rowLook) : dir > 0 && rowFlatSetting.lower ? LOWER_RELIEF : undefined));
  };
  const cheek = lum(...cheekColour(avatar)), faceWhite = pictureWhite(avatar);
  const target = teethTarget(cheek, softPictureWhite(cheek, faceWhite, lipBlur));
  // (whether any of the photo's cut reaches the render as lit teeth, as withPhotoTeeth keeps them: ownRowRelief.ts)
  const ownReady = own ? ready(own.upper, outPerIod, 0, { gain: [1, 1, 1], saturation: 1 }) : null;
  const ownLit = ownReady ? coverage(withoutDark(ownReady, target / OWN_TEETH_GAIN[1])) : 0, ownShown = ownLit > 0;
  // (a cut drawn but not kept as the row, as withPhotoTeeth reads ownRowKept, leaves the row the library's look: rowLook.ts ownCutRelief)
  const ownKept = ownReady !== null && ownLit >= OWN_ROW_KEPT * Math.max(1, coverage(ownReady));
  const upperLook = libraryRelief(own !== null, textured, pictureSoftness(lipBlur), ownKept);
  // (and a second upper row with speech's flatter front, taken per frame by the smile's light: speechRow.ts)
  const speechLook = speechRelief(textured), withSpeech = own === null && speechRowDiffers(upperLook, speechLook);
  // (the library row in the light of the photo's own teeth where it shows them: photoTeeth.ts photoRowTarget)
  const rowTarget = photoRowTarget(target, ownReady, cheek, OWN_TEETH_GAIN);
  const look = { target: rowTarget, softShare: rowTarget / teethTarget(cheek, faceWhite), lipDetail, lipBlur, lipGrain, haveBlur: Math.max(soft, libSoftness(outPerIod, lib.upper.ppi)) };
  let teeth = { ...libraryLook(avatar, row(lib.upper, -1), row(lib.lower, 1), relief, look, withSpeech), fromPhoto: false, lowerFromPhoto: false, ownRowKept: false };
  seen('look', teeth.upper); seen('look', teeth.lower);
  // (the library row's light over the photo's cheeks, before a photo's own teeth take its place: rowTone.ts)
  const rowTone = libraryRowTone(avatar, teeth.upper);
  // (a grin's row lined up to the gum, not a smooth band over lined tips: linesToGum.ts)
  teeth = withLinesToGum(teeth, toothPerIod);
  // (a photo's own row takes the onset row only where none of its cut is drawn: ownRowRelief.ts)
  if (own) teeth = { ...withPhotoTeeth(own, teeth, outPerIod, avatar.mouth.usePhotoInterior, target, photoOffWhite(eyes, match.gain, match.saturation)), upperSpeech: null, upperOnset: ownShown || !teeth.upperOnset ? null : withPhotoTeeth(own, { upper: teeth.upperOnset, lower: teeth.lower }, outPerIod, false, target, photoOffWhite(eyes, match.gain, match.saturation)).upper };
  seen('photo', teeth.upper); seen('photo', teeth.lower);
  // (the speech and onset stages see an upper row only)
  if (probe) for (const [stage, [u, l]] of stages) probe(stage, u!, l);
  // (the tongue's pink and the dark's red-purple through a varnished picture's cast: pictureCast.ts)
  const cast = varnishCast(eyes);
  const tongue = lib.tongue ? castLayer(readyTongue(lib.tongue, outPerIod, extra, match, lipSurfaceColours(avatar).lipEdge), cast) : null;
  return {
    upper: teeth.upper,
    upperSpeech: teeth.upperSpeech,
    upperOnset: teeth.upperOnset,
    lower: teeth.lower,
    tongue,
    tongueSides: tongue ? tongueSides(tongue) : null,
    cavity: own && teeth.fromPhoto ? own.cavity : libCavity,
    fromPhoto: teeth.fromPhoto,
    lowerFromPhoto: teeth.lowerFromPhoto,
    ownRowKept: teeth.ownRowKept,
    // (the picture's cracks and grain on the whole opening, as much as its skin is textured: pictureCracks.ts)
    cracks: crackTile(avatar, outPerIod / avatar.head.iod, textured),
    cast,
    rowTone: rowTone === null ? undefined : { tone: rowTone, textured },
    overhang: overhangShare(overhangOf(avatar, cheek)),
  };
}
