// A turned face's far cheek with a band of sheet detached from it (issue #15): scanning a row from
// the far border toward the nose, the first opaque run (a pale crescent: the head sheet's stretched
// soft outline) is followed by a clear gap (a dark crack on a dark plate) and then by the face. Used
// by bench/turnDetached.ts and test/turnDetached.test.ts (lp_s10 at +25: 85 of 133 rows on main at 067c05b).
import type { RgbaImage } from '../types.ts';

/** Opaque and clear, as alpha shares: a run above OPAQUE, then one below CLEAR_GAP, then above OPAQUE again. */
const OPAQUE = 0.5, CLEAR_GAP = 0.25;

/**
 * Rows from `top` to `bottom` (inclusive) of a render over a transparent background where, going from
 * the far border (image-left for a +yaw turn) toward `noseX`, an opaque run comes before a clear gap
 * and then opaque again. Returns the count and the rows scanned.
 */
export function detachedRows(img: RgbaImage, top: number, bottom: number, noseX: number, farIsLeft: boolean): { rows: number; scanned: number } {
  const { width, data } = img;
  let rows = 0, scanned = 0;
  for (let y = Math.max(0, Math.round(top)); y <= Math.min(img.height - 1, Math.round(bottom)); y++) {
    scanned++;
    const end = Math.min(width, Math.max(0, Math.round(noseX)));
    let state = 0;
    for (let k = 0; state < 3 && k < (farIsLeft ? end : width - end); k++) {
      const x = farIsLeft ? k : width - 1 - k;
      const a = data[(y * width + x) * 4 + 3]! / 255;
      if (state === 0 && a > OPAQUE) state = 1;
      else if (state === 1 && a < CLEAR_GAP) state = 2;
      else if (state === 2 && a > OPAQUE) state = 3;
    }
    if (state === 3) rows++;
  }
  return { rows, scanned };
}
