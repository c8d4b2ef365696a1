// browHair.ts (s59 lids59: foldBand.ts's hairOf, kept for lidGrainOverTop when foldBand and foldBrow were removed): a dark
// band is brow hair when it is textured or greyer than the warm cheek, not when it is a smooth warm shade (a fold).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { hairOf } from '../src/render/closedEye/browHair.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';

const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { frame: { ox: 0, oy: 0, ux: 1, uy: 0, vx: 0, vy: 1, width: 1 }, lid: line(-0.2), lower: line(0.1), crease: line(-0.35), brow: line(-0.9) } as unknown as EyeGeometry;
const skin = (l: number): number[] => [l * 1.15, l * 0.97, l * 0.8];

/** Warm skin 130 with a grain of +-6; about v -.52 a soft band (a Gaussian of .08 eye widths) toward `band(c)`. */
function photoWith(band: (c: number) => number[]): Float32Array {
  const photo = new Float32Array(PATCH_W * PATCH_H * 3);
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    const v = cellV(r), grain = 6 * Math.sin(c * 12.9898 + r * 78.233), w = Math.exp(-(((v + 0.52) / 0.08) ** 2));
    photo.set(skin(130).map((x, ch) => (1 - w) * x + w * band(c)[ch]! + grain), (r * PATCH_W + c) * 3);
  }
  return photo;
}
const bandMean = (hair: Float32Array) => {
  let s = 0, n = 0;
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    const v = cellV(r), u = cellU(c);
    if (v > -0.55 && v < -0.49 && u > 0.2 && u < 0.8) { s += hair[r * PATCH_W + c]!; n++; }
  }
  return s / n;
};

test('a smooth warm fold shade is not hair; a grey band and a dark streaked band are', () => {
  const fold = bandMean(hairOf(photoWith(() => skin(60)), g));
  const grey = bandMean(hairOf(photoWith(() => [60, 60, 60]), g));
  const streaks = bandMean(hairOf(photoWith((c) => skin(c % 2 ? 30 : 90)), g));
  assert.ok(fold < 0.1, `fold ${fold.toFixed(2)}`);
  assert.ok(grey > 0.8, `grey ${grey.toFixed(2)}`);
  assert.ok(streaks > 0.3, `streaks ${streaks.toFixed(2)}`);
});
