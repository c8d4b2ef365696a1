// A closing eye's slit is cut in whole pixels by the z-buffer: a stair of 1-px steps along both lids
// (Katie, lp_s42 at blink .75-.85; alias22). render/slitEdge.ts gives the pixels the lid lines cross
// the eyeball and the skin by share of pixel. Synthetic raster: skin (near) around a dark eyeball
// (far) drawn where a pixel's centre lies between two sloping lines, as the rasterizer does.
import test from 'node:test';
import assert from 'node:assert/strict';
import { coverSlitEdges, polylineYAt, rowShares } from '../src/render/slitEdge.ts';
import { slitCoverStrength } from '../src/render/closedEye/overlay.ts';
import { runningLineResidual } from '../src/eval/slitJag.ts';
import type { RasterTarget } from '../src/render/raster.ts';

const W = 60, H = 24;
const SKIN = 200, EYE = 40;
const pack = (v: number) => (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
// the upper lid line comes down left to right, the lower one rises: a slit narrowing to a sliver
const ux = [0, 30, 59], uy = [8, 10.2, 12.1];
const lx = [0, 30, 59], ly = [11.3, 12.6, 13.05];

function raster(): RasterTarget {
  const color = new Uint32Array(W * H), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const yu = polylineYAt(ux, uy, x + 0.5), yl = polylineYAt(lx, ly, x + 0.5);
    const eye = y + 0.5 > yu && y + 0.5 < yl;
    color[y * W + x] = pack(eye ? EYE : SKIN);
    depth[y * W + x] = eye ? 0.5 : 1;
  }
  return { width: W, height: H, color, depth };
}

/** Per column, the eyeball's share summed down the column (its thickness in px) and its centre row. */
function slitOf(t: RasterTarget, x: number): { thickness: number; centre: number } {
  let mass = 0, moment = 0;
  for (let y = 0; y < H; y++) { const d = (SKIN - (t.color[y * W + x]! & 255)) / (SKIN - EYE); mass += d; moment += d * (y + 0.5); }
  return { thickness: mass, centre: moment / mass };
}

test('row shares: skin above, slit, skin below add up to the pixel', () => {
  assert.deepEqual(rowShares(5, 5.25, 5.75), { a: 0.25, c: 0.5, b: 0.25 });
  assert.deepEqual(rowShares(5, 3, 9), { a: 0, c: 1, b: 0 });
  const s = rowShares(7, 7.6, 9.2);
  assert.ok(Math.abs(s.a + s.b + s.c - 1) < 1e-12 && Math.abs(s.a - 0.6) < 1e-12 && s.b === 0);
});

test('the slit\'s thickness and centre follow its lines by fractions of a pixel, not whole ones', () => {
  const t = raster();
  const errors = (tt: RasterTarget) => {
    let worst = 0, worstCentre = 0;
    const thick: number[] = [];
    for (let x = 3; x < W - 3; x++) {
      const yu = polylineYAt(ux, uy, x + 0.5), yl = polylineYAt(lx, ly, x + 0.5);
      const s = slitOf(tt, x);
      thick.push(s.thickness);
      if (yl - yu < 1.2) continue; // a sliver may have no eyeball pixel near it to take the colour from
      worst = Math.max(worst, Math.abs(s.thickness - (yl - yu)));
      worstCentre = Math.max(worstCentre, Math.abs(s.centre - (yu + yl) / 2));
    }
    return { worst, worstCentre, rough: runningLineResidual(thick) };
  };
  const before = errors(t);
  assert.ok(before.worst > 0.3, `the whole-pixel cut is off by up to half a pixel (${before.worst.toFixed(2)})`);
  coverSlitEdges(t, ux, uy, lx, ly, 0.6);
  const after = errors(t);
  assert.ok(after.worst < 0.02, `covered: thickness within ${after.worst.toFixed(3)} px of the lines'`);
  // (a centre read from whole rows is off by a few hundredths even for an exact box filter)
  assert.ok(after.worstCentre < 0.07 && after.worstCentre < 0.3 * before.worstCentre, `centre off by ${before.worstCentre.toFixed(3)} -> ${after.worstCentre.toFixed(3)} px`);
  assert.ok(after.rough < 0.5 * before.rough, `thickness roughness ${before.rough.toFixed(3)} -> ${after.rough.toFixed(3)}`);
});

test('only the pixels the lines cross change; strength 0 and a shut slit change nothing', () => {
  const t = raster();
  const raw = t.color.slice();
  coverSlitEdges(t, ux, uy, lx, ly, 0.6, 0);
  assert.deepEqual(t.color, raw, 'strength 0');
  coverSlitEdges(t, ux, uy, ux, uy.map((y) => y - 1), 0.6);
  assert.deepEqual(t.color, raw, 'lower line above the upper: shut, nothing to cover');
  coverSlitEdges(t, ux, uy, lx, ly, 0.6);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (t.color[y * W + x] === raw[y * W + x]) continue;
    const yu = polylineYAt(ux, uy, x + 0.5), yl = polylineYAt(lx, ly, x + 0.5);
    assert.ok(y === Math.floor(yu) || y === Math.floor(yl), `pixel ${x},${y} changed off the lines`);
  }
});

test('the rest frame keeps its whole pixels (the photo either side of the cut); a moving lid is covered', () => {
  assert.equal(slitCoverStrength(0), 0);
  assert.equal(slitCoverStrength(0.1), 1);
  assert.ok(slitCoverStrength(0.05) > 0 && slitCoverStrength(0.05) < 1);
});
