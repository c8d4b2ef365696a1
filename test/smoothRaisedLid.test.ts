// A raised lid as one smooth curve (wide36): the rendered basis's eyeWide lifts put the raised upper-lid points
// on a round arch through the raised corners and apex (rig/basis/smoothRaisedLid.ts), and the lash line is
// drawn along a monotone cubic through the lid points (render/smoothLidLine.ts), not their polyline.
import test from 'node:test';
import assert from 'node:assert/strict';
import { smoothArch, smoothLifts, vertex, smoothRaisedLid, MAX_LIFT_OF_OPENING } from '../src/rig/basis/smoothRaisedLid.ts';
import { smoothLidLine } from '../src/render/smoothLidLine.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';

// lp_s42's image-left eye, canonical x 100 (corner to corner), raised by the old .7-of-the-opening lift: a tent
// leaning to one side, flat between its two highest points and falling straight to the inner corner
const XS = [-167.9, -163.1, -158.2, -146.1, -124.3, -104.8, -85.2, -72.9, -67.9];
const RAISED = [-26.6, -40.0, -53.9, -70.5, -81.1, -77.4, -55.5, -28.4, -10.3];

const maxTurn = (xs: readonly number[], ys: readonly number[]) => {
  let t = 0;
  for (let q = 1; q + 1 < xs.length; q++) {
    const d = Math.atan2(ys[q + 1]! - ys[q]!, xs[q + 1]! - xs[q]!) - Math.atan2(ys[q]! - ys[q - 1]!, xs[q]! - xs[q - 1]!);
    t = Math.max(t, Math.abs(Math.atan2(Math.sin(d), Math.cos(d))));
  }
  return (t * 180) / Math.PI;
};

test('the arch keeps the corners and the apex height, is fuller on the flanks and turns less than the tent', () => {
  const arch = smoothArch(XS, RAISED);
  assert.equal(arch[0], RAISED[0]);
  assert.equal(arch.at(-1), RAISED.at(-1));
  // the apex's height is kept (the stare's size): within half a unit at the landmarks, not raised much past them
  assert.ok(Math.abs(Math.min(...arch) - Math.min(...RAISED)) < 0.5, `apex ${Math.min(...arch)}`);
  // the outer flank's first point (on the tent's straight flank) is raised toward a round arch
  assert.ok(arch[1]! < RAISED[1]! - 1, `outer flank ${arch[1]} vs ${RAISED[1]}`);
  assert.ok(maxTurn(XS, arch) < maxTurn(XS, RAISED) + 6);
});

test('the vertex of three points lies between the outer two, at the top of their parabola', () => {
  const v = vertex([0, 1, 2], [0, 1, 0]);
  assert.ok(Math.abs(v.at - 1) < 1e-12 && Math.abs(v.height - 1) < 1e-12);
  const lean = vertex([0, 1, 2], [0, 1, 0.8]);
  assert.ok(lean.at > 1 && lean.at < 2 && lean.height > 1);
  // no top (a straight or sagging line): the middle point as it is
  assert.deepEqual(vertex([0, 1, 2], [0, 1, 2]), { at: 1, height: 1 });
});

test('smoothed lifts stay within 0 .. the opening and keep the corners', () => {
  const ys = [-21.6, -29.6, -35.1, -43.2, -48.8, -46.7, -34.9, -19.9, -10.3];
  const openings = [0, 14.8, 26.9, 39.0, 46.3, 43.9, 29.4, 12.1, 0];
  const lifts = ys.map((y, q) => y - RAISED[q]!);
  const next = smoothLifts(XS, ys, lifts, openings);
  assert.equal(next[0], lifts[0]);
  assert.equal(next.at(-1), lifts.at(-1));
  next.forEach((l, q) => assert.ok(l >= 0 && l <= MAX_LIFT_OF_OPENING * openings[q]! + 1e-9 || q === 0 || q === next.length - 1, `lift ${q} ${l}`));
});

test('the basis hook moves only the upper-lid points of its control, up and down', () => {
  const N = LANDMARK_COUNT, k = 1, upper = [0, 1, 2, 3, 4, 5, 6, 7, 8], lower = [0, 9, 10, 11, 12, 13, 14, 15, 8];
  const neutral = new Float64Array(N * 3);
  const ys = [-21.6, -29.6, -35.1, -43.2, -48.8, -46.7, -34.9, -19.9, -10.3];
  upper.forEach((i, q) => { neutral[i * 3] = XS[q]!; neutral[i * 3 + 1] = ys[q]!; });
  lower.slice(1, -1).forEach((i, q) => { neutral[i * 3] = XS[q + 1]!; neutral[i * 3 + 1] = ys[q + 1]! + 30; });
  const basis = new Float32Array(3 * N * 3);
  upper.forEach((i, q) => { basis[(k * N + i) * 3 + 1] = RAISED[q]! - ys[q]!; basis[(k * N + i) * 3] = 0.5; });
  basis[(k * N + 20) * 3 + 1] = -3; basis[(0 * N + 4) * 3 + 1] = 7;
  const before = Float32Array.from(basis);
  smoothRaisedLid(basis, neutral, k, upper, lower);
  let moved = 0;
  for (let j = 0; j < basis.length; j++) {
    if (basis[j] === before[j]) continue;
    const i = Math.floor(j / 3) % N, axis = j % 3, control = Math.floor(j / (3 * N));
    assert.ok(control === k && axis === 1 && upper.includes(i), `moved ${control} ${i} ${axis}`);
    moved++;
  }
  assert.ok(moved >= 4, `${moved} lid points moved`);
});

test('the lash line is a monotone cubic through the lid points: flat at the apex, never above it', () => {
  const xs = [0, 10, 20, 30, 40], ys = [10, 4, 0, 5, 11];
  const line = smoothLidLine(xs, ys);
  // through every point
  xs.forEach((x, q) => { const j = line.xs.indexOf(x); assert.ok(j >= 0 && Math.abs(line.ys[j]! - ys[q]!) < 1e-9); });
  // no overshoot past the apex (y down: nothing higher than 0), and round near it (not a corner)
  assert.ok(Math.min(...line.ys) >= -1e-9);
  // flat at the apex: the samples either side of it at nearly the same height
  const j = line.xs.indexOf(20);
  assert.ok(Math.abs(line.ys[j - 1]! - line.ys[j + 1]!) < 0.1, `${line.ys[j - 1]} ${line.ys[j + 1]}`);
  assert.ok(maxTurn(line.xs, line.ys) < maxTurn(xs, ys) / 2);
  // right to left works the same; a line doubling back is returned as it is
  assert.equal(smoothLidLine(xs.slice().reverse(), ys.slice().reverse()).xs.length, line.xs.length);
  assert.deepEqual(smoothLidLine([0, 10, 5], [0, 1, 2]), { xs: [0, 10, 5], ys: [0, 1, 2] });
});
