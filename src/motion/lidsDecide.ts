// Wide eyes or a squint: the rig fit often reads both on one frame (lp_d6's strongest squint frames:
// eyeSquint 0.52 with eyeWide 0.74), and wideOverSquint (retarget.ts) then keeps only the squint's
// excess over the wide reading, so drivers' real squints arrived as nothing: on mt_man their eyes
// narrowed to 0.75-0.86 of rest and ours stayed at 0.85-1.02 (bench/expressionGain.ts). The measured
// lid opening, as a share of the driver's rest opening (the blink's measure, restFace.ts), decides:
// an eye narrower than at rest keeps its squint and loses its eyeWide; one at or above rest keeps the
// eyeWide and the squint only past it, as before.
import type { RigControl } from '../rig/controls.ts';

/** An eye this far under its rest opening (share of rest) drops all of its eyeWide reading. */
export const NARROW_FULL = 0.2;

/** A side's [eyeWide, eyeSquint] given the eye's opening as a share of its rest opening. */
export function lidsDecide(wide: number, squint: number, share: number): [number, number] {
  if (share >= 1) return [wide, Math.max(0, squint - wide)];
  const narrowed = Math.min(1, (1 - share) / NARROW_FULL);
  const w = wide * (1 - narrowed);
  return [w, Math.max(0, squint - w)];
}

/**
 * In place over the frames `have`: each side's eyeWide and eyeSquint by lidsDecide at that eye's
 * opening share, and its cheekSquint, like the eye's squint, only past the eyeWide kept: the cheek
 * raising the lower lid under a wide eye is the fit's misreading. lp_d10's surprised eyes (eyeWide
 * .70/.66) came with cheekSquint .14/.28, which took lp_s2's left eye from 1.17 to 1.07 of its rest.
 */
export function lidsDecideAll(out: Map<RigControl, Float64Array>, shares: [Float64Array, Float64Array], have: number[]): void {
  ([['eyeWideLeft', 'eyeSquintLeft', 'cheekSquintLeft'], ['eyeWideRight', 'eyeSquintRight', 'cheekSquintRight']] as const).forEach(([wide, squint, cheek], side) => {
    const w = out.get(wide), s = out.get(squint), c = out.get(cheek);
    if (!w || !s) return;
    for (const i of have) {
      [w[i], s[i]] = lidsDecide(w[i]!, s[i]!, shares[side]![i]!);
      if (c) c[i] = Math.max(0, c[i]! - w[i]!);
    }
  });
}
