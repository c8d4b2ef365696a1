import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scleraShows, wideFromShow, widenFromShows, SHOW_DEAD, SHOW_SPAN } from '../src/motion/scleraShow.ts';
import type { RigControl } from '../src/rig/controls.ts';

/** 478 points with both eyes level, 40 px wide, irises of radius 8 centred; upper lids `lid` px above the iris centres. */
function face(lidL: number, lidR: number): number[][] {
  const lm = Array.from({ length: 478 }, () => [0, 0, 0]);
  const eye = (inner: number, outer: number, top: number, iris: number, ring: number[], cx: number, lid: number) => {
    lm[inner] = [cx - 20, 100, 0]; lm[outer] = [cx + 20, 100, 0];
    lm[iris] = [cx, 100, 0]; lm[top] = [cx, 100 - lid, 0];
    [[8, 0], [0, -8], [-8, 0], [0, 8]].forEach(([dx, dy], k) => { lm[ring[k]!] = [cx + dx!, 100 + dy!, 0]; });
  };
  eye(362, 263, 386, 468, [469, 470, 471, 472], 200, lidL);
  eye(133, 33, 159, 473, [474, 475, 476, 477], 100, lidR);
  return lm;
}

test('show: the lid over the iris top in iris diameters, per eye, whichever way the corners are listed', () => {
  const [l, r] = scleraShows(face(12, 6));
  assert.ok(Math.abs(l - 0.25) < 1e-9, `left ${l}`); // (12 - 8) / 16
  assert.ok(Math.abs(r + 0.125) < 1e-9, `right ${r}`); // (6 - 8) / 16: the lid covers the iris top
});

test('wideFromShow: nothing within the dead zone over the median, full a span past it', () => {
  assert.equal(wideFromShow(-0.1 + SHOW_DEAD, -0.1), 0);
  assert.equal(wideFromShow(-0.1 + SHOW_DEAD + SHOW_SPAN, -0.1), 1);
  assert.equal(wideFromShow(-0.5, -0.1), 0); // a closing eye
  assert.equal(wideFromShow(NaN, -0.1), 0);
});

test('widenFromShows only raises eyeWide, only where both eyes show white over their median', () => {
  const n = 9;
  const wl = new Float64Array(n).fill(0.3), wr = new Float64Array(n);
  const out = new Map<RigControl, Float64Array>([['eyeWideLeft', wl], ['eyeWideRight', wr]]);
  const sl = new Float64Array(n).fill(-0.1), sr = new Float64Array(n).fill(-0.1);
  sl[4] = 0.2; sr[4] = 0.2; // a stare on frame 4
  sl[6] = -0.4; // a blink
  sl[2] = 0.3; // one eye's show alone: a misread, not a stare
  widenFromShows(out, [sl, sr], Array.from({ length: n }, (_, i) => i));
  assert.equal(wl[4], 1); assert.equal(wr[4], 1);
  for (const i of [0, 1, 2, 3, 5, 6, 7, 8]) { assert.equal(wl[i], 0.3); assert.equal(wr[i], 0); }
});
