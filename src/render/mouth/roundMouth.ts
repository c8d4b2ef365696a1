// A rounded opening ("O", pucker, funnel): how much of it is round this frame, how much of the
// teeth it still shows and the colour of its deep middle. frameLight.ts reads these once per frame.
import { smoothstep } from '../../math/smooth.ts';
import type { MouthPlacement } from './frameLight.ts';

type Rgb = [number, number, number];

/**
 * How much the opening is an "O" (0..1): the frame's pucker and half its funnel over the photo's
 * (ROUND_CONTROL_*). The inner corners drawn in (0.06 -> 0.22 of their rest width) were
 * tried as well: they missed lp_d6's O at 3.3 s (pucker .69, corners in only 0.10) and caught Obama 2's
 * speech (eval mouth PSNR 20.07 without them -> 19.89 with them alone).
 */
export function roundness(p: Pick<MouthPlacement, 'rounding' | 'driverDark'>): number {
  return smoothstep(ROUND_CONTROL_FROM, ROUND_CONTROL_FULL, p.rounding ?? 0) * darkOGate(p.driverDark);
}

/**
 * How much of the teeth and tongue a rounded opening (`round`) at lip gap `gap` (IOD) still shows,
 * 0..1: the lips pushed forward in a pucker or a small "O" stand well in front of the teeth, so
 * the opening shows the lips' inner surface and a dark red depth, no teeth (lp_d6 at 3.3 s and
 * 7.6 s). Darkened, not hidden, they were grey shapes in a black hole (critic20, lp_s42 f86). A
 * wide funnel opens onto them again.
 */
export function roundTeethShown(gap: number, round: number): number {
  return 1 - smoothstep(ROUND_TEETH_HIDDEN[0], ROUND_TEETH_HIDDEN[1], round) * (1 - smoothstep(ROUND_TEETH_GAP[0], ROUND_TEETH_GAP[1], gap));
}
/** roundness over which the teeth go (at a small opening): at 0.18 of their alpha, bright photo teeth were still a pale ghost in the O (lp_s42 f83, round .83) */
const ROUND_TEETH_HIDDEN = [0.3, 0.7] as const;
/** lip gaps (iod) over which a rounded opening shows its teeth again (a funnel's wide "O") */
const ROUND_TEETH_GAP = [0.15, 0.3] as const;

/**
 * The deep middle of a rounded opening into `out`: the inner lip colour `lipInner` with each channel
 * scaled by its share of the brightest (light scattered back through red tissue grows redder as it
 * darkens), times ROUND_CORE_SHADE. lp_d6's pucker at 3.4 s: lips ~(143, 74, 77), its middle
 * ~(72, 12, 10); a grey-black core (~(15, 11, 11)) read as a hole punched through the face.
 */
export function roundCoreInto(lipInner: readonly number[], out: Rgb): void {
  const top = Math.max(1, lipInner[0]!, lipInner[1]!, lipInner[2]!);
  for (let ch = 0; ch < 3; ch++) out[ch] = ROUND_CORE_SHADE * lipInner[ch]! * (lipInner[ch]! / top);
}
const ROUND_CORE_SHADE = 0.55;

/**
 * How far a rounded opening may be drawn as a dark "O", from the driver's own mouth (video motions):
 * the rig's weights alone cannot tell lp_d6's dark O (pucker .55-.69, jaw .17-.22) from Obama 2's
 * puckered words that show his teeth (pucker .54-.67, jaw .14-.24): the O's darkening is scaled by
 * the driver's darkness (0 where its opening shows teeth). Absent (audio, older files): fully.
 */
export function darkOGate(driverDark: number | undefined): number {
  return driverDark === undefined ? 1 : Math.max(0, Math.min(1, driverDark));
}

/** pucker + half the funnel (over the photo's) over which the opening turns into an "O" */
const ROUND_CONTROL_FROM = 0.25, ROUND_CONTROL_FULL = 0.6;
