// The teeth rows' light and show at a lip gap and smile: how much of the teeth a parting shows, how a
// smile lights them and how far out toward the corners, the lower row's light and how far its tips stand
// over the lower lip (FrameLight.set reads them once per frame).
import { smoothstep } from '../../math/smooth.ts';
import { shownGap } from './lipSurface.ts';
import { LOWER_TEETH_SHOW } from './teethRows.ts';
import type { MouthPlacement } from './frameLight.ts';

/**
 * How much of the teeth a lip gap (IOD) shows, 0..1: faded in by the parting the viewer sees
 * between the lips' inner surfaces (lipSurface.ts shownGap), not by the mesh's gap.
 */
export function teethShown(gap: number, round: number): number {
  return smoothstep(TEETH_HIDDEN_GAP, TEETH_SHOWN_GAP, shownGap(gap, round));
}
/**
 * shown partings (iod, lipSurface.ts shownGap) between which the teeth fade in. Until session 13
 * the mesh's gap 0.03-0.07 (shown 0.016-0.037): a small parting drew a row of teeth (Katie's
 * closures, mt_sun's silences) where a real mouth shows a dark slit.
 */
const TEETH_HIDDEN_GAP = 0.032, TEETH_SHOWN_GAP = 0.059;

/**
 * How much a frame's smile (mean of mouthSmileLeft/Right) lights its teeth, 0..1: the lips drawn
 * up and back off the teeth let the light in, so the whole row shows lit at any parting (a thin
 * parting still shows no teeth: teethShown). Speech keeps its dark mid opening (Obama 2, Fei-Fei).
 */
export function smileLit(smile: number | undefined): number {
  return smoothstep(SMILE_LIT_FROM, SMILE_LIT_FULL, smile ?? 0);
}
/**
 * smiles (mean of mouthSmileLeft/Right) over which the teeth come to a wide opening's light.
 * Katie's smiles read 0.37-0.72 (bench/mouthFrames.ts katie f10-100).
 */
const SMILE_LIT_FROM = 0.25, SMILE_LIT_FULL = 0.5;

/**
 * How far out toward the corners the upper row is lit, 0..1 (interior.ts sideFalloff: the corners'
 * shade as lateral^2 at 0, lateral^4 at 1): a smile (smileLit) or an opening past SIDE_LIT_GAP
 * (session 19, critic18: Katie's, mt_sun's, Obama 1's real rows at their most open are white to the
 * canines, ours greyed from the laterals out; a small parting keeps its dark corridor: lateral^4 at
 * every gap lit a child's jawOpen .15 across, test/teethMouthSize, lit share .239 -> .274).
 */
export function sideReach(gap: number, lit: number): number {
  return Math.max(lit, smoothstep(SIDE_LIT_GAP[0], SIDE_LIT_GAP[1], gap));
}
/** lip gaps (iod) over which the row comes to be lit out past the canines (sideReach) */
const SIDE_LIT_GAP: [number, number] = [0.1, 0.2];

/**
 * The light on the lower row at a lip gap (IOD) and smile (smileLit), 0..1: in speech the upper lip
 * and teeth shade it and the lower lip hides most of it (Obama 1's real openings: a band of upper
 * teeth over a dark middle, the lower row a dim line or nothing; ours were two lit rows, dark share
 * .11 against his .34). A wide "ah" lets the light down onto it, and so does a smile.
 */
export function lowerRowLight(gap: number, lit: number, read = true, round = 0): number {
  return LOWER_SPEECH_LIGHT + (1 - LOWER_SPEECH_LIGHT) * Math.max(lit, lowerLitShare(gap, read, round));
}
/** the lower row's light in a speech opening, as a share of a wide one's (session 17; 0.75 flat in session 16 broke lp_s42's lit lower row at jawOpen 0.4-0.6) */
const LOWER_SPEECH_LIGHT = 0.4;
/** lip gaps (iod) over which the lower row comes to full light (motion jawOpen 0.4 is a 0.27 gap) */
const LOWER_LIT_FROM = 0.16, LOWER_LIT_FULL = 0.3;

/**
 * The lower row's lit share at a lip gap: over LOWER_LIT_FROM-FULL where a driver's own lower row is read (driverLowerRow.ts
 * decides past it: hidden where the driver shows none, shown where it does), over the setting's earlier gaps where nothing is
 * read (an audio motion): the rule is then all there is, and real speakers show a lit lower row at a speech opening.
 * s51 (teethdraw51, issue #13: st_full_body_1 + feifei3's mid openings with no lower row): at lip gaps .16-.24 real rows read
 * two rows apart in .43 (Fei-Fei Li's own clip3, the audio's speaker), .92 (Katie), .98 (lp_d10) of the middle columns, the lower
 * row .94-1.12 as light as the upper (bench/stackedRows.ts); ours .26 with no lower height, its tips .02-.03 IOD over the lip,
 * under the lip's inner band (driverLowerRow.ts MIN_SHOWN: .055 to clear it), at .45 of the light. Not in a rounded opening
 * (`round`, frameLight.ts roundness: an "O" keeps its teeth in the lips' shadow, test/mouthORim's lit tongue low in st_art_1's O).
 */
export function lowerLitShare(gap: number, read = true, round = 0): number {
  const s = unreadLowerRowSetting, readShare = smoothstep(LOWER_LIT_FROM, LOWER_LIT_FULL, gap);
  if (read || !s.on) return readShare;
  const r = Math.min(1, Math.max(0, round));
  return smoothstep(s.from, s.full, gap) * (1 - r) + readShare * r;
}
/** the lip gaps (iod) over which an unread lower row (no driver reading: audio) comes to full light and show; on: else LOWER_LIT_FROM-FULL */
export const unreadLowerRowSetting = { on: true, from: 0.12, full: 0.24 };

/**
 * Output pixels the jaw set moves down past the jaw's anchor this frame: as far as the lower row's
 * tips (`tips` layer px over the anchor, less `drop` output px) would stand more than
 * LOWER_TEETH_SHOW over the lower lip's inner line (measured along the mouth's down axis).
 */
export function jawFollow(p: MouthPlacement, tips: number | null, drop: number, show = LOWER_TEETH_SHOW): number {
  if (tips === null || p.lowerLipX === undefined || p.lowerLipY === undefined) return 0;
  const lipUnder = (p.lowerLipX - p.lowerX) * -p.sin + (p.lowerLipY - p.lowerY) * p.cos;
  return Math.max(0, lipUnder + tips * p.scale - drop - show * p.unit);
}

/**
 * How far (IOD) the lower row's tips may stand over the lower lip at a lip gap and smile (smileLit):
 * LOWER_TEETH_SHOW in a smile or a wide opening, LOWER_SPEECH_SHOW in speech, where the lower lip
 * covers most of the lower teeth (Obama 1 / 2 at their most open: hardly a lower tooth).
 */
export function lowerTeethShow(gap: number, lit: number, read = true, round = 0): number {
  return LOWER_SPEECH_SHOW + (LOWER_TEETH_SHOW - LOWER_SPEECH_SHOW) * Math.max(lit, lowerLitShare(gap, read, round));
}
/** the lower row's tips over the lower lip in a speech opening (iod; teethRows.ts LOWER_TEETH_SHOW in a smile or wide open) */
const LOWER_SPEECH_SHOW = 0.02;
