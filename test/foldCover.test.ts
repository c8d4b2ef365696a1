// lidrim55 (#14): the open eye's fold covered by the shut eye's mask (closedEye/foldCover.ts). A dark row over the mask's
// top between lighter skin is raised over; a fold up against the brow, or no fold, is left; and on lp_s2 (a dark crease
// arc over the open eye) the baked shut eye's darkest row over the lid is lighter with it on than off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { foldCoverSetting, foldRaise, isFold } from '../src/render/closedEye/foldCover.ts';
import { maskTop } from '../src/render/closedEye/mask.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { portraitShutEyes, withSwitches } from './portraitShutEyes.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';

test('a fold: darker than the skin over it and the lid under it by the setting\'s share', () => {
  assert.ok(isFold(40, 110, 75));
  assert.ok(!isFold(70, 110, 75), 'hardly darker than the lid under it');
  assert.ok(!isFold(40, 0, 75));
});

/** A flat photo on the patch grid (luma 120) with a dark row band [v0, v1) of luma 40. */
function photoWithBand(v0: number, v1: number): Float32Array {
  const p = new Float32Array(PATCH_W * PATCH_H * 3);
  for (let r = 0; r < PATCH_H; r++) { const v = cellV(r), l = v >= v0 && v < v1 ? 40 : 120; p.fill(l, r * PATCH_W * 3, (r + 1) * PATCH_W * 3); }
  return p;
}
const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { frame: { ox: 0, oy: 0, ux: 1, uy: 0, vx: 0, vy: 1, width: 1 }, lid: line(-0.2), lower: line(0.1), crease: line(-0.35), brow: line(-0.7) } as unknown as EyeGeometry;
const top = () => -0.42;
const middle = () => { const c = Array.from({ length: PATCH_W }, (_, i) => i).find((i) => cellU(i) >= 0.5)!; return c; };

test('a dark fold over the mask\'s top is covered; none, or one against the brow, is left', () => {
  const r = foldRaise(photoWithBand(-0.52, -0.48), g, top)[middle()]!;
  assert.ok(r > 0.08 && r <= foldCoverSetting.max, `raise ${r}`);
  assert.ok(-0.42 - r < -0.52 + 0.01, 'the raised half line over the fold');
  assert.equal(foldRaise(photoWithBand(9, 9), g, top)[middle()], 0);
  const nearBrow = { ...g, brow: line(-0.53) } as EyeGeometry;
  assert.equal(foldRaise(photoWithBand(-0.53, -0.49), nearBrow, top)[middle()], 0, 'under the brow\'s clearance');
});

test('lp_s2\'s shut eye: the fold over the lid covered (its darkest row over the crease lighter on than off)', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s2.jpg');
  const bake = (eye: EyeGeometry, on: boolean) => withSwitches([foldCoverSetting], on, () => { const s = sample(eye); return { ...finish(s, eye), photo: s.photo }; });
  let lighter = 0;
  for (const eye of geo) {
    const off = bake(eye, false), on = bake(eye, true);
    // the composite (shut eye over the photo by its mask): per column u .2-.6, the darkest row from .14 over the mask's top down to the crease
    const darkest = (b: typeof off) => {
      let sum = 0, n = 0;
      for (let c = 0; c < PATCH_W; c++) {
        const u = cellU(c);
        if (u < 0.2 || u > 0.6) continue;
        let m = Infinity;
        for (let r = 0; r < PATCH_H; r++) {
          const v = cellV(r);
          if (v < maskTop(eye, u) - 0.14 || v > b.creaseV[c]!) continue;
          const k = r * PATCH_W + c, w = b.mask[k]!;
          const mix = (ch: number) => w * b.rgb[k * 3 + ch]! + (1 - w) * b.photo[k * 3 + ch]!;
          m = Math.min(m, lum(mix(0), mix(1), mix(2)));
        }
        sum += m; n++;
      }
      return sum / n;
    };
    if (darkest(on) > darkest(off) + 3) lighter++;
  }
  assert.ok(lighter >= 1, 'at least one of lp_s2\'s eyes loses its fold line');
});

// lidpatch56 (s56): the `thin` option (off by default) reaches past the brow's clearance line for a thin fold only.
test('thin (off by default): a thin fold past the brow\'s clearance raised with it on; a thick band (a brow) never', () => {
  assert.equal(foldCoverSetting.thin, 0, 'off in the product');
  const nearBrow = { ...g, brow: line(-0.53) } as EyeGeometry;
  const thin = { ...foldCoverSetting, thin: 0.08 };
  // a fold .04 thick at -.53..-.49 over the mask's half line (-.42), lit skin over it: raised only with thin
  assert.equal(foldRaise(photoWithBand(-0.53, -0.49), nearBrow, top)[middle()], 0);
  const r = foldRaise(photoWithBand(-0.53, -0.49), nearBrow, top, thin)[middle()]!;
  assert.ok(r > 0.05, `thin fold raise ${r}`);
  // a dark band from -.56 up past the search's end (brow hair, still dark .08 over its darkest row): left
  assert.equal(foldRaise(photoWithBand(-0.8, -0.49), nearBrow, top, thin)[middle()], 0, 'a thick band');
});
