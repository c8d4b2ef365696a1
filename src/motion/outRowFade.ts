// The upper row fades over a few frames as a driver hides it under a tongue out (issue #13, critic45 item 1: st_happy <- lp_d6
// "the upper row is full at f63 and gone at f64"). Under a held tongue out the renderer hangs the row as deep as her reads allow
// (render/mouth/tongueOutRowDepth.ts: min(teethDepthAllowed(share), 1.7 x her measured depth)); she pulls her upper lip down over
// her row in one frame as the tongue pushes up (f63 share .19, depth .22 -> f64 .10, .07 -> f65 .02, 0), so our row's depth
// went .37 -> .12 -> 0 of the opening, and since a row's top .1-.13 of the opening sits in the lip's shade and tone
// (rowTopShade.ts), its visible part went .22 -> 0 of the upper half in one frame. Here that depth is released, not dropped: each
// frame keeps RELEASE of the last frame's depth over its own, as far as the tongue is held out; the motion carries the excess
// (DRIVER_OUT_ROW_TAIL) and the renderer adds it (render/mouth/outRowTail.ts). A continuous function of the reads: no threshold,
// rising rows (f58-f63, f68) and frames without a tongue out get no tail (written only where it is over 0).
import type { MotionFrame } from '../types.ts';
import { DRIVER_OUT_ROW_TAIL, DRIVER_TEETH, DRIVER_TEETH_DEPTH, DRIVER_TONGUE_OUT } from '../rig/mouthBase.ts';
import { outRowTarget } from '../render/mouth/outRowTail.ts';

/**
 * share of the last frame's row depth kept per 25 fps frame under a held tongue out: .7 takes lp_d6 f63's .37 of the opening to
 * .26 / .18 / .13 at f64-f66 (seen: a thinner row at f64, a sliver at f65, gone at f66); .5 left f65 under the lip's shade (.09)
 */
export const RELEASE = 0.7;

/**
 * Per frame the row depth (share of our opening) carried over the driver's own (outRowTarget) as her row drops under a tongue
 * out: `teeth`, `depth` her teeth share and measured row depth, `out` the held tongue-out share (0..1), per frame; `fps` scales
 * the release to the frame rate. 0 where nothing is carried.
 */
export function outRowTails(teeth: readonly (number | undefined)[], depth: readonly (number | undefined)[], out: readonly (number | undefined)[], fps = 25): number[] {
  const keep = Math.pow(RELEASE, 25 / fps), tails = new Array<number>(out.length).fill(0);
  let held = 0;
  for (let i = 0; i < out.length; i++) {
    const o = Math.min(1, Math.max(0, out[i] ?? 0)), target = outRowTarget(teeth[i], depth[i]);
    if (!(o > 0) || !Number.isFinite(target)) { held = 0; continue; }
    // (the release only as far as the tongue is out: a part out carries a part of it)
    held = Math.max(target, target + (held * keep - target) * o);
    tails[i] = held - target;
  }
  return tails;
}

/** In place: the frames' DRIVER_OUT_ROW_TAIL, where over 0 (a motion without a tongue out is unchanged). */
export function withOutRowFade(frames: Pick<MotionFrame, 'w'>[], fps = 25): void {
  const w = frames.map((f) => f.w);
  const tails = outRowTails(w.map((x) => x[DRIVER_TEETH]), w.map((x) => x[DRIVER_TEETH_DEPTH]), w.map((x) => x[DRIVER_TONGUE_OUT]), fps);
  tails.forEach((t, i) => { if (t > 1e-3) w[i]![DRIVER_OUT_ROW_TAIL] = t; });
}
