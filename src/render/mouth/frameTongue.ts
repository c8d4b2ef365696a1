// The tongue's light and place for one frame (FrameLight.set, after the teeth rows: it follows the jaw set and the lower
// row's drop): how far it grows, sinks, stands forward or out, and how its front and back are lit.
import type { FrameLight, MouthPlacement } from './frameLight.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { darkSinkGate, sinkGate, stillGrow, stillShade, stillSink } from './tongueGate.ts';
import { standingLitShift, standingShare } from './tongueStands.ts';
import { runForward } from './tongueFlesh.ts';
import { tongueOutDrop, tongueOutShare } from './tongueOut.ts';
import { archCapGrow, archGrow, archShare, archTall, sunkBy } from './tongueShape.ts';
import { driverArchGrow, litShift, readingTrust } from './driverTongue.ts';
import { FRONT_GAIN, tongueFrontShare } from './litCavityFall.ts';
import { PALE_GAIN, PALE_LEAD, paleFrontShare, paleShare } from './tongueFrontLight.ts';
import { jawFollow } from './teethRowLight.ts';
import { tongueFillGrow, tongueSink } from './tonguePlace.ts';

/** The tongue's growth, sink and light (after the teeth rows: it follows the jaw set and the lower row's drop). */
export function tongueLightInto(l: FrameLight, p: MouthPlacement, tongueTop: number | null, lowerTips: number | null, wide: number, varnished: boolean): void {
  // (not in a mouth held open at rest: stillGrow)
  l.tongueGrow = stillGrow(Math.max(1 + TONGUE_GROW * wide, wide * tongueFillGrow(p, tongueTop, l.jawFollow)), p);
  // (an arched tongue's top no higher than its share of the gap: grown to TONGUE_GROW it stood .8 of lp_s9's opening, a bar to the upper teeth: tongueShape.ts)
  // (standing as high as the driver's own where the motion reads it: driverTongue.ts)
  l.tongueGrow = driverArchGrow(p, tongueTop, l.jawFollow, l.tongueGrow, archShare(p.gap, l.round)) ?? archGrow(l.tongueGrow, archCapGrow(p, tongueTop, l.jawFollow), archShare(p.gap, l.round));
  // (as far as a driver's own mouth is dark: lp_d6's lit tongue stands high in her open mouth, and sinking ours cost
  // her self-reenacted open frames 0.66 dB of mouth box; audio motions carry no reading and sink in full: tongueGate.ts)
  // (a driver's dark cavity sinks it at any opening: lp_d10 f93's tongue lies low at a 0.26 IOD gap, darkSinkGate)
  const sink = Math.max(tongueSink(p, tongueTop, lowerTips, l.tongueGrow, l.jawFollow, l.lowerDrop, wide) * sinkGate(p), tongueSink(p, tongueTop, lowerTips, l.tongueGrow, l.jawFollow, l.lowerDrop, 0) * darkSinkGate(p));
  l.tongueSink = Math.max(sink, stillSink(p, tongueTop, lowerTips, l.tongueGrow, l.jawFollow, l.lowerDrop));
  // (the arch's light and outline on any wide opening; its dim back risen and the old back shade dropped only where the
  // tongue is not held low, by a dark driver's mouth, a hanging lower lip or a still mouth: risen, mt_man + mt_sun.wav's
  // tongue was a pink mass up to the upper teeth, and lp_d10 f93's sunk tongue too bright)
  l.tongueForm = archShare(p.gap, l.round);
  l.tongueArch = l.tongueForm * (1 - Math.max(darkSinkGate(p), p.stillMouth ?? 0, sunkBy(l.tongueSink, p.unit)));
  l.tongueTall = archTall(l.tongueArch);
  // (not moved up where ours stands as the driver's: tongueStands.ts)
  l.tongueLitShift = standingLitShift(litShift(p.driverTongue, p.driverTeeth), standingShare(p.driverTongue, p.driverTeeth));
  l.tongueStand = l.tongueForm * standingShare(p.driverTongue, p.driverTeeth);
  // (a tongue out over the lower teeth: its run alone, which teeth only cut short, says so: tongueOut.ts)
  // (the motion's held reading where it carries one, motion/driverMouthReads.ts; else this frame's)
  l.tongueOut = l.tongueForm * (Number.isFinite(p.driverTongueOut) ? clamp01(p.driverTongueOut!) : tongueOutShare(p.driverTongue, p.driverCavity, p.driverUnder, p.driverTeeth));
  l.tongueForward = Math.max(l.tongueOut, l.tongueForm * runForward(p.driverTongue, p.driverCavity, readingTrust(p.driverTeeth)));
  l.tongueOutDrop = tongueTop && tongueTop > 0 ? tongueOutDrop(l.tongueOut, l.jawFollow, p.unit) : 0;
  if (l.tongueOutDrop > 0) l.tongueGrow += l.tongueOutDrop / (tongueTop! * p.scale);
  l.tongueFront = tongueFrontShare(l.tongueForm * (1 - darkSinkGate(p)), p.driverTongue, readingTrust(p.driverTeeth));
  // (a pale lit driver tongue lifts it under a dark upper half too: tongueFrontLight.ts; not in a varnished picture, whose
  // mouth keeps its cast, pictureCast.ts: lifted and greyed, lp_s9's tongue was a cool pink slab out of the painting's palette, critic51)
  l.tonguePale = !varnished && p.driverTongue !== undefined && Number.isFinite(p.driverTongue) ? paleShare(p.driverTongueLight) : 0;
  l.tongueFront = paleFrontShare(l.tongueFront, l.tongueForm, readingTrust(p.driverTeeth), l.tonguePale);
  l.tongueFrontGain = FRONT_GAIN + (PALE_GAIN - FRONT_GAIN) * l.tonguePale;
  l.tongueFrontLead = PALE_LEAD * l.tonguePale;
  const litShare = TONGUE_LIT_SHARE[0] + (TONGUE_LIT_SHARE[1] - TONGUE_LIT_SHARE[0]) * wide;
  l.tongueLitUp = litShare * wide * (tongueTop ?? 0) * l.tongueGrow;
  l.tongueLight = (TONGUE_NARROW_LIGHT + (1 - TONGUE_NARROW_LIGHT) * smoothstep(TONGUE_LIT_FROM, TONGUE_LIT_FULL, p.gap)) * stillShade(p);
}

/** wide open: the tongue's visible top grows by at least this share (taller) */
const TONGUE_GROW = 1.2;
/**
 * the share of the tongue's height (from its anchor) lit fully, its back shaded beyond (interior.ts
 * TONGUE_BACK_SHADE over 0.12 IOD), from the start of a wide opening to a full one. 0.7 throughout until
 * session 24: a wide opening's grown tongue was lit flat to its top, its contour a step from the black cavity to
 * the lips' light (lp_s2 <- lp_d10 f83/f87, critic23: "a pitch-black crescent over a grey tongue"; the driver's
 * tongue darkens over its back toward the throat); 0.2 throughout dimmed a speech opening's tongue (lp_s42 at
 * jawOpen .35: 0.64 -> 0.59 of the lips' luma, real 0.85-0.95)
 */
const TONGUE_LIT_SHARE: [number, number] = [0.7, 0.2];
/** the tongue's light at a narrow opening, and the lip gaps (iod) over which it comes to full light */
const TONGUE_NARROW_LIGHT = 0.35, TONGUE_LIT_FROM = 0.12, TONGUE_LIT_FULL = 0.4;
