// bench/rowStructureFigures.ts incisalEdge (s38, incisal38): the lip's lit inner rim over a shaded row top is no notch, and
// dark V's between the tips are counted from the tips' light (the edge in whole pixels missed them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incisalEdge } from '../bench/rowStructureFigures.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { Lm } from '../bench/readBack.ts';
import type { RgbaImage } from '../src/types.ts';

const W = 200, H = 120, TOP = 30, BOTTOM = 90, EDGE = 55;

/** A face's landmarks: the inner lips a box from x 20 to 180 between TOP and BOTTOM, the eyes' outer corners 140 px apart. */
function landmarks(): Lm {
  const lm: Lm = Array.from({ length: 478 }, () => [100, 10] as [number, number]);
  const along = (ids: number[], y: number) => ids.forEach((id, k) => { lm[id] = [20 + (160 * k) / (ids.length - 1), y]; });
  along(LIPS_INNER_UPPER, TOP);
  along(LIPS_INNER_LOWER, BOTTOM);
  lm[78] = [20, (TOP + BOTTOM) / 2]; lm[308] = [180, (TOP + BOTTOM) / 2];
  lm[33] = [30, 0]; lm[263] = [170, 0];
  return lm;
}

/** A white row from the opening's top to EDGE over a dark cavity; `shade(x, y)` its light (0..1) per pixel. */
function row(shade: (x: number, y: number) => number): RgbaImage {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const v = y >= TOP && y <= EDGE ? 230 * shade(x, y) : 30, o = (y * W + x) * 4;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 255;
  }
  return { width: W, height: H, data };
}

test('a lit lip rim over the row\'s shaded top is no notch; a smooth row has no V\'s', () => {
  // every 8th column the row's top is shaded for 4 px under a one-pixel lit rim: before s38 each read as an edge 0 deep
  const img = row((x, y) => (x % 8 === 0 && y > TOP && y <= TOP + 4 ? 0.3 : 1));
  const e = incisalEdge(img, landmarks(), 230);
  assert.equal(e.notches, 0);
  assert.ok(e.rms < 1, `edge rms ${e.rms}`);
  assert.equal(e.tipVs, 0);
});

test('dark V\'s at the tips are counted', () => {
  // three V's 3 px wide and 2 px high at the tips, greyed to .7 (still lit: the edge in whole pixels does not move)
  const img = row((x, y) => ([60, 100, 140].some((c) => Math.abs(x - c) <= 1) && y >= EDGE - 1 ? 0.7 : 1));
  const e = incisalEdge(img, landmarks(), 230);
  assert.equal(e.tipVs, 3);
  assert.ok(e.tipRms > 50, `tips rms ${e.tipRms}`);
});
