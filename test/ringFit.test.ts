// lids54 (#14): the shut lid's light fitted to the skin round its mask (closedEye/ringFit.ts, off by default). The
// gain's pure parts, and on lp_s5 (critic53's brown ovals) the baked lid's band just inside the mask (off the lash
// line and the lower lid) closer in light to the photo's skin just outside it than without the fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H, PATCH_PPW } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { shutAt } from '../src/render/closedEye/lids.ts';
import { fitShare, ringFitSetting, ringLogRatio } from '../src/render/closedEye/ringFit.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { portraitShutEyes, withSwitches } from './portraitShutEyes.ts';

test('the ring gain: the skin over the drawn light, held within its bounds; whole at the ring, `middle` in the core', () => {
  assert.ok(Math.abs(ringLogRatio(110, 100) - Math.log(1.1)) < 1e-9);
  assert.ok(Math.abs(ringLogRatio(200, 100) - Math.log(1.25)) < 1e-9, 'a lighter skin lifts at most 1.25x');
  assert.ok(Math.abs(ringLogRatio(50, 100) - Math.log(0.8)) < 1e-9, 'a darker one lowers at most to .8x');
  assert.equal(ringLogRatio(0, 100), 0);
  assert.equal(fitShare(0, 0.6), 1);
  assert.ok(Math.abs(fitShare(0.3, 0.6) - 0.6) < 1e-9);
  assert.ok(fitShare(0.06, 0.6) < 1 && fitShare(0.06, 0.6) > 0.6);
});

test('lp_s5\'s baked lid: its border band meets the skin round the mask in light (the fit on) better than without', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s5.jpg');
  const bake = (g: (typeof geo)[number], on: boolean) => withSwitches([ringFitSetting], on, () => { const s = sample(g); return { ...finish(s, g), photo: s.photo }; });
  const near = 0.08 * PATCH_PPW, R = Math.ceil(near);
  for (const g of geo) {
    const off = bake(g, false), on = bake(g, true);
    // cells: in the mask's core within `near` of its half-way line (inside), or outside it within `near` (the ring); off the lash line and lower lid
    const dist = (inside: boolean, c: number, r: number) => {
      let best = Infinity;
      for (let dr = -R; dr <= R; dr++) for (let dc = -R; dc <= R; dc++) {
        const rr = r + dr, cc = c + dc;
        if (rr < 0 || cc < 0 || rr >= PATCH_H || cc >= PATCH_W) continue;
        const m = off.mask[rr * PATCH_W + cc]!;
        if (inside ? m <= 0.5 : m > 0.02) best = Math.min(best, Math.hypot(dr, dc));
      }
      return best;
    };
    const band: number[] = [], ring: number[] = [], bandOn: number[] = [];
    for (let c = 0; c < PATCH_W; c += 2) for (let r = 0; r < PATCH_H; r += 2) {
      const k = r * PATCH_W + c, m = off.mask[k]!, u = cellU(c);
      if (cellV(r) > shutAt(g, clamp01(u)) - 0.1) continue;
      if (m > 0.98 && dist(true, c, r) <= near) {
        band.push(lum(off.rgb[k * 3]!, off.rgb[k * 3 + 1]!, off.rgb[k * 3 + 2]!));
        bandOn.push(lum(on.rgb[k * 3]!, on.rgb[k * 3 + 1]!, on.rgb[k * 3 + 2]!));
      } else if (m <= 0.02 && dist(false, c, r) <= near) ring.push(lum(off.photo[k * 3]!, off.photo[k * 3 + 1]!, off.photo[k * 3 + 2]!));
    }
    const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
    const before = Math.abs(mean(band) - mean(ring)), after = Math.abs(mean(bandOn) - mean(ring));
    assert.ok(band.length > 20 && ring.length > 20, `cells read ${band.length} ${ring.length}`);
    assert.ok(after < before, `border band vs ring: ${before.toFixed(1)} -> ${after.toFixed(1)}`);
  }
});
