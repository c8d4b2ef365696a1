// s51 rowlook51 (#13): the bent upper row does not climb a steep lip side (st_full_body_1's image-left side: a thin white
// line down the opening at jaw .75-1, a bright sliver hugging the lip to the corner in speech). Its top falls at most
// `steepest` px a column outward from the middle, and it is not spared the corners' shade where the lip line falls steeply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limitFall, rowBendInto, steepKeep, steepShortening, steepSideSetting, BEND_SHARE } from '../src/render/mouth/rowBend.ts';

test('the row follows a gentle fall of the lip line but not a steep side', () => {
  // the middle at column 10 (y 50); image-left a steep side (3 px a column), image-right a gentle one (.2 a column)
  const top = new Float32Array(21).fill(NaN);
  for (let x = 2; x <= 10; x++) top[x] = 50 + 3 * (10 - x);
  for (let x = 10; x <= 19; x++) top[x] = 50 + 0.2 * (x - 10);
  const out = new Float32Array(21);
  rowBendInto(top, 10.5, 1000, 1, out);
  const s = steepSideSetting.steepest;
  for (let x = 3; x <= 10; x++) assert.ok(out[x - 1]! - out[x]! <= s + 1e-6, `column ${x - 1} falls at most ${s}: ${out[x - 1]! - out[x]!}`);
  assert.ok(out[2]! < 0.5 * 24 * BEND_SHARE, `the steep side is not followed: ${out[2]} of ${24 * BEND_SHARE}`);
  for (let x = 11; x <= 19; x++) assert.ok(Math.abs(out[x]! - 0.2 * (x - 10) * BEND_SHARE) < 1e-4, `the gentle side is followed at ${x}: ${out[x]}`);
  assert.equal(out[0], 0, 'outside the mouth');
  assert.equal(steepKeep(top, 5), 0, 'no shade spared on the steep side');
  assert.ok(steepKeep(top, 15) > 0.999, 'all of it on the gentle side');
  assert.equal(steepShortening(steepKeep(top, 5), 1), 1, 'off by default (critic51: shortened side teeth drew a fang in lp_d6\'s sideways grimaces)');
  const shorten = steepSideSetting.shorten;
  try {
    steepSideSetting.shorten = 2;
    assert.ok(steepShortening(steepKeep(top, 5), 1) > 2, 'with shorten 2 the steep side\'s teeth are sampled faster (shorter)');
    assert.equal(steepShortening(steepKeep(top, 15), 1), 1, 'not the gentle side\'s');
    assert.equal(steepShortening(0, 0), 1, 'nor an unbent row\'s');
  } finally {
    steepSideSetting.shorten = shorten;
  }
});

test('limitFall lets the bend rise back freely and skips columns outside the mouth', () => {
  const bend = new Float32Array([9, 9, 0, 9, 2, 0, 0]);
  const top = new Float32Array([1, NaN, 1, 1, 1, 1, 1]);
  limitFall(bend, top, 5.5, 1);
  assert.deepEqual(Array.from(bend), [1, 9, 0, 2, 1, 0, 0]);
});
