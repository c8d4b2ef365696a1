// The photo's mouth corners (commissures) as the lips part. A closed or barely parted photo has a
// dark notch at each corner; the skin and lip triangles round the corners keep it in their texture
// and, once the mouth opens and widens, it shows as a dark wedge beside each corner of the opening
// (lp_s2, lp_s42 at small openings), outside the mouth fan where the shader cannot reach it.
// The corner discs of the working texture are lifted toward the light of their brighter half as the
// mouth opens past the photo's own gap (the rest frame keeps the photo as it is).
import { luminance as lum } from '../../math/colour.ts';
import { TextureLift } from './textureLift.ts';
import { DUSK, underLowerLipEnd } from './cornerDusk.ts';

/** Corner disc radius, in inter-ocular distances, round each outer lip corner. */
const CORNER_RADIUS = 0.08;
/** Pixels darker than this share of the disc's bright-half light are the notch, lifted to it (the lip's own shade is lighter). */
const DARK = 0.7;
const OUTER_CORNERS = [61, 291] as const;
/**
 * The commissure itself (within COMMISSURE_KEEP IOD of the corner, lifted fully from twice that) keeps
 * its photo dark: lifted whole, an open mouth's corners had no dark point, and the face mesh read the
 * mouth narrower and lower-cornered than its mesh (lp_s2 jaw 0.5 + smile 0.6: mesh width 0.61 IOD,
 * read 0.56; st_art_1 smile 0.6 0.67 -> 0.61; bench/grinMesh.ts). Kept whole, lp_s2 showed a black
 * square at each corner at 3x; the kept point is a small dark dot, as a real commissure.
 */
const COMMISSURE_KEEP = 0.015;
// In an "O" (the corners drawn in by the pucker) the kept dot is lifted too: the stretched skin
// round the corner drew it as a dark whisker past each end of the O (lp_s42 <- lp_d6 f190-192,
// ohole24), and the face mesh read the O wider than its lips (.38 IOD against a mesh .29).
/** The share of the notch's lift a pixel `dist` IOD from the corner takes. */
export function commissureLift(dist: number): number {
  return Math.min(1, Math.max(0, dist / COMMISSURE_KEEP - 1));
}

/**
 * How far the kept commissure dot is lifted too (TextureLift's `o`, toward weightO): in an O, and in an
 * opening without a smile (session 27, lip27: the open corner's triangles sample the dot and the photo's
 * slit past it, stretched over the corner wedge: a dark stipple outside mt_man's image-left corner in
 * every speech opening; the opening's own dark is the corner there). A grin keeps it (grinRendered).
 */
export function commissureDotLift(oInside: number, smileLight: number): number {
  return Math.min(1, Math.max(0, oInside, 1 - smileLight));
}

export class CornerSkin extends TextureLift {
  /** data: the renderer's working texture (RGBA, width x height), changed in place by update(). */
  constructor(data: Uint8ClampedArray, width: number, height: number, landmarkXY: (i: number) => [number, number], iod: number) {
    const pixels: number[] = [], weight: number[] = [], weightO: number[] = [], lifted: number[] = [];
    const R = Math.max(2, CORNER_RADIUS * iod);
    for (const c of OUTER_CORNERS) {
      const [cx, cy] = landmarkXY(c);
      // (under the lower lip's end the photo's dusk is lifted too: cornerDusk.ts)
      const other = landmarkXY(c === 61 ? 291 : 61), lowerLip = landmarkXY(c === 61 ? 91 : 321), chin = landmarkXY(17);
      const disc: number[] = [];
      for (let y = Math.max(0, Math.floor(cy - R)); y <= Math.min(height - 1, Math.ceil(cy + R)); y++) {
        for (let x = Math.max(0, Math.floor(cx - R)); x <= Math.min(width - 1, Math.ceil(cx + R)); x++) {
          if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= R * R) disc.push(y * width + x);
        }
      }
      // the notch is blended toward the colour of the disc's light pixels (lip and skin round it)
      // until it reaches DARK of their light: a gain on its own colour made a saturated red dot
      const [ref, refColour] = lightPixels(data, disc);
      for (const p of disc) {
        const o = p * 4, L = lum(data[o]!, data[o + 1]!, data[o + 2]!);
        const x = p % width, y = (p - x) / width;
        const dark = L < DUSK * ref && underLowerLipEnd(x + 0.5, y + 0.5, [cx, cy], other, lowerLip, chin) ? DUSK : DARK;
        if (L >= dark * ref) continue;
        const r2 = ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) / (R * R);
        const t = (dark * ref - L) / Math.max(1, ref - L);
        pixels.push(p);
        weight.push((1 - r2) ** 2 * commissureLift(Math.sqrt(r2) * R / iod));
        weightO.push((1 - r2) ** 2);
        for (let ch = 0; ch < 3; ch++) lifted.push(data[o + ch]! + (refColour[ch]! - data[o + ch]!) * t);
      }
    }
    super(data, Int32Array.from(pixels), Uint8ClampedArray.from(lifted), Float32Array.from(weight), Float32Array.from(weightO));
  }
}

/** The 75th percentile luminance of the pixels and the mean colour of those at or above it (the lip and skin round the notch). */
function lightPixels(data: Uint8ClampedArray, pixels: number[]): [number, [number, number, number]] {
  const ls = pixels.map((p) => lum(data[p * 4]!, data[p * 4 + 1]!, data[p * 4 + 2]!));
  const sorted = [...ls].sort((a, b) => a - b);
  const ref = sorted.length ? sorted[Math.floor(0.75 * (sorted.length - 1))]! : 0;
  const c: [number, number, number] = [0, 0, 0];
  let n = 0;
  pixels.forEach((p, k) => { if (ls[k]! >= ref) { for (let ch = 0; ch < 3; ch++) c[ch] += data[p * 4 + ch]!; n++; } });
  return [ref, c.map((v) => v / Math.max(1, n)) as [number, number, number]];
}
