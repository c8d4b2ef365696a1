// A photo padded with flat strips (lp_s1: 170 white columns each side of 1145) keeps them as a frame in front of
// the picture (s39 plate39): the plate in the strips is set back to their colour (analyze/flatBorder.ts
// restoreStripsInPlate) and the renderer paints them over each frame (render/photoFrame.ts), so a moving shoulder
// slides under the strip's edge instead of drawing a soft grey column past the photo's edge.
import test from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { sharedData } from '../bench/sharedData.ts';
import { restoreStripsInPlate } from '../src/analyze/flatBorder.ts';
import { stripSpans, paintStrips } from '../src/render/photoFrame.ts';
import { compositeOver } from '../src/compose/composite.ts';
import { createRowExtents } from '../src/render/rasterTarget.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { PortraitAnalysis } from '../src/types.ts';

test('stripSpans: the output pixels over the strips, none without padding; paintStrips copies the plate there', () => {
  // a 100 x 50 source padded 10 left and 20 right, cropped whole into a 100 px crop, drawn at 50 px (S 0.5)
  const analysis = { source: { width: 100, height: 50, frame: [10, 0, 20, 0] }, crop: { x: 0, y: 0, side: 100, size: 100 } } as unknown as PortraitAnalysis;
  const spans = stripSpans(analysis, 50, 50, 0.5, 0, 0);
  // rows 0..24 lie in the source; per row x 0..4 (left strip) and 40..49 (right strip)
  assert.equal(spans.length, 25 * 4);
  assert.deepEqual(Array.from(spans.subarray(0, 4)), [0, 5, 40, 50]);
  assert.equal(stripSpans({ ...analysis, source: { width: 100, height: 50 } } as PortraitAnalysis, 50, 50, 0.5, 0, 0).length, 0);
  assert.equal(stripSpans(null, 50, 50, 0.5, 0, 0).length, 0);
  const out = new Uint8ClampedArray(50 * 50 * 4), plate = new Uint8ClampedArray(50 * 50 * 4).fill(255);
  paintStrips(out, plate, spans);
  assert.equal(out[4 * 4], 255);
  assert.equal(out[5 * 4], 0);
  assert.equal(out[(24 * 50 + 45) * 4], 255);
  assert.equal(out[(30 * 50 + 45) * 4], 0);
});

test('restoreStripsInPlate: the plate in the strips takes the photo\'s strip colour, elsewhere untouched', () => {
  const image = { width: 40, height: 20, data: new Uint8ClampedArray(40 * 20 * 4).fill(255) };
  const plate = { width: 20, height: 20, data: new Uint8ClampedArray(20 * 20 * 4).fill(100) };
  restoreStripsInPlate(plate, image, { x: 10, y: 0, side: 20 }, [0, 0, 12, 0]); // crop 10..30, strip from x 28
  assert.equal(plate.data[(5 * 20 + 19) * 4], 255);
  assert.equal(plate.data[(5 * 20 + 18) * 4], 255);
  assert.equal(plate.data[(5 * 20 + 17) * 4], 100);
});

test('lp_s1: the strips are recorded, white in the plate, and a moved frame shows them as the photo has them', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s1.jpg'));
  assert.deepEqual(portrait.analysis.source.frame, [170, 0, 170, 0]);
  assert.equal(portrait.analysis.source.padding, undefined); // the strips are not past the photo: matte and crop as before
  const n = portrait.background.width, edge = Math.round(((1145 - 170) * n) / 1145); // the right strip's first column
  const offWhite = (img: Uint8ClampedArray, w: number, x0: number, x1: number, y0: number) => {
    let k = 0;
    for (let y = y0; y < w; y++) for (let x = x0; x < x1; x++) if (Math.min(img[(y * w + x) * 4]!, img[(y * w + x) * 4 + 1]!, img[(y * w + x) * 4 + 2]!) < 250) k++;
    return k;
  };
  // before s39 the plate's hole fill reached 10 px into the strip beside the shoulder: 443 of its first 12 columns' px
  assert.equal(offWhite(portrait.background.data, n, edge, edge + 12, 0), 0, 'plate px off white in the right strip');
  const size = 160, e = Math.round(((1145 - 170) * size) / 1145);
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const shown = r.render({ ...r.neutralFrame(), pose: { yaw: 4, pitch: -3, roll: 8, tx: 0, ty: 0, tz: 0 } }).data;
  // without the frame's paint the shoulder's soft outline still shows a few px past the edge here
  assert.equal(offWhite(shown, size, e + 1, e + 6, size / 2), 0, 'rendered px off white past the right edge, lower half');
});

test('paintStrips (s54): the u32 copy writes the plate\'s RGBA in the spans exactly as the byte copy (unaligned views), nothing else', () => {
  const W = 37, H = 11, n = W * H * 4, spans = Int32Array.from([0, 5, 30, 37, 5 * W + 2, 5 * W + 9, 10 * W, 11 * W]);
  const plate = new Uint8ClampedArray(n), out = new Uint8ClampedArray(n);
  for (let i = 0; i < n; i++) { plate[i] = (i * 37 + 11) & 255; out[i] = (i * 101 + 3) & 255; }
  const a = out.slice();
  paintStrips(a, plate, spans);
  // the same bytes one byte into larger buffers: not u32-aligned, the byte path
  const pb = new Uint8ClampedArray(n + 1), ob = new Uint8ClampedArray(n + 1);
  pb.set(plate, 1); ob.set(out, 1);
  const plateU = pb.subarray(1), outU = ob.subarray(1);
  paintStrips(outU, plateU, spans);
  assert.deepEqual(Array.from(a), Array.from(outU));
  let changed = 0;
  for (let i = 0; i < n; i++) if (a[i] !== out[i]) changed++;
  const inSpans = (i: number) => { const px = i >> 2; for (let s = 0; s < spans.length; s += 2) if (px >= spans[s]! && px < spans[s + 1]!) return true; return false; };
  for (let i = 0; i < n; i++) assert.equal(a[i], inSpans(i) ? plate[i] : out[i]);
  assert.ok(changed > 100);
});

test('paintStrips with the drawn extents (s54): after compositeOver over the opaque plate, the same bytes as copying every span pixel', () => {
  const W = 40, H = 12, n = W * H;
  const spans = stripSpans({ source: { width: 80, height: 24, frame: [10, 4, 16, 0] }, crop: { x: 0, y: 0, side: 80, size: 80 } } as unknown as PortraitAnalysis, W, H, 0.5, 0, 0);
  assert.ok(spans.length > 0);
  const plate = new Uint8ClampedArray(n * 4), person = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n * 4; i++) plate[i] = (i * 53 + 7) & 255;
  for (let i = 3; i < n * 4; i += 4) plate[i] = 255;
  const drawn = createRowExtents(H);
  for (let y = 0; y < H; y++) {
    // some rows empty, some reaching into both strips, some only into one
    const lo = y % 4 === 3 ? W : (y * 7) % 9, hi = y % 4 === 3 ? -1 : W - 1 - ((y * 5) % 13);
    drawn.lo[y] = lo; drawn.hi[y] = hi;
    for (let x = Math.max(0, lo); x <= Math.min(W - 1, hi); x++) {
      const o = (y * W + x) * 4, a = (x * 31 + y * 17) % 3 === 0 ? 0 : (x + y) % 2 ? 255 : 90;
      person[o + 3] = a;
      for (let ch = 0; ch < 3; ch++) person[o + ch] = Math.min(a, (x * 11 + y * 3 + ch * 50) & 255);
    }
  }
  const a = new Uint8ClampedArray(n * 4), b = new Uint8ClampedArray(n * 4);
  compositeOver(person, plate, a, drawn, true);
  compositeOver(person, plate, b, drawn, true);
  const before = a.slice();
  paintStrips(a, plate, spans);
  paintStrips(b, plate, spans, drawn);
  assert.deepEqual(Array.from(b), Array.from(a));
  // the strips did cover drawn person pixels (the test reaches the copy)
  let changed = 0;
  for (let i = 0; i < n * 4; i++) if (a[i] !== before[i]) changed++;
  assert.ok(changed > 20);
});
