// s46 (lids46): the shut lid's body no paler than its lighter neighbour (closedEye/lidNoPaler.ts). The rule (a cap,
// never a lift); on real media lp_s12's image-right lid (critic45's "pale mauve oval", lighter than her cheek and her
// skin over the crease) darker in its body, never lighter there, the lash line's band as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { bodyWeights, cheekSkin } from '../src/render/closedEye/lidSkinTone.ts';
import { capGain, lidNoPalerSetting, overCreaseSkin } from '../src/render/closedEye/lidNoPaler.ts';
import { lidBodyGrainSetting } from '../src/render/closedEye/lidBodyGrain.ts';
import { lidLitDomeSetting } from '../src/render/closedEye/lidLitDome.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { portraitShutEyes, withSwitches } from './portraitShutEyes.ts';

test('the rule: a cap, never a lift', () => {
  assert.equal(capGain(150, 120), 0.8);
  assert.equal(capGain(100, 120), 1);
  assert.equal(capGain(0.5, 0.1), 1, 'no gain off a black cell');
});

test('lp_s12: the pale image-right lid darker toward its neighbours, never lighter, the shut line\'s band kept', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s12.jpg');
  const g = geo[1]!; // image-right
  const s = sample(g);
  // the grain and (s53) the lit dome after it off: the cap alone
  const bake = (on: boolean) => withSwitches([lidBodyGrainSetting, lidLitDomeSetting], false, () => withSwitches([lidNoPalerSetting], on, () => finish(s, g).rgb));
  const off = bake(false), on = bake(true);
  const w = bodyWeights(g, s.mask);
  const L = (a: Float32Array, k: number) => lum(a[k * 3]!, a[k * 3 + 1]!, a[k * 3 + 2]!);
  let bodyOff = 0, bodyOn = 0, n = 0, lighter = 0, lineMoved = 0;
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c, t = (cellV(r) - crease) / Math.max(1e-3, shut - crease);
      // the body never lighter (in the mask's feather featherMatch.ts takes the border back to the photo's light after it)
      if (w[k]! > 0.3 && L(on, k) > L(off, k) + 1e-3) lighter++;
      if (t > 1 && t < 1.2 && Math.abs(L(on, k) - L(off, k)) > 1e-3) lineMoved++;
      if (w[k]! > 0.9) { bodyOff += L(off, k); bodyOn += L(on, k); n++; }
    }
  }
  const cheek = lum(...cheekSkin(s.photo, g)!), over = lum(...overCreaseSkin(s.photo, g)!);
  console.log(`lp_s12 image-right body luma ${(bodyOff / n).toFixed(1)} -> ${(bodyOn / n).toFixed(1)} [cheek ${cheek.toFixed(1)}, over the crease ${over.toFixed(1)}]`);
  assert.ok(bodyOff / n > Math.max(cheek, over) * 0.95, 'before: the body paler than its neighbours (the defect)');
  assert.ok(bodyOn / n < bodyOff / n - 3, 'after: darker');
  assert.ok(bodyOn / n > 0.85 * Math.max(cheek, over), 'after: not dark past the cap');
  console.log(`lighter cells ${lighter}, line band moved ${lineMoved}`);
  assert.equal(lighter, 0, 'the body never lighter');
  assert.equal(lineMoved, 0, 'the band under the shut line as it was');
});
