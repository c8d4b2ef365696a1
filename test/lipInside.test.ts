// s54 open54: the lower lip the face mesh reads as opening (motion/lipInside.ts). A blurry driver's mesh lays the inner
// lower contour inside the lower lip (infinitetalk6 f43: .186 IOD read, lips ~.10 apart); the rows of lip between the dark
// core's edge and the contour are taken off the gap, on a clip that reads them as a rule (a lit tongue comes and goes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnLipInside, clipLipInsideShare, gapLessLipInside, lipInsideSetting } from '../src/motion/lipInside.ts';
import type { RgbaImage } from '../src/types.ts';

const LIP: [number, number, number] = [200, 120, 125], DARK: [number, number, number] = [60, 25, 25], TOOTH: [number, number, number] = [235, 230, 220];
const LIP_LIGHT = 0.299 * 200 + 0.587 * 120 + 0.114 * 125, LIP_SAT = 0.4;

/** One column, 40 rows: lip to `coreFrom`, dark core to `coreTo`, then each row of `after`, then lip to the bottom. */
function column(coreFrom: number, coreTo: number, after: [number, number, number][]): RgbaImage {
  const h = 40, data = new Uint8ClampedArray(h * 4);
  const put = (y: number, c: [number, number, number]) => data.set([...c, 255], y * 4);
  for (let y = 0; y < h; y++) put(y, LIP);
  for (let y = coreFrom; y < coreTo; y++) put(y, DARK);
  after.forEach((c, k) => put(coreTo + k, c));
  return { width: 1, height: h, data };
}
const mix = (a: [number, number, number], b: [number, number, number], t: number) => a.map((v, i) => Math.round(v + (b[i]! - v) * t)) as [number, number, number];

test('the lip rows between the dark core and a contour drawn inside the lip are read', () => {
  // dark 10-14, a short ramp to the lip, lip from 16; the contour's bottom at row 25: rows 15/16..25 are lip
  const img = column(10, 15, [mix(DARK, LIP, 0.6)]);
  const n = columnLipInside(img, 0, 8, 25, LIP_LIGHT, LIP_SAT);
  assert.ok(n >= 10 && n <= 11, `read ${n}`);
  // the contour on the lip's edge: nothing inside
  assert.equal(columnLipInside(img, 0, 8, 14, LIP_LIGHT, LIP_SAT), 0);
});

test('a tooth between the dark core and the contour, or no dark core, reads nothing', () => {
  const teeth = column(10, 15, [TOOTH, TOOTH, TOOTH]);
  assert.equal(columnLipInside(teeth, 0, 8, 25, LIP_LIGHT, LIP_SAT), 0);
  const noCore = column(10, 10, []);
  assert.equal(columnLipInside(noCore, 0, 8, 25, LIP_LIGHT, LIP_SAT), 0);
});

const frames = (pairs: [number, number | null][]) => pairs.map(([lipGap, lipInside]) => ({ m: { lipGap }, lipInside }));

test('the clip corrects only when its open frames read lip inside as a rule', () => {
  // a blurry clip: most open frames read ~.4 of their gap as lip
  const blurry = frames(Array.from({ length: 20 }, (_, i) => [0.12 + 0.002 * i, i % 4 ? 0.045 : 0] as [number, number]));
  assert.ok(clipLipInsideShare(blurry) > 0.3);
  // a sharp clip with a lit tongue on a few frames
  const tongue = frames(Array.from({ length: 20 }, (_, i) => [0.2, i % 5 ? 0 : 0.09] as [number, number]));
  assert.equal(clipLipInsideShare(tongue), 0);
  // too few open frames, unread frames, or the setting off
  assert.equal(clipLipInsideShare(blurry.slice(0, 5)), 0);
  assert.equal(clipLipInsideShare(frames(Array.from({ length: 20 }, () => [0.15, null] as [number, number | null]))), 0);
  assert.equal(clipLipInsideShare(blurry, { ...lipInsideSetting, on: false }), 0);
});

test('the gap loses the lip read inside, never below the rest, and only on a correcting clip', () => {
  assert.ok(Math.abs(gapLessLipInside(0.186, 0.074, 0.3, 0.02) - 0.112) < 1e-9);
  assert.equal(gapLessLipInside(0.05, 0.045, 0.3, 0.02), 0.02);
  assert.equal(gapLessLipInside(0.015, 0.01, 0.3, 0.02), 0.015);
  assert.equal(gapLessLipInside(0.186, 0.074, 0, 0.02), 0.186);
  assert.equal(gapLessLipInside(0.186, null, 0.3, 0.02), 0.186);
});
