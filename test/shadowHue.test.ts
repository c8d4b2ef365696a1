// shadowHue.ts (blink32): the shut lid's shading darker than the skin coloured as skin in shadow (the
// skin's albedo to a power), warmer than the grey a single scale gives; luminance kept. Off by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { shadowColour, shadowHue, SHADOW_HUE_DEFAULT } from '../src/render/closedEye/shadowHue.ts';
import { luminance as lum } from '../src/math/colour.ts';

test('shadowColour: warm skin in shadow is redder and less blue than the skin, at the asked luminance; grey stays grey', () => {
  // dfrf_french's skin and its real shut lash line's luminance (train clip frame 78: 101,51,48)
  const skin = [168, 120, 118], real = [101, 51, 48];
  const out = [0, 0, 0];
  shadowColour(skin, lum(real[0]!, real[1]!, real[2]!), out);
  assert.ok(Math.abs(lum(out[0]!, out[1]!, out[2]!) - lum(real[0]!, real[1]!, real[2]!)) < 0.5, `luminance kept: ${out.map((x) => x.toFixed(0))}`);
  const share = (c: number[], ch: number) => c[ch]! / (c[0]! + c[1]! + c[2]!);
  assert.ok(share(out, 0) > share(skin, 0) + 0.05, `redder: ${share(out, 0).toFixed(2)} vs skin ${share(skin, 0).toFixed(2)}`);
  assert.ok(share(out, 2) < share(skin, 2) - 0.03, `less blue: ${share(out, 2).toFixed(2)} vs skin ${share(skin, 2).toFixed(2)}`);
  // near the real line's own colour (within 12 levels per channel); a single scale gives 96,68,68
  for (let ch = 0; ch < 3; ch++) assert.ok(Math.abs(out[ch]! - real[ch]!) < 12, `channel ${ch}: ${out[ch]!.toFixed(0)} vs real ${real[ch]}`);
  shadowColour([150, 150, 150], 60, out);
  assert.ok(Math.abs(out[0]! - out[2]!) < 0.5 && Math.abs(out[0]! - 60) < 0.5, 'a grey photo keeps a grey line');
  shadowColour(skin, 200, out);
  assert.deepEqual(out.map(Math.round), skin, 'no shadow at or above the skin\'s light');
  assert.equal(SHADOW_HUE_DEFAULT, false);
});

test('shadowHue: only cells darker than their skin change, each to its own luminance', () => {
  const skin = [180, 130, 110];
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3);
  for (let k = 0; k < PATCH_W * PATCH_H; k++) { const f = k % 2 ? 1.05 : 0.5; for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, skin[ch]! * f); }
  const before = Float32Array.from(rgb);
  shadowHue(rgb, (_u, _v, o) => { o[0] = skin[0]!; o[1] = skin[1]!; o[2] = skin[2]!; });
  for (const k of [0, 1, 500, 501]) {
    const a = lum(before[k * 3]!, before[k * 3 + 1]!, before[k * 3 + 2]!), b = lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!);
    assert.ok(Math.abs(a - b) < 0.5, `cell ${k}: luminance ${a.toFixed(1)} -> ${b.toFixed(1)}`);
    if (k % 2) assert.equal(rgb[k * 3], before[k * 3], 'a cell lighter than the skin is kept');
    else assert.ok(rgb[k * 3]! > before[k * 3]! + 3, `a shaded cell is redder: ${before[k * 3]} -> ${rgb[k * 3]!.toFixed(0)}`);
  }
});
