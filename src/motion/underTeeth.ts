// What a driver's opening shows under its upper teeth, per video frame (issue #13, teethline30). The
// teeth share (mouthDark.ts teethShare) counts only bright, pale pixels, so a soft smile whose upper
// row ends over a dark band (lp_d10 f130-f183: a red-purple band at .5 of the lips' light) and a
// clenched mouth whose dim lower row fills the rest (lp_d11 f148-f154: lower teeth at the lips' light,
// too dim to count) read alike (.22-.32): the renderer cut its upper row short over a dark cavity in
// both, a hard dark line under lp_s9's teeth (critic28). Read down the opening's middle columns, the
// light under the upper row's run of teeth tells them apart.
import type { RgbaImage } from '../types.ts';
import { isTeethPixel } from './mouthDark.ts';
import { forEachMiddlePixel, middleOf, type MiddleAt } from './mouthMiddle.ts';
import { luma601At } from '../math/colour.ts';

/** a column is read when its upper run of teeth ends at least this many pixels over its bottom, and from MIN_COLUMNS columns */
const MIN_UNDER = 2, MIN_COLUMNS = 3;
/** the share of those pixels darker than the light read: the dark part of what lies under the row (a dark band over a lit lower row reads dark; the median read lp_d11 f122's .49 band over its lower row as 1.06) */
const UNDER_QUANTILE = 0.1;

/**
 * The luminance of the darker tenth (UNDER_QUANTILE), over the lips' (mouthDark.ts lipReference), of the pixels inside the inner
 * lip contour under each middle column's first run of teeth (from its last teeth pixel down to the
 * contour's bottom: a dark band, a tongue, the lower row, the lower lip's inner edge); null where
 * too few columns show teeth with something under them. `where`: 478 landmarks in pixels, flat x, y, z, or their middle box (mouthMiddle.ts MiddleAt).
 */
export function underTeethLight(img: RgbaImage, where: MiddleAt, quantile = UNDER_QUANTILE): number | null {
  const box = middleOf(img, where);
  if (!box || !(box.lipLight > 0)) return null;
  const { lipLight, lipSat, x0, x1, y0, y1 } = box;
  // per middle column, top to bottom: its pixels' light (NaN outside the contour) and whether each is teeth
  const w = x1 - x0 + 1, h = y1 - y0 + 1, light = new Float32Array(w * h).fill(NaN), teeth = new Uint8Array(w * h);
  const d = img.data;
  forEachMiddlePixel(box, img, (q, i, tongue) => {
    light[q] = luma601At(d, i) / lipLight;
    teeth[q] = !tongue && isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat) ? 1 : 0;
  });
  const under: number[] = [];
  let columns = 0;
  for (let c = 0; c < w; c++) {
    let r = 0, bottom = -1;
    for (let k = 0; k < h; k++) if (light[k * w + c] === light[k * w + c]) bottom = k;
    while (r <= bottom && !teeth[r * w + c]) r++;
    while (r <= bottom && teeth[r * w + c]) r++;
    if (bottom - r + 1 < MIN_UNDER) continue;
    columns++;
    for (; r <= bottom; r++) { const l = light[r * w + c]!; if (l === l) under.push(l); }
  }
  if (columns < MIN_COLUMNS) return null;
  under.sort((a, b) => a - b);
  const at = quantile * (under.length - 1), k = Math.floor(at);
  return under[k]! + ((under[Math.min(under.length - 1, k + 1)] ?? under[k]!) - under[k]!) * (at - k);
}
