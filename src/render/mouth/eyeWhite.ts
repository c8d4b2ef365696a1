// The colour of white in this picture, read off the whites of the eyes: the one surface on a face
// that is near white in any light, so its hue is the light's (or a painting's varnish). The teeth
// take it (layers.ts): the cheeks' hue is mostly the skin's own and was only allowed to tint the
// library teeth by 10 %, which left cold blue-white teeth in a yellow Mona Lisa.
import type { Avatar } from '../../avatar/types.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../../rig/topology.ts';
import { insidePolygon } from '../../math/polygon.ts';
import { luminance as lum } from '../../math/colour.ts';

/** Iris centre landmarks (468: one eye, 473: the other); the iris ring follows each centre. */
const IRIS = [468, 473];
/** Share of the eye's inside pixels (brightest first) taken as its white. */
const BRIGHTEST = 0.25;
/** Fewer sclera pixels than this: no reading (closed or tiny eyes). */
const MIN_PIXELS = 12;

/**
 * The mean colour of the brightest quarter of the pixels inside both eye openings, away from the
 * irises (each a disc of 1.15 iris radii), or null when the eyes show too little white.
 */
export function eyeWhite(avatar: Avatar): [number, number, number] | null {
  const tex = avatar.texture, uv = avatar.uv;
  const pt = (i: number): [number, number] => [uv[i * 2]!, uv[i * 2 + 1]!];
  const samples: [number, number, number, number][] = [];
  for (const [loop, iris] of [[EYE_L_LOOP, IRIS[1]!], [EYE_R_LOOP, IRIS[0]!]] as const) {
    const poly = loop.map(pt);
    if (uv.length < (iris + 5) * 2) continue;
    const [cx, cy] = pt(iris);
    const r = 1.15 * Math.max(...[1, 2, 3, 4].map((k) => Math.hypot(pt(iris + k)[0] - cx, pt(iris + k)[1] - cy)));
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(tex.height - 1, Math.ceil(Math.max(...ys))); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(tex.width - 1, Math.ceil(Math.max(...xs))); x++) {
        if (Math.hypot(x - cx, y - cy) < r || !insidePolygon(x, y, poly)) continue;
        const o = (y * tex.width + x) * 4;
        samples.push([lum(tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!), tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!]);
      }
    }
  }
  if (samples.length < MIN_PIXELS / BRIGHTEST) return null;
  samples.sort((a, b) => b[0] - a[0]);
  const top = samples.slice(0, Math.max(MIN_PIXELS, Math.round(BRIGHTEST * samples.length)));
  const mean = [1, 2, 3].map((k) => top.reduce((s, p) => s + p[k]!, 0) / top.length);
  return mean as [number, number, number];
}
