// s52 slitopen52: the lip gap the mesh misses under its inner lower-lip contour (motion/underLip.ts) and the video path's
// jawOpen counting it (measuredChannels.ts writeMeasuredChannels through seenLipGap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seenLipGap, underLipRows, underLipSetting } from '../src/motion/underLip.ts';
import { weightsFromMeasures, estimateRest } from '../src/motion/restFace.ts';
import type { MiddleBox } from '../src/motion/mouthMiddle.ts';
import type { RgbaImage } from '../src/types.ts';
import type { FaceMeasures } from '../src/motion/measures.ts';

type Rgb = [number, number, number];
const LIP: Rgb = [150, 80, 80], DARK: Rgb = [30, 5, 0], TOOTH: Rgb = [200, 185, 180];
/** a 40x40 lip-red image with a dark opening in rows 10-21 (the contour) and a pale band in rows `teeth` over columns `cols` */
function mouth(teeth: [number, number], cols: [number, number] = [10, 30]): { img: RgbaImage; box: MiddleBox } {
  const W = 40, H = 40, data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const c = y >= teeth[0] && y <= teeth[1] && x >= cols[0] && x <= cols[1] ? TOOTH : y >= 10 && y <= 21 && x >= 5 && x <= 35 ? DARK : LIP;
    data.set([...c, 255], (y * W + x) * 4);
  }
  const poly: [number, number][] = [[5, 10], [35, 10], [35, 21.5], [5, 21.5]];
  return { img: { width: W, height: H, data } as unknown as RgbaImage, box: { poly, lipLight: 0.299 * 150 + 0.587 * 80 + 0.114 * 80, lipSat: 0.47, tongueFrom: Infinity, x0: 15, x1: 25, y0: 10, y1: 21 } };
}

test('a lower row under the contour reads its rows; the lower lip right under it reads none', () => {
  assert.equal(underLipRows(mouth([22, 25]).img, mouth([22, 25]).box), 4);
  assert.equal(underLipRows(mouth([-1, -1]).img, mouth([-1, -1]).box), 0);
  // (a row inside the contour only: the lip stands right under it)
  assert.equal(underLipRows(mouth([18, 21]).img, mouth([18, 21]).box), 0);
  assert.equal(underLipRows(mouth([22, 35]).img, mouth([22, 35]).box, 5), 5);
  assert.equal(underLipRows(mouth([22, 25]).img, null), null);
});

test('a row under a few middle columns only does not open the mouth (the median column)', () => {
  const { img, box } = mouth([22, 25], [15, 17]);
  assert.equal(underLipRows(img, box), 0);
});

test('the seen gap adds the rows under the contour, capped, and not when the setting is off', () => {
  assert.equal(seenLipGap(0.05, 0.035), 0.05 + 0.035);
  assert.equal(seenLipGap(0.05, 0.2), 0.05 + underLipSetting.most);
  assert.equal(seenLipGap(0.05, null), 0.05);
  underLipSetting.on = false;
  try { assert.equal(seenLipGap(0.05, 0.035), 0.05); } finally { underLipSetting.on = true; }
});

test('the measures\' jawOpen grows by the seen rows over the same rest', () => {
  const m = (lipGap: number) => ({ lipGap, jaw: 1, mouthWidth: 0.5, upperLip: 0.2, lowerLip: 0.3, lipThickness: 0.15, cornerLiftLeft: 0, cornerLiftRight: 0, eyeLeft: 0.1, eyeRight: 0.1, browLeft: 0.3, browRight: 0.3, browInnerLeft: 0.2, browInnerRight: 0.2, gaze: [0, 0], roll: 0, scale: 80, centre: [0, 0] }) as FaceMeasures;
  const rest = estimateRest([m(0.008), m(0.008), m(0.05)]);
  const plain = weightsFromMeasures(m(0.047), rest).w.jawOpen!, seen = weightsFromMeasures(m(seenLipGap(0.047, 0.035)), rest).w.jawOpen!;
  assert.ok(Math.abs(seen - plain - 0.035 / 0.6) < 1e-9, `${plain} -> ${seen}`);
});
