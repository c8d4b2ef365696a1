// The driver's own mouth as a video motion carries it (motion/fromVideo.ts; benches that render motionFramesFromRaw's
// frames call it too, so their frames are the product's): how dark its opening is, how much of it is teeth, how much of
// its middle is dark cavity, the light under its upper row and how deep that row hangs, how high its tongue stands and how light its mouth's back is, each per frame from the raw
// track, gaps filled and smoothed (mouthDark.ts mouthDarkSeries).
import type { MotionFrame } from '../types.ts';
import type { RawFaceFrame } from './faceTracker.ts';
import { mouthDarkSeries } from './mouthDark.ts';
import { closeDips } from './driverCavity.ts';
import { depthAtGap } from './teethDepth.ts';
import { lowerRowRead } from './underLipShown.ts';
import { closeLowerHoles, lowerRowSeries } from './lowerShowSeries.ts';
import { DRIVER_BACK, DRIVER_CAVITY, DRIVER_LOWER_SHOW, DRIVER_TEETH, DRIVER_TEETH_DEPTH, DRIVER_TONGUE, DRIVER_TONGUE_LIGHT, DRIVER_TONGUE_OUT, DRIVER_TEETH_TONE, DRIVER_UNDER } from '../rig/mouthBase.ts';
import { clipTeethTone } from './teethTone.ts';
import { heldOut, tongueOutShare } from '../render/mouth/tongueOut.ts';
import { tongueOutEvidence } from './tongueOutEvidence.ts';
import { withOutRowFade } from './outRowFade.ts';
import { LM } from './measures.ts';

/** whether the lower row's reading has its short holes filled (lowerShowSeries.ts; s48 toothhole48) */
export const LOWER_HOLES = true;

/** In place: each frame's driver mouth readings from its raw track (`lowerHoles`: LOWER_HOLES, a bench's A/B). */
export function withDriverMouthReads(frames: Pick<MotionFrame, 'w' | 'mouthDark'>[], raw: readonly (RawFaceFrame | null)[], lowerHoles = LOWER_HOLES): void {
  // the driver's own mouth: a dark hole or teeth showing (the renderer's "O" follows it)
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark));
  if (dark) frames.forEach((f, i) => (f.mouthDark = dark[i]));
  // and how much of its opening is teeth: a soft smile shows the upper row's edge, not a band (render/mouth/driverTeeth.ts);
  // shut lips show none (0, as measuredChannels.ts teethShares reads them), not a ramp filled in from the next open frame
  // (critic42: lp_d14 f12-17's shut smile read .09-.44 ahead of f18's teeth, and the seam went black four frames early)
  const teeth = mouthDarkSeries(raw.map((r) => (r && r.teethShare === null ? 0 : r?.teethShare)));
  if (teeth) frames.forEach((f, i) => (f.w[DRIVER_TEETH] = teeth[i]!));
  // and how much of its opening's middle is dark cavity: a dark mouth's tongue lies low (render/mouth/tongueGate.ts)
  // (its short dips between dark frames filled: a lit tongue popping up for a few frames, driverCavity.ts closeDips)
  const smoothed = mouthDarkSeries(raw.map((r) => r?.cavity)), cavity = smoothed && closeDips(smoothed);
  if (cavity) frames.forEach((f, i) => (f.w[DRIVER_CAVITY] = cavity[i]!));
  // and how light what lies under its upper teeth is: a dim lower row or a dark band (render/mouth/driverTeeth.ts); a
  // face without teeth reads 0 (dark), not its neighbours' (lp_d14 f43's closing lips drew a row filled in from f42's)
  const under = mouthDarkSeries(raw.map((r) => (r ? r.under ?? 0 : null)));
  if (under) frames.forEach((f, i) => (f.w[DRIVER_UNDER] = under[i]!));
  // and how deep its upper row hangs: a child's small teeth in a tall vowel are a quarter of the opening (render/mouth/rowDepth.ts);
  // not in a speech slit, whose row shows lip to lip (teethDepth.ts depthAtGap)
  const depth = mouthDarkSeries(raw.map((r) => (r?.teethDepth == null ? r?.teethDepth : depthAtGap(r.teethDepth, r.m?.lipGap))));
  if (depth) frames.forEach((f, i) => (f.w[DRIVER_TEETH_DEPTH] = depth[i]!));
  // and how high its tongue stands and how light the back of its mouth is (render/mouth/driverTongue.ts)
  const tongue = mouthDarkSeries(raw.map((r) => r?.tongue)), back = mouthDarkSeries(raw.map((r) => r?.back));
  if (tongue) frames.forEach((f, i) => (f.w[DRIVER_TONGUE] = tongue[i]!));
  if (back) frames.forEach((f, i) => (f.w[DRIVER_BACK] = back[i]!));
  // (and how light that tongue is: a pale lit tongue or a pink one in shade, render/mouth/tongueFrontLight.ts; a track from before s51 has none)
  const tongueLight = raw.some((r) => r?.tongueLight != null) ? mouthDarkSeries(raw.map((r) => r?.tongueLight)) : undefined;
  if (tongueLight) frames.forEach((f, i) => (f.w[DRIVER_TONGUE_LIGHT] = tongueLight[i]!));
  // and how light its teeth are over its cheeks, one value for the clip (teethTone.ts; render/mouth/rowTone.ts); a track from before s55 has none
  const tone = clipTeethTone(raw.map((r) => r?.teethTone));
  if (tone !== undefined) frames.forEach((f) => (f.w[DRIVER_TEETH_TONE] = tone));
  // and how far its lower row stands over its lower lip (IOD): the library lower row shows as far (render/mouth/driverLowerRow.ts);
  // shut lips show none (0, not their neighbours'); a track from before lowrow35 carries no reading (undefined: the old rule)
  // (the share is of the column followed under the inner-lip contour, lowerTeeth.ts BELOW_LIP: of the gap the lips stand apart, underLip.ts)
  // (and at least the rows read under that contour, which are lower teeth by the same test: underLipShown.ts)
  const lowerRead = raw.map((r) => lowerRowRead(r));
  // (its one- and two-frame holes between reads of a shown row filled first: the median kept them, lowerShowSeries.ts)
  if (lowerHoles) {
    const closed = closeLowerHoles(raw.map((r, i) => (r && typeof r.lowerShow === 'number' ? lowerRead[i]! : null)), raw.map((r) => r?.m?.lipGap));
    closed.forEach((v, i) => { if (v !== null) lowerRead[i] = v; });
  }
  // (the series as the others', but a row read in consecutive frames not lowered by the median under its reads: lowerShowSeries.ts lowerRowSeries)
  const lower = lowerRead.some((v) => v !== undefined) ? lowerRowSeries(lowerRead) : undefined;
  if (lower) frames.forEach((f, i) => (f.w[DRIVER_LOWER_SHOW] = lower[i]!));
  // and how far its tongue is out, held over dips of a few frames: read frame by frame it flickered off and on while her
  // tongue stayed out (critic42: st_happy <- lp_d6 f58-67, our upper teeth gone and back twice in .4 s)
  if (tongue && cavity && under && teeth) {
    // (times how tall its lit run stands, in IOD and pixels: a slit's lips and a small face's blurred teeth read a lit run
    // too — critic45, infinitetalk_ref / latentsync_demo1; tongueOutEvidence.ts)
    const iodPx = (r: RawFaceFrame | null | undefined) => (r?.lm ? Math.hypot(r.lm[LM.eyeOuterL * 3]! - r.lm[LM.eyeOuterR * 3]!, r.lm[LM.eyeOuterL * 3 + 1]! - r.lm[LM.eyeOuterR * 3 + 1]!) : undefined);
    const seen = frames.map((f, i) => tongueOutEvidence(f.w[DRIVER_TONGUE], raw[i]?.m?.lipGap, iodPx(raw[i])));
    const out = heldOut(frames.map((f, i) => tongueOutShare(f.w[DRIVER_TONGUE], f.w[DRIVER_CAVITY], f.w[DRIVER_UNDER], f.w[DRIVER_TEETH]) * seen[i]!));
    frames.forEach((f, i) => (f.w[DRIVER_TONGUE_OUT] = out[i]!));
    // (her upper row, hidden under her lip as the tongue comes out, fades over a few frames: outRowFade.ts)
    withOutRowFade(frames);
  }
}
