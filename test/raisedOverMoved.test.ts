// The raised lid's drawing over the moved eye: the photo's unmoved eye must not come through where the
// drawing's share is partial (tick37: a dark stroke beside lp_s42's moved iris).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bilinearShare, drawnOverMoved } from '../src/render/raisedOverMoved.ts';
import { mixPacked } from '../src/render/gazeIris.ts';

const grey = (l: number) => (l | (l << 8) | (l << 16) | (255 << 24)) >>> 0;
const lumOf = (c: number) => c & 255;

test('a half-drawn texel over the moved white shows drawing and moved eye, not the photo\'s dark lash', () => {
  const drawing = grey(200), lash = grey(40), moved = grey(180), share = 0.5;
  const drawnTexel = mixPacked(lash, drawing, share); // as wideEyes.ts writes it: share x drawing + (1 - share) x the photo
  const out = drawnOverMoved(moved, drawnTexel, lash, share);
  assert.ok(Math.abs(lumOf(out) - 190) <= 1, `got ${lumOf(out)}`);
  // the old mix of that texel over the moved eye kept a quarter of the lash: a dark stroke
  const old = mixPacked(moved, drawnTexel, share);
  assert.ok(lumOf(old) < lumOf(out) - 25, `old ${lumOf(old)} vs ${lumOf(out)}`);
});

test('fully drawn texels are the drawing; the share is weighted as the bilinear sample weights texels', () => {
  assert.equal(drawnOverMoved(grey(10), grey(200), grey(40), 1), grey(200));
  const share = (x: number) => (x < 5 ? 1 : 0); // drawn left of x = 5
  assert.equal(bilinearShare(share, 4.5, 3.5), 1);
  assert.equal(bilinearShare(share, 5.5, 3.5), 0);
  assert.ok(Math.abs(bilinearShare(share, 5, 3.5) - 0.5) < 1e-9);
});
