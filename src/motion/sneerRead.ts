// sneer46: a driver's mouth opening read per side off its pixels (issue #13/#14). lp_d6's one-sided sneer (f120-136: the
// upper lip raised on image left, her teeth showing there, the image-right half a thin dark slit) and her bite (f64: the
// upper teeth on the lower lip at image left) are in her pixels, not her landmarks: the face mesh's inner lips regularise a
// one-sided opening into an even slit (docs/mouth s45 bite45: gap L-R by the mesh |.009| at f120; never past .030 on all
// 840 frames), so motion/lipSides.ts, reading landmarks, carries none of it. Here every pixel inside the OUTER lip line
// (the inner line is the one that is regularised) is read in the mouth's own frame (the corners' axis), and each side
// band's teeth and dark opening are measured as heights (area over the band's width, IOD) and the opening's top over the
// corners' line. Sides are [image left, image right].
import type { RgbaImage } from '../types.ts';
import { LIPS_INNER_LOWER, LIPS_OUTER_UPPER } from '../rig/topology.ts';
import { isTeethPixel, lipReference } from './mouthDark.ts';
import { DARK_OF_LIP } from './driverCavity.ts';
import { rowCrossings } from '../math/polygon.ts';

/** One frame's per-side opening, IOD. Sides are [image left, image right]. */
export interface SidePixels {
  /** the teeth's mean height over the side band (teeth pixels over the band's width) */
  teeth: [number, number];
  /** the dark opening's mean height (pixels under DARK_OF_LIP of the lips' light) */
  dark: [number, number];
  /** the opening's (teeth or dark) top above the corners' line, mean over the band's columns that hold any (NaN: none) */
  top: [number, number];
}

/** Each side band spans this share of the half width out from the corners' midpoint (the middle column and the shaded corners left out). */
export const SIDE_SPAN: readonly [number, number] = [0.12, 0.8];
/**
 * The region read: over the OUTER upper lip line (corner to corner) and back under the INNER lower lip line (which the
 * mesh tracks: bite45), so a raised upper lip's teeth count and the lower lip's highlights (Katie's wet red lower lip
 * passes the teeth test) do not.
 */
const READ_LOOP = [...LIPS_OUTER_UPPER, ...[...LIPS_INNER_LOWER].reverse()];
/** a mouth narrower than this many pixels is not read */
const MIN_HALF_WIDTH = 6;

/**
 * The per-side opening of a face's mouth in `img`; `lm` the 478 landmarks in its pixels, flat x, y, z. Null where the
 * mouth is too small to read. The mouth's frame: origin the corners' (61, 291) midpoint, u along the corners' axis (half
 * width 1), v across it (down +, pixels).
 */
export function lipSidePixels(img: RgbaImage, lm: ArrayLike<number>): SidePixels | null {
  const P = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number];
  const [ax, ay] = P(61), [bx, by] = P(291);
  const half = Math.hypot(bx - ax, by - ay) / 2;
  const iod = Math.hypot(lm[263 * 3]! - lm[33 * 3]!, lm[263 * 3 + 1]! - lm[33 * 3 + 1]!);
  if (!(half >= MIN_HALF_WIDTH) || !(iod > 0)) return null;
  const ox = (ax + bx) / 2, oy = (ay + by) / 2, ex = (bx - ax) / (2 * half), ey = (by - ay) / (2 * half);
  const poly = READ_LOOP.map(P);
  const { light, sat } = lipReference(img, lm);
  if (!(light > 0)) return null;
  // per side: teeth and dark pixel counts; per column (1 px along u) the opening's least v
  const cols = Math.ceil(half) + 1;
  const topOf = [new Float64Array(cols).fill(Infinity), new Float64Array(cols).fill(Infinity)];
  const teeth = [0, 0], dark = [0, 0];
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const xs: number[] = [], d = img.data;
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x <= Math.min(img.width - 1, xs[k + 1]!); x++) {
        const du = (x - ox) * ex + (y - oy) * ey, v = -(x - ox) * ey + (y - oy) * ex, u = Math.abs(du) / half;
        if (u < SIDE_SPAN[0] || u > SIDE_SPAN[1]) continue;
        const s = du < 0 ? 0 : 1, i = (y * img.width + x) * 4;
        const r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
        const isTeeth = isTeethPixel(r, g, b, light, sat), isDark = !isTeeth && 0.299 * r + 0.587 * g + 0.114 * b < DARK_OF_LIP * light;
        if (!isTeeth && !isDark) continue;
        if (isTeeth) teeth[s]!++; else dark[s]!++;
        const c = Math.min(cols - 1, Math.round(Math.abs(du)));
        if (v < topOf[s]![c]!) topOf[s]![c] = v;
      }
  }
  const bandPx = (SIDE_SPAN[1] - SIDE_SPAN[0]) * half;
  const top = topOf.map((t) => { const open = Array.from(t).filter(Number.isFinite); return open.length ? -open.reduce((a, b) => a + b, 0) / open.length / iod : NaN; });
  const h = (n: number) => n / bandPx / iod;
  return { teeth: [h(teeth[0]!), h(teeth[1]!)], dark: [h(dark[0]!), h(dark[1]!)], top: [top[0]!, top[1]!] };
}
