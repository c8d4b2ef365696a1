// A raise on a face without brow hair (s55 forehead55): the rendered basis's brow raises with the band between the
// brow and the lid stretched evenly. UNDER_BROW_T carries the skin under the brow's lower contour almost whole and
// stretches the band's middle half, so brow hair reaching below the contour moves up as hair (brows.ts); with no hair
// there (avatar/browHair.ts: lp_s9, the Mona Lisa, whose brow landmarks sit on the socket's painted shade) that middle
// half was stretched ~2.7x at a full raise: the shade smeared into a band with a hard dark top. Spread over the whole
// band (BARE_UNDER_T) the same raise stretches it ~1.8x and the socket keeps its gradient.
import { CONTROL_INDEX } from '../controls.ts';
import { LANDMARK_COUNT } from '../topology.ts';
import { smoothstep } from '../../math/smooth.ts';
import { basisFace } from './face.ts';
import { writeBrowControls } from './brows.ts';

/** The raises' share down the band on a bare brow: smoothstep over the whole band (t 0 on the lid, 1 on the brow). */
export const BARE_UNDER_T: [number, number] = [0, 1];
const RAISES = [CONTROL_INDEX.browInnerUp, CONTROL_INDEX.browOuterUpLeft, CONTROL_INDEX.browOuterUpRight];

/**
 * Blends the brow raises' fields in `out` (built with the default share) toward the even share by `bare` (0: as built,
 * 1: even), in place. The frown is left alone (its share is already linear down the band).
 */
export function bareBrowRaises(out: Float32Array, neutral: ArrayLike<number>, bare: number): void {
  if (!(bare > 0)) return;
  const even = new Float32Array(out.length);
  writeBrowControls(basisFace(Float64Array.from(neutral as ArrayLike<number>), even), (t) => smoothstep(BARE_UNDER_T[0], BARE_UNDER_T[1], t));
  const k = Math.min(1, bare), stride = LANDMARK_COUNT * 3;
  for (const c of RAISES) for (let j = c * stride; j < (c + 1) * stride; j++) out[j] = (1 - k) * out[j]! + k * even[j]!;
}
