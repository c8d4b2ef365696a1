// shutlid58 (s58, #14): the brow found from the texture for foldBand.ts (closedEye/foldBrow.ts). A band over the mask as
// smooth along the eye as the skin over it is a fold (the ceiling lifted off the mesh's brow, which a faint-browed face
// has on its fold: lp_s5); one with strands along it is a brow (the mesh's ceiling kept). liftFoldBand lifts the smooth
// band past a mesh brow lying on it only with foldBrow on; the strand band is left whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { foldBandSetting, liftFoldBand } from '../src/render/closedEye/foldBand.ts';
import { eyeFoldShare, faceFoldShare, foldCeiling, foldShares, halfRowsOf } from '../src/render/closedEye/foldBrow.ts';
import { luminance as lum } from '../src/math/colour.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';

const line = (v: number) => ({ u: [0, 1], v: [v, v] });
// the mesh's brow on the fold (v -.5), as on lp_s5
const g = { frame: { ox: 0, oy: 0, ux: 1, uy: 0, vx: 0, vy: 1, width: 1 }, lid: line(-0.2), lower: line(0.1), crease: line(-0.35), brow: line(-0.5) } as unknown as EyeGeometry;

/** Warm skin 130 with a grain scaled by its light; a band [-.58, -.44) of luma 45: `strands` its grain along u (a brow) or none (shade). */
function scene(strands: number) {
  const n = PATCH_W * PATCH_H, photo = new Float32Array(n * 3), rgb = new Float32Array(n * 3), mask = new Float32Array(n);
  for (let r = 0; r < PATCH_H; r++) {
    const v = cellV(r);
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, inBand = Math.min(1, Math.max(0, Math.min(v + 0.58, -0.44 - v) / 0.04));
      const l = inBand * 45 + (1 - inBand) * 130, grain = (l / 130) * 6 * Math.sin(c * 12.9898 + r * 78.233) + inBand * strands * (c % 2 ? 1 : -1);
      photo.set([l * 1.15 + grain, l * 0.97 + grain, l * 0.8 + grain], k * 3);
      rgb.set([130 * 1.15, 130 * 0.97, 130 * 0.8], k * 3);
      mask[k] = Math.min(1, Math.max(0, (v + 0.52) / 0.1));
    }
  }
  return { photo, rgb, mask };
}
const mid = Array.from({ length: PATCH_W }, (_, i) => i).find((i) => cellU(i) >= 0.5)!;
const rowOf = (v: number) => Array.from({ length: PATCH_H }, (_, i) => i).find((r) => cellV(r) >= v)!;
const at = (s: ReturnType<typeof scene>, mask: Float32Array, v: number) => {
  const k = rowOf(v) * PATCH_W + mid, w = mask[k]!, mix = (ch: number) => w * s.rgb[k * 3 + ch]! + (1 - w) * s.photo[k * 3 + ch]!;
  return lum(mix(0), mix(1), mix(2));
};
const on = { ...foldBandSetting, on: true };

test('a smooth band is a fold, a band with strands along it a brow', () => {
  const smooth = scene(0), hairy = scene(20);
  const f = foldShares(smooth.photo, halfRowsOf(smooth.mask))[mid]!;
  const h = foldShares(hairy.photo, halfRowsOf(hairy.mask))[mid]!;
  assert.ok(f > 0.9 && h < 0.1, `fold share smooth ${f.toFixed(2)} strands ${h.toFixed(2)}`);
  assert.equal(foldCeiling(-0.54, 0), -0.54);
  assert.ok(foldCeiling(-0.54, 1) < -0.7, 'a fold: up to the patch top');
});

test('a face has a brow over both eyes or neither: the less fold-like eye rules', () => {
  assert.equal(faceFoldShare([1, 1]), 1);
  assert.equal(faceFoldShare([1, 0.3]), 0, 'one eye reads a brow');
  assert.ok(eyeFoldShare(scene(0).photo, scene(0).mask) > 0.9 && eyeFoldShare(scene(20).photo, scene(20).mask) < 0.1);
});

test('the fold under a mesh brow lying on it is lifted only with a fold share; a brow is kept', () => {
  const lift = (strands: number, fold: number) => {
    const s = scene(strands), mask = liftFoldBand(s.rgb, Float32Array.from(s.mask), s.photo, g, undefined, on, fold);
    return { before: at(s, s.mask, -0.55), after: at(s, mask, -0.55) };
  };
  const f = (strands: number) => { const s = scene(strands); return faceFoldShare([eyeFoldShare(s.photo, s.mask), eyeFoldShare(s.photo, s.mask)]); };
  const fold = lift(0, f(0)), meshOnly = lift(0, 0), brow = lift(20, f(20));
  assert.ok(fold.after > fold.before + 30, `fold ${fold.before.toFixed(0)} -> ${fold.after.toFixed(0)}`);
  assert.ok(meshOnly.after < meshOnly.before + 10, `mesh ceiling only ${meshOnly.before.toFixed(0)} -> ${meshOnly.after.toFixed(0)}`);
  assert.ok(brow.after < brow.before + 10, `brow ${brow.before.toFixed(0)} -> ${brow.after.toFixed(0)}`);
});
