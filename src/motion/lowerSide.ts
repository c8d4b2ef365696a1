// The driver's lower row read beside the middle (issue #13, lowrow37). lowerTeeth.ts reads the middle columns of the opening
// (mouthMiddle.ts, within .35 of its half width): where the tongue lies over the lower incisors and the lower teeth show to
// one side of it (lp_d6 f59-f64: her tongue out, lower teeth at its image-left side), the middle reads none, and lp_s42
// showed no lower row where lp_d6 shows hers. Here the same column run (lowerTeeth.ts columnLowerRun) is read in a band on
// each side of the middle, and the side that shows more is taken.
import type { RgbaImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { columnLowerRun, isLowerToothPixel, lowerRowBox, THROUGH_PALE, whiteToothSat, withWhite } from './lowerTeeth.ts';
import type { EyeWhite } from './eyeWhiteRef.ts';
import { insideSpan, medianColumnReading, type MiddleAt, type ToothTest } from './mouthMiddle.ts';

/** each side's band: from this share of the opening's half width out from its centre to the next (the corners are shaded) */
export const SIDE_BAND: readonly [number, number] = [0.3, 0.7];
/** a side reads from this many columns (a narrow band at a small opening) */
const MIN_SIDE_COLUMNS = 3;

/** The pixel columns [x0, x1] of the side bands left and right of the opening's centre `cx`, half width `half`, clipped to the image. */
export function sideBands(cx: number, half: number, width: number): [number, number][] {
  const [a, b] = SIDE_BAND;
  return [
    [Math.max(0, Math.ceil(cx - b * half)), Math.min(width - 1, Math.floor(cx - a * half))],
    [Math.max(0, Math.ceil(cx + a * half)), Math.min(width - 1, Math.floor(cx + b * half))],
  ];
}

/** the least gap (share of the column's height, at least 2 px) of non-teeth between a side run and any teeth above it */
const SEPARATE = 0.15;

/**
 * A side column's lower run (lowerTeeth.ts columnLowerRun), counted only where a gap of non-teeth (SEPARATE) parts it from
 * any teeth above: toward the corners at a small parting the upper row's side teeth reach down to the lower lip (lp_d6
 * f120-f140, a lit upper row and no lower teeth read .08-.10 IOD as a run from the lip), and a run reaching the top is a bite.
 */
export function columnSeparateLowerRun(inside: ArrayLike<number>): number | null {
  const run = columnLowerRun(inside);
  if (!run) return run;
  const span = insideSpan(inside, 1)!;
  // (the run's top: up from the bottom past the lip edge lowerTeeth.ts skips, then the teeth)
  let r = span.bottom;
  while (r >= span.top && inside[r] !== 1) r--;
  while (r >= span.top && inside[r] === 1) r--;
  const need = Math.max(2, Math.round(SEPARATE * span.height));
  for (let k = 0; k < need; k++) if (r - k < span.top || inside[r - k] === 1) return 0;
  return run;
}

/**
 * The lower row's show beside the middle: each side band's median run of lower teeth standing on the lower lip (px, a
 * separate run: columnSeparateLowerRun), over the middle columns' median height, so that it reads on the scale of
 * lowerTeeth.ts lowerRowShow (its share of the middle's height: the opening is a lens, its side columns shorter); the larger
 * side; null where neither side reads. `where`: 478 landmarks in pixels (flat x, y, z) or their middle box; `white`: the frame's eye
 * white, a second grey reference as in the middle (lowerTeeth.ts whiteRefSetting).
 */
export function lowerSideShow(img: RgbaImage, where: MiddleAt, isTooth_: ToothTest = isLowerToothPixel, throughPale = THROUGH_PALE, white: EyeWhite | null = null): number | null {
  // (through the pale-tongue rows as the middle is read: lowerTeeth.ts THROUGH_PALE)
  const box = lowerRowBox(img, where, throughPale);
  if (!box) return null;
  const isTooth = withWhite(isTooth_, 1, whiteToothSat(white, box.lipLight, box.lipSat));
  const height = (c: ArrayLike<number>) => insideSpan(c, 1)?.height ?? null;
  const middle = medianColumnReading(img, box, isTooth, height, MIN_SIDE_COLUMNS);
  if (!middle) return null;
  // (the middle box's own columns are centred on the opening: its centre and half width from them)
  const cx = (box.x0 + box.x1) / 2, half = (box.x1 - box.x0) / (2 * MIDDLE_OF_BOX);
  const runPx = (c: ArrayLike<number>) => { const run = columnSeparateLowerRun(c); return run === null ? null : run * height(c)!; };
  let best: number | null = null;
  for (const [x0, x1] of sideBands(cx, half, img.width)) {
    if (x1 < x0) continue;
    const v = medianColumnReading(img, { ...box, x0, x1 }, isTooth, runPx, MIN_SIDE_COLUMNS);
    if (v !== null && (best === null || v / middle > best)) best = v / middle;
  }
  return best;
}

/**
 * The driver's lower row shown in the middle or, where the tongue hides the middle's, beside it: the larger reading (null:
 * neither reads). The side stands in only as far as the driver bares an upper row in the middle (`upperDepth`, teethDepth.ts:
 * how far down the middle its upper row hangs, over the opening's height): with her upper lip over her upper row and a tongue
 * in the opening (lp_d6 f163-f171, depth 0) the library's whole lower row drawn across read as a line of beads along the lip.
 */
export function lowerShowWithSides(middle: number | null, side: number | null, upperDepth: number | null | undefined): number | null {
  const bared = smoothstep(0, BARED_DEPTH, upperDepth ?? 0);
  if (side === null || !bared) return middle;
  const stood = side * bared;
  return middle === null ? stood : Math.max(middle, stood);
}
/** the upper row's depth down the middle (share of the opening's height) from which the side reading counts in full */
const BARED_DEPTH = 0.1;
/** mouthMiddle.ts MIDDLE: the middle box spans this share of the half width each side of the centre */
const MIDDLE_OF_BOX = 0.35;
