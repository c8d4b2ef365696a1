// lowrow57: a library lower row no crisper than the picture's lip edges (render/mouth/softLowerRow.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { lowerRowSoftening, softLowerRow, softLowerRowSetting } from '../src/render/mouth/softLowerRow.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

/** A row 40 x 20 px: white teeth (premultiplied, alpha 1) from row 8 down, nothing above: a hard tip edge. */
function hardRow(): ReadyLayer {
  const W = 40, H = 20, data = new Float32Array(W * H * 4);
  for (let y = 8; y < H; y++) for (let x = 0; x < W; x++) { const q = (y * W + x) * 4; data[q] = data[q + 1] = data[q + 2] = 230; data[q + 3] = 1; }
  return { width: W, height: H, anchorX: 20, anchorY: 0, data };
}

/** The steepest rise of alpha down the middle column (per px). */
function steepest(l: ReadyLayer): number {
  let best = 0;
  for (let y = 1; y < l.height; y++) best = Math.max(best, l.data[(y * l.width + 20) * 4 + 3]! - l.data[((y - 1) * l.width + 20) * 4 + 3]!);
  return best;
}

test('a soft picture (lip edges 2.06 px, lp_s11) softens a row whose edge is .87 px by the difference', () => {
  const s = lowerRowSoftening(2.06, 0.87);
  assert.ok(s > 1.5 && s < 1.8, `extra blur ${s}`);
  const soft = softLowerRow(hardRow(), 2.06, 0.87);
  assert.ok(steepest(soft) < 0.4, `the tips' edge rises ${steepest(soft)} per px (hard: 1)`);
  // premultiplied: no colour without its alpha
  for (let q = 0; q < soft.data.length; q += 4) assert.ok(soft.data[q]! <= 255 * soft.data[q + 3]! + 1e-3);
});

test('a sharp photo, no lip blur read, or the setting off: the same layer', () => {
  const row = hardRow();
  assert.equal(lowerRowSoftening(1.3, 1.2), 0);
  assert.equal(softLowerRow(row, 1.3, 1.2), row, 'a sharp photo: byte for byte');
  assert.equal(softLowerRow(row, null, 1.2), row);
  softLowerRowSetting.on = false;
  try {
    assert.equal(softLowerRow(row, 2.06, 0.87), row);
    assert.equal(steepest(softLowerRow(row, 2.06, 0.87)), 1);
  } finally {
    softLowerRowSetting.on = true;
  }
  assert.ok(lowerRowSoftening(4, 1) <= 2, 'a smeared painting: at most 2 px');
});
