// lidrim55 (#14): the shut lid taken to one light across, crease -> the lash line's fall (closedEye/lidFlat.ts, off by
// default). The share and gain's pure parts, a synthetic ramped lid made flat, and on lp_s5 (critic54's brown ovals) the
// baked lid's spread across t .1-.7 (u .35-.65) smaller with it on than off, the lash line's row untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellV } from '../src/render/closedEye/grid.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { type BakedEye } from '../src/render/closedEye/bake.ts';
import { flatGain, flatShare, flattenLid, lidFlatSetting } from '../src/render/closedEye/lidFlat.ts';
import { lidMiddleLumas, portraitShutEyes, withSwitches } from './portraitShutEyes.ts';

test('the share: none over the crease and under the lash line\'s fall, whole over the body; the gain bounded', () => {
  assert.equal(flatShare(-0.05), 0);
  assert.equal(flatShare(0.4), 1);
  assert.equal(flatShare(0.9), 0);
  assert.ok(flatShare(0.06) > 0 && flatShare(0.06) < 1);
  assert.equal(flatGain(100, 110, 1), 1.1);
  assert.equal(flatGain(100, 200, 1), lidFlatSetting.maxGain, 'a lift held at maxGain');
  assert.equal(flatGain(100, 50, 1), lidFlatSetting.minGain, 'a cut held at minGain');
  assert.equal(flatGain(100, 150, 0), 1);
});

/** Per column u .35-.65, the luma of `rgb` over t (crease 0 -> shut line 1) in [t0, t1): mean per t-bin of .1, as a list. */
function acrossBins(e: Pick<BakedEye, 'rgb' | 'creaseV' | 'shutV'>, t0: number, t1: number): number[] {
  const bins: number[][] = [];
  lidMiddleLumas(e, t0, t1, (t, l) => (bins[Math.floor((t - t0) / 0.1)] ??= []).push(l));
  return bins.filter(Boolean).map((a) => a.reduce((x, y) => x + y, 0) / a.length);
}

test('a ramped synthetic lid is made flat across its body; over the crease and on the lash line it is kept', () => {
  // a lid in a plain frame: crease .3 over the shut line, luma rising from 60 at the crease to 120 at t .6
  const g = eyeGeometry((i) => [i, 0] as const)[0]!;
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3), mask = new Float32Array(PATCH_W * PATCH_H).fill(1);
  const creaseV = new Float32Array(PATCH_W), shutV = new Float32Array(PATCH_W);
  const fake = { ...g, lid: { u: [0, 1], v: [0, 0] }, lower: { u: [0, 1], v: [0, 0] }, crease: { u: [0, 1], v: [-0.3, -0.3] } };
  for (let c = 0; c < PATCH_W; c++) {
    creaseV[c] = -0.3; shutV[c] = 0;
    for (let r = 0; r < PATCH_H; r++) {
      const t = (cellV(r) + 0.3) / 0.3, l = t < 0 ? 60 : t > 0.95 ? 40 : 60 + 60 * Math.min(1, t / 0.6);
      rgb.fill(l, (r * PATCH_W + c) * 3, (r * PATCH_W + c) * 3 + 3);
    }
  }
  const before = acrossBins({ rgb, creaseV, shutV }, 0.1, 0.7);
  flattenLid(rgb, mask, fake);
  const after = acrossBins({ rgb, creaseV, shutV }, 0.1, 0.7);
  const spread = (a: number[]) => Math.max(...a) - Math.min(...a);
  assert.ok(spread(after) < 0.5 * spread(before), `spread ${spread(before).toFixed(1)} -> ${spread(after).toFixed(1)}`);
  const lash = acrossBins({ rgb, creaseV, shutV }, 0.95, 1);
  assert.ok(lash.length === 1 && Math.abs(lash[0]! - 40) < 1e-9, 'the lash line kept');
});

test('lp_s5\'s baked lid: flatter across with the option on; the lash line\'s row as off', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s5.jpg');
  const bake = (g: (typeof geo)[number], on: boolean) => withSwitches([lidFlatSetting], on, () => finish(sample(g), g));
  for (const g of geo) {
    const off = bake(g, false), on = bake(g, true);
    const spread = (a: number[]) => Math.max(...a) - Math.min(...a);
    const sOff = spread(acrossBins(off, 0.1, 0.7)), sOn = spread(acrossBins(on, 0.1, 0.7));
    assert.ok(sOn < 0.6 * sOff, `spread across t .1-.7: off ${sOff.toFixed(1)}, on ${sOn.toFixed(1)}`);
    const lashOff = acrossBins(off, 0.95, 1.05), lashOn = acrossBins(on, 0.95, 1.05);
    lashOff.forEach((x, i) => assert.ok(Math.abs(x - lashOn[i]!) < 1e-6, 'the lash line as off'));
  }
});
