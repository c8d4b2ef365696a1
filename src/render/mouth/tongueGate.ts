// How far the speech tongue's sink (tonguePlace.ts tongueSink) applies on a frame, from what the driver's own
// mouth shows (issue #13). Session 26's gate read mouthDark alone: no teeth in the driver's opening. It kept
// lp_d6's lit tongue standing high in her open mouth, but also kept a high pink tongue in lp_d10's dark open
// mouth at f93 (critic27), where the upper row shows (mouthDark .21) over a black cavity and a dim tongue low
// at the lip. The dark share of the driver's opening's middle (motion/driverCavity.ts) tells the two apart.
import { smoothstep } from '../../math/smooth.ts';
import type { MouthPlacement } from './frameLight.ts';
import { tongueAndTipsOverLip } from './tonguePlace.ts';
import { sunkUnlessStanding } from './tongueStands.ts';

/**
 * The sink's share on a frame, 0..1: 1 when the driver carries no reading (audio motions sink in full), else as
 * far as its mouth shows no teeth (mouthDark) or its opening's middle is dark cavity (driverCavity).
 */
export function sinkGate(p: Pick<MouthPlacement, 'driverDark' | 'driverCavity' | 'driverTongue' | 'driverTeeth'>): number {
  const noTeeth = p.driverDark ?? 1;
  // (nor where the driver's own tongue stands high: lp_d10 f57/f80 show no teeth, so the speech sink applied in full and
  // dropped the arch, .033-.036 IOD down; tongueStands.ts)
  return (p.driverCavity === undefined ? noTeeth : Math.max(noTeeth, darkSinkGate(p))) * sunkUnlessStanding(p.driverTongue, p.driverTeeth);
}

/**
 * How far the sink applies over a wide opening too (tonguePlace.ts tongueSink's fade over `wide` left out), 0..1: as far
 * as the driver's opening is dark cavity; 0 without the reading (audio, a track without it). At lp_d10 f93 (a 0.26 IOD
 * gap, wide .4 on lp_s5) the fade kept ours at .50 of the opening where hers is .32, under a black band.
 */
export function darkSinkGate(p: Pick<MouthPlacement, 'driverCavity' | 'driverTongue' | 'driverTeeth'>): number {
  // (not where the driver's own tongue stands high under the dark: tongueStands.ts)
  return p.driverCavity === undefined ? 0 : smoothstep(CAVITY_FROM, CAVITY_FULL, p.driverCavity) * sunkUnlessStanding(p.driverTongue, p.driverTeeth);
}

/**
 * Dark shares of the driver's opening's middle over which its tongue counts as low in a dark mouth (bench/tongueHeight.ts:
 * lp_d10 f93 .38; lp_d6's lit tongues f46 / f173 .10-.14).
 */
const CAVITY_FROM = 0.25, CAVITY_FULL = 0.35;

// A still expression (`view --expr jawOpen=.5`, the turn grids) has no driver and no speech: the wide-open rules
// (tonguePlace.ts tongueFillGrow, frameLight.ts TONGUE_GROW: lp_d6's lit tongue filling her shout) drew a tall lit pink tongue at
// every yaw (critic27, turn_to_mt_man.jpg: 0.5-0.6 of the opening at 1.0-1.2 of the lips' light). A mouth held
// open at rest shows its tongue low behind the lower teeth, in the mouth's shade.

/** The tongue's growth on a frame: none in a still mouth (`stillMouth` 1), else `grow` as the wide-open rules set it. */
export function stillGrow(grow: number, p: Pick<MouthPlacement, 'stillMouth'>): number {
  return grow + (1 - grow) * (p.stillMouth ?? 0);
}

/** The share of its light the tongue keeps in a still mouth (1 elsewhere). */
export function stillShade(p: Pick<MouthPlacement, 'stillMouth'>): number {
  return 1 - STILL_SHADE * (p.stillMouth ?? 0);
}

/**
 * Output pixels a still mouth's tongue goes down so that its top (`top` layer px over its anchor, grown by `grow`, at
 * TONGUE_RAISE over the jaw's anchor, following the jaw set by TONGUE_FOLLOW) stands no more than STILL_FILL of the
 * lip gap over the lower lip's inner line, or no higher than the lower row's tips (`tips`, the row dropped by `drop`
 * and `follow` output px) where those stand higher; 0 on any other frame.
 */
export function stillSink(p: MouthPlacement, top: number | null, tips: number | null, grow: number, follow: number, drop: number): number {
  const still = p.stillMouth ?? 0;
  const over = still ? tongueAndTipsOverLip(p, top, tips, grow, follow, drop) : null;
  if (over === null) return 0;
  return Math.max(0, over.tongueOver - Math.max(STILL_FILL * p.gap * p.unit, over.tipsOver)) * still;
}

/** a still mouth's tongue top stands at most this share of the lip gap over the lower lip (real speech openings: Katie .05-.10, lp_d11 .14, lp_d10's dark f93 .32; lp_d6's shouts .5-.7) */
const STILL_FILL = 0.35;
/** the share of its light a still mouth's tongue loses (the mouth's shade: no speech lights it) */
const STILL_SHADE = 0.35;
