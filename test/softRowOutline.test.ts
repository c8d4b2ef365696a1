// softteeth58: the library upper row's outline no crisper than a soft picture (render/mouth/softRowOutline.ts), its inside kept.
import test from 'node:test';
import assert from 'node:assert/strict';
import { rowOutlineSoftening, softRow, softRowOutlineSetting } from '../src/render/mouth/softRowOutline.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

/** An upper row 40 x 24 px: teeth (alpha 1) down to row 14, a hard tip edge, with a dark line between teeth at column 20. */
function row(): ReadyLayer {
  const W = 40, H = 24, data = new Float32Array(W * H * 4);
  for (let y = 0; y < 14; y++) for (let x = 0; x < W; x++) {
    const q = (y * W + x) * 4, v = x === 20 ? 120 : 230;
    data[q] = data[q + 1] = data[q + 2] = v; data[q + 3] = 1;
  }
  return { width: W, height: H, anchorX: 20, anchorY: 0, data };
}

/** The steepest fall of alpha down column x (per px). */
function steepest(l: ReadyLayer, x: number): number {
  let best = 0;
  for (let y = 1; y < l.height; y++) best = Math.max(best, l.data[((y - 1) * l.width + x) * 4 + 3]! - l.data[(y * l.width + x) * 4 + 3]!);
  return best;
}

test('a painting (lip edges 1.71 px, lp_s0) softens the row outline by the difference; the line between teeth stays', () => {
  const s = rowOutlineSoftening(1.71, 0.9);
  assert.ok(s > 0.9 && s < 1.2, `extra blur ${s}`);
  const soft = softRow(row(), 1.71, 0.9);
  assert.ok(steepest(soft, 10) < 0.45, `the tips' edge falls ${steepest(soft, 10)} per px (hard: 1)`);
  // inside the row (well above the tips) the colour and the dark line between teeth are kept as they were
  const at = (l: ReadyLayer, x: number, y: number) => l.data[(y * l.width + x) * 4]! / l.data[(y * l.width + x) * 4 + 3]!;
  assert.ok(Math.abs(at(soft, 20, 5) - 120) < 1e-3 && Math.abs(at(soft, 10, 5) - 230) < 1e-3, 'the line between teeth not blurred');
  for (let q = 0; q < soft.data.length; q += 4) assert.ok(soft.data[q]! <= 255 * soft.data[q + 3]! + 1e-3, 'premultiplied');
});

test('a sharp photo (lp_s1 1.04 px, mt_man 1.13), no reading, or the setting off: the same layer', () => {
  const r = row();
  assert.equal(softRow(r, 1.04, 0.44), r);
  assert.equal(softRow(r, 1.13, 0.61), r);
  assert.equal(softRow(r, null, 0.6), r);
  softRowOutlineSetting.on = false;
  try {
    assert.equal(softRow(r, 1.71, 0.9), r);
  } finally {
    softRowOutlineSetting.on = true;
  }
  assert.ok(rowOutlineSoftening(4, 0.5) <= 1.6, 'a smeared painting: at most 1.6 px');
});
