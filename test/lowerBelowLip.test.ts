// s51 lowerread51: the lower row followed under the inner-lip contour's bottom (lowerTeeth.ts BELOW_LIP, lowerRowShowBelow).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BELOW_LIP, lowerRowShow } from '../src/motion/lowerTeeth.ts';
import type { MiddleBox } from '../src/motion/mouthMiddle.ts';
import type { RgbaImage } from '../src/types.ts';

const LIP: [number, number, number] = [150, 80, 80], DARK: [number, number, number] = [30, 5, 0], TOOTH: [number, number, number] = [200, 185, 180];
/** a 40x40 lip-red image with a dark opening in rows 10-21 (the contour) and a pale band in rows `teeth` */
function mouth(teeth: [number, number]): { img: RgbaImage; box: MiddleBox } {
  const W = 40, H = 40, data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const c = y >= teeth[0] && y <= teeth[1] && x >= 10 && x <= 30 ? TOOTH : y >= 10 && y <= 21 && x >= 5 && x <= 35 ? DARK : LIP;
    data.set([...c, 255], (y * W + x) * 4);
  }
  const poly: [number, number][] = [[5, 10], [35, 10], [35, 21.5], [5, 21.5]];
  return { img: { width: W, height: H, data } as unknown as RgbaImage, box: { poly, lipLight: 0.299 * 150 + 0.587 * 80 + 0.114 * 80, lipSat: 0.47, tongueFrom: Infinity, x0: 15, x1: 25, y0: 10, y1: 21 } };
}

test('a lower row the contour cuts reads more of the opening when followed under the contour', () => {
  // (rows 20-25 teeth: 2 inside the 12-row contour, 4 under it)
  const { img, box } = mouth([20, 25]);
  const inside = lowerRowShow(img, box, undefined, true, 0)!, below = lowerRowShow(img, box, undefined, true, 0.5);
  assert.ok(Math.abs(inside - 2 / 12) < 1e-6, `inside only ${inside}`);
  assert.ok(below !== null && Math.abs(below - 6 / 16) < 1e-6, `followed ${below}`);
});

test('the lip under an opening with no lower row is not followed', () => {
  const { img, box } = mouth([-1, -1]);
  assert.equal(lowerRowShow(img, box, undefined, true, 0.5), 0);
});

test('a row wholly under the contour, first pixel under it a tooth, is followed; the cap holds', () => {
  const { img, box } = mouth([22, 35]);
  const v = lowerRowShow(img, box, undefined, true, 0.5)!;
  // (6 rows followed at most: .5 of 12)
  assert.ok(Math.abs(v - 6 / 18) < 1e-6, `${v}`);
});

test('off by default: the reading is the one before s51', () => {
  assert.equal(BELOW_LIP, 0);
  const { img, box } = mouth([20, 25]);
  assert.equal(lowerRowShow(img, box), lowerRowShow(img, box, undefined, true, 0));
});
