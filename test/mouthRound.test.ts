// An "O" drawn round (lipColumns.ts roundOpening): lp_s42 <- lp_d6's O was the lips' whole lens, a
// flat slot wider than tall, where the driver shows a small round hole in pursed lips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundOpening, ROUND_NARROW } from '../src/render/mouth/lipColumns.ts';

/** A lens-shaped opening 100 columns wide (x 50..150), 20 px tall at its centre (x 100), NaN outside. */
function lens(): { upper: Float32Array; lower: Float32Array } {
  const upper = new Float32Array(200).fill(NaN), lower = new Float32Array(200).fill(NaN);
  for (let x = 50; x <= 150; x++) {
    const h = Math.max(0, 10 * (1 - ((x + 0.5 - 100) / 50) ** 2));
    upper[x] = 100 - h; lower[x] = 100 + h;
  }
  return { upper, lower };
}
const openWidth = (u: Float32Array, l: Float32Array) => u.reduce((n, v, x) => n + (l[x]! - v > 0.5 ? 1 : 0), 0);

test('a full O is as tall as before and narrower by ROUND_NARROW of the half-width; never opened further', () => {
  const { upper, lower } = lens(), u0 = Float32Array.from(upper), l0 = Float32Array.from(lower);
  roundOpening(upper, lower, 100, 50, 1);
  assert.ok(Math.abs(lower[100]! - upper[100]! - (l0[100]! - u0[100]!)) < 0.05, 'centre gap kept');
  const before = openWidth(u0, l0), after = openWidth(upper, lower);
  assert.ok(after <= (1 - ROUND_NARROW) * before + 2, `open width ${before} -> ${after}`);
  assert.ok(after >= 0.5 * (1 - ROUND_NARROW) * before, `not shut: ${after}`);
  for (let x = 0; x < 200; x++) {
    if (u0[x] !== u0[x]) { assert.ok(upper[x] !== upper[x], `column ${x} outside stays outside`); continue; }
    assert.ok(upper[x]! >= u0[x]! - 1e-4 && lower[x]! <= l0[x]! + 1e-4, `column ${x} opened further`);
    assert.ok(upper[x]! <= lower[x]! + 1e-4, `column ${x} crossed`);
  }
});

test('no roundness leaves the opening alone; half roundness narrows it less than a full one', () => {
  const a = lens(), u0 = Float32Array.from(a.upper);
  roundOpening(a.upper, a.lower, 100, 50, 0);
  assert.deepEqual(Array.from(a.upper), Array.from(u0));
  const half = lens(), full = lens();
  roundOpening(half.upper, half.lower, 100, 50, 0.5);
  roundOpening(full.upper, full.lower, 100, 50, 1);
  assert.ok(openWidth(half.upper, half.lower) > openWidth(full.upper, full.lower));
});
