// How far down a driver's opening its upper row of teeth hangs, per video frame (issue #13/#14, grin33). The renderer
// cut its library row to a depth guessed from the driver's teeth share (render/mouth/driverTeeth.ts DEPTH_PER_SHARE,
// tuned on an adult's soft smile), and a child's small upper teeth in a tall "eh"/"oh" (lp_d11 f98: share .22, its row
// about a quarter of the opening's height) became a row half as tall as the opening: a grin's band of teeth on the Mona
// Lisa. Read down the opening's middle columns: where the first run of teeth ends, over the column's height.
import type { RgbaImage } from '../types.ts';
import { isTeethPixel } from './mouthDark.ts';
import { insideSpan, medianColumnReading, type MiddleAt, type ToothTest } from './mouthMiddle.ts';
import { smoothstep } from '../math/smooth.ts';

/** a column counts from this many pixels inside the contour, and the reading from MIN_COLUMNS such columns */
const MIN_HEIGHT = 4, MIN_COLUMNS = 3;
/** a column's first teeth pixel must lie in the upper part of its height (this share): teeth lower down are the lower row's */
const UPPER_START = 0.5;

/** The median over one column's pixels top to bottom (NaN outside the contour, 1 teeth, 0 not): the row's depth over the height, or null. */
export function columnDepth(inside: ArrayLike<number>): number | null {
  const span = insideSpan(inside, MIN_HEIGHT);
  if (!span) return null;
  const { top, bottom, height } = span;
  let r = top;
  while (r <= bottom && inside[r] !== 1) r++;
  if (r > bottom || r - top > UPPER_START * height) return 0;
  while (r <= bottom && inside[r] === 1) r++;
  return (r - top) / height;
}

/**
 * The upper row's depth in the driver's opening: over the middle columns (mouthMiddle.ts), the median share of each
 * column's height, from the inner lip down, that its first run of teeth (isTeethPixel) covers; 0 where no teeth hang
 * from the upper lip; null with too few columns (lips shut). `isTooth`: the pixel test (default the tracker's). `where`: 478 landmarks in pixels, flat x, y, z, or their middle box (mouthMiddle.ts MiddleAt).
 */
export function upperRowDepth(img: RgbaImage, where: MiddleAt, isTooth: ToothTest = isTeethPixel): number | null {
  return medianColumnReading(img, where, isTooth, columnDepth, MIN_COLUMNS);
}

/**
 * The driver's lip gap (IOD) up to which its measured row depth is not used (the renderer's row keeps the teeth share's
 * guess), and from which it is used whole. A soft smile's speech slit (lp_d10 f130-f191: gap .10-.12) shows its upper
 * row lip to lip, and the reading there (.41-.59) cut lp_s5's row to a grey sliver (critic33); the tall vowels the cap is
 * for (lp_d11 f98-f170: gap .20-.33) are past TALL_GAP.
 */
const SLIT_GAP = 0.13, TALL_GAP = 0.18;

/** The row depth the renderer's cap may use at a driver lip gap (measures.ts lipGap, IOD): the reading toward 1 (no cap) in a slit. */
export function depthAtGap(depth: number, lipGap: number | undefined): number {
  if (lipGap === undefined || !Number.isFinite(lipGap)) return depth;
  const trusted = smoothstep(SLIT_GAP, TALL_GAP, lipGap);
  return 1 - trusted * (1 - depth);
}
