// s50 (readback50): bench/shutProfile.ts lineProfile — where a shut line lies between the open eye's lids (t) and
// how the lid's light runs into it (near / top), on synthetic eyes whose answer is known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineProfile } from '../bench/shutProfile.ts';
import type { EyeFrame } from '../bench/lidProfile.ts';
import type { RgbaImage } from '../src/types.ts';

/** A horizontal eye 100 px wide (corners at y 100), its rows' light from light(v), v in eye widths (+ down). */
function eye(light: (v: number) => number): { img: RgbaImage; f: EyeFrame } {
  const W = 300, H = 200, data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, l = light((y + 0.5 - 100) / 100);
    data.fill(Math.round(l), o, o + 3);
    data[o + 3] = 255;
  }
  return { img: { width: W, height: H, data }, f: { o: [100, 100], i: [200, 100], w: 100, up: -0.2, low: 0.1 } };
}

test('a line on the lower lid reads t 1; one a quarter of the opening above it t .75', () => {
  const at = (c: number) => eye((v) => (Math.abs(v - c) < 0.011 ? 40 : 200));
  const low = at(0.1), high = at(0.025);
  assert.ok(Math.abs(lineProfile(low.img, low.f).t - 1) < 0.05, `t ${lineProfile(low.img, low.f).t}`);
  assert.ok(Math.abs(lineProfile(high.img, high.f).t - 0.75) < 0.05, `t ${lineProfile(high.img, high.f).t}`);
});

test('a lid that darkens into the line reads near under top; a flat lid up to a drawn line reads both ~1', () => {
  const ramp = eye((v) => (v > 0.11 ? 200 : v >= 0.09 ? 40 : 200 - 160 * Math.max(0, 1 - (0.09 - v) / 0.1)));
  const flat = eye((v) => (Math.abs(v - 0.1) < 0.011 ? 40 : 200));
  const r = lineProfile(ramp.img, ramp.f), f = lineProfile(flat.img, flat.f);
  assert.ok(r.near < 0.7 && r.top > 0.9, `ramp near ${r.near} top ${r.top}`);
  assert.ok(f.near > 0.95 && f.top > 0.95, `flat near ${f.near} top ${f.top}`);
});
