// Session 26 (issue #13, critic25): library teeth in the picture's grain (pictureGrain.ts). A painting's
// teeth were an untextured slab (st_art_1: grain .0095 against its lips' .029), a clean photo's
// mottled (lp_s1: .021 against .012).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fineGrain, grainPattern, withPictureGrain } from '../src/render/mouth/pictureGrain.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { photoLipLook } from '../src/render/mouth/photoLook.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');
const W = 60, H = 24;

/** An opaque row of luma `base` plus `noise` x the grain pattern at a different place (grey). */
function row(base: number, noise: number): ReadyLayer {
  const p = grainPattern(W + 7, H + 3), data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const v = base * (1 + noise * p[(y + 2) * (W + 7) + x + 5]!), o = (y * W + x) * 4;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 1;
  }
  return { width: W, height: H, anchorX: W / 2, anchorY: 0, data };
}

const grainOf = (l: ReadyLayer) => {
  const L = new Float32Array(W * H);
  for (let q = 0; q < W * H; q++) L[q] = l.data[q * 4]!;
  return fineGrain(L, W, H, new Uint8Array(W * H).fill(1))!;
};

test('a smooth row takes the picture grain; a mottled row is damped toward it, never below half its own', () => {
  const smooth = row(200, 0.002), mottled = row(200, 0.05);
  const g0 = grainOf(smooth), g1 = grainOf(mottled);
  assert.ok(g0 < 0.005 && g1 > 0.02, `rows' own grain ${g0.toFixed(4)} ${g1.toFixed(4)}`);
  const [grained] = withPictureGrain([smooth], 0.025);
  assert.ok(Math.abs(grainOf(grained!) - 0.025) < 0.006, `grained ${grainOf(grained!).toFixed(4)}`);
  const [damped] = withPictureGrain([mottled], 0.002);
  const gd = grainOf(damped!);
  assert.ok(gd < 0.75 * g1 && gd > 0.4 * g1, `damped ${gd.toFixed(4)} from ${g1.toFixed(4)}`);
  // the light is kept
  const mean = (l: ReadyLayer) => l.data.filter((_, k) => k % 4 === 0).reduce((s, v) => s + v, 0) / (W * H);
  assert.ok(Math.abs(mean(grained!) - mean(smooth)) < 2, 'mean light kept');
  // unmeasured: unchanged
  assert.equal(withPictureGrain([smooth], null)[0], smooth);
});

test("st_art_1 (a painting): its library teeth carry the painting's grain, not a smooth slab", async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'st_art_1.png')));
  const outPerIod = avatar.head.iod * (512 / avatar.size);
  const picture = photoLipLook(avatar, 512 / avatar.size).grain!;
  let teeth = NaN;
  readyMouth(avatar, outPerIod, (stage, upper) => {
    if (stage !== 'look') return;
    const n = upper.width * upper.height, L = new Float32Array(n), solid = new Uint8Array(n);
    for (let q = 0; q < n; q++) {
      const a = upper.data[q * 4 + 3]!;
      if (a >= 0.9) { solid[q] = 1; L[q] = (0.299 * upper.data[q * 4]! + 0.587 * upper.data[q * 4 + 1]! + 0.114 * upper.data[q * 4 + 2]!) / a; }
    }
    teeth = fineGrain(L, upper.width, upper.height, solid)!;
  });
  console.log(`st_art_1 grain: picture ${picture.toFixed(4)} teeth ${teeth.toFixed(4)}`);
  // (before session 26: teeth .0095 against the picture's .029)
  assert.ok(picture > 0.02, `picture grain ${picture}`);
  assert.ok(teeth > 0.75 * picture && teeth < 1.5 * picture, `teeth grain ${teeth.toFixed(4)} against ${picture.toFixed(4)}`);
});
