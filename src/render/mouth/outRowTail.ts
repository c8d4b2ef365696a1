// The upper row's fade under a tongue out (issue #13, critic45 item 1; motion/outRowFade.ts carries it): the row depth a driver's
// reads give under a held tongue out (tongueOutRowDepth.ts's cap) and the depth the motion carries over it from the frames before,
// added as far as the tongue is out. No tail (audio, old motions, no tongue out, a photo's own row): the depth unchanged.
import { smoothstep } from '../../math/smooth.ts';
import { teethDepthAllowed } from './driverTeeth.ts';
import { OUT_RAMP, OUT_ROW_PER_MEASURED } from './tongueOutRowDepth.ts';

/** The row depth (share of our opening) her teeth share and measured row depth allow under a tongue out (outRowDepth's cap); NaN without both. */
export function outRowTarget(share: number | undefined, measured: number | undefined): number {
  if (share === undefined || measured === undefined || !Number.isFinite(share) || !Number.isFinite(measured)) return NaN;
  return Math.min(teethDepthAllowed(share), OUT_ROW_PER_MEASURED * Math.max(0, measured));
}

/** `depth` (frameLight.ts teethDepth after outRowDepth) with the motion's carried `tail` added under the tongue out `out` (frameLight.ts tongueOut). */
export function withOutRowTail(depth: number, tail: number | undefined, out: number): number {
  if (!(tail !== undefined && tail > 0) || !Number.isFinite(depth)) return depth;
  return depth + tail * smoothstep(OUT_RAMP[0], OUT_RAMP[1], out);
}
