// s53 (lidskin53): the shut lid's grain dealt as 2-D patches of the cheek band (closedEye/lidGrainPatches.ts) and the
// lid's dome lit as the lit cheek on a shaded socket (closedEye/lidLitDome.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { blockWindow, dealPatches } from '../src/render/closedEye/lidGrainPatches.ts';
import { spread } from '../src/render/closedEye/lidBodyGrain.ts';
import { domeLift, domeShape, lidLitDomeSetting } from '../src/render/closedEye/lidLitDome.ts';
import { mulberry32 } from '../src/math/random.ts';
import { creaseValleySetting } from '../src/render/closedEye/creaseValley.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { buildAvatar } from './builtAvatar.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const ROWS = 12;

test('blockWindow: two blocks half a block apart sum to 1', () => {
  for (const n of [4, 6, 8]) for (let i = 0; i < n / 2; i++) assert.ok(Math.abs(blockWindow(i, n) + blockWindow(i + n / 2, n) - 1) < 1e-9);
});

test('dealPatches: a grain keeps its spread; a line along the band comes in as scattered dashes, no row of it', () => {
  const random = mulberry32(7), grain = new Float32Array(PATCH_W * ROWS).map(() => (random() + random() + random() - 1.5) * 4);
  const dealt = dealPatches(grain, ROWS, 6, 14, 1);
  const inside = Array.from(dealt).filter((d) => !Number.isNaN(d));
  assert.ok(inside.length > 0.9 * PATCH_W * PATCH_H, 'the grid is covered');
  const ratio = spread(inside) / spread(grain);
  assert.ok(ratio > 0.8 && ratio < 1.2, `spread kept (${ratio.toFixed(2)})`);
  // a dark line down the band's row 5: in the s52 copy every row of the lid from one share would be it
  const line = new Float32Array(PATCH_W * ROWS);
  for (let c = 0; c < PATCH_W; c++) line[5 * PATCH_W + c] = -10;
  const d2 = dealPatches(line, ROWS, 6, 14, 1);
  let darkestRow = 0;
  for (let r = 0; r < PATCH_H; r++) {
    let s = 0, n = 0;
    for (let c = 10; c < PATCH_W - 10; c++) { const v = d2[r * PATCH_W + c]!; if (!Number.isNaN(v)) { s += v; n++; } }
    darkestRow = Math.min(darkestRow, s / Math.max(1, n));
  }
  assert.ok(darkestRow > -5, `no row carries the line (darkest row mean ${darkestRow.toFixed(2)} of -10)`);
});

test('domeLift: up to reach x the lit cheek, no more than ringOver x the ring, at most maxLift, never down', () => {
  const s = { on: true, reach: 0.9, ringOver: 1.2, maxLift: 0.3 };
  assert.ok(Math.abs(domeLift(80, 100, Infinity, s) - (90 / 80 - 1)) < 1e-9);
  assert.equal(domeLift(95, 100, Infinity, s), 0, 'a dome already lit');
  assert.ok(Math.abs(domeLift(80, 100, 70, s) - (84 / 80 - 1)) < 1e-9, 'the ring caps it');
  assert.equal(domeLift(50, 100, Infinity, s), 0.3, 'at most maxLift');
  assert.equal(domeShape(0, 0.5), 0);
  assert.ok(Math.abs(Math.max(...Array.from({ length: 101 }, (_, i) => domeShape(i / 100, 0.5))) - 1) < 1e-9, 'the form peaks at 1');
});

/** Per eye: the bake with the dome off and on, the mean luma over the dome's core and over the lid's rim (near the crease / corners). */
async function domeBakes(file: string) {
  const portrait = await analyzePortrait(`${SHARED_DATA}/portraits/${file}`);
  const avatar = buildAvatar(portrait);
  const geo = eyeGeometry((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  const lib = closedEyeLibrary()[0]!, crop = portrait.analysis?.crop, photoPixel = crop ? crop.size / crop.side : 1;
  return geo.map((g) => {
    const s = sampleEye(avatar.texture, g, lib);
    // creaseValley.ts off in both: it fills the crease's valley from the lid under it, so that band follows the dome
    const bake = (on: boolean) => {
      const was = [lidLitDomeSetting.on, creaseValleySetting.on];
      lidLitDomeSetting.on = on; creaseValleySetting.on = false;
      try { return finishEye(s, g, s.photoDark, photoPixel).rgb; } finally { [lidLitDomeSetting.on, creaseValleySetting.on] = was; }
    };
    const off = bake(false), on = bake(true);
    const L = (a: Float32Array, k: number) => lum(a[k * 3]!, a[k * 3 + 1]!, a[k * 3 + 2]!);
    let core = 0, nCore = 0, rimMoved = 0, changed = 0;
    for (let c = 0; c < PATCH_W; c++) {
      const u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
      for (let r = 0; r < PATCH_H; r++) {
        const k = r * PATCH_W + c, t = (cellV(r) - crease) / Math.max(1e-3, shut - crease), dl = L(on, k) - L(off, k);
        if (dl !== 0) changed++;
        if (domeShape(t, u) > 0.8) { core += dl; nCore++; }
        if (t < 0 || t > 1 || u < 0 || u > 1) rimMoved = Math.max(rimMoved, Math.abs(dl));
      }
    }
    return { coreLift: core / Math.max(1, nCore), rimMoved, changed };
  });
}

test('lp_s5 (a shaded socket): the dome lit over the brown fill, the rim (over the crease, past the shut line and corners) as it was', async () => {
  for (const [side, e] of (await domeBakes('lp_s5.jpg')).entries()) {
    console.log(`lp_s5 eye ${side}: dome core +${e.coreLift.toFixed(1)} luma, rim moved at most ${e.rimMoved.toFixed(2)}`);
    assert.ok(e.coreLift > 8, `eye ${side}: the dome lighter`);
    // (the grain after it weighs the body's own detail, which the dome's slope touches: a fraction of a level)
    assert.ok(e.rimMoved < 0.5, `eye ${side}: the rim as it was`);
  }
});

test('lp_s42 (a lit lid): untouched', async () => {
  for (const [side, e] of (await domeBakes('lp_s42.jpg')).entries()) assert.equal(e.changed, 0, `eye ${side}: no cell changed`);
});
