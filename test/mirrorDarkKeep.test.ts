// mirrorDarkKeep.ts: the far side's mirror gives way where its sample is much darker than the own one
// (lp_s10 +25's ghost nose arc: the near nose flank's shadow edge copied onto the plain lit far cheek).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mirrorDarkKeep, MIRROR_DARK_RATIO } from '../src/render/mirrorDarkKeep.ts';
import { rasterTriangleMirror } from '../src/render/rasterFarSide.ts';

test('mirrorDarkKeep: whole while the mirror is as bright or brighter, none once own/mirror passes the ratio, monotone between', () => {
  assert.equal(mirrorDarkKeep(200, 200), 1);
  assert.equal(mirrorDarkKeep(60, 200), 1, 'a darker own side (a shaded cheek the mirror lights) keeps the mirror');
  assert.equal(mirrorDarkKeep(200, 60), 0, 'a dark line under a plain lit own side: own texture');
  let last = 1;
  for (let ratio = 1; ratio <= 1.6; ratio += 0.05) {
    const k = mirrorDarkKeep(ratio * 104 - 4, 100);
    assert.ok(k <= last + 1e-12 && k >= 0 && k <= 1, `ratio ${ratio.toFixed(2)}: ${k}`);
    last = k;
  }
  assert.ok(mirrorDarkKeep(MIRROR_DARK_RATIO[0] * 104 - 4 + 10, 100) < 1);
});

// A 32 x 32 target under one triangle: own texture at u = x (plain, lum 200 or 60), the mirror's at
// u = 84 + x (plain 220 with a dark line, 60, at texture column 100 = screen x 16); share 1, no relighting.
function drawFarSide(own: number): Uint32Array {
  const tw = 128, th = 64, grey = (l: number) => (l | (l << 8) | (l << 16) | (255 << 24)) >>> 0;
  const data32 = new Uint32Array(tw * th);
  for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++) data32[y * tw + x] = grey(x < 64 ? own : x >= 99 && x <= 101 ? 60 : 220);
  const W = 32;
  const target = { width: W, height: W, color: new Uint32Array(W * W), depth: new Float32Array(W * W) };
  const xs = [-1, 80, -1], ys = [-1, -1, 80];
  rasterTriangleMirror(target, { width: tw, height: th, data32 }, {
    x: Float32Array.from(xs), y: Float32Array.from(ys), iz: Float32Array.from([1, 1, 1]),
    uv: Float32Array.from(xs.flatMap((x, i) => [x + 0.5, ys[i]! + 0.5])),
    uvMirror: Float32Array.from(xs.flatMap((x, i) => [84 + x + 0.5, ys[i]! + 0.5])),
    share: Float32Array.from([1, 1, 1]), gain: new Float32Array(9).fill(1), shade: new Float32Array(3).fill(128),
  }, 0, 1, 2);
  return target.color;
}
const red = (c: number) => c & 255;

test('rasterTriangleMirror: the mirror shows over a plain own side, but not its dark line; over a darker own side all of it shows', () => {
  const lit = drawFarSide(200);
  assert.equal(red(lit[10 * 32 + 5]!), 220, 'plain mirror texture drawn in full');
  assert.ok(red(lit[10 * 32 + 16]!) >= 195, `the mirror's dark line gives way to the own texture (got ${red(lit[10 * 32 + 16]!)})`);
  const shaded = drawFarSide(60);
  assert.equal(red(shaded[10 * 32 + 5]!), 220);
  assert.equal(red(shaded[10 * 32 + 16]!), 60, 'own side as dark as the line: the mirror is kept');
});
