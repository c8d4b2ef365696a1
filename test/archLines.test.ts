// s55 (hexagon55): a wide opening's inner lip lines moved onto arcs (src/render/mouth/archLines.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARCH_GAP, ARCH_TAPER, arcMoves, archLinesSetting, archLipLines, archShare } from '../src/render/mouth/archLines.ts';
import { LANDMARK_COUNT, LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER } from '../src/rig/topology.ts';

/** The largest turn (degrees) at a polyline's inner vertices. */
function maxTurn(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 1; k + 1 < xs.length; k++) {
    const a = Math.atan2(ys[k]! - ys[k - 1]!, xs[k]! - xs[k - 1]!), b = Math.atan2(ys[k + 1]! - ys[k]!, xs[k + 1]! - xs[k]!);
    let t = Math.abs(b - a) * 180 / Math.PI; if (t > 180) t = 360 - t;
    worst = Math.max(worst, t);
  }
  return worst;
}

// christie f6's lower line as the rig left it (chord positions, heights over the chord in half widths):
// three nearly collinear segments from the corner, then the turn into the bottom
const S = [-1, -0.76, -0.58, -0.4, -0.17, 0.12, 0.4, 0.62, 0.8, 0.9, 1];
const G = [0, 0.36, 0.56, 0.74, 0.89, 0.99, 0.91, 0.77, 0.56, 0.36, 0];

test('arcMoves: the straight runs move onto H (1 - r^2)^taper; the corners and the highest point stay; a flat line is left', () => {
  const out = new Float64Array(S.length);
  arcMoves(S, G, 0.05, out);
  assert.equal(out[0], 0); assert.equal(out[S.length - 1], 0); assert.equal(out[5], 0);
  const moved = G.map((g, k) => g + out[k]!);
  // every point on the arc: the point next to the corner at r = .24 / 1.12 of the way in stands (1 - r^2)^taper high
  const r = (0.12 + 0.76) / 1.12;
  assert.ok(Math.abs(moved[1]! - 0.99 * (1 - r * r) ** ARCH_TAPER) < 1e-9);
  // the polygon's vertex turns even out: the worst one is smaller
  assert.ok(maxTurn(S, moved) < 0.8 * maxTurn(S, G), `turn ${maxTurn(S, G).toFixed(1)} -> ${maxTurn(S, moved).toFixed(1)}`);
  arcMoves(S, G.map((g) => 0.02 * g), 0.05, out);
  assert.ok(out.every((v) => v === 0));
});

test('archShare: nothing under ARCH_GAP (small openings and shut lips keep the rig lines), all past it; not in an O or a grin; off by the setting', () => {
  assert.equal(archShare(ARCH_GAP[0] - 0.01), 0);
  assert.equal(archShare(0), 0);
  assert.equal(archShare(ARCH_GAP[1] + 0.05), 1);
  assert.equal(archShare(0.4, 0.5), 0);
  assert.equal(archShare(0.4, 0, 0.8), 0);
  archLinesSetting.on = false;
  try { assert.equal(archShare(0.4), 0); } finally { archLinesSetting.on = true; }
});

test('archLipLines: the inner rows move onto arcs with the middle rows by 2/3 and 1/3; the corners and the outer contour stay; share 0 moves nothing', () => {
  const sx = new Float32Array(LANDMARK_COUNT), sy = new Float32Array(LANDMARK_COUNT);
  // a level mouth 100 px wide (corners 78 at x 0, 308 at x 100, y 0); each lip's rows at the columns' x, stacked away from the opening
  sx[78] = 0; sx[308] = 100;
  const place = (rows: readonly (readonly number[])[], sign: number) => rows.forEach((row, ri) => row.forEach((i, q) => {
    const s = S[q + 1]!; sx[i] = 50 + 50 * s; sy[i] = sign * (50 * G[q + 1]! + 6 * ri);
  }));
  place(LIP_COLUMNS_UPPER, -0.5); place(LIP_COLUMNS_LOWER, 1);
  const x0 = sx.slice(), y0 = sy.slice();
  archLipLines(sx, sy, 100, 0);
  assert.deepEqual(Array.from(sy), Array.from(y0));
  archLipLines(sx, sy, 100, 1);
  const dy = (i: number) => sy[i]! - y0[i]!;
  const inner = LIP_COLUMNS_LOWER[0][0], mid1 = LIP_COLUMNS_LOWER[1][0], mid2 = LIP_COLUMNS_LOWER[2][0], outer = LIP_COLUMNS_LOWER[3][0];
  assert.ok(dy(inner) > 1, `the lower line's first point drops toward its arc: ${dy(inner)}`);
  assert.ok(Math.abs(dy(mid1) - (2 / 3) * dy(inner)) < 1e-3 && Math.abs(dy(mid2) - (1 / 3) * dy(inner)) < 1e-3);
  assert.equal(dy(outer), 0);
  assert.equal(sy[78], y0[78]); assert.equal(sy[308], y0[308]);
  // the moves are along the chord's normal: a level chord's points keep their x
  assert.equal(sx[inner], x0[inner]);
  // no move past MOVE_CAP (.04 IOD, 4 px here)
  for (let i = 0; i < LANDMARK_COUNT; i++) assert.ok(Math.abs(dy(i)) <= 4 + 1e-4);
});
