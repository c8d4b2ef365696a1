// The person's outline where the crop reaches past the photo. There the matte is analyze/extend.ts's
// continuation (a shoulder sloping on, fading), and its ramps are tens of pixels wide: over the
// inpainted plate that reads as cloth receding, but over a new background (`--bg '#ffffff'`) as a
// grey smudge of half-transparent cloth beside a chunk of solid shirt. A real outline there is as
// soft as the photo's own (~3 px), so past the photo the matte is decided: person or not, with a
// short ramp.
import type { GrayImage, PortraitAnalysis } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { boxBlur } from '../analyze/raster.ts';

/** Per crop pixel, how far (crop px) its centre lies past the photo's edge; 0 inside the photo. */
export function distancePastPhoto(crop: PortraitAnalysis['crop'], source: PortraitAnalysis['source']): Float32Array {
  const n = crop.size, k = crop.side / crop.size;
  const [pl, pt, pr, pb] = source.padding ?? [0, 0, 0, 0]; // a padded photo's strips count as past it
  const out = new Float32Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const sx = crop.x + (x + 0.5) * k, sy = crop.y + (y + 0.5) * k;
    const past = Math.max(pl - sx, pt - sy, sx - (source.width - pr), sy - (source.height - pb), 0);
    out[y * n + x] = past / k;
  }
  return out;
}

/**
 * The matte past the photo pushed to 0/1 at 0.5 and softened by two 1 px box passes (a ~3 px
 * ramp); blended in over `blend` px past the photo's edge, so the photo's own matte meets it
 * without a step. Inside the photo unchanged.
 */
export function firmMattePastPhoto(matte: GrayImage, past: Float32Array, blend = 4): GrayImage {
  const { width: w, height: h, data } = matte;
  let any = false;
  for (let i = 0; i < past.length && !any; i++) any = past[i]! > 0;
  if (!any) return matte;
  const hard = Float32Array.from(data, (a) => (a >= 0.5 ? 1 : 0));
  const soft = boxBlur(boxBlur(hard, w, h, 1), w, h, 1);
  const out = Float32Array.from(data);
  for (let i = 0; i < out.length; i++) {
    const t = smoothstep(0, blend, past[i]!);
    if (t > 0) out[i] = data[i]! + t * (soft[i]! - data[i]!);
  }
  return { width: w, height: h, data: out };
}
