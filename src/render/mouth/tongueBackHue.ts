// The tongue's back falls off into the drivers' purple, not a salmon dome (issue #13, tongue39 s39; critic38: lp_s5 <-
// lp_d10 f80-83 "a salmon dome", hue38's still-wrong "the tongue's back does not turn purple"). deepHue.ts takes the
// opening's dark toward the drivers' red-purple, fading out from DEEP_FROM to DEEP_TO (.75) of the lips' luma so the lit
// tongue and the teeth keep their colour; but a tongue's back, rising from the lit front into the throat, darkens through
// .6-.95 of the lips' luma, where that fade has already let go: ours kept the lips' ochre there (lp_s5 f80 band 3 absolute
// Lab hue 40 [lp_d10 13], bench/cavityProfile.ts). Over the opening's upper part, where the tongue's back rises into the
// throat (over the lower lip's BACK_UP share of the opening's height: the lower row and the tongue's lit front under it keep
// their colour; the upper row and the lips are drawn after), the fade runs on to TONGUE_BACK_TO of the lips' luma, and in a
// wide opening (tongueShape.ts, the arch, whose light falls over .2-.8 of the height) the back goes toward the tint by up
// to TONGUE_BACK_SHARE whatever its luma: the real back is purple where it is still lit (lp_d10 f80-88 band 3 .55-.65 of
// the lips' luma, absolute hue 10-14). Pure; shader.ts calls it after deepHue.ts's pass, on the jaw pieces' colour.
import { smoothstep } from '../../math/smooth.ts';
import { luma601 as luma } from '../../math/colour.ts';
import { DEEP_FROM, DEEP_SHARE, deepWeight } from './deepHue.ts';

/** on the tongue, the luma over the lips' at which the dark tint has faded out (deepHue.ts's DEEP_TO elsewhere) */
export const TONGUE_BACK_TO = 1;

/** in a wide opening, the share of the way to the tint at the top of the tongue's back, and the span of the opening's height
 *  (0 the lower lip's inner line .. 1 the upper's) over which it comes in (tongueShape.ts's light falls over .2-.8) */
export const TONGUE_BACK_SHARE = 0.9;
const BACK_UP: readonly [number, number] = [0.2, 0.7];

/**
 * The tongue's share of the tint beyond deepHue.ts deepWeight's (applied to the whole pixel after, so together they make
 * the wanted share): by its luma `x` over the lips' (the fade run on to TONGUE_BACK_TO), and at `up` of the opening's
 * height times the frame's `arch` (tongueShape.ts archShare) by its place on the back; `k` the frame's deepK.
 */
export function tongueBackWeight(x: number, k: number, up = 0, arch = 0): number {
  if (!(k > 0)) return 0;
  const place = smoothstep(BACK_UP[0], BACK_UP[1], up);
  if (!(place > 0)) return 0;
  const byLuma = DEEP_SHARE * k * (1 - smoothstep(DEEP_FROM, TONGUE_BACK_TO, x)) * place;
  const byPlace = arch > 0 ? TONGUE_BACK_SHARE * k * Math.min(1, arch) * place : 0;
  const want = Math.max(byLuma, byPlace), after = deepWeight(x, 1, k);
  return after >= want ? 0 : (want - after) / (1 - after);
}

/**
 * `out` (r, g, b, changed in place; deepHue.ts deepHueOver already applied) toward `tint` at its own luma by tongueBackWeight
 * of its luma over the lips' `lipLuma`, at the frame's share `k` (deepK), its place `up` (share of the opening's height over
 * the lower lip's inner line) and the frame's arch (FrameLight tongueForm).
 */
export function tongueBackHueOver(out: Float64Array, tint: ArrayLike<number>, lipLuma: number, k: number, up: number, arch: number): void {
  if (!(k > 0) || !(lipLuma > 0) || !(up > BACK_UP[0])) return;
  const l = luma(out), w = tongueBackWeight(l / lipLuma, k, up, arch);
  if (w <= 0) return;
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (Math.min(255, l * tint[ch]!) - out[ch]!) * w;
}
