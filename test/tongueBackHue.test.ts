// tongue39 (s39): the tongue's back toward the dark's purple (tongueBackHue.ts), after deepHue.ts's pass; the lit front and
// the lower row near the lower lip untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepHueInto, deepHueOver } from '../src/render/mouth/deepHue.ts';
import { tongueBackHueOver, tongueBackWeight } from '../src/render/mouth/tongueBackHue.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { luma601 as luma } from '../src/math/colour.ts';

const lips = [176, 120, 80]; // ochre lips (lp_s5's, Lab hue ~57)
const tint = [0, 0, 0];
assert.ok(deepHueInto(lips, tint));
const lipLuma = luma(lips);
const hue = (px: ArrayLike<number>) => { const [, a, b] = labOf(px[0]!, px[1]!, px[2]!); return (Math.atan2(b, a) * 180) / Math.PI; };
const pass = (px: number[], up: number, arch: number) => { const o = Float64Array.from(px); deepHueOver(o, tint, lipLuma, 1); tongueBackHueOver(o, tint, lipLuma, 1, up, arch); return o; };

test("a salmon tongue's back at .7 of the lips' luma, high in a wide opening, turns toward the purple with its luma kept", () => {
  const salmon = [150, 92, 70].map((v) => v * ((0.7 * lipLuma) / luma([150, 92, 70])));
  const only = Float64Array.from(salmon); deepHueOver(only, tint, lipLuma, 1);
  const back = pass(salmon, 0.7, 1);
  assert.ok(hue(back) < hue(only) - 8, `hue ${hue(salmon).toFixed(0)}: deepHue alone ${hue(only).toFixed(0)}, with the back ${hue(back).toFixed(0)}`);
  assert.ok(Math.abs(luma(back) - luma(salmon)) < 1, 'luma kept');
});

test('the lit front low in the opening and a shaded lower tooth by the lower lip keep their colour', () => {
  const front = [190, 125, 100], tooth = [150, 140, 120].map((v) => v * 0.8);
  assert.deepEqual(Array.from(pass(front, 0.1, 1)), front);
  const t = Float64Array.from(tooth); deepHueOver(t, tint, lipLuma, 1);
  assert.deepEqual(Array.from(pass(tooth, 0.1, 1)), Array.from(t));
  assert.equal(tongueBackWeight(0.7, 0, 0.9, 1), 0, 'no share, no tint');
});

test('the weight rises up the back and with the arch, and adds to deepHue\'s only where that gives less', () => {
  let last = -1;
  for (let up = 0; up <= 1; up += 0.1) { const w = tongueBackWeight(0.8, 1, up, 1); assert.ok(w >= last - 1e-12); last = w; }
  assert.ok(tongueBackWeight(0.8, 1, 0.8, 1) > tongueBackWeight(0.8, 1, 0.8, 0));
  assert.equal(tongueBackWeight(0.2, 1, 0.9, 1), 0, 'a black pixel is already fully deepHue\'s');
});
