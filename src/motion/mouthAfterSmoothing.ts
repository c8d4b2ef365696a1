// The driver's mouth width kept through the smoothing of a video motion (motion/framesFromRaw.ts):
// the fit's mouth prior (rig/mouthPrior.ts) applied once more on the smoothed channels, both ways:
// narrow frames stay round, wide frames widen the photo's mouth as much as the driver's.
import type { RigControl } from '../rig/controls.ts';
import { funnelCap, puckerFloor, widenCap, widenToWidth, WIDENING, WIDTH_PER_UNIT } from '../rig/mouthPrior.ts';
import type { Channels } from './channels.ts';
import { percentile } from './restFace.ts';

/** The driver's rest mouth width: this percentile of its widths over the clip (retarget.ts's REST_PERCENTILE). */
const WIDTH_REST_PERCENTILE = 10;

/**
 * In place: the fit's mouth prior (rig/mouthPrior.ts) once more on the smoothed channels, at the frames
 * whose driver mouth was narrower than its rest (`widths`, over its neutral): the smoothing carries the
 * neighbours' smile into a short "O" and takes its pucker down (and a rounded neighbour's funnel into a grin).
 */
export function keepRoundMouth(ch: Channels, widths: Float64Array, valid: boolean[], noWideFunnel: boolean): void {
  const pucker = ch.get('w.mouthPucker'), funnel = ch.get('w.mouthFunnel');
  for (let i = 0; i < valid.length; i++) {
    if (!valid[i]) continue;
    for (const c of WIDENING) ch.get(`w.${c}`)[i] = Math.min(ch.get(`w.${c}`)[i]!, widenCap(widths[i]!));
    pucker[i] = Math.max(pucker[i]!, puckerFloor(widths[i]!));
    // and the other way: a smile's wide frames keep no funnel the smoothing brought from a rounded neighbour
    if (noWideFunnel) funnel[i] = Math.min(funnel[i]!, funnelCap(widths[i]!));
  }
}

/**
 * In place: at the frames whose driver mouth was wider than at its rest, the smile, stretch and
 * dimples raised until they widen the photo's mouth as much (rig/mouthPrior.ts widenToWidth). The
 * width counts from the driver's rest width (the clip's 10th percentile, as each control's rest in
 * retarget.ts, and at least its neutral's: the photo is taken to show the driver's rest; counted from its neutral, lp_d14's
 * self-reenactment, whose photo already smiles, smiled twice: mouth PSNR 24.01 -> 22.01), taken as
 * the median of 3 frames (one frame's mouth corners jitter by a few percent).
 */
export function keepWideMouth(ch: Channels, widths: Float64Array, valid: boolean[]): void {
  const shaping = Object.keys(WIDTH_PER_UNIT) as RigControl[];
  // never below the neutral's width: a talking driver's low widths are its rounded vowels, not its rest
  const rest = Math.max(1, percentile(widths.filter((_w, i) => valid[i]), WIDTH_REST_PERCENTILE));
  for (let i = 0; i < valid.length; i++) {
    if (!valid[i]) continue;
    const near = [i - 1, i, i + 1].filter((j) => j >= 0 && j < valid.length && valid[j]).map((j) => widths[j]!);
    const w: Partial<Record<RigControl, number>> = {};
    for (const c of shaping) w[c] = ch.at(`w.${c}`, i);
    widenToWidth(w, 1 + percentile(near, 50) - rest);
    for (const c of WIDENING) ch.get(`w.${c}`)[i] = w[c]!;
  }
}
