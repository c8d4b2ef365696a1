// What lies inside the opening at a pixel, back to front: the dark oral cavity with soft depth
// falloff, the tongue and lower teeth riding on the jaw, the upper teeth fixed to the skull (rigid
// pieces of real teeth, see layers.ts: moved, never stretched). The lips' inner surface goes over
// it after (lipSurface.ts).
import type { ReadyMouth } from './layers.ts';
import type { FrameLight, MouthPlacement } from './frameLight.ts';
import { teethShown } from './teethRowLight.ts';
import { TONGUE_FOLLOW, TONGUE_RAISE, tongueFillGrow } from './tonguePlace.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { liningFrom } from './cavityLining.ts';
import { sampleInto } from './pixels.ts';
import { tongueDome, tongueEdge } from './tongue.ts';
import { archFall, archWide, tongueShapeLight, tongueTopCover } from './tongueShape.ts';
import { floorOver, tipsToneInto } from './teethEdge.ts';
import { corridorLight } from './rowLook.ts';
import { sideFalloff } from './sideFall.ts';
import { rowTopLight, rowTopShare, rowTopTone, topBand } from './rowTopShade.ts';
import { overhangLight } from './overhangShade.ts';
import { lipEdgeShare, lipShadowEdgeOver } from './lipShadowEdge.ts';
import { cavityDepthInto, depthShare, tongueTone } from './cavityDepth.ts';
import { floorLift, floorSide } from './cavityFloor.ts';
import { RELIEF, reliefInto } from './cavityRelief.ts';
import { reliefPivotAt } from './cavityCorner.ts';
import { backFloorInto } from './driverTongue.ts';
import { litFallAt, tongueFrontAt } from './litCavityFall.ts';
import { paleDesat } from './tongueFrontLight.ts';
import { tongueSideLight } from './tongueRound.ts';
import { tongueTopAt, underArchedTop } from './tongueTop.ts';
import { standingBackLight } from './tongueStands.ts';
import { forwardLight, tongueGroove } from './tongueFlesh.ts';
import { outBelow, outGroove, rowUnderTongueOut } from './tongueOut.ts';
import { outBulgeLight, outColTop, outCrest, outLateral, outWide } from './tongueOutTop.ts';
import { outUnderLight } from './tongueOutUnder.ts';
import { wallLight, wallTone } from './cavityWall.ts';
import { oDepthShade, oInsideOf, oTongueLight, oTongueLitUp, oLowerShown, oTipsRaise, oTongueGrow, oTongueShare, tongueTopOf, upperTipsOf } from './roundInside.ts';

/** Where a pixel sits in the opening: its centre, the lip lines above and below it (output px), and how far out toward a corner (0 centre, 1 corner). */
export interface OpeningPixel {
  cx: number;
  cy: number;
  top: number;
  bottom: number;
  lateral: number;
  /** the upper lip line the upper row and the shade under it hang from, when not `top` (an O's fold over it: foldRim.ts) */
  rowTop?: number;
  /** px the upper row moves down here to follow the lip line (rowBend.ts; absent: 0) */
  rowBend?: number;
  /** how much faster the upper row is sampled down from the lip line here (rowBend.ts; absent: 1) */
  rowShort?: number;
  /** the share of the corners' shade the upper row is spared here (rowBend.ts; absent: 0) */
  rowSideLift?: number;
}

/** The cavity: darker toward the corners (the cheeks' shadow) and where the mouth is barely open, and deepest halfway between the lips, away from the light they reflect. */
export function cavityInto(q: OpeningPixel, p: MouthPlacement, light: FrameLight, out: Float64Array): void {
  const lateral = q.lateral;
  const mid = throatMid(q, p.unit);
  const depthShade = (1 - 0.6 * lateral * lateral) * (1 - MID_DARK * mid) * 0.75 * light.teethLight;
  const cav = light.cavityNow, lip = light.cornerLining;
  // an "O" is the lips' inner tissue going into shadow: a dark red, deeper in its middle (a flat
  // grey-black disc read as a hole punched in the face)
  const round = light.round, core = light.roundCore, deep = 1 - ROUND_MID_DARK * mid;
  // toward the corners the opening closes into the cheeks' and lips' inner lining, lit from the
  // front, not a black void (Katie's smile ended in a black wedge at each end beyond the teeth)
  // (in a wide opening from further in, rising as the dark falls: no dark vertical band at the shoulders, cavityLining.ts)
  const corner = smoothstep(liningFrom(p.gap, p.grin, CORNER_LINING_FROM), 1, lateral);
  // (an O's inside darkens further toward its centre-back: roundInside.ts)
  const o = oInsideOf(p), depth = o > 0 ? oDepthShade(mid, lateral, o) : 1;
  // (a smile's corners are the dark corridor beside the side teeth: rowLook.ts)
  const lining = corridorLight(lateral, light.corridor);
  // (a lit driver's cavity dark behind the upper row, lit low toward the lower lip: litCavityFall.ts)
  const fall = light.litFall > 0 ? litFallAt((q.cy - (q.rowTop ?? q.top)) / Math.max(1, q.bottom - (q.rowTop ?? q.top)), light.litFall, light.litRun, p.driverCavity) : 1;
  for (let ch = 0; ch < 3; ch++) {
    const plain = cav[ch]! * depthShade * fall, c = (plain + (core[ch]! * deep - plain) * round) * depth;
    out[ch] = c + (lip[ch]! * lining - c) * corner;
  }
}

/** The light on the teeth and tongue at this pixel: less toward the corners and in a rounded opening (least in its middle, deepest behind the lips). */
export const sideLight = (q: OpeningPixel, light: FrameLight) => rowLight(q, light, sideShade(q, light)) * light.teethShow;

/** The corners' shade at this pixel: 1 in the middle of the row, less toward the corners (sideFalloff), a smile's library row dark in its corridor (rowLook.ts). */
const sideShade = (q: OpeningPixel, light: FrameLight, lift = 0) => (1 - light.sideDark * (1 - lift) * sideFalloff(q.lateral, light.sideReach)) * corridorLight(q.lateral, light.corridor);

/** ... without the fade-in by parting (teethShow): the upper row's light, which comes in by how far it shows under the lip (upperShown), not by transparency; `side` is the pixel's sideShade */
const rowLight = (q: OpeningPixel, light: FrameLight, side: number) => side * light.teethLight * light.roundShade * (light.round > 0 ? 1 - ROUND_TEETH_MID_DARK * light.round * openingMid(q, light.unit) : 1);

// (the corners' shade by a tooth's place across the opening: sideFall.ts)
export { sideFalloff } from './sideFall.ts';

/** 0 at a lip line, 1 from 0.08 IOD into the opening (light reflected off the lips falls off over it). */
function openingMid(q: OpeningPixel, unit: number): number {
  return clamp01(Math.min(q.cy - q.top, q.bottom - q.cy) / (0.08 * unit + 1));
}

/**
 * The cavity's depth at this pixel, 0 at a lip line, 1 deepest: as openingMid, but in a wide opening
 * the fall-off reaches THROAT_REACH of the way to the opening's middle row, so the throat is
 * deepest in its middle and lighter toward the teeth and the tongue. (Until session 19 it was flat past
 * 0.08 IOD: at jawOpen .7-1 the cavity's shade depended on the column alone and every change across
 * it, the corners' corridor and lining, ran top to bottom as a vertical stripe: bench/throatStreaks.ts.)
 */
export function throatMid(q: OpeningPixel, unit: number): number {
  const reach = Math.max(0.08 * unit, THROAT_REACH * 0.5 * (q.bottom - q.top)) + 1;
  return clamp01(Math.min(q.cy - q.top, q.bottom - q.cy) / reach);
}

/** The jaw's pieces over `out`: the tongue behind the lower teeth, both at the jaw's anchor. */
export function jawPiecesOver(q: OpeningPixel, p: MouthPlacement, L: ReadyMouth, light: FrameLight, out: Float64Array): void {
  // (the throat's depth and the tongue's dim back under the lit tongue: cavityDepth.ts)
  cavityDepthInto(q, p, light, L.tongue ? tongueTone(L.tongue) : null, out);
  let r = out[0]!, g = out[1]!, b = out[2]!;
  const inv = 1 / p.scale, c = p.cos, s = p.sin, squeeze = 1 / p.squeeze;
  // (the layers are premultiplied: their colour fades with their alpha)
  const bare = rowLight(q, light, sideShade(q, light));
  // (an O: the lower row behind the pushed-out lower lip; the tongue low in the cavity, shown by the
  // parting alone, not hidden with the teeth (roundTeethShown): lp_d6 f189's dark O has its tongue
  // in the lower half; roundInside.ts)
  const o = oInsideOf(p), ot = o > 0 ? oTongueShare(o, p.gap) : 0;
  // (behind the rows where the driver bites with its lips parted and shows no tongue: biteRows.ts)
  const tongueShow = (ot > 0 ? light.teethShow + (Math.max(light.teethShow, teethShown(p.gap, light.round)) - light.teethShow) * ot : light.teethShow) * (1 - light.tongueBehind);
  const dx = q.cx - p.lowerX, dy = q.cy - p.lowerY;
  const lx = (dx * c + dy * s) * inv * squeeze, ly = (-dx * s + dy * c) * inv;
  let tongueOver = 0;
  if (L.tongue) {
    // the tongue lies deeper and lower than the lower teeth: in their shadow, shown only
    // once the jaw has opened past them
    // (the upper lip and teeth shade what lies just under them: a thin dark band, the tongue lit below it)
    const k = bare * tongueShow * tongueLightAt(light.tongueLight, p.gap) * underUpperRowLight(outBelow((q.cy - (q.rowTop ?? q.top)) / p.unit, light.tongueOut), (q.bottom - q.cy) / p.unit) * (ot > 0 ? oTongueLight(ot, light.roundShade) : 1);
    // (it follows the jaw set half as far: soft, it lies on the floor of the mouth and bulges up
    // behind the teeth, a dome lower toward the corners: tongue.ts tongueDome; lowered by tongueSink
    // under a lower lip hanging below the jaw, except in an O, whose tongue roundInside.ts places)
    const growO = o > 0 ? oTongueGrow(light.tongueGrow, tongueFillGrow(p, tongueTopOf(L.tongue), light.jawFollow), o) : light.tongueGrow;
    const arch = light.tongueForm;
    const dome = tongueDome(q.lateral, archFall(arch)), grow = growO * dome * light.tongueTall, up = ly - (-TONGUE_RAISE * p.unit + TONGUE_FOLLOW * light.jawFollow + light.tongueSink * (1 - o) + light.tongueOutDrop) * inv;
    const tx = lx / ((0.85 + 0.15 * light.tongueGrow) * archWide(arch) * outWide(light.tongueOut));
    const soft = sampleInto(L.tongue, tx, up / grow, tmp);
    if (soft > 0) {
      // (its top a contour against the throat, tongueEdge, its ends faded, tongueSides; the colour is
      // premultiplied by the soft alpha)
      const sides = L.tongueSides?.[Math.round(tx + L.tongue.anchorX - 0.5)] ?? 1;
      const edge = tongueEdge(soft) * sides, a = edge * tongueShow;
      // its back, further up the opening, in the mouth's shadow
      // (wide open, an arch lit from the front: its back falls into the dark with no rim, a groove, a highlight: tongueShape.ts)
      const top = tongueTopOf(L.tongue), h = arch > 0 && top ? -up / (top * grow) : 0, height = q.bottom - q.top;
      const form = arch > 0 && height > 0 ? 1 + (tongueShapeLight((q.bottom - q.cy) / height, h, q.lateral, light.tongueLitShift, light.tongueForward, light.tongueOut) - 1) * arch : 1, cover = arch > 0 ? 1 + (tongueTopCover(h) - 1) * arch : 1;
      const lit = (ot > 0 ? oTongueLitUp(light.tongueLitUp, ot, tongueTopOf(L.tongue!), growO) : light.tongueLitUp) * dome, kk = (k * edge * cover * form / soft) * (1 - TONGUE_BACK_SHADE * (1 - light.tongueArch) * smoothstep(lit, lit + 0.12 * grow * p.unit, -up));
      // (its front lit as a driver's, litCavityFall.ts; luma601 of tmp spelt out: the shared call is not inlined and boxes its double)
      const front = light.tongueFront > 0 && height > 0 ? tongueFrontAt((q.cy - q.top) / height, light.tongueFront, (0.299 * tmp[0]! + 0.587 * tmp[1]! + 0.114 * tmp[2]!) * kk / Math.max(1e-6, edge * cover), light.tongueFrontLuma, light.tongueFrontGain, light.tongueFrontLead) : 1;
      // (a pale driver tongue's lifted front paler too: tongueFrontLight.ts paleDesat)
      const grey = light.tonguePale > 0 && front > 1 ? paleDesat(light.tonguePale, front, light.tongueFrontGain) : 0;
      // (a rounded mass: its sides turned from the light, tongueRound.ts; a median groove down its top, after the front's lift, and
      // a forward tongue lit: tongueFlesh.ts)
      // (its top an arch falling toward the corners, darkening into the cavity over a band: tongueTop.ts)
      // (a tongue out: that arch over the opening's own height, shallower, so no dark wedges in the corners: tongueOutTop.ts)
      const colTop = outColTop(q.bottom - q.cy + ((top ?? 0) * grow + up) * p.scale, height, light.tongueOut), topLat = outLateral(q.lateral, light.tongueOut);
      const crest = !(arch > 0 && top) ? ONE_TOP : outCrest(tongueTopAt(q.bottom - q.cy, colTop, topLat, arch), light.tongueOut > 0 ? tongueTopAt(q.bottom - q.cy, colTop, q.lateral, arch).light : 1, light.tongueOut);
      // (where it stands as the driver's, its back under the arched top turned from the light: tongueStands.ts; not where it is forward, lit to its top: tongueFlesh.ts)
      const backed = light.tongueStand > 0 && top ? standingBackLight(underArchedTop(q.bottom - q.cy, colTop, topLat), light.tongueStand * (1 - light.tongueForward)) : 1;
      const ac = a * cover * crest.cover, round = tongueSideLight(q.lateral) * crest.cover * crest.light * backed * forwardLight(light.tongueForward) * (light.tongueOut > 0 && height > 0 ? outBulgeLight((q.bottom - q.cy) / height, light.tongueOut * arch) * outUnderLight((q.bottom - q.cy) / p.unit, light.tongueOut * arch) : 1) * (arch > 0 && top ? 1 + (outGroove(tongueGroove(q.lateral, h), light.tongueOut) - 1) * arch : 1);
      tongueOver = ac;
      if (grey > 0) { const y = 0.299 * tmp[0]! + 0.587 * tmp[1]! + 0.114 * tmp[2]!; for (let ch = 0; ch < 3; ch++) tmp[ch] = tmp[ch]! + (y - tmp[ch]!) * grey; }
      r = r * (1 - ac) + tmp[0]! * kk * front * round; g = g * (1 - ac) + tmp[1]! * kk * front * round; b = b * (1 - ac) + tmp[2]! * kk * front * round;
    }
  }
  // (premultiplied: what an O hides goes from the alpha and the colour both)
  // (a tongue out lies over the lower teeth, not behind them: tongueOut.ts)
  // (the lower row fades in by its own parting, lowerRowShow: from a smaller one where the driver shows it, slitLowerRow.ts)
  const lowerShown = (o > 0 ? oLowerShown(o) : 1) * (light.tongueOut > 0 ? rowUnderTongueOut(light.tongueOut, tongueOver) : 1);
  const a = sampleInto(L.lower, lx, ly - (light.lowerDrop + light.jawFollow - light.lowerRaise) * inv, tmp) * light.lowerRowShow * lowerShown;
  if (a > 0) {
    const k0 = bare * light.lowerRowShow * 0.92 * light.lowerLight, ws = light.warmShadow, w = shadowWarmth(k0 * light.lowerRowShow), k = k0 * lowerShown * light.lowerTone;
    r = r * (1 - a) + tmp[0]! * k * (1 - w * (1 - ws[0])); g = g * (1 - a) + tmp[1]! * k * (1 - w * (1 - ws[1])); b = b * (1 - a) + tmp[2]! * k * (1 - w * (1 - ws[2]));
  }
  out[0] = r; out[1] = g; out[2] = b;
  // (under a row cut to the driver's share, no darker than the driver's under its row: teethEdge.ts)
  // (each floor falling off toward the corners, the cavity's walls kept: cavityWall.ts)
  const wall = wallLight(q.lateral);
  floorOver(out, wallTone(light.underFloor, wall, 0), light.underFloorK, q.lateral);
  // (and at a speech opening nothing black: the mouth tissue's dim red under the rows, cavityFloor.ts)
  floorLift(out, wallTone(light.cavityFloor, wall, 1), light.cavityFloorK * floorSide(q.lateral));
  // (and the back, the throat and the tongue's own back, no darker than the driver's: driverTongue.ts)
  backFloorInto(out, wallTone(light.backTone, wall, 2), light.backK * floorSide(q.lateral));
  // (the dark's depth stretched back about that floor, not one tone: cavityRelief.ts; at a speech opening about the floor
  // this pixel got, so the unlifted corners are not squared into a black wedge, a grin's kept dark: cavityCorner.ts)
  reliefInto(out, reliefPivotAt(light, q.lateral, p.grin), RELIEF * depthShare(p.gap, light.round));
}

/** The upper teeth over `out`, at the skull's anchor; at mid openings only a band under the lip is lit. */
export function upperRowOver(q: OpeningPixel, p: MouthPlacement, L: ReadyMouth, light: FrameLight, out: Float64Array): void {
  const unit = p.unit, inv = 1 / p.scale, c = p.cos, s = p.sin, squeeze = 1 / p.squeeze;
  const dx = q.cx - p.upperX, dy = q.cy - p.upperY + light.upperLift - (q.rowBend ?? 0);
  const lx = (dx * c + dy * s) * inv * squeeze, below = q.cy - (q.rowTop ?? q.top);
  let ly = (-dx * s + dy * c) * inv;
  if (q.rowShort !== undefined && q.rowShort !== 1) ly += below * inv * (q.rowShort - 1);
  // (an O: the row raised until only its tips show under the lip, roundInside.ts)
  const o = oInsideOf(p);
  if (o > 0) ly += oTipsRaise(upperTipsOf(L.upper), ly - below * inv, unit * inv, o);
  // (toward the corners the row shows as far under the lip as its light reaches: the side teeth
  // in the corners' shade are a dark slit at a small parting, not an opaque grey)
  const side = sideShade(q, light, q.rowSideLift);
  const most = light.teethDepth < Infinity ? light.teethDepth * Math.max(0, q.bottom - (q.rowTop ?? q.top)) : Infinity;
  const shown = upperShown(below, unit * side, light.teethShow, light.bodyShow, most);
  // (the lips pushed forward into a small "O" hide the row behind them: roundTeeth)
  const a = sampleInto(L.upper, lx, ly, tmp) * shown * light.roundTeeth;
  if (a > 0) {
    // the upper lip shades the teeth just under it (less as a smile draws it up off them)
    // (a library row's tips go behind the lower lip, into its lining's tone: lowerLipGap, teethEdge.ts)
    const behind = light.rowShade * (1 - lowerLipGap(q.bottom - q.cy, q.bottom - (q.rowTop ?? q.top), unit));
    // (and at a small opening a library row's top sits in the lip's shade and lining tone: rowTopShade.ts)
    const top = light.rowShade * rowTopShare(p.gap, light.bodyShow), band = topBand(unit, most);
    const k = rowLight(q, light, side) * (1 - light.lipShade * Math.exp(-below / (0.025 * unit + 0.5))) * rowTopLight(below, band, top)
      * overhangLight(below, unit, light.rowShade * (L.overhang ?? 0)); // (under a moustache the row's top in its shade: overhangShade.ts)
    // (at a slit's parting, teethShow under 1, the tips keep their old shade, LOWER_LIP_SHADE of their light: a lip-toned
    // slit reads shut, st_art_1 <- Katie f11)
    const toTone = Math.max(behind * light.teethShow, rowTopTone(below, band, top)), shaded = behind * (1 - light.teethShow) * LOWER_LIP_SHADE;
    const ws = light.warmShadow, w = shadowWarmth(k * (1 - shaded)), ks = k * shown * Math.max(0, 1 - toTone - shaded) * light.upperTone, ka = a * toTone;
    if (toTone > 0) tipsToneInto(light.cornerLining, tone);
    out[0] = out[0]! * (1 - a) + tmp[0]! * ks * (1 - w * (1 - ws[0])) + (ka > 0 ? tone[0] * ka : 0);
    out[1] = out[1]! * (1 - a) + tmp[1]! * ks * (1 - w * (1 - ws[1])) + (ka > 0 ? tone[1] * ka : 0);
    out[2] = out[2]! * (1 - a) + tmp[2]! * ks * (1 - w * (1 - ws[2])) + (ka > 0 ? tone[2] * ka : 0);
  }
  // (at a small opening the lips' inner edges in shade, over the row and whatever lies under it: lipShadowEdge.ts)
  lipShadowEdgeOver(q, unit, lipEdgeShare(p.gap, light.round, false) * light.rowShade, light, out);
}

/**
 * How much of the upper row shows `below` output px under the upper lip line, 0..1: it comes in
 * from the lip down as the lips part (`teethShow`: its edge band, EDGE_BAND iod, then `bodyShow`: up
 * BODY_REACH iod more at half of it, the whole row at all of it), always at its own light. (Until session 18 a small parting faded the
 * whole row in by transparency, times the closed mouth's light and the lip's shade: about half the
 * teeth's light over the dark cavity, a cold grey line across every small opening, critic17 on
 * Obama's f14/f22 where the real shows a lit teeth edge or a dark slit.)
 */
export function upperShown(below: number, unit: number, teethShow: number, bodyShow: number, most = Infinity): number {
  // (the body's reach grows without bound as bodyShow nears 1: a wide opening or a smile shows the whole row, however far its tips hang)
  // (but no further than `most` px: the driver's teeth share, driverTeeth.ts)
  const reach = Math.min(most, unit * teethShow * (EDGE_BAND + BODY_REACH * bodyShow / (1.05 - bodyShow)));
  if (!(reach > 0)) return 0;
  const soft = 0.5 * Math.min(reach, EDGE_BAND * unit);
  return 1 - smoothstep(reach - soft, reach, below);
}

/**
 * How far the upper row is out of the lower lip's shade `above` output px over the lower lip line, in
 * an opening `height` px tall at this column (`unit` px per IOD), 0..1: the row goes into the shade
 * (its lining's tone, teethEdge.ts tipsToneInto; at a slit LOWER_LIP_SHADE of its light) over the last
 * LOWER_GAP_SHARE of the opening (at most LOWER_GAP_MOST iod), its tips behind the lip. Issue #13, teeth27: a smile at a small parting drew the library's
 * upper row lit down onto the lower lip, a band of teeth filling the opening top to bottom that reads
 * as clenched teeth (lp_s5 <- lp_d10 f130-f183, whose real upper teeth end over a dark line); a wide
 * opening's row ends far over the lip and keeps all of its light. (Faded out by transparency instead,
 * the 1-2 px line it left at a 6 px opening alternated dark and lit pixels along the lip. At 0.35 of its light,
 * contour28: a thin grey contour between white teeth and the lit lip, lp_s9 f154, lp_s1 f162.)
 */
export function lowerLipGap(above: number, height: number, unit: number): number {
  const band = Math.min(LOWER_GAP_SHARE * Math.max(0, height), LOWER_GAP_MOST * unit);
  if (!(band > 0)) return 1;
  return smoothstep(LOWER_GAP_CLEAR * band, band, above);
}
/** the share of the opening's height over the lower lip the upper row fades out over, and at most this far (iod) */
const LOWER_GAP_SHARE = 0.4, LOWER_GAP_MOST = 0.03;
/** ... in full shade within this share of that band over the lip */
const LOWER_GAP_CLEAR = 0.2;
/** the light the upper row's tips lose behind the lower lip at a slit's parting (teeth27; from a full parting they take its lining's tone: teethEdge.ts) */
const LOWER_LIP_SHADE = 0.65;

const ONE_TOP = { cover: 1, light: 1 };
const tmp = new Float32Array(4), tone: [number, number, number] = [0, 0, 0];

/**
 * The tongue's light for frameLight's ramp `ramp` (0.35 narrow .. 1 wide) at lip gap `gap` (iod):
 * a small speech opening keeps its tongue in the teeth's shadow (TONGUE_SPEECH_LIGHT x the ramp: a
 * dark middle, test/mouthCavity, real speech's dark share 0.13-0.34); from TONGUE_OPEN_GAP it goes
 * over to TONGUE_LIGHT x the ramp's square root (session 20: from 0.06, was 0.16-0.26: the shade under the upper row,
 * underUpperRowLight, keeps the band under the teeth dark; at the ramp alone a mid opening's tongue was a murky
 * third of the lips' light, lp_d6's real one 0.85-0.95 of it: bench/tongueShow.ts).
 */
export function tongueLightAt(ramp: number, gap: number): number {
  const speech = TONGUE_SPEECH_LIGHT * ramp, open = TONGUE_LIGHT * Math.sqrt(ramp);
  return speech + (open - speech) * smoothstep(TONGUE_OPEN_GAP[0], TONGUE_OPEN_GAP[1], gap);
}

/**
 * The share of its light the tongue keeps `below` IOD under the upper lip line: the upper lip and
 * teeth shade the band just under the row's tips (UNDER_ROW_SHADE, fading out from UNDER_ROW_SHADOW[0]
 * to [1]). Session 20: without it a mid opening's tongue was lit or dark as a whole; kept dark (the
 * speech light) it drew a black crescent under the upper teeth over 0.33-0.43 of the middle columns'
 * height (lp_s0, lp_s9, st_happy at a 0.15-0.18 IOD gap) where real speakers show a dark band of
 * 0-0.25 of it over the tongue tip or the lower teeth (bench/midOpening.ts). Just over the lower
 * lip (`above` IOD over its line, under OVER_LOWER_LIT[0]) the shade is gone: light comes in over the
 * lower lip (a small opening's shade met the lip as a black line along it, lp_s0 at jawOpen .15).
 */
export function underUpperRowLight(below: number, above = Infinity): number {
  const shade = (1 - smoothstep(UNDER_ROW_SHADOW[0], UNDER_ROW_SHADOW[1], below)) * smoothstep(OVER_LOWER_LIT[0], OVER_LOWER_LIT[1], above);
  return 1 - UNDER_ROW_SHADE * shade;
}

/**
 * How much of the warm shadow's tint (frameLight.ts warmShadow) a tooth at this light share takes:
 * the light it lost. (As that to the power 1.5 in session 17, after a linear share tinted mt_sun's
 * lit side teeth gold; session 18's tint holds green no lower than blue under a lipstick's lining,
 * so the share is linear again: at the power 1.5 a side tooth at 0.5-0.7 of the light kept nearly
 * all its blue, a cold mid-grey, test/mouthShadeWarmth.test.ts.)
 */
export const shadowWarmth = (lit: number) => Math.max(0, 1 - lit);

/** the upper row's lit band under the lip at mid openings (iod; frameLight.ts BODY_*_GAP) */
const EDGE_BAND = 0.05;
/** ... and how much further (iod) the row shows as a mid opening widens (frameLight.ts bodyShow); past it, the mouth's dark */
const BODY_REACH = 0.05;
/**
 * the tongue's light (over its own, the lips' light: tongue.ts) against the lower teeth's (0.85 until
 * session 16: a lit pink bowl filling a wide opening, critic15 st_happy f104; 0.7 of a library tongue
 * at any exposure until session 19; 1.1 of the lips' light since: 0.9 left a speech opening's tongue at half of it)
 */
const TONGUE_LIGHT = 1.1;
/** ... in a small speech opening (as until session 19), and the lip gaps (iod) over which it goes over to TONGUE_LIGHT */
const TONGUE_SPEECH_LIGHT = 0.7, TONGUE_OPEN_GAP = [0.06, 0.16] as const;
/** under the upper lip line (iod) the tongue is shaded by UNDER_ROW_SHADE, fading out from the first depth to the second (the upper row's tips hang ~0.06 IOD under the lip) */
const UNDER_ROW_SHADE = 0.75, UNDER_ROW_SHADOW = [0.06, 0.12] as const;
/** over the lower lip line (iod) the tongue is lit up to the first height, shaded (as under the upper row) from the second (the lip's inner band covers ~0.03) */
const OVER_LOWER_LIT = [0.03, 0.06] as const;
/** wide open: the tongue's back shaded by up to this share (0.45 until session 16, 0.6 until session 19: with the lit top a contour, 0.6 took it back into the throat's dark) */
const TONGUE_BACK_SHADE = 0.45;
/** lateral position (0 centre, 1 inner corner) from which the cavity turns into the corners' lining (frameLight.ts cornerLining) */
const CORNER_LINING_FROM = 0.5;
/** the share of the way from a lip line to the opening's middle row over which a wide opening's cavity darkens */
const THROAT_REACH = 0.9;
/** the cavity halfway between the lips, away from the light they reflect, is this share darker (0.45 drew a black centre) */
const MID_DARK = 0.3;
/** the teeth in a round opening ("O") lose this much more light in its middle (deepest behind the lips) */
const ROUND_TEETH_MID_DARK = 0.4;
/** a round opening's ("O") dark red core this much darker in its middle than at its rim */
const ROUND_MID_DARK = 0.35;
