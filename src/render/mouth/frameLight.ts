// The mouth's light and placement for one frame, set once per frame before its pixels: how far the
// rigid pieces are raised, dropped or follow the lower lip, how much of the teeth shows, and the
// colours of the cavity and of shadows inside the mouth. The per-pixel steps (interior.ts,
// lipSurface.ts) read it. Here the teeth rows; the tongue in frameTongue.ts, the colours in frameColours.ts.
import { onsetReach } from './onsetRelief.ts';
import type { ReadyMouth } from './layers.ts';
import { smoothstep } from '../../math/smooth.ts';
import { smallPurse } from './lipSurface.ts';
import { DROP_UNTIL, LOWER_TEETH_DROP, UPPER_TEETH_RAISE } from './teethRows.ts';
import { roundness, roundTeethShown } from './roundMouth.ts';
import { lowerSmileLit, softSmileLit } from './softSmile.ts';
import { teethDepthAllowed } from './driverTeeth.ts';
import { measuredRowCap } from './rowDepth.ts';
import { outRowDepth } from './tongueOutRowDepth.ts';
import { withOutRowTail } from './outRowTail.ts';
import { rowShadeShare } from './photoRowShade.ts';
import { tongueOutDrop } from './tongueOut.ts';
import { FRONT_GAIN } from './litCavityFall.ts';
import { corridorStrength } from './rowLook.ts';
import { jawFollow, lowerRowLight, lowerTeethShow, sideReach, smileLit, teethShown } from './teethRowLight.ts';
import { lowerRowSmileLit } from './heldSmileRow.ts';
import { driverLowerLight, driverLowerRaise, driverLowerShow } from './driverLowerRow.ts';
import { rowStanding, slitLowerShow, slitRowDrop } from './slitLowerRow.ts';
import { tongueSink } from './tonguePlace.ts';
import type { DriverMouthReads } from '../../rig/driverMouthReads.ts';
import { biteLine, biteMoves, biteRowsSetting, rowsMeet, tongueBehindRows, type BiteMoves } from './biteRows.ts';
import { shownGap } from './lipSurface.ts';
import { LOWER_BAND_SHARE } from './slitLowerRow.ts';
import { upperTipsOf } from './roundInside.ts';
import { faintTrust } from './faintLowerRow.ts';
import { rowToneGain } from './rowTone.ts';
import { tongueLightInto } from './frameTongue.ts';
import { mouthColoursInto } from './frameColours.ts';

type Rgb = [number, number, number];
const MOVES: BiteMoves = { drop: 0, raise: 0 };

/** Where the rigid pieces are this frame (output pixels) and how the mouth is opened (with the driver's own mouth readings: rig/driverMouthReads.ts). */
export interface MouthPlacement extends DriverMouthReads {
  /** skull-rigid anchor of the upper teeth (the rest position of the inner upper lip centre) */
  upperX: number;
  upperY: number;
  /** jaw-rigid anchor of the lower teeth and tongue */
  lowerX: number;
  lowerY: number;
  /** mouth axis (cos, sin) of the head's roll */
  cos: number;
  sin: number;
  /** output pixels per iod this frame over those the layers were made for (perspective) */
  scale: number;
  /** horizontal foreshortening of the teeth (1 = as the layers were cut; < 1 = head turned further) */
  squeeze: number;
  /** inter-ocular distance in output pixels this frame */
  unit: number;
  /** lip gap (13-14) in iod, this frame and in the photo */
  gap: number;
  photoGap: number;
  /** 0 = the photo's own mouth as it is (texture), 1 = the rebuilt interior */
  rebuilt: number;
  /** the frame's inner lower lip centre (landmark 14), output pixels: the jaw set goes no higher over it than teethRows.ts LOWER_TEETH_SHOW */
  lowerLipX?: number;
  lowerLipY?: number;
  /** the frame's mouthPucker + half its mouthFunnel over the photo's (placement.ts MouthFrameGeometry) */
  rounding?: number;
  /** 1 on a still expression (`view --expr`: an open mouth at rest, tongueGate.ts); absent: 0 */
  stillMouth?: number;
  /** the frame's smile (mean of mouthSmileLeft/Right); absent: none */
  smile?: number;
  /** the frame's grin share (opening.ts grinShare); absent: none */
  grin?: number;
  /** the share of the smile the photo holds, not the motion (heldSmileRow.ts); absent: none */
  heldSmile?: number;
  /** how much the opening is a closed-lip seam (sealedSeam.ts); absent: none */
  sealedSeam?: number;
}

/** The per-frame constants of the mouth's pixels. */
export class FrameLight {
  teethLight = 1;
  /** the share of their light the teeth lose at the corners (interior.ts sideLight, as lateral^2): less in a smile */
  sideDark = SIDE_DARK;
  /** how far out the row is lit (sideReach: a smile or a wide opening): the side teeth's shade moves out toward the corners (interior.ts sideFalloff) */
  sideReach = 0;
  /** how much of the dark corridor at the corners a library row and the lining beyond it take (rowLook.ts corridorLight): a smile's */
  corridor = 0;
  /** the share of their light the upper teeth lose just under the upper lip (its shade; interior.ts upperRowOver) */
  lipShade = LIP_SHADE;
  /** the share of the opening's height the library's upper row may hang into (driverTeeth.ts; Infinity: no limit) */
  teethDepth = Infinity;
  /** how much of a library row's in-mouth shading the upper row takes (photoRowShade.ts: a photo's own teeth only past the photo's parting) */
  rowShade = 1;
  /** output pixels the library's upper row is raised and its lower row dropped by (teethRows.ts; the upper row lowered where the driver bites: biteRows.ts) */
  upperLift = 0;
  /** how far the driver's rows meet with the lips parted, and the output px our upper row went down and our lower row up to meet (biteRows.ts) */
  bite = 0;
  biteDrop = 0;
  biteRaise = 0;
  /** how far the tongue is behind the meeting rows (biteRows.ts tongueBehindRows; interior.ts jawPiecesOver) */
  tongueBehind = 0;
  lowerDrop = 0;
  /** output pixels the library's lower row is raised toward the driver's shown lower row (driverLowerRow.ts); negative: lowered to a thin row in a slit (slitLowerRow.ts) */
  lowerRaise = 0;
  /** output pixels the jaw set (lower teeth and tongue) follows a lower lip that is far under the jaw's anchor */
  jawFollow = 0;
  /** how much of the teeth and tongue shows: none in a barely parted mouth (a dark slit) */
  teethShow = 1;
  /** the lower row's fade-in by parting: teethShow, or from a smaller parting where the driver shows its lower row (slitLowerRow.ts) */
  lowerRowShow = 1;
  /** the light left on the teeth and tongue in a rounded opening (an "O": they lie back in its shadow) */
  roundShade = 1;
  /** how much of the teeth a rounded opening leaves showing (roundTeethShown; 1 unless round) */
  roundTeeth = 1;
  /** how much the opening is an "O" (roundness) */
  round = 0;
  /** how much this frame's opening is a small purse, too small for an O's lining (lipSurface.ts smallPurse) */
  purse = 0;
  /** inter-ocular distance in output pixels this frame */
  unit = 1;
  /** the light left on the lower row (interior.ts jawPiecesOver): a speech opening's lower teeth lie in the shade of the upper lip and teeth */
  lowerLight = 1;
  /** the gain on the library rows' light from the driver's teeth tone (rowTone.ts): upper and lower row; 1 on a photo's own row */
  upperTone = 1;
  lowerTone = 1;
  /** how much of the upper row beyond its lit edge under the lip shows (mid openings: the edge only) */
  bodyShow = 1;
  tongueGrow = 1;
  /** output pixels the tongue is lowered so its top stands no higher than TONGUE_OVER_TIPS over the lower row's tips (tongueSink) */
  tongueSink = 0;
  /** layer pixels over its anchor up to which the grown tongue's top is fully lit (its back beyond falls into the mouth's shadow) */
  tongueLitUp = 0;
  /** the arched tongue's height over its grown one: its dim back rising over the held top (tongueShape.ts archTall) */
  tongueTall = 1;
  /** how far the tongue takes its arch's light and outline (tongueShape.ts archShare): a wide opening */
  tongueForm = 0;
  /** ... and its dim back risen over the held top, the old back shade dropped: a wide opening whose tongue is not held low */
  tongueArch = 0;
  /** how far up the opening the arched tongue's back falls away, over tongueShape.ts's span: the driver's tongue lit higher or lower (driverTongue.ts litShift) */
  tongueLitShift = 0;
  /** how far the tongue stands where the driver's does, its back under the arched top turned from the light (tongueStands.ts) */
  tongueStand = 0;
  /** how far the driver's tongue is forward in a lit opening: its back not darkened, its light not falling up the opening (tongueFlesh.ts) */
  tongueForward = 0;
  /** how far the driver's tongue is out over her lower teeth (tongueOut.ts): lit to its top, over the lower row */
  tongueOut = 0;
  /** output px its base goes down with it (tongueOut.ts tongueOutDrop; tongueGrow grown by as much, its top kept) */
  tongueOutDrop = 0;
  /** how far the tongue's front is lit up as a driver's (litCavityFall.ts tongueFrontAt) */
  tongueFront = 0;
  tongueFrontLuma = 0;
  /** its lift's most (1 + gain), how much higher up the opening it comes in, and how pale the driver's tongue reads (tongueFrontLight.ts) */
  tongueFrontGain = FRONT_GAIN;
  tongueFrontLead = 0;
  tonguePale = 0;
  /** the tongue's light: in the teeth's shadow until the mouth is wide open (a dark gap between the rows, not a red line) */
  tongueLight = 1;
  /** per channel, what a shadow keeps of the teeth's colour: shadows inside the mouth are warm (light off the lips and cavity), not grey */
  readonly warmShadow: Rgb = [1, 1, 1];
  readonly cavityNow: Rgb = [0, 0, 0];
  /** how far the cavity was lifted to a lit driver's (teethEdge.ts litCavityShare), and the driver's tongue run: its light down the opening (litCavityFall.ts) */
  litFall = 0;
  litRun: number | undefined = undefined;
  /** the mouth's inner lining at its corners: the inner lip colour in the corner's shade */
  readonly cornerLining: Rgb = [0, 0, 0];
  /** the inner lip surface's colour over the lip edge's, per channel */
  readonly innerShade: Rgb = [0.8, 0.7, 0.7];
  /** the deep middle of a rounded opening ("O", pucker): the lips' inner tissue in shadow, a dark red (roundCoreInto) */
  readonly roundCore: Rgb = [0, 0, 0];
  /** the least light under a row cut to the driver's share, and how far it holds (teethEdge.ts underFloorInto) */
  readonly underFloor: Rgb = [0, 0, 0];
  underFloorK = 0;
  /** the dim red a speech opening's near-black is lifted toward, and how far this frame lifts it (cavityFloor.ts; times floorSide per pixel) */
  readonly cavityFloor: Rgb = [0, 0, 0];
  cavityFloorK = 0;
  /** the back of the mouth's floor tone from the driver's (driverTongue.ts backToneInto), and how far this frame takes it (times floorSide per pixel) */
  readonly backTone: Rgb = [0, 0, 0];
  backK = 0;
  /** the open dark's red-purple (deepHue.ts): its tint, share and the lips' luma */
  readonly deepTint: Rgb = [0, 0, 0];
  deepK = 0;
  deepLipLuma = 0;

  /** Sets the frame's constants; light reaching into the mouth grows with the opening. */
  set(p: MouthPlacement, layers: ReadyMouth, lowerTips: number | null, tongueTop: number | null, lipInner: readonly number[], lipEdge: readonly number[]): void {
    // a wide-open mouth lets light onto the tongue and the back of the mouth (a dark red, not black)
    // and the tongue, lying on the floor of the mouth, shows more of its top as the jaw drops
    const wide = smoothstep(WIDE_FROM, WIDE_FULL, p.gap);
    this.setTeeth(p, layers, lowerTips);
    tongueLightInto(this, p, tongueTop, lowerTips, wide, !!layers.cast);
    // (under a tongue out the light under her row is her tongue, not a lower row: the row as deep as hers, tongueOutRowDepth.ts)
    if (!layers.fromPhoto) this.teethDepth = outRowDepth(this.teethDepth, p.driverTeeth, p.driverTeethDepth, this.tongueOut);
    // (and fading over a few frames as she hides it, not gone in one: outRowTail.ts, motion/outRowFade.ts)
    if (!layers.fromPhoto) this.teethDepth = withOutRowTail(this.teethDepth, p.driverOutRowTail, this.tongueOut);
    mouthColoursInto(this, p, layers, lipInner, lipEdge, wide);
  }

  /** The teeth rows' light and placement: how much shows, their shade at the corners and under the lip, how far the rows move. */
  private setTeeth(p: MouthPlacement, layers: ReadyMouth, lowerTips: number | null): void {
    // relative to the photo's own opening when its teeth are in the layers (they carry its light)
    // (a smile's raised and stretched lips let the light onto its teeth at any parting: Katie's
    // smiles at a 0.1-0.15 IOD gap are white to the gum line, not a grey row under a lit band)
    const lit = smileLit(p.smile);
    const light = (gap: number) => CLOSED_LIGHT + (1 - CLOSED_LIGHT) * Math.max(lit, smoothstep(0.01, 0.16, gap));
    this.teethLight = layers.fromPhoto ? Math.min(1, light(p.gap) / light(p.photoGap)) : light(p.gap);
    // (the library rows as light over our cheeks as the driver's over its own: rowTone.ts; a photo's own row keeps its light)
    const tone = layers.fromPhoto ? 1 : rowToneGain(p.driverTeethTone, layers.rowTone?.tone, layers.rowTone?.textured, p.gap, undefined, lit);
    // (and a library lower row under the photo's own upper row keeps the photo's light too: the two rows one light)
    this.upperTone = this.lowerTone = layers.fromPhoto ? 1 : tone;
    // (a library row at a soft smile's small parting stays in the lips' and cheeks' shade: softSmileLit)
    const litSide = layers.fromPhoto ? lit : softSmileLit(lit, p.gap);
    this.sideReach = sideReach(p.gap, litSide);
    // (a mid-opening's onset row lit to the canines: onsetRelief.ts)
    if (layers.upperOnset) this.sideReach = Math.max(this.sideReach, onsetReach(p.gap, p.grin ?? 0));
    this.sideDark = SIDE_DARK * (1 - SMILE_SIDE_LIGHT * litSide);
    this.corridor = corridorStrength(layers.fromPhoto, litSide);
    // a rounded opening (an "O": pucker, funnel) is a dark hole, the teeth back in its shadow
    // (darkened, not faded: half-faded teeth over the cavity read as grey ghosts)
    const round = this.round = roundness(p);
    this.purse = smallPurse(p.gap);
    this.unit = p.unit;
    this.roundShade = 1 - ROUND_TEETH_DARK * round;
    // lips parted a little show a dark slit or their own inner wet edge, not a row of teeth
    // (but a smiling photo's own teeth stay at any parting: hidden below 0.06 IOD, the astronaut's
    // (npm run demo) upper row popped in and out of a dark crescent frame to frame, flicker16)
    this.roundTeeth = roundTeethShown(p.gap, round);
    this.teethShow = Math.max(teethShown(p.gap, round) * this.roundTeeth, layers.fromPhoto ? lit * (1 - round) : 0);
    // (a lower row the driver shows comes in from a smaller parting: reagan f53's pale row in a slit, slitLowerRow.ts)
    // (a faint reading trusted where the driver shows no upper row: faintLowerRow.ts)
    const trust = faintTrust(p.driverTeeth, p.driverCavity);
    this.lowerRowShow = layers.lowerFromPhoto ? this.teethShow : slitLowerShow(this.teethShow, p.gap, round, this.roundTeeth, p.driverLowerShow, trust);
    // (a mid opening's teeth in shadow but for a band under the lip is speech's, not a smile's)
    this.bodyShow = Math.max(lit, smoothstep(BODY_HIDDEN_GAP, BODY_SHOWN_GAP, p.gap));
    // (a small parting shows the teeth's biting edge, lit from the front; the lip's shade falls on
    // their face above it, which shows only as the row comes in: bodyShow. Shaded at every parting,
    // the edge of a small opening was a dim grey line, critic17's Obama f14/f22, the real one white)
    this.lipShade = LIP_SHADE * (1 - SMILE_LIP_SHADE_OFF * litSide) * (EDGE_LIP_SHADE + (1 - EDGE_LIP_SHADE) * this.bodyShow);
    // (a smile's lower row only as its parting opens: a soft smile's is under the lip, lowerSmileLit)
    // (and only the smile the motion moves: a smile the photo holds leaves the lower row speech's, heldSmileRow.ts)
    const litLow = layers.fromPhoto ? lit : lowerSmileLit(lowerRowSmileLit(lit, p.heldSmile, p.gap), p.gap);
    // (where no driver's lower row is read, an audio motion, the rule alone: it shows the row from a smaller gap, teethRowLight.ts lowerLitShare)
    const read = p.driverLowerShow !== undefined;
    // (a library row as far as the driver's own lower row shows: no line of tips where it shows none, driverLowerRow.ts)
    this.lowerLight = layers.lowerFromPhoto ? Math.min(1, lowerRowLight(p.gap, lit) / lowerRowLight(p.photoGap, lit)) : driverLowerLight(lowerRowLight(p.gap, litLow, read, round), p.driverLowerShow, undefined, trust);
    // (a library row no deeper than the driver's teeth share allows: a soft smile shows an edge, not a band)
    this.rowShade = rowShadeShare(layers.fromPhoto, p.gap, p.photoGap);
    this.teethDepth = layers.fromPhoto ? Infinity : Math.min(teethDepthAllowed(p.driverTeeth, p.driverUnder), measuredRowCap(p.driverTeethDepth, p.driverUnder, p.driverTeeth));
    this.upperLift = UPPER_TEETH_RAISE * p.unit * (layers.fromPhoto ? this.rowShade : 1);
    this.lowerDrop = layers.lowerFromPhoto ? 0 : LOWER_TEETH_DROP * p.unit * (1 - smoothstep(DROP_UNTIL[0], DROP_UNTIL[1], p.gap));
    const lowerShow = lowerTeethShow(p.gap, litLow, read, round);
    // (the lower lip's inner band the row's tips stand behind: a faint row stands just over it, faintLowerRow.ts)
    const band = (p.gap - shownGap(p.gap, round)) * LOWER_BAND_SHARE;
    this.jawFollow = jawFollow(p, lowerTips, this.lowerDrop, layers.lowerFromPhoto ? lowerShow : driverLowerShow(lowerShow, p.driverLowerShow, band, trust));
    this.lowerRaise = layers.lowerFromPhoto ? 0 : driverLowerRaise(p, lowerTips, this.lowerDrop, this.jawFollow, p.driverLowerShow, band, trust);
    // (a row shown in a slit by the driver's reading alone stands a thin row under a dark line, not the slit filled: slitLowerRow.ts)
    const standing = layers.lowerFromPhoto ? null : rowStanding(p, lowerTips, this.lowerDrop, this.jawFollow, this.lowerRaise);
    if (standing !== null) this.lowerRaise -= slitRowDrop(standing, p.gap, round, p.unit, this.teethShow, this.lowerRowShow);
    // (a driver biting with her lips parted: our upper row down to meet the lower, not the open mouth's dark between: biteRows.ts;
    // a photo's own upper row too, not its own lower row: biteRowsSetting.photoRows)
    this.bite = (layers.fromPhoto && !(biteRowsSetting.photoRows && !layers.lowerFromPhoto)) || lowerTips === null || p.lowerLipX === undefined || p.lowerLipY === undefined ? 0 : rowsMeet(p.gap, p.driverTeethDepth, p.driverLowerShow, p.driverTeeth, p.driverCavity) * this.teethShow * this.lowerRowShow * (1 - round);
    if (this.bite > 0) this.biteRows(p, layers, lowerTips!, round);
    else { this.biteDrop = 0; this.biteRaise = 0; }
    this.tongueBehind = tongueBehindRows(this.bite, p.driverTongue);
  }

  /** Our rows moved to meet where the driver's do in a bite (after the rows are placed; biteRows.ts biteMoves). */
  private biteRows(p: MouthPlacement, layers: ReadyMouth, lowerTips: number, round: number): void {
    // (along the mouth's down axis from the upper row's anchor, as teethRowLight.ts jawFollow measures the lower lip)
    const down = (x: number, y: number) => (x - p.upperX) * -p.sin + (y - p.upperY) * p.cos;
    const lowerLip = down(p.lowerLipX!, p.lowerLipY!), height = p.gap * p.unit, upperLip = lowerLip - height;
    // (the parting seen between the lips' inner surfaces, lipSurface.ts shownGap: the lower lip's band the larger)
    const bands = (p.gap - shownGap(p.gap, round)) * p.unit;
    const upperTips = upperTipsOf(layers.upper) * p.scale - this.upperLift;
    const lowerRowTips = down(p.lowerX, p.lowerY) - lowerTips * p.scale + this.lowerDrop + this.jawFollow - this.lowerRaise;
    const m = biteMoves(this.bite, biteLine(p.gap, p.driverCavity), upperTips, lowerRowTips, upperLip + bands * (1 - LOWER_BAND_SHARE), lowerLip - bands * LOWER_BAND_SHARE, p.driverLowerShow! / Math.max(1e-6, p.gap), this.lowerDrop + this.jawFollow, upperLip, height, p.driverTeethDepth!, p.unit, MOVES);
    this.biteDrop = m.drop; this.biteRaise = m.raise;
    this.upperLift -= m.drop; this.lowerRaise += m.raise;
  }

}


/**
 * The light on the teeth in a closed mouth, as a share of a wide-open one's (it comes to full light
 * at a 0.16 IOD gap). 0.65 drew grey teeth at most speech openings (0.05-0.15 IOD).
 */
const CLOSED_LIGHT = 0.8;
/**
 * The teeth toward the corners lose this share of their light (at the corner; as lateral^2): the
 * side teeth turn away from the light and into the cheeks' shadow. 0.35 until session 13: an even
 * bright row from corner to corner (Fei-Fei Li's tooth slab). 0.6 until session 16: the side teeth
 * were grey, where a real speaker's corners are dark (the buccal corridor: Obama 1, mt_sun).
 */
const SIDE_DARK = 0.85;
/** ... of which a small parting's teeth edge (no body shown: bodyShow 0) keeps this share */
const EDGE_LIP_SHADE = 0.4;
/** ... a full smile this share less of it (its side teeth stand in the light between stretched lips; Katie's rows greyed into the corners) */
const SMILE_SIDE_LIGHT = 0.3;
/** the upper lip's shade on the teeth just under it (as before session 15) */
const LIP_SHADE = 0.3;
/** ... a full smile this share less of it (the lip drawn up off the teeth: Katie's smiles drew a grey band along the gum line) */
const SMILE_LIP_SHADE_OFF = 0.6;
/**
 * A round opening takes this share of the light off the teeth and tongue: lp_d6's real "O" (3.3 s)
 * is a dark hole; ours, driven by her puckered rig, was an oval full of teeth. (0.85 with the
 * cavity's wide-open light off too drew a flat black ellipse: the funnel of lp_s1, lp_s42.)
 */
const ROUND_TEETH_DARK = 0.75;
/**
 * lip gaps (iod) between which the upper row beyond its edge (interior.ts EDGE_BAND iod under the lip) comes in: a
 * mid opening is dark with a lit edge of teeth (Obama 2, Fei-Fei Li), not a cream slab. The lower
 * row and tongue keep TEETH_SHOWN_GAP: hiding them too cost Obama 2 0.33 dB (round 11).
 */
const BODY_HIDDEN_GAP = 0.07, BODY_SHOWN_GAP = 0.16;
/** lip gaps (iod) over which a mouth counts as wide open (tongue and back of the mouth lit) */
const WIDE_FROM = 0.15, WIDE_FULL = 0.5;