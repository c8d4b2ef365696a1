// hue35 (s35, issue #13): the open mouth's tissue in the lips' own hue (tissueTint.ts) and a tongue without vertical
// stripes (tongueColumns.ts). critic34: lp_s9 <- lp_d11's open mouth an ochre-grey box, lp_s5 <- lp_d10's striped tongue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tissueToneInto, TISSUE_SHARE } from '../src/render/mouth/tissueTint.ts';
import { smoothTongueColumns } from '../src/render/mouth/tongueColumns.ts';
import { luma601 as luma } from '../src/math/colour.ts';

// lp_s9's inner lip colour (lipSurfaceColours lipInner, about) and the bluish grey-brown her cavity's tones had on main
const ochreLips = [130, 73, 35];
const bt = (c: ArrayLike<number>) => c[2]! / luma(c), rt = (c: ArrayLike<number>) => c[0]! / luma(c);

test('a grey-blue tone moves to the lips\' red-brown, its luma kept', () => {
  const tone = [40, 34, 36], before = luma(tone);
  tissueToneInto(tone, ochreLips);
  assert.ok(Math.abs(luma(tone) - before) < 1e-6, `luma ${before} -> ${luma(tone)}`);
  assert.ok(bt(tone) < 0.75 && rt(tone) > 1.35, `b/luma ${bt(tone).toFixed(2)} r/luma ${rt(tone).toFixed(2)}: still grey`);
  // more colourful than the lips at the same luma (dark red, not brown), but not past them by much
  assert.ok(rt(tone) > rt(ochreLips) && rt(tone) < rt(ochreLips) * 1.3, `r/luma ${rt(tone).toFixed(2)} lips ${rt(ochreLips).toFixed(2)}`);
});

test('the share: none leaves the tone, grey lips make it grey (a black-and-white photo), no light stays black', () => {
  const tone = [40, 34, 36];
  tissueToneInto(tone, ochreLips, 0);
  assert.deepEqual(tone, [40, 34, 36]);
  const grey = [40, 34, 36];
  tissueToneInto(grey, [120, 120, 120], 1);
  assert.ok(Math.max(...grey) - Math.min(...grey) < 0.5, `grey lips: ${grey.map((v) => v.toFixed(1))}`);
  const black = [0, 0, 0];
  tissueToneInto(black, ochreLips);
  assert.deepEqual(black, [0, 0, 0]);
  assert.ok(TISSUE_SHARE > 0 && TISSUE_SHARE <= 1);
});

test('the tongue strip loses its column stripes, keeps its outline', () => {
  const W = 60, H = 10, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4, a = x < 4 || x >= 56 ? 0.3 : 1, v = x % 4 < 2 ? 150 : 110; // light and dark stripes 2 px wide
      data[o] = v * a; data[o + 1] = 0.6 * v * a; data[o + 2] = 0.5 * v * a; data[o + 3] = a;
    }
  const l = { width: W, height: H, anchorX: 30, anchorY: 0, data }, s = smoothTongueColumns(l);
  const red = (d: Float32Array, x: number) => d[(5 * W + x) * 4]! / d[(5 * W + x) * 4 + 3]!;
  let before = 0, after = 0;
  for (let x = 10; x < 50; x++) { before = Math.max(before, Math.abs(red(data, x) - red(data, x + 1))); after = Math.max(after, Math.abs(red(s.data, x) - red(s.data, x + 1))); }
  assert.ok(before >= 40 && after < 4, `column step ${before} -> ${after.toFixed(1)}`);
  for (let q = 3; q < data.length; q += 4) assert.equal(s.data[q], data[q]);
  assert.ok(Math.abs(red(s.data, 30) - 130) < 6, `mean colour kept: ${red(s.data, 30).toFixed(1)}`);
});
