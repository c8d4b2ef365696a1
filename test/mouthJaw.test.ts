// The jaw set under a dropped lower lip, and the upper teeth under a raised upper lip (round 10):
// a lower lip far under the jaw's anchor takes the lower teeth with it (no band of lower teeth
// filling the opening, Obama 2), and a lip raised past the photo's shows teeth and then gum, not
// a dark band of cavity (Katie).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader, jawFollow, type MouthPlacement } from '../src/render/mouth/shader.ts';
import { LOWER_TEETH_SHOW, lowerTipsAbove, teethUnderLip } from '../src/render/mouth/teethRows.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const L = (c: ArrayLike<number>) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;

/** A layer of solid light-grey teeth on rows from..to, anchored at (w/2, anchorY). */
function band(w: number, h: number, from: number, to: number, anchorY: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 230; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY, data };
}

const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.5, photoGap: 0, rebuilt: 1 };

test('a lower row\'s tips are measured over its anchor', () => {
  // teeth rows 20-40 of a layer anchored at row 28: tips 8 px over the anchor
  assert.equal(lowerTipsAbove(band(40, 60, 20, 40, 28)), 8);
  assert.equal(lowerTipsAbove(band(40, 60, 0, 0, 28)), null);
});

test('the jaw set follows a lower lip far under the jaw\'s anchor, never a lip at the anchor', () => {
  // tips 4 px over the anchor (100 px per IOD); the lip 2 px under it: the tips stand 6 px over the lip, under the limit
  assert.ok(LOWER_TEETH_SHOW * 100 > 6);
  assert.equal(jawFollow({ ...PLACE, lowerLipX: 32, lowerLipY: 42 }, 4, 0), 0);
  assert.equal(jawFollow(PLACE, 8, 0), 0, 'no lip given: no follow');
  // the lip 20 px under the anchor (a driver's mouthLowerDown): the tips would stand 28 px over it
  const f = jawFollow({ ...PLACE, lowerLipX: 32, lowerLipY: 60 }, 8, 0);
  assert.ok(Math.abs(60 - (40 + f - 8) - LOWER_TEETH_SHOW * 100) < 1e-6, `follow ${f}`);
  // along the mouth's down axis of a rolled head
  const c = Math.cos(0.3), s = Math.sin(0.3);
  const rolled = jawFollow({ ...PLACE, cos: c, sin: s, lowerLipX: 32 - 20 * s, lowerLipY: 40 + 20 * c }, 8, 0);
  assert.ok(Math.abs(rolled - f) < 1e-6, `rolled ${rolled} vs ${f}`);
});

test('under a lower lip dropped past the jaw the lower teeth show no more than LOWER_TEETH_SHOW (Obama 2: a band of lower teeth)', () => {
  const W = 64;
  // the lower row: teeth from 8 px over its anchor down 20 px; the lower lip line 25 px under the anchor
  const lower = band(64, 80, 22, 42, 30);
  const shader = new MouthShader(W, { upper: band(8, 8, 0, 0, 0), lower, tongue: null, cavity: [20, 10, 12], fromPhoto: false, lowerFromPhoto: true });
  const lip: [number, number, number] = [180, 100, 90];
  shader.lipEdge = lip; shader.lipRimUpper = lip; shader.lipRimLower = lip; shader.lipInner = [140, 60, 55];
  shader.setPlacement({ ...PLACE, lowerY: 40, lowerLipX: 32, lowerLipY: 65 });
  shader.centreX = 32; shader.halfWidth = 30;
  shader.setLips([0, W], [5, 5], [0, W], [65, 65]);
  let top = -1;
  for (let y = 6; y < 65; y++) { const c = shader.shade(32, y, 0, 0); if (L([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]) > 150) { top = y; break; } }
  // before: the teeth from row 32 (8 px over the anchor): 33 px of lower teeth over the lip
  assert.ok(top > 0, 'the lower teeth still show');
  assert.ok(65 - top <= LOWER_TEETH_SHOW * 100 + 1, `lower teeth from row ${top}, ${65 - top} px over the lip`);
});

test('a raised upper lip uncovers teeth, then gum: the row goes on 0.1 IOD behind its lip end (Katie: a dark band under the lip)', () => {
  // an upper row of bright teeth on rows 40-59 of a 60-row layer, 100 px per IOD, empty above
  const l = band(40, 60, 40, 60, 40);
  const gum: [number, number, number] = [150, 60, 60];
  const out = teethUnderLip(l, 100, -1, gum);
  const at = (y: number) => { const o = (y * 40 + 20) * 4, a = out.data[o + 3]!; return { a, c: [0, 1, 2].map((ch) => out.data[o + ch]! / Math.max(a, 1e-6)) }; };
  // 0.04 IOD over the row's start: teeth; 0.10: gum-coloured, still solid (before: faded out from 0.04, the cavity showed)
  const teeth = at(36), high = at(30);
  assert.ok(teeth.a > 0.95 && L(teeth.c) > 180, `teeth at 0.04: ${teeth.a.toFixed(2)} ${teeth.c.map(Math.round)}`);
  assert.ok(high.a > 0.8, `alpha at 0.10 over the row: ${high.a.toFixed(2)}`);
  assert.ok(high.c[0]! > high.c[1]! + 30, `gum (red) at 0.10: ${high.c.map(Math.round)}`);
  // without a gum colour (the lower row) nothing changes colour
  const bare = teethUnderLip(band(40, 60, 0, 20, 20), 100, 1);
  const o = (25 * 40 + 20) * 4;
  assert.ok(Math.abs(bare.data[o]! - bare.data[o + 1]!) < 1e-3, 'the lower row stays grey');
});

test('the photo\'s own teeth piece loses its lip pixels as bright as teeth (lp_s42: a pink outline in the teeth)', async () => {
  const { withoutDark } = await import('../src/render/mouth/photoTeeth.ts');
  // 40 x 30: ivory teeth, with a band of light pink lip (as bright as the teeth, far more colourful) on rows 0-7
  const W = 40, H = 30, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, c = y < 8 ? [250, 170, 165] : [225, 215, 200];
    data[o] = c[0]!; data[o + 1] = c[1]!; data[o + 2] = c[2]!; data[o + 3] = 1;
  }
  const out = withoutDark({ width: W, height: H, anchorX: 20, anchorY: 15, data });
  const a = (y: number) => out.data[(y * W + 20) * 4 + 3]!;
  // main: the pink kept whole (luminance alone decided)
  assert.ok(a(3) < 0.05, `lip pixel kept ${a(3).toFixed(2)}`);
  assert.ok(a(20) > 0.95, `teeth kept ${a(20).toFixed(2)}`);
});

test('a mid opening shows the upper row\'s lit edge under the lip and the mouth\'s shadow under it, a wide one the whole row (round 11: no cream slab)', () => {
  const W = 64;
  // the upper row: teeth on the layer's rows 0-30 hanging from its anchor (row 0); the upper lip at row 10, the lower at 40
  const shader = new MouthShader(W, { upper: band(64, 40, 0, 30, 0), lower: band(8, 8, 0, 0, 0), tongue: null, cavity: [20, 10, 12], fromPhoto: false, lowerFromPhoto: false });
  const lip: [number, number, number] = [180, 100, 90];
  shader.lipEdge = lip; shader.lipRimUpper = lip; shader.lipRimLower = lip; shader.lipInner = [140, 60, 55];
  shader.centreX = 32; shader.halfWidth = 30;
  shader.setLips([0, W], [10, 10], [0, W], [40, 40]);
  const at = (gap: number, y: number) => { shader.setPlacement({ ...PLACE, upperY: 10, lowerY: 40, gap }); const c = shader.shade(32, y, 0, 0); return L([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]); };
  // 0.1 IOD apart: 0.025 IOD under the lip the teeth's edge is lit, 0.125 under it the mouth is dark (before: teeth, 170+)
  assert.ok(at(0.1, 12) > 120, `edge at a mid opening: ${at(0.1, 12).toFixed(0)}`);
  assert.ok(at(0.1, 22) < 60, `under the edge at a mid opening: ${at(0.1, 22).toFixed(0)}`);
  // 0.2 IOD apart: the whole row
  assert.ok(at(0.2, 22) > 120, `under the edge wide open: ${at(0.2, 22).toFixed(0)}`);
});
