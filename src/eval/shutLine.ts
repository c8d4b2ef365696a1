// The lash line's darkness on a rendered shut or closing eye (wink42; the measure of bench/shutLashLine.ts): per eye
// in the eye frame from the corners, columns u .3-.7, the darkest luma within v -.08..+.15 of the corners' line over
// the lid skin's above it (median luma, v -.25..-.12); the median over the columns. Real shut eyes read .34.
import { luminance } from '../math/colour.ts';
import type { RgbaImage } from '../types.ts';

type Lm = ArrayLike<ArrayLike<number>>;
/** The eyes' corner landmarks, image-left eye first. */
export const EYE_CORNERS = [[33, 133], [263, 362]] as const;
const U0 = 0.3, U1 = 0.7, V_LINE = [-0.08, 0.15] as const, V_SKIN = [-0.25, -0.12] as const, DV = 0.005;

/** Bilinear RGB at (x, y). */
export function rgbAt(img: RgbaImage, x: number, y: number): [number, number, number] {
  const x0 = Math.max(0, Math.min(img.width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(img.height - 2, Math.floor(y)));
  const fx = Math.min(1, Math.max(0, x - x0)), fy = Math.min(1, Math.max(0, y - y0));
  const out: [number, number, number] = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    const p = (xx: number, yy: number) => img.data[(yy * img.width + xx) * 4 + ch]!;
    out[ch] = (1 - fy) * ((1 - fx) * p(x0, y0) + fx * p(x0 + 1, y0)) + fy * ((1 - fx) * p(x0, y0 + 1) + fx * p(x0 + 1, y0 + 1));
  }
  return out;
}
export const median = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** One eye's frame: (u, v) -> the image's RGB there, v down toward the cheek, in eye widths. */
export function eyeSampler(img: RgbaImage, lm: Lm, o: number, n: number): (u: number, v: number) => [number, number, number] {
  const a = lm[o]!, b = lm[n]!;
  const ux = b[0]! - a[0]!, uy = b[1]! - a[1]!;
  let vx = -uy, vy = ux;
  if (vy < 0) { vx = -vx; vy = -vy; }
  return (u, v) => rgbAt(img, a[0]! + u * ux + v * vx, a[1]! + u * uy + v * vy);
}

/** Per eye (image-left, image-right): the lash line's luma over the lid skin's (see the head comment). */
export function lashLineDark(img: RgbaImage, lm: Lm): [number, number] {
  const out = EYE_CORNERS.map(([o, n]) => {
    const at = eyeSampler(img, lm, o, n);
    const lum = (u: number, v: number) => { const c = at(u, v); return luminance(c[0], c[1], c[2]); };
    const darks: number[] = [];
    for (let u = U0; u <= U1 + 1e-6; u += 0.02) {
      const skin = median(Array.from({ length: Math.round((V_SKIN[1] - V_SKIN[0]) / DV) + 1 }, (_, i) => lum(u, V_SKIN[0] + i * DV)));
      let best = Infinity;
      for (let v = V_LINE[0]; v <= V_LINE[1]; v += DV) best = Math.min(best, lum(u, v));
      if (skin > 0) darks.push(best / skin);
    }
    return median(darks);
  });
  return [out[0]!, out[1]!];
}
