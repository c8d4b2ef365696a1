// An eye's opening read from its pixels, not from the face mesh's lid points (which read Katie's shut
// eye at .50 open, expr26): between the eye's corners (landmarks the mesh places well even when it
// misreads the lids), the middle columns of the eye are sampled across the corner line; a sample is
// "eye" (white, iris, lash line) when its colour is far from the skin's (the median of the skin just
// above the lid and just under the lower lid). Per column the eye's height is the count of eye samples;
// the reading is the columns' median over the eye's width. A shut eye keeps only its lash line.
import type { RgbaImage } from '../src/types.ts';

/** RGB distance from the skin's median above which a sample is eye, not skin. */
const EYE_CONTRAST = 45;
/** Columns across the eye, as shares of the corner-to-corner line (the iris and the lids' highest arc). */
const COLUMNS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
/** The sampled band across the corner line (eye widths; negative = up) and the skin bands' offsets. */
const BAND: [number, number] = [-0.42, 0.32];
const SKIN_UP: [number, number] = [-0.58, -0.48], SKIN_DOWN: [number, number] = [0.38, 0.48];

function rgbAt(img: RgbaImage, x: number, y: number): [number, number, number] {
  const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
  const o = (yi * img.width + xi) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1] ?? 0; };

/** One eye's opening in eye widths, corners (x, y) a and b (image pixels). */
export function eyePatchOpening(img: RgbaImage, a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0], dy = b[1] - a[1], width = Math.hypot(dx, dy);
  if (width < 4) return NaN;
  // the normal that points up the image
  let nx = dy / width, ny = -dx / width;
  if (ny > 0) { nx = -nx; ny = -ny; }
  const at = (u: number, t: number) => rgbAt(img, a[0] + u * dx - t * width * nx, a[1] + u * dy - t * width * ny);
  const step = 1 / width; // one pixel
  const skin: [number, number, number][] = [];
  for (const u of COLUMNS) for (const [lo, hi] of [SKIN_UP, SKIN_DOWN]) for (let t = lo; t <= hi; t += step) skin.push(at(u, t));
  const ref = [0, 1, 2].map((c) => median(skin.map((p) => p[c]!)));
  const heights = COLUMNS.map((u) => {
    let n = 0;
    for (let t = BAND[0]; t <= BAND[1]; t += step) {
      const p = at(u, t);
      if (Math.hypot(p[0] - ref[0]!, p[1] - ref[1]!, p[2] - ref[2]!) > EYE_CONTRAST) n++;
    }
    return n * step;
  });
  return median(heights);
}

/** Both eyes' eyePatchOpening from flat x, y, z landmarks: [subject's left (263-362), right (33-133)]. */
export function eyePatchOpenings(img: RgbaImage, lm: ArrayLike<number>): [number, number] {
  const p = (i: number): [number, number] => [lm[i * 3]!, lm[i * 3 + 1]!];
  return [eyePatchOpening(img, p(362), p(263)), eyePatchOpening(img, p(133), p(33))];
}
