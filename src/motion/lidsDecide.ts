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

/** In place over the frames `have`: each side's eyeWide and eyeSquint by lidsDecide at that eye's opening share. */
export function lidsDecideAll(out: Map<RigControl, Float64Array>, shares: [Float64Array, Float64Array], have: number[]): void {
  ([['eyeWideLeft', 'eyeSquintLeft'], ['eyeWideRight', 'eyeSquintRight']] as const).forEach(([wide, squint], side) => {
    const w = out.get(wide), s = out.get(squint);
    if (!w || !s) return;
    for (const i of have) [w[i], s[i]] = lidsDecide(w[i]!, s[i]!, shares[side]![i]!);
  });
}
