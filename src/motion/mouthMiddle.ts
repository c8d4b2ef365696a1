// The middle of a driver's mouth opening as the per-frame readings scan it (driverCavity.ts openingMiddle,
// underTeeth.ts underTeethLight): the inner-lip contour, the lips' reference light, and the pixel box of the
// columns near the opening's centre (the corners are shaded in every mouth).
import type { RgbaImage } from '../types.ts';
import { MOUTH_LOOP } from '../rig/topology.ts';
import { lipReference } from './mouthDark.ts';

/** the middle: columns within this share of the opening's half-width of its centre */
const MIDDLE = 0.35;

export interface MiddleBox {
  /** the inner-lip contour (MOUTH_LOOP) in pixels */
  poly: [number, number][];
  /** the lips' light and saturation (mouthDark.ts lipReference) */
  lipLight: number;
  lipSat: number;
  /** inclusive pixel bounds: the middle columns, the contour's rows */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The middle box of the opening, or null where it holds no pixel. `lm`: 478 landmarks in pixels, flat x, y, z. */
export function middleBox(img: RgbaImage, lm: ArrayLike<number>): MiddleBox | null {
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) / 2;
  const x0 = Math.max(0, Math.ceil(cx - MIDDLE * half)), x1 = Math.min(img.width - 1, Math.floor(cx + MIDDLE * half));
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  y0 = Math.max(0, Math.ceil(y0)); y1 = Math.min(img.height - 1, Math.floor(y1));
  return x1 >= x0 && y1 > y0 ? { poly, lipLight, lipSat, x0, x1, y0, y1 } : null;
}
