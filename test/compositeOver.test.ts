// s51 (speed51): compositing writes a partly transparent person pixel over the background as one packed store
// (composite.ts overOpaque) instead of four clamped byte stores; the bytes must be the same: every person byte,
// alpha and background byte against the byte store's own rounding, then whole frames against the byte path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compositeOver, overOpaque } from '../src/compose/composite.ts';
import { createRowExtents } from '../src/render/raster.ts';
import { mulberry32 } from '../src/math/random.ts';

test('overOpaque: each channel as a clamped byte store of person + (255 - a) / 255 background, for every byte', () => {
  const ref = new Uint8ClampedArray(1);
  let checked = 0;
  for (let a = 1; a < 255; a++) {
    const k = (255 - a) / 255;
    for (let p = 0; p < 256; p++) for (let b = 0; b < 256; b++) {
      ref[0] = p + k * b;
      // the person byte in the green lane, the others 0 (their rounding is the same formula)
      const got = overOpaque((p << 8) | (a << 24), b << 8, a);
      if (((got >>> 8) & 255) !== ref[0] || (got >>> 24) !== 255 || (got & 255) !== 0) assert.fail(`p ${p} a ${a} b ${b}: ${(got >>> 8) & 255} vs ${ref[0]}`);
      checked++;
    }
  }
  assert.equal(checked, 254 * 256 * 256);
});

/** the byte path compositeOver took before s51 (out = person + (1 - a) background per byte, alpha 255; no person: the background) */
function reference(person: Uint8ClampedArray, background: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(person.length);
  for (let o = 0; o < person.length; o += 4) {
    const a = person[o + 3]!, k = (255 - a) / 255;
    if (a === 0) { out.set(background.subarray(o, o + 3), o); out[o + 3] = 255; continue; }
    for (let c = 0; c < 3; c++) out[o + c] = person[o + c]! + k * background[o + c]!;
    out[o + 3] = 255;
  }
  return out;
}

test('compositeOver: a frame with opaque, empty and partly covered pixels (channels above alpha too) as the byte path', () => {
  const W = 40, H = 30, rnd = mulberry32(5);
  const person = new Uint8ClampedArray(W * H * 4), background = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const u = rnd(), a = u < 0.3 ? 0 : u < 0.6 ? 255 : 1 + Math.floor(rnd() * 254);
    // mostly premultiplied (channel <= alpha), a few brighter than their alpha (a pass may leave them)
    for (let c = 0; c < 3; c++) person[i * 4 + c] = rnd() < 0.9 ? Math.floor(rnd() * (a + 1)) : Math.floor(rnd() * 256);
    person[i * 4 + 3] = a;
    for (let c = 0; c < 3; c++) background[i * 4 + c] = Math.floor(rnd() * 256);
    background[i * 4 + 3] = 255;
  }
  const want = reference(person, background);
  let partly = 0;
  for (let i = 0; i < W * H; i++) if (person[i * 4 + 3]! > 0 && person[i * 4 + 3]! < 255) partly++;
  assert.ok(partly > 200, `${partly} partly covered pixels`);
  for (const opaque of [true, false]) {
    const out = new Uint8ClampedArray(W * H * 4), drawn = createRowExtents(H);
    for (let y = 0; y < H; y++) { drawn.lo[y] = 0; drawn.hi[y] = W - 1; }
    compositeOver(person, background, out, drawn, opaque);
    assert.deepEqual(out, want, `opaque background ${opaque}`);
  }
});
