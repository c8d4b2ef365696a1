// Wide eyes or a squint: the rig fit often reads both on one frame (lp_d6's strongest squint frames:
// eyeSquint 0.52 with eyeWide 0.74), and wideOverSquint (retarget.ts) then keeps only the squint's
// excess over the wide reading, so drivers' real squints arrived as nothing: on mt_man their eyes
// narrowed to 0.75-0.86 of rest and ours stayed at 0.85-1.02 (bench/expressionGain.ts). The measured
// lid opening, as a share of the driver's rest opening (the blink's measure, restFace.ts), decides:
// an eye narrower than at rest keeps its squint and loses its eyeWide; one at or above rest keeps the
// eyeWide and the squint only past it, as before.
// eyes30: and no more eyeWide than its opening over rest shows. lp_d6 at f70 (2.8 s) read .99/1.05 of
// rest, her usual wide-open look, yet the fit read eyeWide .35/.06 (f165: .84/.12 at .95-1.1): on lp_s42
// the one lid went up past the iris and read back 1.31x the photo's opening, a one-eyed stare (critic28).
import type { RigControl } from '../rig/controls.ts';

/** An eye this far under its rest opening (share of rest) drops all of its eyeWide reading. */
export const NARROW_FULL = 0.2;

/**
 * A rendered eyeWide 1 reads back about this far over the photo's rest opening (WIDE_LIFT_RENDERED .7:
 * 1.24-1.3x, s24), as far as drivers' real stares read over theirs (1.24-1.28)...
 */
export const WIDE_READ_SPAN = 0.25;

/** ...so an eye opened to `share` of its rest carries at most the eyeWide that opens the photo's eye as far. */
export function wideWithinOpening(share: number): number {
  return Math.min(1, Math.max(0, (share - 1) / WIDE_READ_SPAN));
}

/**
 * A side's [eyeWide, eyeSquint] given the eye's opening as a share of its rest opening; with `opened`,
 * eyeWide within wideWithinOpening(opened): the more open eye's share, since a stare is two-eyed and the
 * face mesh under-reads one eye's (lp_d10 f9-f11: 1.12 / 1.00 of rest, the fit's eyeWide .7 / .6 on both).
 */
export function lidsDecide(wide: number, squint: number, share: number, opened?: number): [number, number] {
  const narrowed = share >= 1 ? 0 : Math.min(1, (1 - share) / NARROW_FULL);
  const w = wide * (1 - narrowed);
  return [opened === undefined ? w : Math.min(w, wideWithinOpening(opened)), Math.max(0, squint - w)];
}

/** In place over the frames `have`: each side's eyeWide and eyeSquint by lidsDecide at that eye's opening share (`capped`: eyeWide within the more open eye's). */
export function lidsDecideAll(out: Map<RigControl, Float64Array>, shares: [Float64Array, Float64Array], have: number[], capped = true): void {
  ([['eyeWideLeft', 'eyeSquintLeft'], ['eyeWideRight', 'eyeSquintRight']] as const).forEach(([wide, squint], side) => {
    const w = out.get(wide), s = out.get(squint);
    if (!w || !s) return;
    for (const i of have) [w[i], s[i]] = lidsDecide(w[i]!, s[i]!, shares[side]![i]!, capped ? Math.max(shares[0][i]!, shares[1][i]!) : undefined);
  });
}
