// lidGrainOverTop.ts (s57 lidlens57; moved here from foldBand.test.ts when s59 lids59 removed foldBand): the lid body's
// grain reference also read over the mask's top, brow hair (browHair.ts hairOf) left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellV } from '../src/render/closedEye/grid.ts';
import { overTopDetail, lidGrainOverTopSetting } from '../src/render/closedEye/lidGrainOverTop.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';

const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { frame: { ox: 0, oy: 0, ux: 1, uy: 0, vx: 0, vy: 1, width: 1 }, lid: line(-0.2), lower: line(0.1), crease: line(-0.35), brow: line(-0.9) } as unknown as EyeGeometry;
/** Skin of a warm colour at luma ~l. */
const skin = (l: number): number[] => [l * 1.15, l * 0.97, l * 0.8];
const grey = (l: number): number[] => [l, l, l];

/** A photo: warm skin 130 with a grain of +-6, a band [-.56, -.46) of `band` (softened over 2 rows); the mask 1 from v
 * -.42, fading over .1 above. */
function scene(band: (l: number) => number[]) {
  const n = PATCH_W * PATCH_H, photo = new Float32Array(n * 3), mask = new Float32Array(n);
  for (let r = 0; r < PATCH_H; r++) {
    const v = cellV(r);
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c;
      const inBand = Math.min(1, Math.max(0, Math.min(v + 0.58, -0.44 - v) / 0.04)), grain = 6 * Math.sin(c * 12.9898 + r * 78.233);
      const b = band(45), sk = skin(130);
      photo.set(b.map((x, ch) => inBand * x + (1 - inBand) * sk[ch]! + grain), k * 3);
      mask[k] = Math.min(1, Math.max(0, (v + 0.52) / 0.1));
    }
  }
  return { photo, mask };
}

test('the skin over the mask\'s top is read for the grain; grey brow hair is not', () => {
  assert.equal(lidGrainOverTopSetting.on, true, 'on in the product');
  const s = scene(skin), detail = new Float32Array(PATCH_W * PATCH_H).map((_, k) => (k % 2 ? 5 : -5));
  const plain = overTopDetail(detail, s.photo, s.mask, g);
  assert.ok(plain.length > 100 && plain.every((d) => Math.abs(d) === 5), `${plain.length} cells of the skin's detail`);
  // a grey, dark band over the whole reach: hair, left out
  const hairy = scene(grey);
  for (let r = 0; r < PATCH_H; r++) if (cellV(r) < -0.42) for (let c = 0; c < PATCH_W; c++) hairy.photo.set(grey(40), (r * PATCH_W + c) * 3);
  assert.ok(overTopDetail(detail, hairy.photo, hairy.mask, g).length < plain.length / 4, 'hair left out');
});
