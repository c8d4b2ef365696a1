// s50 speed50: the far side's samplers take their texture positions in arrays (textureSample.ts sampleAt: a double
// passed to a call V8 does not inline is boxed on the heap). They must give sampleInto's values to the bit, inside
// the texture, in the padded band past its border and beyond it, or the renderer's frames change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleAt, sampleInto, bilinearInto, type TextureSource } from '../src/render/textureSample.ts';
import { pastBorderPad } from '../src/render/pastBorder.ts';
import { sampleAcross } from '../src/render/stretchCrossBlur.ts';
import { grainAt, GRAIN } from '../src/render/stretchGrain.ts';
import { mulberry32 } from '../src/math/random.ts';

const W = 37, H = 29;
function noiseTexture(seed: number): TextureSource {
  const rnd = mulberry32(seed), data32 = new Uint32Array(W * H);
  for (let i = 0; i < data32.length; i++) {
    const a = rnd() < 0.2 ? Math.floor(rnd() * 256) : 255;
    const ch = () => Math.floor(rnd() * (a + 1));
    data32[i] = (ch() | (ch() << 8) | (ch() << 16) | (a << 24)) >>> 0;
  }
  return { width: W, height: H, data32, past: pastBorderPad(data32, W, H, 4) };
}

/** positions inside, on the border, in the padded band and past it (u in -12 .. W + 12) */
function positions(seed: number, n: number): [number, number][] {
  const rnd = mulberry32(seed), out: [number, number][] = [[0.5, 0.5], [W - 0.5, H - 0.5], [W - 1, 3.25], [-0.3, 7.5]];
  for (let i = 0; i < n; i++) out.push([-12 + rnd() * (W + 24), -12 + rnd() * (H + 24)]);
  return out;
}

test('sampleAt: the same four floats as sampleInto everywhere, with and without a padded border', () => {
  const tex = noiseTexture(7), at = new Float64Array(2), a = new Float64Array(4), b = new Float64Array(4);
  let inside = 0, band = 0;
  for (const past of [tex.past, undefined]) for (const [u, v] of positions(11, 400)) {
    at[0] = u; at[1] = v;
    sampleAt(tex.data32, W, H, past, at, a);
    sampleInto(tex.data32, W, H, past, u, v, b);
    assert.deepEqual([...a], [...b], `at ${u}, ${v}`);
    if (u >= 0.5 && v >= 0.5 && u <= W - 0.5 && v <= H - 0.5) inside++; else band++;
  }
  assert.ok(inside > 100 && band > 100, `${inside} inside, ${band} past the border`);
  // (bilinearInto through the shared position: its own formula, unchanged)
  bilinearInto(tex.data32, W, H, 3.25, 4.75, a);
  const t = (x: number, y: number, s: number) => (tex.data32[y * W + x]! >>> s) & 255;
  assert.equal(a[0], t(3, 4, 0) * 0.75 * 0.25 + t(4, 4, 0) * 0.25 * 0.25 + t(3, 5, 0) * 0.75 * 0.75 + t(4, 5, 0) * 0.25 * 0.75);
});

test('sampleAcross and grainAt: their taps as sampleInto at the shifted positions, to the bit', () => {
  const tex = noiseTexture(3), at = new Float64Array(2), step = new Float64Array([1.3, -0.7]);
  const got = new Float64Array(4), tap = new Float64Array(4), lum = (s: Float64Array) => 0.3 * s[0]! + 0.59 * s[1]! + 0.11 * s[2]!;
  for (const [u, v] of positions(5, 150)) {
    at[0] = u; at[1] = v;
    sampleAcross(tex, at, step, got);
    const want = [0, 0, 0, 0];
    sampleInto(tex.data32, W, H, tex.past, u, v, tap);
    for (let c = 0; c < 4; c++) want[c] = tap[c]! * 2;
    sampleInto(tex.data32, W, H, tex.past, u - 1.3, v + 0.7, tap);
    for (let c = 0; c < 4; c++) want[c]! += tap[c]!;
    sampleInto(tex.data32, W, H, tex.past, u + 1.3, v - 0.7, tap);
    for (let c = 0; c < 4; c++) want[c]! += tap[c]!;
    assert.deepEqual([...got], want.map((x) => x / 4), `across at ${u}, ${v}`);
    const centre = Float64Array.from(got), g = new Float64Array(2);
    grainAt(tex, at, centre, g);
    let m = 0;
    for (const [du, dv] of [[-GRAIN.radius, 0], [GRAIN.radius, 0], [0, -GRAIN.radius], [0, GRAIN.radius]]) {
      sampleInto(tex.data32, W, H, tex.past, u + du!, v + dv!, tap); m += lum(tap);
    }
    assert.deepEqual([...g], [lum(centre), m / 4], `grain at ${u}, ${v}`);
  }
});
