// What the mesh shows past the crop's border (raster.ts sampleInto): the mirror image of the
// texture just inside, blurred more with the distance, at the border's coverage. Computed once per
// renderer into a padded copy of the texture, so the band costs one bilinear lookup per pixel.
import { boxBlur } from '../analyze/raster.ts';
import { packRounded, samplePastBorder, type PastBorder } from './raster.ts';

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

/** The texture padded by `margin` texels (default 10% of the width) of what shows past its border (raster.ts PastBorder). */
export function pastBorderPad(data32: Uint32Array, width: number, height: number, margin = Math.ceil(0.1 * width)): PastBorder {
  const beyond = pastBorderCopy(data32, width, height);
  const pw = width + 2 * margin, ph = height + 2 * margin;
  const out = new Uint32Array(pw * ph);
  const s = new Float64Array(4);
  for (let y = 0; y < ph; y++) for (let x = 0; x < pw; x++) {
    const fx = x - margin, fy = y - margin;
    if (fx >= 0 && fy >= 0 && fx < width && fy < height) { out[y * pw + x] = data32[fy * width + fx]!; continue; }
    samplePastBorder(data32, width, height, beyond, fx, fy, s);
    out[y * pw + x] = packRounded(s);
  }
  return { data32: out, margin };
}
