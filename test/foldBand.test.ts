// lidlens57 (s57, #14): the open eye's fold band over the shut lid's top lifted to the light round it
// (closedEye/foldBand.ts). The water level of a column's light; a dark band between lit skin and the lit lid lifted and
// drawn (the mask raised over it), the skin far over it untouched; a grey (hair) band left whole; on lp_s9 the valley over
// the drawn lid's top shallower on than off (the option is off in the product).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { depthShare, foldBandSetting, liftFoldBand, waterLevel } from '../src/render/closedEye/foldBand.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { portraitShutEyes, withSwitches } from './portraitShutEyes.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';

test('the water level: the lower of the highest light over and under each cell', () => {
  assert.deepEqual(Array.from(waterLevel([100, 40, 70, 120, 90])), [100, 100, 100, 120, 90]);
  assert.equal(depthShare(100, 100), 0, 'no basin');
  assert.equal(depthShare(40, 100), 1, 'a deep one');
  assert.equal(foldBandSetting.on, false, 'off in the product (s57: little lifted where asked)');
});

const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { frame: { ox: 0, oy: 0, ux: 1, uy: 0, vx: 0, vy: 1, width: 1 }, lid: line(-0.2), lower: line(0.1), crease: line(-0.35), brow: line(-0.9) } as unknown as EyeGeometry;
/** Skin of a warm colour at luma ~l. */
const skin = (l: number): number[] => [l * 1.15, l * 0.97, l * 0.8];
const grey = (l: number): number[] => [l, l, l];

/** A photo: warm skin 130 with a grain of +-6, a band [-.56, -.46) of `band` (softened over 2 rows); the lid (mask 1 from v
 * -.42, fading over .1 above) lit 130. */
function scene(band: (l: number) => number[]) {
  const n = PATCH_W * PATCH_H, photo = new Float32Array(n * 3), rgb = new Float32Array(n * 3), mask = new Float32Array(n);
  for (let r = 0; r < PATCH_H; r++) {
    const v = cellV(r);
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c;
      const inBand = Math.min(1, Math.max(0, Math.min(v + 0.58, -0.44 - v) / 0.04)), grain = 6 * Math.sin(c * 12.9898 + r * 78.233);
      const b = band(45), sk = skin(130);
      photo.set(b.map((x, ch) => inBand * x + (1 - inBand) * sk[ch]! + grain), k * 3);
      rgb.set(skin(130), k * 3);
      mask[k] = Math.min(1, Math.max(0, (v + 0.52) / 0.1));
    }
  }
  return { photo, rgb, mask };
}
const mid = Array.from({ length: PATCH_W }, (_, i) => i).find((i) => cellU(i) >= 0.5)!;
const rowOf = (v: number) => Array.from({ length: PATCH_H }, (_, i) => i).find((r) => cellV(r) >= v)!;
const comp = (s: ReturnType<typeof scene>, mask: Float32Array, r: number) => {
  const k = r * PATCH_W + mid, w = mask[k]!, mix = (ch: number) => w * s.rgb[k * 3 + ch]! + (1 - w) * s.photo[k * 3 + ch]!;
  return lum(mix(0), mix(1), mix(2));
};

test('a dark band between lit skin and the lit lid is lifted and drawn; the skin over it untouched', () => {
  const s = scene(skin), before = comp(s, s.mask, rowOf(-0.5));
  const mask = liftFoldBand(s.rgb, s.mask, s.photo, g);
  const after = comp(s, mask, rowOf(-0.5));
  assert.ok(before < 80 && after > 100, `the band ${before.toFixed(0)} -> ${after.toFixed(0)}`);
  assert.ok(mask[rowOf(-0.5) * PATCH_W + mid]! > 0.9, 'drawn over the band');
  const k = rowOf(-0.7) * PATCH_W + mid;
  assert.ok(Math.abs(comp(s, mask, rowOf(-0.7)) - lum(s.photo[k * 3]!, s.photo[k * 3 + 1]!, s.photo[k * 3 + 2]!)) < 1, 'the skin far over it as it was');
});

test('a grey band (brow hair over a warm cheek) is left whole', () => {
  const s = scene(grey), before = comp(s, s.mask, rowOf(-0.5));
  const mask = liftFoldBand(s.rgb, s.mask, s.photo, g);
  assert.ok(Math.abs(comp(s, mask, rowOf(-0.5)) - before) < 3, 'the hair kept');
});

test('lp_s9\'s shut eyes: the valley over the lid\'s top shallower with the band lifted', async () => {
  const { geo, sample, finish } = await portraitShutEyes('lp_s9.jpg');
  // per column u .35-.65: the composite's darkest cell from .3 eye widths over the crease down to it, over the lid's
  // lightest cell from the crease to half-way to the shut line
  const dip = (eye: EyeGeometry, on: boolean) => withSwitches([foldBandSetting], on, () => {
    const s = sample(eye), b = finish(s, eye);
    let sum = 0, n = 0;
    for (let c = 0; c < PATCH_W; c++) {
      const u = cellU(c);
      if (u < 0.35 || u > 0.65) continue;
      let dark = Infinity, lit = 0;
      for (let r = 0; r < PATCH_H; r++) {
        const v = cellV(r), k = r * PATCH_W + c, w = b.mask[k]!;
        const mix = (ch: number) => w * b.rgb[k * 3 + ch]! + (1 - w) * s.photo[k * 3 + ch]!, l = lum(mix(0), mix(1), mix(2));
        if (v >= b.creaseV[c]! - 0.3 && v <= b.creaseV[c]!) dark = Math.min(dark, l);
        if (v > b.creaseV[c]! && v < (b.creaseV[c]! + b.shutV[c]!) / 2) lit = Math.max(lit, l);
      }
      sum += dark / lit; n++;
    }
    return sum / n;
  });
  const gains = geo.map((eye) => dip(eye, true) - dip(eye, false));
  assert.ok(Math.max(...gains) > 0.03 && Math.min(...gains) >= -0.005, `darkest over the lid / its light, on - off: ${gains.map((x) => x.toFixed(3))}`);
});

// lidGrainOverTop.ts (s57): the body's grain reference also read over the mask's top, brow hair left out
test('the skin over the mask\'s top is read for the grain; grey brow hair is not', async () => {
  const { overTopDetail, lidGrainOverTopSetting } = await import('../src/render/closedEye/lidGrainOverTop.ts');
  assert.equal(lidGrainOverTopSetting.on, true, 'on in the product');
  const s = scene(skin), detail = new Float32Array(PATCH_W * PATCH_H).map((_, k) => (k % 2 ? 5 : -5));
  const plain = overTopDetail(detail, s.photo, s.mask, g);
  assert.ok(plain.length > 100 && plain.every((d) => Math.abs(d) === 5), `${plain.length} cells of the skin's detail`);
  // a grey, dark band over the whole reach: hair, left out
  const hairy = scene(grey);
  for (let r = 0; r < PATCH_H; r++) if (cellV(r) < -0.42) for (let c = 0; c < PATCH_W; c++) hairy.photo.set(grey(40), (r * PATCH_W + c) * 3);
  assert.ok(overTopDetail(detail, hairy.photo, hairy.mask, g).length < plain.length / 4, 'hair left out');
});
