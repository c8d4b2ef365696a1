// A second read-back of a shut eye, without the face mesh: how much of the open eye still shows
// inside the photo's own eye contour. Inside the contour (shrunk 25 % toward its centre, so the lid
// margins and the shut eye's lash line, which lies on the lower lid line, stay out), a pixel is an
// "eye pixel" when the open render there differs from the lid skin (the shut render's median just
// above the upper contour) by more than EYE_CONTRAST; it still shows at blink 1 when the shut render
// there is nearer the open eye's colour than the lid skin's. Returns the share of eye pixels still
// showing (0 = all covered by skin-coloured lid, 1 = the open eye unchanged).
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

type Landmarks = ArrayLike<ArrayLike<number>>;
/** RGB distance above which an open-eye pixel counts as eye, not skin. */
const EYE_CONTRAST = 40;
const SHRINK = 0.75;

const rgbAt = (img: RgbaImage, x: number, y: number) => { const o = (y * img.width + x) * 4; return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!]; };
const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1] ?? 0; };

/** The share of one eye's open-eye pixels still showing in `shut` (see the file comment); NaN when the eye has no eye pixels. */
export function eyePixelsLeft(open: RgbaImage, shut: RgbaImage, lm: Landmarks, upper: number[], lower: number[], stillAt?: [number, number][]): number {
  const ring = [...upper, ...[...lower].reverse().slice(1, -1)].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length, cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const poly = ring.map(([x, y]) => [cx + SHRINK * (x - cx), cy + SHRINK * (y - cy)] as [number, number]);
  const width = Math.hypot(lm[upper[0]!]![0]! - lm[upper[upper.length - 1]!]![0]!, lm[upper[0]!]![1]! - lm[upper[upper.length - 1]!]![1]!);
  // lid skin: the shut render 0.08-0.16 eye widths above each upper-contour point
  const skin: number[][] = [];
  for (const i of upper.slice(2, -2)) for (const up of [0.08, 0.12, 0.16]) {
    const x = Math.round(lm[i]![0]!), y = Math.round(lm[i]![1]! - up * width);
    if (y >= 0 && x >= 0 && x < shut.width) skin.push(rgbAt(shut, x, y));
  }
  const lid = [0, 1, 2].map((c) => median(skin.map((p) => p[c]!)));
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  let eye = 0, still = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) {
    for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      if (x < 0 || y < 0 || x >= open.width || y >= open.height || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      const o = rgbAt(open, x, y);
      if (dist(o, lid) <= EYE_CONTRAST) continue;
      eye++;
      const s = rgbAt(shut, x, y);
      if (dist(s, o) < dist(s, lid)) { still++; stillAt?.push([x, y]); }
    }
  }
  return eye ? still / eye : NaN;
}

/** eyePixelsLeft for both eyes: left = the image-right eye (subject's left), as eval/eyes.ts eyeOpenings. */
export function eyePixelsBoth(open: RgbaImage, shut: RgbaImage, lm: Landmarks): { left: number; right: number } {
  return { left: eyePixelsLeft(open, shut, lm, EYE_L_UPPER, EYE_L_LOWER), right: eyePixelsLeft(open, shut, lm, EYE_R_UPPER, EYE_R_LOWER) };
}
