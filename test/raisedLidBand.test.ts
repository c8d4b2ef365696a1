// notch42: a raised lid's lash band over the iris takes the liner's colour where the photo's eye reaches
// over the face mesh's lid line (src/render/raisedLidBand.ts; lp_s7's white notch at the lid edge).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyBand, bandShare, eyeOverLiner, raisedLidBandSetting } from '../src/render/raisedLidBand.ts';
import { sharedData } from '../bench/sharedData.ts';
import { polylineYAt } from '../src/render/slitEdge.ts';
import { EYE_R_UPPER } from '../src/rig/topology.ts';

test('the pale texels between the lid line and the liner over the iris take the liner colour; none at rest', () => {
  const W = 8, H = 10, data = new Uint8ClampedArray(W * H * 4).fill(200);
  const put = (x: number, y: number, v: number) => { const o = (y * W + x) * 4; data[o] = data[o + 1] = data[o + 2] = v; };
  // lid line at y 6: column 3 (over the iris) has its liner 3 rows up, a catchlight under it; column 0 is off the iris
  for (const x of [0, 3]) { put(x, 3, 20); put(x, 4, 180); put(x, 5, 30); }
  const photo = new Uint8ClampedArray(data);
  const band = eyeOverLiner({ width: W, height: H, data }, [{ x: 0, top: 6 }, { x: 3, top: 6 }], { cx: 3.5, r: 2 });
  assert.deepEqual(Array.from(band.offsets), [(4 * W + 3) * 4]); // the catchlight only: not the dark row 5, not column 0, not the liner
  applyBand(data, band, 1);
  assert.equal(data[(4 * W + 3) * 4], 20);
  applyBand(data, band, 0);
  assert.deepEqual(data, photo);
  assert.equal(bandShare(0), 0);
  assert.equal(bandShare(3), 1);
  assert.equal(eyeOverLiner({ width: W, height: H, data }, [{ x: 3, top: 6 }], null).offsets.length, 0);
});

test('lp_s7 raised: fewer pale pixels over the image-left lid line, the photo unchanged at rest', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s7.jpg'));
  const renders = [false, true].map((on) => {
    raisedLidBandSetting.on = on;
    try {
      const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
      const n = r.neutralFrame();
      const wide = { ...n, w: { ...n.w, eyeWideLeft: n.w.eyeWideLeft! + 0.6, eyeWideRight: n.w.eyeWideRight! + 0.6 } };
      return { rest: new Uint8ClampedArray(r.render(n).data), wide: new Uint8ClampedArray(r.render(wide).data), lm: r.landmarks(wide) };
    } finally { raisedLidBandSetting.on = true; }
  });
  assert.deepEqual(renders[1]!.rest, renders[0]!.rest);
  // whole pixels in the 3 rows above the image-left eye's upper lid line, over the iris, lighter than luma 60
  const pale = ({ wide, lm }: (typeof renders)[number]) => {
    const xs = EYE_R_UPPER.map((i) => lm[i]![0]), ys = EYE_R_UPPER.map((i) => lm[i]![1]);
    const c = [468, 473].find((i) => lm[i]![0] > Math.min(...xs) && lm[i]![0] < Math.max(...xs))!;
    const r = Math.abs(lm[c + 1]![0] - lm[c]![0]);
    let n = 0;
    for (let x = Math.floor(lm[c]![0] - r); x <= Math.ceil(lm[c]![0] + r); x++) {
      const y = polylineYAt(xs, ys, x + 0.5);
      for (let p = Math.floor(y - 3); p + 1 <= y; p++) { const o = (p * 512 + x) * 4; if (0.299 * wide[o]! + 0.587 * wide[o + 1]! + 0.114 * wide[o + 2]! > 60) n++; }
    }
    return n;
  };
  const [off, on] = renders.map(pale) as [number, number];
  assert.ok(off >= 3, `the photo's catchlight lifted with the lid (off ${off})`);
  assert.ok(on <= off * 0.7, `pale in the lid band off ${off} -> on ${on}`);
});
