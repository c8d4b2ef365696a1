// An even slab of teeth colour for the teeth-relief tests (a smooth band: what the rows looked like before their relief),
// its anchor in the middle of its top, tips at the bottom, at OUT_PER_IOD output pixels per eye distance.
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

export const OUT_PER_IOD = 110;

export function slab(widthIod: number, heightIod: number): ReadyLayer {
  const W = Math.round(widthIod * OUT_PER_IOD), H = Math.round(heightIod * OUT_PER_IOD);
  const data = new Float32Array(W * H * 4);
  for (let k = 0; k < W * H; k++) data.set([230, 222, 208, 1], k * 4);
  return { width: W, height: H, anchorX: W / 2, anchorY: 0, data };
}
