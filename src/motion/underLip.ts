// The lip gap the face mesh misses under its inner lower-lip contour (issue #13, s52 slitopen52). On an old man's thin
// lips the mesh lays the inner lower contour on the top of his lower row (reagan_6 f101/f121/f133): the lip gap reads
// .047-.051 IOD where his lips stand .08 apart with a grey row between the dark slit and the lower lip, and the video
// motion's jawOpen (gap over the rest, measures.ts / restFace.ts) drew a 2-3 px slit with no room for the row. Read down
// each middle column from the contour's bottom: the run of lower-tooth pixels straight under it (lowerTeeth.ts
// isUnderToothPixel, the test that tells a tooth from the lower lip under the contour) is opening the mesh missed.
import type { RgbaImage } from '../types.ts';
import { isUnderToothPixel } from './lowerTeeth.ts';
import { saturation } from '../math/colour.ts';
import { forEachMiddlePixel, type MiddleBox } from './mouthMiddle.ts';
import { sortedMedian } from '../math/stats.ts';

export const underLipSetting = {
  /** the video path's jawOpen counts the rows read under the contour (measuredChannels.ts; false: the mesh's gap alone, as before s52) */
  on: true,
  /** the most one frame adds (IOD): about a lower row's height (reagan f96 .057; a pale lower lip must not run on into the chin) */
  most: 0.06,
};

/**
 * A tooth here is also greyer than this whatever the lips: a saturated lipstick's lit wet lower lip passes isUnderToothPixel's
 * share of the lips' saturation (Katie f152-153: her pale lower lip under the upper row at 1.35-1.6 of the lips' light, sat
 * .50-.56 beside lips .70-.75, read .065 IOD of opening in a bite); the rows it must keep read .26-.39 (Katie f2/f43/f76/f146's
 * lower rows, reagan f96-f133's grey row .30-.37 beside lips .46).
 */
const TOOTH_SAT_MOST = 0.4;

/** the reading needs this many middle columns under the contour */
const MIN_COLUMNS = 3;

/**
 * The median over the middle columns of the tooth rows straight under the inner-lip contour's bottom, in pixels (0: the
 * lower lip lies right under the contour, as it should; null: no middle box). A column whose first pixel under the
 * contour is not a tooth counts 0, so a row standing under only a few columns does not open the mouth.
 */
export function underLipRows(img: RgbaImage, box: MiddleBox | null, most = Infinity): number | null {
  if (!box || !(box.lipLight > 0)) return null;
  const { x0, x1, lipLight, lipSat } = box, w = x1 - x0 + 1, bottom = new Int32Array(w).fill(-1), d = img.data;
  forEachMiddlePixel(box, img, (q) => {
    const c = q % w, y = box.y0 + Math.floor(q / w);
    if (y > bottom[c]!) bottom[c] = y;
  });
  const runs: number[] = [];
  for (let c = 0; c < w; c++) {
    if (bottom[c]! < 0) continue;
    let n = 0;
    for (let y = bottom[c]! + 1; y < img.height && n < most; y++, n++) {
      const i = (y * img.width + x0 + c) * 4;
      if (!isUnderToothPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat) || saturation(d[i]!, d[i + 1]!, d[i + 2]!) >= TOOTH_SAT_MOST) break;
    }
    runs.push(n);
  }
  if (runs.length < MIN_COLUMNS) return null;
  return sortedMedian(runs);
}

/** The gap the driver's lips stand apart (IOD): the mesh's lip gap and the rows read under its contour (`under`, IOD), at most `most`. */
export function seenLipGap(lipGap: number, under: number | null | undefined, most = underLipSetting.most): number {
  return lipGap + (underLipSetting.on && under != null && Number.isFinite(under) ? Math.min(most, Math.max(0, under)) : 0);
}
