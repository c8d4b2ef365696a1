// A closed-lip smile keeps its lips shut (issue #13, s42 seam42; critic41: lp_s0 <- lp_d14 f0, "a hard aliased black
// seam"). The rig's smile shape parts the inner lip lines by itself: at mouthSmile .97-.99 with every opening weight 0
// (jawOpen, mouthLowerDown, mouthUpperUp, mouthFunnel) lp_s0's lines stood ~2 px apart (read-back gap .035 IOD, the
// driver's .008) and the shader drew that gap as the cavity's black. Where the driver's own mouth reads shut this frame
// (no teeth, no dark cavity: motion/driverCavity.ts, render/mouth/driverTeeth.ts) and the motion opens nothing, what lies
// between the lines is the two lips pressed together: the lips' rim colour, shaded as a seam (SEAM_SHADE), not the
// interior. The lip bands and the slit's pixel coverage (lipSurface.ts) are drawn over it as before, so the seam keeps
// its anti-aliased edges. Audio motions carry no driver reading: nothing changes there.
import { smoothstep } from '../../math/smooth.ts';
import type { DriverMouthReads } from '../../rig/driverMouthReads.ts';
import type { LipColours } from './lipSurface.ts';

/** the motion's largest opening weight under which the lips count as shut, fully under the first (lp_d14 rest smiles 0; its open frames .17-.8) */
export const SEAL_OPENING: readonly [number, number] = [0.03, 0.08];
/** the driver's teeth share / dark cavity share of its opening over which it is not shut (lp_d14 rest 0 / 0; lp_d0's grin teeth .27-.33) */
export const SEAL_TEETH: readonly [number, number] = [0.02, 0.08];
export const SEAL_CAVITY: readonly [number, number] = [0.02, 0.08];
/** a drawn gap (IOD, 13-14) over which the opening is not a seam whatever the weights (an open photo's own mouth at rest) */
export const SEAL_GAP: readonly [number, number] = [0.05, 0.09];
/** the seam between pressed lips: their rim colour times this (1: no seam; 0: main's black cavity) */
export const SEAM_SHADE = 0.7;

/**
 * How much a frame's opening is a closed-lip seam (0 .. 1): the motion's largest opening weight `opening`, the driver's
 * readings (absent teeth or cavity reading: an audio motion, 0) and the drawn gap (IOD).
 */
export function sealedSeamWeight(opening: number, driver: Pick<DriverMouthReads, 'driverTeeth' | 'driverCavity'>, gap: number): number {
  const { driverTeeth, driverCavity } = driver;
  if (SEAM_SHADE >= 1 || driverTeeth === undefined || driverCavity === undefined) return 0;
  return (1 - smoothstep(SEAL_OPENING[0], SEAL_OPENING[1], opening)) * (1 - smoothstep(SEAL_TEETH[0], SEAL_TEETH[1], driverTeeth))
    * (1 - smoothstep(SEAL_CAVITY[0], SEAL_CAVITY[1], driverCavity)) * (1 - smoothstep(SEAL_GAP[0], SEAL_GAP[1], gap));
}

/** The interior colour in `out` at column x taken `k` of the way to the seam: the two lips' rim colour there (their means where a column has none) x SEAM_SHADE. */
export function sealedSeamOver(out: Float64Array, x: number, lips: LipColours, k: number): void {
  if (!(k > 0)) return;
  const up = lips.rimUpper.colour, lo = lips.rimLower.colour, o = x * 3;
  for (let c = 0; c < 3; c++) {
    let u = up[o + c]!, l = lo[o + c]!;
    if (u !== u) u = lips.lipRimUpper[c]!;
    if (l !== l) l = lips.lipRimLower[c]!;
    const seam = 0.5 * (u + l) * SEAM_SHADE;
    out[c] = out[c]! + (seam - out[c]!) * k;
  }
}
