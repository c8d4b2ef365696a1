// ring41 (#14): the shut lid's pale ring. creaseLine.ts holds creaseValley's dip to a line about the crease
// and fades skinInMask's lighter fill out just under it, so lp_s42's baked lid has no step at the crease
// (the ring's inner edge) while its middle stays as it was; featherMatch.ts takes the border's light to
// the photo's across the mask's feather.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { creaseDipShare, creaseLineSetting, heldFillShare } from '../src/render/closedEye/creaseLine.ts';
import { featherMatchSetting, matchShare } from '../src/render/closedEye/featherMatch.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { portraitShutEyes, withSwitches } from './portraitShutEyes.ts';

test('the crease\'s dip is a line and the held fill fades out just under the crease', () => {
  assert.equal(creaseLineSetting.on, true);
  assert.equal(creaseDipShare(0), 1);
  assert.ok(creaseDipShare(0.1) < 0.01 && creaseDipShare(-0.1) < 0.01, 'no dip .1 from the crease');
  assert.equal(heldFillShare(-0.01), 1);
  assert.ok(heldFillShare(0.03) > 0 && heldFillShare(0.03) < 1);
  assert.equal(heldFillShare(0.1), 0);
  assert.equal(featherMatchSetting.on, true);
  assert.ok(matchShare(0.3, 0, 0.5, 0.6) > 0.99, 'whole at the feather\'s outer end');
  assert.equal(matchShare(0.96, 0, 0.5, 0.6), 0, 'none in the mask\'s body');
  assert.equal(matchShare(0.5, 0.5, 0.5, 0.6), 0, 'none on the lash line');
  assert.equal(matchShare(0.5, 0.7, 0.5, 0.6), 0, 'none under the lower lid');
});

test('lp_s42\'s baked lid: a smaller step at the crease (the pale ring\'s inner edge), the lid\'s middle unchanged', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s42.jpg');
  const bake = (g: (typeof geo)[number], on: boolean) => withSwitches([creaseLineSetting, featherMatchSetting], on, () => finish(sample(g), g));
  const steps: number[][] = [];
  for (const g of geo) {
    const off = bake(g, false), on = bake(g, true);
    const figures = (rgb: Float32Array) => {
      const over: number[] = [], under: number[] = [], middle: number[] = [];
      for (let c = 0; c < PATCH_W; c++) for (let r = 0; r < PATCH_H; r++) {
        const u = cellU(c);
        if (u < 0.2 || u > 0.95) continue;
        const k = r * PATCH_W + c, l = lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!);
        const v = cellV(r), crease = creaseAt(g, clamp01(u)), shut = shutAt(g, clamp01(u));
        const dv = v - crease;
        if (dv >= -0.04 && dv <= -0.01) over.push(l);
        else if (dv >= 0.02 && dv <= 0.05) under.push(l);
        else if (u >= 0.3 && u <= 0.7 && v > crease + 0.6 * (shut - crease) && v < shut - 0.1) middle.push(l);
      }
      const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
      return { step: mean(over) - mean(under), middle: mean(middle) };
    };
    const a = figures(off.rgb), b = figures(on.rgb);
    steps.push([a.step, b.step]);
    assert.ok(Math.abs(b.middle - a.middle) < 1.5, `the lid's middle ${a.middle.toFixed(1)} -> ${b.middle.toFixed(1)}`);
  }
  // both eyes' step at the crease (over minus under) at least a third smaller
  for (const [a, b] of steps) assert.ok(b! < a! * 0.67 && a! > 3, `crease step ${a!.toFixed(1)} -> ${b!.toFixed(1)}`);
});
