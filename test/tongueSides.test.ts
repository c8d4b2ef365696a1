// The tongue's ends fade instead of cutting (session 19, critic19: "the new tongue ends in a hard
// vertical edge at the right", obama2 f16, lp_s1 f2, the demo f126). The library strip steps from
// clear to opaque within a few pixels at each end, and the top's contour (tongueEdge) kept that step
// hard; tongueSides gives each column a share that falls smoothly to 0 toward the ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tongueSides } from '../src/render/mouth/tongue.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

/** A strip opaque from column x0 to x1 (a hard step at both ends, like the library tongue's). */
function strip(width: number, height: number, x0: number, x1: number): ReadyLayer {
  const data = new Float32Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = x0; x <= x1; x++) data[(y * width + x) * 4 + 3] = 1;
  return { width, height, anchorX: width / 2, anchorY: height - 2, data };
}

test('the tongue shows whole over its middle and fades to nothing at both ends, with no step', () => {
  const s = tongueSides(strip(120, 30, 20, 99));
  assert.equal(s[59], 1, 'its middle shows whole');
  assert.equal(s[10], 0, 'outside the strip nothing shows');
  assert.ok(s[20]! < 0.05 && s[99]! < 0.05, `its end columns nearly clear (${s[20]!.toFixed(3)}, ${s[99]!.toFixed(3)})`);
  let step = 0;
  for (let x = 1; x < 120; x++) step = Math.max(step, Math.abs(s[x]! - s[x - 1]!));
  assert.ok(step < 0.15, `no column-to-column jump of the share over 0.15 (largest ${step.toFixed(3)})`);
  for (let x = 21; x <= 59; x++) assert.ok(s[x]! >= s[x - 1]!, 'rising from the left end to the middle');
});

test('a layer with nothing opaque shows nothing', () => {
  const s = tongueSides(strip(40, 10, 0, -1));
  assert.ok(s.every((v) => v === 0));
});
