// s38 (socket38): the shut lid's body gets back the grain of the skin round the patch: a smooth body in
// grained skin has its fine detail scaled up toward the ring's (not past GAIN_MAX); its low-pass (tone)
// stays, the crease and the mask's feather are left as baked, and a body already as grained is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grainLidBody, grainGain, grainSpreads, robustSpread } from '../src/render/closedEye/lidGrain.ts';
import { bodyWeights } from '../src/render/closedEye/lidSkinTone.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellRow, cellColumn, cellU, cellV } from '../src/render/closedEye/grid.ts';

const CREASE = -0.3, LID = -0.08, LOWER = 0.08;
const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { lid: line(LID), lower: line(LOWER), crease: line(CREASE), brow: line(-0.6) } as unknown as EyeGeometry;
const cell = (u: number, v: number) => Math.round(cellRow(v)) * PATCH_W + Math.round(cellColumn(u));
// a fixed pseudo-random field (no Math.random: the test is the same every run)
const noise = (k: number, seed: number) => { const x = Math.sin(k * 12.9898 + seed * 78.233) * 43758.5453; return 2 * (x - Math.floor(x)) - 1; };

function scene(bodyGrain: number) {
  const n = PATCH_W * PATCH_H;
  const photo = new Float32Array(n * 3), rgb = new Float32Array(n * 3), mask = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const u = cellU(k % PATCH_W), v = cellV(Math.floor(k / PATCH_W));
    const inside = Math.min(u + 0.15, 1.15 - u, v - (CREASE - 0.08), LOWER + 0.15 - v);
    mask[k] = Math.max(0, Math.min(1, 0.5 + inside / 0.1));
    photo.fill(0, k * 3, k * 3 + 3);
    for (let ch = 0; ch < 3; ch++) photo[k * 3 + ch] = [200, 150, 140][ch]! + 14 * noise(k, 1);
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = [190, 150, 138][ch]! + bodyGrain * noise(k, 2);
  }
  return { photo, rgb, mask };
}

test('the gain: the ring\'s grain x .8 over the body\'s, within 1..2.5; a robust spread ignores one edge', () => {
  assert.equal(grainGain(4, 8), 1.6);
  assert.equal(grainGain(1, 8), 2.5);
  assert.equal(grainGain(8, 4), 1);
  const flat = Array.from({ length: 99 }, (_, i) => (i % 2 ? 2 : -2));
  assert.ok(Math.abs(robustSpread([...flat, 200]) - robustSpread(flat)) < 0.01);
});

test('a smooth lid body in grained skin gets grain; its tone, the crease and the feather stay', () => {
  const { photo, rgb, mask } = scene(2);
  const before = Float32Array.from(rgb);
  const w = bodyWeights(g, mask);
  const s0 = grainSpreads(rgb, photo, mask, w);
  grainLidBody(rgb, photo, mask, g);
  const s1 = grainSpreads(rgb, photo, mask, w);
  assert.ok(s1.body > 1.8 * s0.body, `body grain ${s0.body.toFixed(2)} -> ${s1.body.toFixed(2)} (ring ${s0.ring.toFixed(2)})`);
  // the body's mean (its tone) stays
  let m0 = 0, m1 = 0, nb = 0;
  for (let k = 0; k < w.length; k++) if (w[k]! > 0.5) { m0 += before[k * 3]!; m1 += rgb[k * 3]!; nb++; }
  assert.ok(Math.abs(m0 / nb - m1 / nb) < 1, `body mean red ${(m0 / nb).toFixed(1)} -> ${(m1 / nb).toFixed(1)}`);
  for (const [u, v] of [[0.5, CREASE], [0.5, CREASE - 0.12], [-0.2, -0.15], [0.5, LOWER + 0.12]] as const) {
    const k = cell(u, v);
    assert.equal(rgb[k * 3], before[k * 3], `cell at (${u}, ${v}) changed`);
  }
});

test('a body already as grained as the ring is left as baked', () => {
  const { photo, rgb, mask } = scene(14);
  const before = Float32Array.from(rgb);
  grainLidBody(rgb, photo, mask, g);
  assert.deepEqual(rgb, before);
});

// s38 (socket38): creaseValley.ts — a dark line along the crease (the patch's top on st_full_body_1) is
// lifted to the straight run from the brow bone down into the body, less a faint crease; a lid whose luma
// already runs on is untouched.
import { fillCreaseValley, valleyFloor } from '../src/render/closedEye/creaseValley.ts';

function column(valley: number) {
  const n = PATCH_W * PATCH_H;
  const rgb = new Float32Array(n * 3), mask = new Float32Array(n).fill(1);
  for (let k = 0; k < n; k++) {
    const v = cellV(Math.floor(k / PATCH_W));
    // brow bone 120 running on to 150 in the body, a dark line at the crease
    const base = 120 + 30 * Math.max(0, Math.min(1, (v - (CREASE - 0.06)) / 0.16));
    const line = Math.abs(v - CREASE) < 0.03 ? valley : 0;
    rgb.fill(base - line, k * 3, k * 3 + 3);
  }
  return { rgb, mask };
}

test('a dark line at the crease is lifted to near the run between brow bone and body; a smooth run is untouched', () => {
  const { rgb, mask } = column(25);
  const k = cell(0.5, CREASE);
  const before = rgb[k * 3]!;
  fillCreaseValley(rgb, mask, g);
  assert.ok(rgb[k * 3]! > before + 10, `crease line ${before.toFixed(1)} -> ${rgb[k * 3]!.toFixed(1)}`);
  assert.ok(rgb[k * 3]! < 0.99 * (120 + 30 * (0.06 / 0.16)), 'a faint crease stays under the run');
  assert.ok(valleyFloor(100, 140, 0.5) < 120 && valleyFloor(100, 140, 0.5) > 110);
  const smooth = column(0);
  const was = Float32Array.from(smooth.rgb);
  fillCreaseValley(smooth.rgb, smooth.mask, g);
  assert.deepEqual(smooth.rgb, was);
});
