// What the mesh shows past the crop's border (raster.ts sampleInto): the mirror image of the
// texture just inside, blurred more with the distance. This builds the blurred copy.
import { boxBlur } from '../analyze/raster.ts';

/**
 * A packed premultiplied RGBA texture blurred by two box passes of radius r (~1.7% of the side by
 * default: cloth and hair past the frame read as receding, and a strand mirrored at the border no
 * longer draws a sharp chevron).
 */
export function pastBorderCopy(data32: Uint32Array, width: number, height: number, r = Math.max(2, Math.round(width / 60))): Uint32Array {
  const n = width * height;
  const out = new Uint32Array(n);
  for (let ch = 0, shift = 0; ch < 4; ch++, shift += 8) {
    const plane = new Float32Array(n);
    for (let i = 0; i < n; i++) plane[i] = (data32[i]! >>> shift) & 255;
    const soft = boxBlur(boxBlur(plane, width, height, r), width, height, r);
    for (let i = 0; i < n; i++) out[i] = (out[i]! | (Math.min(255, Math.round(soft[i]!)) << shift)) >>> 0;
  }
  return out;
}
