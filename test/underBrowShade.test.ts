// s48 (lidpatch48): the skin a raised brow uncovers keeps the photo's socket shade (render/underBrowShade.ts), so a
// painting whose brow sits in deep shade (st_art_1) does not get a pale lit band with a hard top under its raised brow;
// a photo whose band is already lit skin (lp_s1: sock 1) is left as s47 drew it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { shadeAt, shadeTarget, socketShade, underBrowShadeSetting } from '../src/render/underBrowShade.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { sharedData } from '../bench/sharedData.ts';

const luma = (d: ArrayLike<number>, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;

test('socketShade: a dark band under a lit target shades, a lit band does not; shadeAt darkens toward the brow', () => {
  const n = 40, t = Float32Array.from({ length: n }, (_, q) => 0.2 + (0.6 * q) / (n - 1));
  const target = new Float32Array(n * 3).fill(160);
  const dark = new Uint8ClampedArray(n * 3), lit = new Uint8ClampedArray(n * 3).fill(150);
  for (let q = 0; q < n; q++) { dark[q * 3] = 60; dark[q * 3 + 1] = 35; dark[q * 3 + 2] = 25; }
  const d = socketShade(dark, target, t), l = socketShade(lit, target, t);
  assert.ok(d.shade < 0.8 && d.shade >= underBrowShadeSetting.floor, `dark socket shade ${d.shade}`);
  assert.ok(d.chroma && d.chroma[0] > d.chroma[2], 'the socket colour is the photo\'s warm brown');
  assert.ok(l.shade > 0.95, `lit band shade ${l.shade}`);
  assert.equal(shadeAt(0.1, 1), 1);
  assert.ok(shadeAt(0.9, 0.6) < shadeAt(0.5, 0.6) && shadeAt(0.5, 0.6) <= shadeAt(0.2, 0.6), 'darker toward the brow');
  const tg = Float32Array.from(target), g = new Float32Array(n).fill(4);
  shadeTarget(tg, g, t, d);
  assert.ok(tg[0]! < 160 && tg[0]! > tg[2]!, `target darker and warmer: ${tg.slice(0, 3).join(',')}`);
  assert.ok(g[n - 1]! < g[0]!, 'grain shaded with the skin');
  const was = underBrowShadeSetting.on; underBrowShadeSetting.on = false;
  try { const t2 = Float32Array.from(target); shadeTarget(t2, g, t, d); assert.deepEqual(t2, target, 'off: untouched'); } finally { underBrowShadeSetting.on = was; }
});

/** Side 0's band (image-right) after the pass at pcavs741 f24's brow raise, shade on or off: the mean luma of the fully blended texels and the texture. */
async function band(file: string, on: boolean) {
  const was = underBrowShadeSetting.on; underBrowShadeSetting.on = on;
  try {
    const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits/'), file)));
    const photo = avatar.rig.photoWeights, w = Float64Array.from(photo);
    w[CONTROL_INDEX.browInnerUp] = 0.87; w[CONTROL_INDEX.browOuterUpLeft] = 0.42; w[CONTROL_INDEX.browOuterUpRight] = 0.54;
    const t = faceTextures(avatar);
    t.underBrow.update(w, photo);
    const side = (t.underBrow as unknown as { sides: { pixels: Int32Array; profile: Float32Array; photo: Uint8ClampedArray }[] }).sides[0]!;
    let s = 0, p = 0, n = 0;
    for (let q = 0; q < side.pixels.length; q++) {
      if (side.profile[q]! < 0.9) continue;
      s += luma(t.lidSkin.data, side.pixels[q]!); p += luma(side.photo, q * 3); n++;
    }
    return { mean: s / n, photo: p / n, n };
  } finally { underBrowShadeSetting.on = was; }
}

test('st_art_1 brows up: the uncovered band is shaded skin, between the photo\'s socket and s47\'s lit band; lp_s1 untouched', async () => {
  const off = await band('st_art_1.png', false), on = await band('st_art_1.png', true);
  console.log(`st_art_1 band (${on.n} texels) luma: photo ${on.photo.toFixed(1)} s47 ${off.mean.toFixed(1)} shaded ${on.mean.toFixed(1)}`);
  assert.ok(on.n > 100);
  assert.ok(on.mean < off.mean - 10, `darker than the lit band: ${on.mean.toFixed(1)} vs ${off.mean.toFixed(1)}`);
  assert.ok(on.mean > on.photo + 5, `still uncovered skin, lighter than the photo's socket: ${on.mean.toFixed(1)} vs ${on.photo.toFixed(1)}`);
  const a = await band('lp_s1.jpg', false), b = await band('lp_s1.jpg', true);
  assert.ok(Math.abs(a.mean - b.mean) < 1, `lp_s1's lit band unchanged: ${a.mean.toFixed(1)} -> ${b.mean.toFixed(1)}`);
});
