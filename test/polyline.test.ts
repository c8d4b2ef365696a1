// src/math/polyline.ts: the one "y of a polyline at x, flat past its ends" (numpy's interp) the brows, lids,
// the eval's lip lines and the rig's contours read their profiles with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knotsAt, orderBy, polylineAt } from '../src/math/polyline.ts';

test('polylineAt: linear between knots in any order, flat past both ends', () => {
  const line: [number, number][] = [[4, 10], [0, 2], [2, 6], [6, 0]];
  assert.equal(polylineAt(line, -3), 2);
  assert.equal(polylineAt(line, 0), 2);
  assert.equal(polylineAt(line, 1), 4);
  assert.equal(polylineAt(line, 3), 8);
  assert.equal(polylineAt(line, 5), 5);
  assert.equal(polylineAt(line, 9), 0);
  assert.equal(polylineAt([[1, 7]], 0.5), 7);
  // a vertical step (two knots at one x): left of it the first knot's y, right of it the second's
  const step: [number, number][] = [[0, 0], [1, 0], [1, 5], [2, 5]];
  assert.equal(polylineAt(step, 0.5), 0);
  assert.equal(polylineAt(step, 1.5), 5);
  assert.ok(Number.isFinite(polylineAt(step, 1)));
});

test('knotsAt over an index order (orderBy) reads landmark contours without copying them', () => {
  const xs = [3, 1, 2], ys = [30, 10, 20];
  const order = orderBy(xs.length, (i) => xs[i]!);
  assert.deepEqual(order, [1, 2, 0]);
  const at = (x: number) => knotsAt(order.length, (k) => xs[order[k]!]!, (k) => ys[order[k]!]!, x);
  assert.equal(at(1.5), 15);
  assert.equal(at(2.75), 27.5);
  assert.equal(at(0), 10);
  assert.equal(at(4), 30);
});
