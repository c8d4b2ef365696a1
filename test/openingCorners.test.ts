// The opening's outline hardness (s42, mouthshape42; critic41: lp_s7 <- lp_d10 f57 / f91, "a hard hexagon / trapezoid").
// s42 measured it (bench/openingOutline.ts, src/eval/outlineTurn.ts) and built a curve through the mesh points
// (openingCurve.ts) and corners closing in lining (cornerClose.ts), both left off (CORNER_CUTS 0, CORNER_CLOSE 0: mixed
// on held-out faces, docs/mouth/README.md s42). These pin the measure and the pieces so a later session can turn them on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cornerAngles, outlineTurn } from '../src/eval/outlineTurn.ts';
import { cornerCutInto, cutLength, fillCurveColumns, smoothColumnsCentred, softClipInto } from '../src/render/mouth/openingCurve.ts';
import { closeShare, cornerCloseGate } from '../src/render/mouth/cornerClose.ts';
import { smoothColumns } from '../src/render/mouth/lipColumns.ts';

/** A hexagon's upper half (corner, two shoulders, corner) over 100 px, and the same span as a half ellipse. */
const hexX = [0, 25, 75, 100], hexY = [50, 20, 20, 50];
const ellipse = (n: number) => {
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k <= n; k++) { const t = Math.PI * (1 - k / n); xs.push(50 + 50 * Math.cos(t)); ys.push(50 - 30 * Math.sin(t)); }
  return { xs, ys };
};

test('outlineTurn: a hexagon turns all at its shoulders, a smooth ellipse a little over every stretch', () => {
  const unit = 200; // .03 IOD = 6 px
  const hex = outlineTurn(hexX, hexY, unit), e = ellipse(200), ell = outlineTurn(e.xs, e.ys, unit);
  assert.ok(hex > 45 && hex < 60, `hexagon shoulder ${hex}`); // a 50 degree turn at a vertex
  assert.ok(ell < 20 && ell < 0.4 * hex, `ellipse ${ell}`);
  // corners: the hexagon's upper half meets its mirror at 2 x 50 degrees
  const [l, r] = cornerAngles(hexX, hexY, hexX, hexY.map((y) => 100 - y), unit);
  assert.ok(Math.abs(l - 100) < 2 && Math.abs(r - 100) < 2, `corners ${l} ${r}`);
});

test('corner cutting keeps the corners, lies inside a convex line, and turns less than the polygon', () => {
  const n = cutLength(hexX.length, 3), ox = new Float32Array(n), oy = new Float32Array(n), tx = new Float32Array(n), ty = new Float32Array(n);
  const m = cornerCutInto(hexX, hexY, hexX.length, 3, ox, oy, tx, ty);
  assert.equal(m, n);
  assert.deepEqual([ox[0], oy[0], ox[m - 1], oy[m - 1]], [0, 50, 100, 50]);
  const table = new Float32Array(102).fill(NaN), raw = new Float32Array(102).fill(NaN);
  assert.ok(fillCurveColumns(table, ox, oy, m));
  for (let c = 0; c < 100; c++) {
    const x = c + 0.5, y = x < 25 ? 50 - 1.2 * x : x > 75 ? 20 + 1.2 * (x - 75) : 20;
    raw[c] = y;
    assert.ok(table[c]! >= y - 1e-4, `column ${c}: the curve ${table[c]} inside (under) the hexagon's upper line ${y}`);
  }
  const xs = Array.from({ length: 100 }, (_, c) => c + 0.5), unit = 200;
  assert.ok(outlineTurn(xs, Array.from(table.subarray(0, 100)), unit) < 0.8 * outlineTurn(hexX, hexY, unit));
  // a line on its polygon is left there by the soft clip (it only acts near where the curve passes outside)
  const on = Float32Array.from(raw), lower = new Float32Array(102).fill(NaN), scratch = new Float32Array(102);
  softClipInto(on, lower, raw, lower, scratch);
  for (let c = 0; c < 100; c++) assert.equal(on[c], raw[c]);
});

test('the centred smoothing keeps a line\'s ends; the one-sided window of s41 pulled them in', () => {
  const W = 40, a = new Float32Array(W).fill(NaN), s = new Float32Array(W);
  for (let c = 5; c <= 30; c++) a[c] = 50 - 25 * Math.sin((Math.PI * (c - 5)) / 25); // a lip line from corner (50) to corner
  const old = Float32Array.from(a), centred = Float32Array.from(a);
  smoothColumns(old, 4, s);
  smoothColumnsCentred(centred, 4, s);
  assert.equal(centred[5], a[5]);
  assert.equal(centred[30], a[30]);
  assert.ok(old[5]! < a[5]! - 5, `s41's end moved ${a[5]! - old[5]!} px up: the corner's point became a vertical cut`);
});

test('the corners close only in a parted speech opening, only toward the corners, and off by default', () => {
  assert.equal(cornerCloseGate(0.3, 0, 0), 0); // CORNER_CLOSE 0
  assert.equal(closeShare(5, 50, 1), 1);
  assert.equal(closeShare(40, 50, 1), 0);
  assert.equal(closeShare(5, 50, 0), 0);
});
