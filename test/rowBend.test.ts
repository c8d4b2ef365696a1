// The library's upper row bent with the upper lip's inner line (s36, rowbend36, #13): the rigid row ran
// straight across while the lip line falls toward the corners, so the lip covered the row's ends and it
// stopped short of them (critic35: lp_s42 <- lp_d6, a straight bright band). A photo whose own cut is its
// row is not bent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader } from '../src/render/mouth/shader.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { BEND_MOST, BEND_RISE, BEND_SHARE, bendShare, rowBendInto, showBend, sideLift, sideShortening, steepSideSetting } from '../src/render/mouth/rowBend.ts';

test('the bend follows the lip line under its middle, within its limits; none at share 0', () => {
  // a lens's upper line: 10 px in the middle, falling to 30 at the corners; one column rising over the middle
  const top = new Float32Array([NaN, 30, 20, 12, 10, 12, 20, 30, 4, NaN]);
  const out = new Float32Array(top.length);
  // (this lens falls 2-10 px a column: the steep-side limit is off here, test/rowSteepSide.test.ts tests it)
  const steep = steepSideSetting.on; steepSideSetting.on = false;
  rowBendInto(top, 4.5, 100, 1, out);
  steepSideSetting.on = steep;
  assert.equal(out[0], 0, 'outside the mouth: 0');
  assert.equal(out[4], 0, 'the middle column: 0');
  assert.ok(Math.abs(out[2]! - 10 * BEND_SHARE) < 1e-6, `follows the line: ${out[2]}`);
  assert.ok(Math.abs(out[1]! - Math.min(20 * BEND_SHARE, BEND_MOST * 100)) < 1e-6, `at most BEND_MOST: ${out[1]}`);
  assert.ok(Math.abs(out[8]! + Math.min(6 * BEND_SHARE, BEND_RISE * 100)) < 1e-6, `rises at most BEND_RISE: ${out[8]}`);
  assert.ok(out[8]! <= 0, 'a line over its middle never lowers the row');
  rowBendInto(top, 4.5, 100, 0, out);
  assert.ok(out.every((v) => v === 0), 'share 0: no bend');
  assert.equal(bendShare(0, true), 0, 'a photo\'s own row is not bent');
  assert.equal(bendShare(1, false), 0, 'nor an O\'s');
  assert.equal(bendShare(0, false), 1);
  assert.equal(showBend(0.03), 0, 'a sliver of tips under the lip is not bent (critic36: a white crescent from corner to corner)');
  assert.equal(showBend(0.07), 1, 'a row that shows as teeth is');
  assert.equal(sideLift(1, 0), 0, 'a row not moved down keeps its shade'); assert.ok(sideLift(1, 0.1) > 0 && sideLift(0, 0.1) === 0);
  assert.equal(sideShortening(0, 1, 0.1), 1); assert.ok(sideShortening(1, 1, 0.1) > 1); assert.equal(sideShortening(1, 1, 0), 1, 'not where the row was not moved down');
});

/** a white band of teeth (rows from..to) in a w x h layer, anchored at its top */
function bandLayer(w: number, h: number, from: number, to: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 240; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY: 0, data };
}

/** the luma 2 px under the upper lip line at column x of a lens-shaped opening (its upper line 10 px in the middle, 30 at the corners) */
function underLip(x: number, ownRowKept: boolean): number {
  const W = 64;
  const shader = new MouthShader(W, { upper: bandLayer(96, 64, 0, 12), lower: bandLayer(8, 8, 0, 0), tongue: null, cavity: [20, 10, 12], fromPhoto: false, ownRowKept });
  shader.setPlacement({ upperX: 32, upperY: 10, lowerX: 32, lowerY: 50, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.4, photoGap: 0, rebuilt: 1 });
  shader.centreX = 32; shader.halfWidth = 30;
  shader.setLips([2, 17, 32, 47, 62], [30, 15, 10, 15, 30], [2, 17, 32, 47, 62], [30, 45, 50, 45, 30]);
  const top = shader.upperY[x]!;
  const c = shader.shade(x, Math.round(top + 2), 0, 0);
  return 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);
}

test('toward the corners the row stays under the lip line (bent), where the straight row went behind the lip', () => {
  // column 54: the lip line ~14 px under its middle, the straight row's 12 px band all behind the lip
  // (this lens's sides fall 1 px a column from column 47: steep sides since s51, whose row goes into the corner's shade
  // (test/rowSteepSide.test.ts); the follow itself is tested with that limit off)
  const steep = steepSideSetting.on; steepSideSetting.on = false;
  const bent = underLip(54, false), straight = underLip(54, true), middle = underLip(32, false);
  steepSideSetting.on = steep;
  assert.ok(straight < 60, `the straight row is behind the lip there: the cavity shows (${straight.toFixed(0)})`);
  assert.ok(bent > straight + 40, `the bent row shows there: ${bent.toFixed(0)} over the straight row's ${straight.toFixed(0)}`);
  assert.ok(bent < middle, `and darker than the middle (${bent.toFixed(0)} under ${middle.toFixed(0)})`);
  assert.ok(Math.abs(underLip(32, true) - middle) < 1, 'the middle column is where it was');
  assert.ok(underLip(54, false) < bent, 'with the steep-side limit the row there is in the corner\'s shade');
});
