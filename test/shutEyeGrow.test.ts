// A shut eye grown over a painted eye larger than its landmarks' ring (src/render/closedEye/overlay.ts
// eyeGrow; lp_s10's far eye, moved by the analysis at a capped scale): the fit's frame is scaled about
// the middle of the corners, so the mask reaches the painted eye's ends; unmoved eyes are untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, scaledFrame, eyeFrame, toEye, toImage } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { sampleEye } from '../src/render/closedEye/bake.ts';
import { cellColumn, cellRow } from '../src/render/closedEye/grid.ts';
import { grownGeometry, shutEyeGrowBySide } from '../src/render/closedEye/overlay.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

test('scaledFrame: a point scaled about the corners\' middle keeps its eye-frame coordinates', () => {
  const f = eyeFrame([100, 120], [160, 110], [0, 1]);
  const g = scaledFrame(f, 1.4);
  const mid = toImage(f, 0.5, 0);
  for (const [u, v] of [[0, 0], [1, 0], [0.3, -0.4], [1.2, 0.3]] as const) {
    const [x, y] = toImage(f, u, v);
    const [su, sv] = toEye(g, mid[0] + 1.4 * (x - mid[0]), mid[1] + 1.4 * (y - mid[1]));
    assert.ok(Math.abs(su - u) < 1e-9 && Math.abs(sv - v) < 1e-9, `(${u}, ${v}) -> (${su}, ${sv})`);
  }
  assert.ok(Math.abs(g.width - 1.4 * f.width) < 1e-9);
});

test('shutEyeGrowBySide: the painted size over the applied scale, capped; 1 where nothing moved or no size was recorded', () => {
  assert.deepEqual(shutEyeGrowBySide(null), [1, 1]);
  assert.deepEqual(shutEyeGrowBySide({ eyesMoved: [{ eye: 'image-left', offset: 0.7, scale: 1.2 }] }), [1, 1]);
  const [l, r] = shutEyeGrowBySide({ eyesMoved: [{ eye: 'image-left', offset: 0.71, scale: 1.2, size: 1.63 }] });
  assert.ok(Math.abs(l - 1.63 / 1.2) < 1e-9 && r === 1, `${l} ${r}`);
  assert.equal(shutEyeGrowBySide({ eyesMoved: [{ eye: 'image-right', offset: 0.7, scale: 1, size: 3 }] })[1], 1.5);
});

test('a grown shut eye covers the painted eye past its ring\'s inner corner; grow 1 is the same geometry', () => {
  // painted eyes 84 px wide (half width 42 at the ring's centre, x = 130), rings 60 px: 1.4x
  const face = syntheticEyeFace([210, 170, 150], { centreY: 120, halfHeight: 14, darkness: 0.3, brow: true, halfWidth: 42 });
  const g = eyeGeometry(face.xy)[0]!;
  assert.equal(grownGeometry(g, 1), g);
  const lib = closedEyeLibrary()[0]!;
  const maskAt = (geo: typeof g, mask: Float32Array, x: number, y: number) => {
    const [u, v] = toEye(geo.frame, x, y);
    return mask[Math.round(cellRow(v)) * PATCH_W + Math.round(cellColumn(u))]!;
  };
  const end = [169, 120] as const; // the painted eye, 9 px (0.15 eye widths) past the ring's inner corner
  const plain = sampleEye(face.texture, g, lib), grownG = grownGeometry(g, 1.4), grown = sampleEye(face.texture, grownG, lib);
  assert.ok(maskAt(g, plain.mask, ...end) < 0.5, `the ring's mask leaves the painted eye's end: ${maskAt(g, plain.mask, ...end).toFixed(2)}`);
  assert.ok(maskAt(grownG, grown.mask, ...end) > 0.9, `grown: ${maskAt(grownG, grown.mask, ...end).toFixed(2)}`);
});
