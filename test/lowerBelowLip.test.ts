// s51 lowerread51: the lower row followed under the inner-lip contour's bottom (lowerTeeth.ts BELOW_LIP, lowerRowShowBelow);
// s52 lowerrow52: on by default, and under the contour a tooth by its own test (isUnderToothPixel: a lit row blurred with the lip's red).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BELOW_LIP, isLowerToothPixel, isUnderToothPixel, lowerRowShow, lowerRowShowBelow, UNDER_TOOTH } from '../src/motion/lowerTeeth.ts';
import type { MiddleBox } from '../src/motion/mouthMiddle.ts';
import type { RgbaImage } from '../src/types.ts';

const LIP: [number, number, number] = [150, 80, 80], DARK: [number, number, number] = [30, 5, 0], TOOTH: [number, number, number] = [200, 185, 180];
type Rgb = [number, number, number];
/** a 40x40 lip-red image with a dark opening in rows 10-21 (the contour) and a pale band in rows `teeth` */
function mouth(teeth: [number, number], tooth: Rgb = TOOTH, under?: [number, Rgb]): { img: RgbaImage; box: MiddleBox } {
  const W = 40, H = 40, data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    // (`under`: rows 22 to under[0] under the contour this colour, a row blurred with the lip)
    const c = under && y >= 22 && y <= under[0] && x >= 10 && x <= 30 ? under[1] : y >= teeth[0] && y <= teeth[1] && x >= 10 && x <= 30 ? tooth : y >= 10 && y <= 21 && x >= 5 && x <= 35 ? DARK : LIP;
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

test('on by default (s52): the reading follows the row under the contour', () => {
  assert.ok(BELOW_LIP > 0 && UNDER_TOOTH);
  const { img, box } = mouth([20, 25]);
  assert.equal(lowerRowShow(img, box), lowerRowShow(img, box, undefined, true, BELOW_LIP));
  assert.ok(lowerRowShow(img, box)! > lowerRowShow(img, box, undefined, true, 0)!);
});

// a lit lower row blurred with the lip's red under the contour (pcavs741 f110: 1.3-1.6 of the lips' light, sat .34-.35 beside
// lips .46), and the lower lip itself (as saturated as the lips, or a dim wet edge no lighter than them)
const BLURRED: Rgb = [200, 145, 130], WET_LIP: Rgb = [190, 110, 105];
test('a lit row blurred with the lip is a tooth under the contour, not by the inside test; the lip is neither', () => {
  const lipLight = 0.299 * 150 + 0.587 * 80 + 0.114 * 80, lipSat = 0.47;
  assert.ok(isUnderToothPixel(...BLURRED, lipLight, lipSat) && !isLowerToothPixel(...BLURRED, lipLight, lipSat));
  assert.ok(!isUnderToothPixel(...LIP, lipLight, lipSat) && !isUnderToothPixel(...WET_LIP, lipLight, lipSat));
  // (a dim row, at the lips' light, is not followed under the contour: only the lit row is told from the lip there)
  assert.ok(!isUnderToothPixel(120, 110, 108, lipLight, lipSat));
});

test('under the contour the blurred row is followed; with the inside test alone it was not', () => {
  // (rows 20-21 teeth inside, 22-25 the blurred row under the contour)
  const { img, box } = mouth([20, 21], TOOTH, [25, BLURRED]);
  const own = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5), inside = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5, isLowerToothPixel);
  assert.ok(Math.abs(inside! - 2 / 12) < 1e-6, `inside test ${inside}`);
  assert.ok(Math.abs(own! - 6 / 16) < 1e-6, `own test ${own}`);
  // (a wet lip under the contour stops it)
  const { img: wet, box: b2 } = mouth([20, 21], TOOTH, [25, WET_LIP]);
  assert.ok(Math.abs(lowerRowShowBelow(wet, b2, isLowerToothPixel, 0.5)! - 2 / 12) < 1e-6);
});

// s53 holes53: the contour's bottom EDGE_ROWS rows told by the under-contour test too (pcavs741 f110: a white line along the
// bottom of a dark opening, in the contour's last two rows, at sat .34-.37 beside lips .46: over the inside test's .32)
test('a blurred row in the contour\'s last rows reads by the under test there (EDGE_ROWS); off, only its part under the contour', async () => {
  const { EDGE_ROWS } = await import('../src/motion/lowerTeeth.ts');
  assert.equal(EDGE_ROWS, 2);
  // (rows 20-23 the blurred row: its two last rows inside the 12-row contour, two under it)
  const { img, box } = mouth([20, 23], BLURRED);
  const off = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5, isUnderToothPixel, 0)!;
  assert.ok(Math.abs(off - 2 / 14) < 1e-6, `off ${off}`);
  const v = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5)!;
  assert.ok(Math.abs(v - 4 / 14) < 1e-6, `${v}`);
  // (only the edge rows: the same row standing 3-4 rows inside reads by the inside test alone, here none)
  const { img: up, box: b2 } = mouth([17, 19], BLURRED);
  assert.equal(lowerRowShowBelow(up, b2, isLowerToothPixel, 0.5), 0);
  // (a wet lip in those rows is no tooth)
  const { img: wet, box: b3 } = mouth([20, 23], WET_LIP);
  assert.equal(lowerRowShowBelow(wet, b3, isLowerToothPixel, 0.5), 0);
});

// s53 holes53: a row standing on the lower lip's wet band inside the contour (LIP_BAND; klob f42: her row's edge 4-5 px over
// the 28-px column's bottom, her lip's red band between)
/** a 40x40 lip-red image, the contour rows 10-21 dark, with `bands` painted over columns 10-30 (rows inclusive) */
function banded(bands: [number, number, Rgb][]): { img: RgbaImage; box: MiddleBox } {
  const { img, box } = mouth([-1, -1]);
  for (const [a, b, c] of bands) for (let y = a; y <= b; y++) for (let x = 10; x <= 30; x++) img.data.set([...c, 255], (y * 40 + x) * 4);
  return { img, box };
}
test('a row over the lower lip\'s band inside the contour reads (LIP_BAND); off, or without a gap over it, it does not', async () => {
  const { LIP_BAND } = await import('../src/motion/lowerTeeth.ts');
  assert.ok(LIP_BAND > 0.15, 'more than the lip edge columnLowerRun skips');
  // (rows 18-21: the lip's band; 16-17 the row; dark over it)
  const { img, box } = banded([[18, 21, LIP], [16, 17, TOOTH]]);
  assert.equal(lowerRowShowBelow(img, box, isLowerToothPixel, 0.5, isUnderToothPixel, 2, 0), 0);
  const v = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5)!;
  assert.ok(Math.abs(v - 2 / 12) < 1e-6, `${v}`);
  // (an upper row hanging from the top down to the band is no lower row)
  const { img: hang, box: b2 } = banded([[18, 21, LIP], [10, 17, TOOTH]]);
  assert.equal(lowerRowShowBelow(hang, b2, isLowerToothPixel, 0.5), 0);
  // (a band taller than LIP_BAND of the column is not passed: the same row over 6 rows of lip)
  const { img: tall, box: b3 } = banded([[16, 21, LIP], [14, 15, TOOTH]]);
  assert.equal(lowerRowShowBelow(tall, b3, isLowerToothPixel, 0.5), 0);
});

// s54 holes54: a row whose lit edge lies a blur pixel under the contour (UNDER_BLUR; pcavs741 f111: the contour's last pixel dark,
// one blurred pixel at the lips' light and red, then the row at 1.4-1.5 of their light, sat .34-.38)
test('a row a blur pixel under the contour is followed past it (UNDER_BLUR); off, or with no lit row under the blur, it is not', async () => {
  const { UNDER_BLUR } = await import('../src/motion/lowerTeeth.ts');
  assert.equal(UNDER_BLUR, 1);
  const BLUR: Rgb = [110, 55, 50];
  // (row 22 the blur pixel under the 12-row contour, rows 23-24 the blurred lit row, then the lip)
  const { img, box } = banded([[22, 22, BLUR], [23, 24, BLURRED]]);
  const on = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5)!, off = lowerRowShowBelow(img, box, isLowerToothPixel, 0.5, isUnderToothPixel, 2, 0.3, 0)!;
  assert.equal(off, 0);
  assert.ok(Math.abs(on - 3 / 15) < 1e-6, `on ${on}`);
  // (the lip under a blur pixel, or a blur pixel lighter than what lies under it, is no row)
  const { img: lip, box: b2 } = banded([[22, 22, BLUR]]);
  assert.equal(lowerRowShowBelow(lip, b2, isLowerToothPixel, 0.5), 0);
  // (a red pixel lighter than the row under it is the lip's lit rim, not a blur between dark and row)
  const { img: lit, box: b3 } = banded([[22, 22, [250, 150, 150]], [23, 24, BLURRED]]);
  assert.equal(lowerRowShowBelow(lit, b3, isLowerToothPixel, 0.5), 0);
});
