// lidtop55 (#14): the shut lid's fill lit at its top from the brow bone's skin (closedEye/lidTop.ts, off by default). The
// share's pure part; a synthetic socket band over the mask's top lifted toward the bone's colour (the bone and the lid under
// the band untouched); and on lp_s5 (critic54's brown ovals) the baked lid's top (t 0-.2) nearer its middle's light with it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, cellRow } from '../src/render/closedEye/grid.ts';
import { type BakedEye } from '../src/render/closedEye/bake.ts';
import { liftLidTop, lidTopSetting, topShare } from '../src/render/closedEye/lidTop.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { lidMiddleLumas, portraitShutEyes, withSwitches } from './portraitShutEyes.ts';

test('the share: none at or over the bone\'s light, the whole share well under it, less just under it', () => {
  assert.equal(topShare(120, 100, 0.8), 0);
  assert.equal(topShare(100, 100, 0.8), 0);
  assert.equal(topShare(40, 100, 0.8), 0.8);
  const near = topShare(95, 100, 0.8);
  assert.ok(near > 0 && near < 0.8, `near ${near}`);
  assert.equal(topShare(40, 100, 0), 0);
});

test('a dark socket band over the mask\'s top is lifted toward the bone\'s colour; the bone and the lid under it kept', () => {
  const top = -0.4;
  const photo = new Float32Array(PATCH_W * PATCH_H * 3);
  const colourAt = (v: number) => (v < -0.62 ? [140, 110, 90] : v < top ? [50, 35, 25] : [90, 70, 60]);
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) photo.set(colourAt(cellV(r)), (r * PATCH_W + c) * 3);
  const out = liftLidTop(photo, () => top);
  const c = Math.round(PATCH_W / 2), at = (a: Float32Array, v: number) => { const k = (Math.round(cellRow(v)) * PATCH_W + c) * 3; return [a[k]!, a[k + 1]!, a[k + 2]!]; };
  const socket = at(out, -0.5);
  assert.ok(lum(socket[0]!, socket[1]!, socket[2]!) > lum(50, 35, 25) + 0.6 * (lum(140, 110, 90) - lum(50, 35, 25)), `socket ${socket.map(Math.round)}`);
  assert.ok(socket[0]! / socket[2]! < 1.75, 'toward the bone\'s colour, no redder than it (no gain on a brown)');
  assert.deepEqual(at(out, -0.7), [140, 110, 90], 'the bone kept');
  assert.deepEqual(at(out, 0), [90, 70, 60], 'the lid under the band kept');
  assert.ok(cellU(c) > 0 && cellU(c) < 1);
});

/** Per column u .35-.65, the mean luma of `rgb` over t (crease 0 -> shut line 1) in [t0, t1). */
function meanOver(e: Pick<BakedEye, 'rgb' | 'creaseV' | 'shutV'>, t0: number, t1: number): number {
  let sum = 0, n = 0;
  lidMiddleLumas(e, t0, t1, (_t, l) => { sum += l; n++; });
  return sum / Math.max(1, n);
}

test('lp_s5\'s baked lid: its top (t 0-.2) nearer the middle\'s light (t .4-.6) with the option on', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s5.jpg');
  const bake = (g: (typeof geo)[number], on: boolean) => withSwitches([lidTopSetting], on, () => finish(sample(g), g));
  for (const g of geo) {
    const ratio = (e: BakedEye) => meanOver(e, 0, 0.2) / meanOver(e, 0.4, 0.6);
    const off = ratio(bake(g, false)), on = ratio(bake(g, true));
    assert.ok(on > off + 0.05, `top over middle: off ${off.toFixed(2)}, on ${on.toFixed(2)}`);
  }
});
