// innerlip34 (s34): the lower lip's rolled-in inner surface (src/render/mouth/lowerLipRoll.ts), off by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerRollReach, rolledShow, rolledShadow, rolledColour, rolled, LOWER_LIP_ROLL } from '../src/render/mouth/lowerLipRoll.ts';

const IOD = 100;

test('the roll is off by default and then draws nothing past the thin band', () => {
  assert.equal(LOWER_LIP_ROLL, false);
  assert.equal(lowerRollReach(30, IOD), 0);
  assert.equal(rolledShow(0.4, 5, 3, 0), 0.4);
});

test('turned on, a wide opening rolls the lower lip in further and a speech slit keeps its thin band', () => {
  assert.equal(lowerRollReach(4, IOD, true), 0);
  const wide = lowerRollReach(30, IOD, true);
  assert.ok(wide > 2 && wide <= 0.03 * IOD + 1e-9, `reach ${wide}`);
  // one soft ramp: the interior shows less at every depth than under the thin band alone, and never jumps
  let last = 0;
  for (let d = 0; d <= 3 + wide; d += 0.25) {
    const flat = Math.min(1, Math.max(0, (d - 0.9) / 2.1));
    const show = rolledShow(flat, d, 3, wide);
    assert.ok(show <= flat + 1e-12 && show >= last - 1e-12);
    assert.ok(show - last < 0.2, `a step of ${(show - last).toFixed(2)} at d ${d}`);
    last = show;
  }
});

test('the rolled surface is lit at the line and in the inner shade at its end, redder than the lip', () => {
  assert.equal(rolledShadow(0, 3, 4), 0);
  assert.equal(rolledShadow(7, 3, 4), 1);
  rolledColour(20, 10, 10, 200, 100, 100, [0.8, 0.7, 0.7], 0, 0, 0);
  assert.ok(rolled[0] >= 200 && rolled[1] >= 100, 'lit at the line: no dark rim');
  rolledColour(20, 10, 10, 200, 100, 100, [0.8, 0.7, 0.7], 0, 1, 0);
  // the inner shade (.8 / .7) and, with no bright teeth behind (lift 0), ROLL_DEEP (.7) of it: darker and redder
  assert.ok(Math.abs(rolled[0] - 112) < 1e-9 && Math.abs(rolled[1] - 49) < 1e-9, `the inner shade, redder: ${[...rolled]}`);
  assert.ok(rolled[0] / rolled[1] > 2);
  rolledColour(20, 10, 10, 200, 100, 100, [0.8, 0.7, 0.7], 1, 1, 0);
  assert.ok(rolled[0] >= 200 * 0.99, 'against bright teeth it stays the lip (no ring round the opening)');
  rolledColour(20, 10, 10, 200, 100, 100, [0.8, 0.7, 0.7], 0, 1, 1);
  assert.deepEqual([...rolled], [20, 10, 10]);
});
