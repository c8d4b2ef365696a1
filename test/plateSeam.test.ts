// The plate's seam at the person's hole border: borderShadingFromMembrane removes a synthesis's
// dip-and-bump ramp along the border of a plain wall and leaves a textured backdrop alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { borderShadingFromMembrane, fillHole, toColour } from '../src/analyze/inpaint.ts';
import { dilate } from '../src/analyze/raster.ts';

const size = 96;
/** A wall (plain: level 200 with +-1 grain; textured: +-40 blotches of 3 px) with a disc-shaped hole. */
function scene(textured: boolean) {
  const img = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  const hole = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x;
    const grain = ((x * 7 + y * 13) % 3) - 1;
    const blotch = textured ? (((Math.floor(x / 3) * 31 + Math.floor(y / 3) * 17) % 9) - 4) * 10 : 0;
    img.data.set([200 + grain + blotch, 200 + grain + blotch, 200 + grain + blotch, 255], i * 4);
    hole[i] = Math.hypot(x - 48, y - 48) < 28 ? 1 : 0;
  }
  const source = Uint8Array.from(dilate(hole, size, size, 2), (v) => 1 - v);
  return { img, hole, source };
}

/** The synthesis: the photo's own pixels, plus -5 at depth 1-3 and +5 at depth 5-8 (the ghost's shape). */
function ghostly(img: { data: Uint8ClampedArray }, hole: Uint8Array): Float32Array {
  const colour = toColour(img as never);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x;
    if (!hole[i]) continue;
    const depth = 28 - Math.hypot(x - 48, y - 48);
    const ramp = depth < 3.5 ? -5 : depth >= 4.5 && depth < 8.5 ? 5 : 0;
    for (let c = 0; c < 3; c++) colour[i * 3 + c] = colour[i * 3 + c]! + ramp;
  }
  return colour;
}

/** Mean |colour - photo| over the hole's first 10 px (red channel). */
function seam(colour: Float32Array, img: { data: Uint8ClampedArray }, hole: Uint8Array): number {
  let sum = 0, n = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x;
    if (!hole[i] || 28 - Math.hypot(x - 48, y - 48) > 10) continue;
    sum += Math.abs(colour[i * 3]! - img.data[i * 4]!);
    n++;
  }
  return sum / n;
}

test('borderShadingFromMembrane: the ghost ramp along a plain wall goes', () => {
  const { img, hole, source } = scene(false);
  const colour = ghostly(img, hole);
  const before = seam(colour, img, hole);
  borderShadingFromMembrane(colour, img as never, hole, source, toColour(fillHole(img as never, hole, 1, false)));
  const after = seam(colour, img, hole);
  assert.ok(before > 3.5, `the ghost is there to start with (${before.toFixed(2)})`);
  assert.ok(after < 1.5, `the ghost is gone (${before.toFixed(2)} -> ${after.toFixed(2)})`);
});

test('borderShadingFromMembrane: a textured backdrop keeps its structure', () => {
  const { img, hole, source } = scene(true);
  const colour = ghostly(img, hole);
  const copy = colour.slice();
  borderShadingFromMembrane(colour, img as never, hole, source, toColour(fillHole(img as never, hole, 1, false)));
  let changed = 0;
  for (let i = 0; i < colour.length; i++) changed = Math.max(changed, Math.abs(colour[i]! - copy[i]!));
  assert.ok(changed < 1, `texture left as it was (largest change ${changed.toFixed(2)})`);
});
