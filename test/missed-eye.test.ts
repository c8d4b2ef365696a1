// The missed-eye check of the analysis (src/analyze/eyes.ts) on a drawn face: skin, two painted
// eyes (sclera + dark iris), and landmarks that put one eye 0.79 eye widths below its painted place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctMissedEyes } from '../src/analyze/eyes.ts';
import { LEFT_EYE, RIGHT_EYE } from '../src/analyze/landmarks.ts';
import type { RgbaImage } from '../src/types.ts';

type Landmark = [number, number, number];
const SIZE = 200;

/** Skin with painted eyes at the given centres (sclera ellipse 14 x 6 px half-axes, iris radius 5). */
function paintedFace(eyes: [number, number][]): RgbaImage {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let rgb = [220, 190, 170];
      for (const [cx, cy] of eyes) {
        if (((x - cx) / 14) ** 2 + ((y - cy) / 6) ** 2 <= 1) rgb = [240, 238, 235];
        if (Math.hypot(x - cx, y - cy) <= 5) rgb = [60, 45, 35];
      }
      data.set([...rgb, 255], (y * SIZE + x) * 4);
    }
  }
  return { width: SIZE, height: SIZE, data };
}

/** 478 landmarks: an eye (corners, lid contour, iris ring) at each given centre, the rest in a far row. */
function meshWithEyes(imageLeft: [number, number], imageRight: [number, number]): Landmark[] {
  const lm: Landmark[] = Array.from({ length: 478 }, (_, i) => [10 + (i % 90) * 2, 190, 0]);
  const place = (contour: readonly number[], iris: number[], [cx, cy]: [number, number]) => {
    contour.forEach((k, j) => {
      const a = (j / contour.length) * 2 * Math.PI;
      lm[k] = [cx + 7 * Math.cos(a), cy + 3 * Math.sin(a), 0];
    });
    lm[iris[0]!] = [cx, cy, 0];
    [[3, 0], [0, -3], [-3, 0], [0, 3]].forEach(([dx, dy], j) => { lm[iris[j + 1]!] = [cx + dx!, cy + dy!, 0]; });
  };
  place(RIGHT_EYE, [473, 474, 475, 476, 477], imageLeft); // contour starts at a corner (33), its opposite (133) half-way
  place(LEFT_EYE, [468, 469, 470, 471, 472], imageRight);
  return lm;
}

test('an eye whose landmarks lie below the painted eye moves onto it; the other eye stays', () => {
  const img = paintedFace([[60, 80], [130, 80]]);
  const lm = meshWithEyes([60, 91], [130, 80]);
  // a column of points above the missed eye, inside the falloff: their order must survive (no fold)
  const column = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((j) => 300 + j);
  column.forEach((k, j) => { lm[k] = [60, 40 + j * 4, 0]; });
  const { landmarks, moved } = correctMissedEyes(img, lm);
  assert.equal(moved.length, 1);
  assert.equal(moved[0]!.eye, 'image-left');
  // the painted iris (radius 5) is larger than the landmarks' ring (3): the applied scale is capped, the size is not
  const { scale, size } = moved[0]!.miss;
  assert.ok(scale <= 1.2 && size > 1.4, `scale ${scale.toFixed(2)}, size ${size.toFixed(2)}`);
  const iris = landmarks[473]!;
  assert.ok(Math.hypot(iris[0] - 60, iris[1] - 80) < 1.5, `iris moved to ${iris[0].toFixed(1)}, ${iris[1].toFixed(1)}`);
  const ringY = RIGHT_EYE.reduce((s, k) => s + landmarks[k]![1], 0) / RIGHT_EYE.length;
  assert.ok(Math.abs(ringY - 80) < 1.5, `lid ring centred at y ${ringY.toFixed(1)}`);
  for (const k of [...LEFT_EYE, 468, 469, 470, 471, 472]) assert.deepEqual(landmarks[k], lm[k]);
  const ys = column.map((k) => landmarks[k]![1]);
  for (let j = 1; j < ys.length; j++) assert.ok(ys[j]! > ys[j - 1]!, `column folded: ${ys.map((v) => v.toFixed(1)).join(' ')}`);
});

test('landmarks on the painted eyes are returned untouched (the same array)', () => {
  const img = paintedFace([[60, 80], [130, 80]]);
  const lm = meshWithEyes([60, 80], [130, 80]);
  const { landmarks, moved } = correctMissedEyes(img, lm);
  assert.equal(moved.length, 0);
  assert.equal(landmarks, lm);
});

test('no dark disc near the landmarks (an eye of skin colour): nothing moves', () => {
  const img = paintedFace([[130, 80]]);
  const lm = meshWithEyes([60, 91], [130, 80]);
  assert.equal(correctMissedEyes(img, lm).moved.length, 0);
});

test('an eye with a pale iris where the landmarks are is kept, even beside a darker eye-like disc', () => {
  // skin luma ~197; the pale iris at the landmarks ~0.62 of it, the dark disc 11 px above
  const img = paintedFace([[60, 80], [130, 91]]);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (Math.hypot(x - 130, y - 91) <= 5) img.data.set([130, 120, 115], (y * SIZE + x) * 4);
    }
  }
  const lm = meshWithEyes([60, 80], [130, 91]);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (Math.hypot(x - 130, y - 78) <= 5) img.data.set([50, 40, 35], (y * SIZE + x) * 4);
  assert.equal(correctMissedEyes(img, lm).moved.length, 0);
});
