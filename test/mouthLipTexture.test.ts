// The lip texture's slide off the photo's slit (lipTexture.ts): each lip's rows keep their order and
// spacing as they move toward the outer contour, so the lip's own shading (a diagonal shadow edge,
// a highlight) survives the opening instead of one texture row being drawn tall (vertical streaks,
// mt_man's hard seam across his lower lip, round 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slideLipTexture } from '../src/render/mouth/lipTexture.ts';
import { LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER, LANDMARK_COUNT } from '../src/rig/topology.ts';

/** Texture coordinates with each lip's rows evenly spaced from the inner line (row 0) to the outer (row 3). */
function evenLips(): Float32Array {
  const uv = new Float32Array(LANDMARK_COUNT * 2);
  for (const [lip, dir] of [[LIP_COLUMNS_UPPER, -1], [LIP_COLUMNS_LOWER, 1]] as const) {
    for (let row = 0; row < 4; row++) {
      lip[row]!.forEach((v, c) => { uv[v * 2] = 100 + 10 * c; uv[v * 2 + 1] = 200 + dir * 6 * row; });
    }
  }
  return uv;
}

test('a full opening moves every lip row off the slit, in order, none onto the next row', () => {
  const uv = evenLips(), now = Float32Array.from(uv);
  slideLipTexture(uv, now, 1);
  for (const lip of [LIP_COLUMNS_UPPER, LIP_COLUMNS_LOWER]) {
    for (let c = 0; c < lip[0]!.length; c++) {
      const y = (row: number) => now[lip[row]![c]! * 2 + 1]!, rest = (row: number) => uv[lip[row]![c]! * 2 + 1]!;
      const spacing = Math.abs(rest(1) - rest(0));
      // off the photo's slit: the inner row samples at least a quarter of the lip out from its line
      assert.ok(Math.abs(y(0) - rest(0)) >= 0.25 * Math.abs(rest(3) - rest(0)), `column ${c}: inner row ${y(0)} still on the slit`);
      for (let row = 0; row < 3; row++) {
        const step = Math.abs(y(row + 1) - y(row));
        // rows stay apart: at least half their rest spacing (0 drew one texture row tall)
        assert.ok(step >= 0.5 * spacing, `column ${c}: rows ${row} and ${row + 1} ${step.toFixed(2)} apart (rest ${spacing})`);
        assert.ok(Math.sign(y(row + 1) - y(row)) === Math.sign(rest(3) - rest(0)), `column ${c}: rows ${row}, ${row + 1} out of order`);
      }
    }
  }
});

test('at the photo\'s own opening the lip texture is the photo\'s', () => {
  const uv = evenLips(), now = new Float32Array(uv.length);
  now.set(uv);
  slideLipTexture(uv, now, 0);
  assert.deepEqual(Array.from(now), Array.from(uv));
});
