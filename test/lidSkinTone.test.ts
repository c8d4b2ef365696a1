// s38 (shutlid38): the shut lid's body is toned to the skin round the patch: a purple-grey smudge in
// the body takes the skin's chroma and its dark is lifted; the crease, the lash line and the mask's
// feather are left as baked (no new edge).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toneLidSkin, toneGain, paleFactor } from '../src/render/closedEye/lidSkinTone.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellRow, cellColumn, cellU, cellV } from '../src/render/closedEye/grid.ts';

const CREASE = -0.3, LID = -0.08, LOWER = 0.08;
const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { lid: line(LID), lower: line(LOWER), crease: line(CREASE), brow: line(-0.6) } as unknown as EyeGeometry;
const cell = (u: number, v: number) => Math.round(cellRow(v)) * PATCH_W + Math.round(cellColumn(u));
const SKIN = [200, 150, 140], LIDSKIN = [190, 150, 138], SMUDGE = [130, 118, 140];
const chroma = (c: ArrayLike<number>, k: number) => { const l = 0.299 * c[k * 3]! + 0.587 * c[k * 3 + 1]! + 0.114 * c[k * 3 + 2]!; return [0, 1, 2].map((ch) => c[k * 3 + ch]! / l); };
const dist = (a: number[], b: number[]) => a.reduce((s, x, i) => s + Math.abs(x - b[i]!), 0);

function scene() {
  const n = PATCH_W * PATCH_H;
  const photo = new Float32Array(n * 3), rgb = new Float32Array(n * 3), mask = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const u = cellU(k % PATCH_W), v = cellV(Math.floor(k / PATCH_W));
    const inside = Math.min(u + 0.15, 1.15 - u, v - (CREASE - 0.08), LOWER + 0.15 - v);
    mask[k] = Math.max(0, Math.min(1, 0.5 + inside / 0.1));
    photo.set(SKIN, k * 3);
    rgb.set(LIDSKIN, k * 3);
  }
  for (let k = 0; k < n; k++) {
    const u = cellU(k % PATCH_W), v = cellV(Math.floor(k / PATCH_W));
    if (Math.hypot(u - 0.75, (v + 0.17) * 2) < 0.1) rgb.set(SMUDGE, k * 3);
  }
  return { photo, rgb, mask };
}

test('a purple-grey smudge in the lid body takes the skin ring\'s chroma and is lifted', () => {
  const { photo, rgb, mask } = scene();
  const before = Float32Array.from(rgb);
  toneLidSkin(rgb, photo, mask, g);
  const k = cell(0.75, -0.17), skinC = chroma(SKIN, 0);
  const d0 = dist(chroma(before, k), skinC), d1 = dist(chroma(rgb, k), skinC);
  assert.ok(d1 < 0.7 * d0, `smudge chroma distance to the skin ${d0.toFixed(3)} -> ${d1.toFixed(3)}`);
  const luma = (c: ArrayLike<number>) => 0.299 * c[k * 3]! + 0.587 * c[k * 3 + 1]! + 0.114 * c[k * 3 + 2]!;
  assert.ok(luma(rgb) > luma(before) + 3, `the smudge's dark is lifted: luma ${luma(before).toFixed(1)} -> ${luma(rgb).toFixed(1)}`);
});

test('the crease, the lash line and the mask\'s feather are left as baked', () => {
  const { photo, rgb, mask } = scene();
  const before = Float32Array.from(rgb);
  toneLidSkin(rgb, photo, mask, g);
  for (const [u, v] of [[0.5, CREASE - 0.02], [0.5, LOWER], [1.12, -0.1], [0.5, LOWER + 0.1]] as const) {
    const k = cell(u, v);
    for (let ch = 0; ch < 3; ch++) assert.equal(rgb[k * 3 + ch], before[k * 3 + ch], `cell u ${u} v ${v} changed`);
  }
});

test('the gain is bounded and a lid no paler than the ring keeps its luma', () => {
  assert.deepEqual(toneGain([100, 100, 100], [255, 10, 10], 100).map((x) => x >= 0.8 && x <= 1.25), [true, true, true]);
  assert.equal(paleFactor(0.9), 1);
  assert.ok(paleFactor(1.2) < 1 && paleFactor(1.2) > 1 / 1.2);
});

// s50 (shuttone50): the across target (off by default): the lid's top toned to a lit brow bone's chroma, its line end to the cheek's
test('the across target runs from the over-crease skin to the cheek, only under a lit brow bone', async () => {
  const { acrossTarget, litShare, lidSkinToneSetting } = await import('../src/render/closedEye/lidSkinTone.ts');
  const over = [200, 200, 200] as [number, number, number], cheek = [200, 150, 140] as [number, number, number];
  const c0 = acrossTarget(over, cheek, 0), c1 = acrossTarget(over, cheek, 1);
  assert.ok(Math.abs(c0[0] - c0[2]) < 1e-6, 'at the crease: the over-crease skin\'s (grey) chroma');
  assert.ok(c1[0] > 1.1 && c1[2] < 0.95, 'at the shut line: the cheek\'s chroma');
  assert.equal(litShare(0.7), 0);
  assert.equal(litShare(1.1), 1);
  // a white brow bone over a pink cheek: with across on, the lid's top is less red than with it off; off ignores `over`
  const tone = (across: boolean, withOver: boolean) => {
    const { photo, rgb, mask } = scene();
    for (let k = 0; k < PATCH_W * PATCH_H; k++) if (cellV(Math.floor(k / PATCH_W)) < CREASE) photo.set([230, 230, 230], k * 3);
    lidSkinToneSetting.across = across;
    try { toneLidSkin(rgb, photo, mask, g, withOver ? [230, 230, 230] : undefined); } finally { lidSkinToneSetting.across = false; }
    return rgb;
  };
  const off = tone(false, true), plain = tone(false, false), on = tone(true, true);
  assert.deepEqual(Array.from(off), Array.from(plain), 'off: the over-crease skin changes nothing');
  const k = cell(0.5, CREASE + 0.08);
  assert.ok(chroma(on, k)[0]! < chroma(off, k)[0]! - 0.01, `top r/l ${chroma(off, k)[0]!.toFixed(3)} -> ${chroma(on, k)[0]!.toFixed(3)}`);
});
