// s50 (irisband50): a raised brow's uncovered band (render/brows.ts UnderBrowSkin + underBrowGrain.ts) where the photo's
// band is skin in shade keeps that skin's warm hue. lp_s5 (a painting) with the brows up as eng8's f135 raises them: the
// s47 blend drew the lit forehead's chromaticity at the blend's lower luminance, an olive grey-green band over the
// iris top. Texels whose photo is hair or socket black (skinShare 0) keep the s47 colour byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { shadedSkinHueSetting, skinShare } from '../src/render/underBrowGrain.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { sharedData } from '../bench/sharedData.ts';

type Side = { pixels: Int32Array; photo: Uint8ClampedArray; target: Float32Array; profile: Float32Array; top: Float32Array };

/** Side 0's (image-right) band after the pass at eng8 f135's brow raise, shadedSkinHue on or off. */
async function band(file: string, on: boolean) {
  const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits/'), file)));
  const photo = avatar.rig.photoWeights, w = Float64Array.from(photo);
  w[CONTROL_INDEX.browInnerUp] = 0.3; w[CONTROL_INDEX.browOuterUpLeft] = 0.23; w[CONTROL_INDEX.browOuterUpRight] = 0.23;
  const was = shadedSkinHueSetting.on;
  shadedSkinHueSetting.on = on;
  try {
    const t = faceTextures(avatar);
    t.underBrow.update(w, photo);
    const side = (t.underBrow as unknown as { sides: Side[] }).sides[0]!;
    return { data: Uint8ClampedArray.from(t.lidSkin.data), side };
  } finally { shadedSkinHueSetting.on = was; }
}

/** a* / b*-like opponent axes of the mean colour over texels blended by .9 or more: (r - g, g - b) and its angle. */
function hueOf(data: ArrayLike<number>, side: Side, fromPhoto = false) {
  let r = 0, g = 0, b = 0;
  for (let q = 0; q < side.pixels.length; q++) {
    if (side.profile[q]! < 0.9 || side.top[q]! < 0.9) continue;
    const o = side.pixels[q]!;
    if (fromPhoto) { r += side.photo[q * 3]!; g += side.photo[q * 3 + 1]!; b += side.photo[q * 3 + 2]!; } else { r += data[o]!; g += data[o + 1]!; b += data[o + 2]!; }
  }
  return (Math.atan2(g - b, r - g) * 180) / Math.PI;
}

test('skinShare: 0 for hair or socket black under lit skin, 1 for skin in shade, rising between', () => {
  assert.equal(skinShare(20, 170), 0);
  assert.equal(skinShare(110, 170), 1);
  const mid = skinShare(60, 170);
  assert.ok(mid > 0 && mid < 1, `mid ${mid}`);
});

test('lp_s5, brows up as eng8 f135: the band keeps the shaded lid skin\'s hue, not the lit forehead\'s', async () => {
  const off = await band('lp_s5.jpg', false), on = await band('lp_s5.jpg', true);
  const photoHue = hueOf(off.data, off.side, true), hOff = hueOf(off.data, off.side), hOn = hueOf(on.data, on.side);
  console.log(`lp_s5 band hue: photo ${photoHue.toFixed(1)} off ${hOff.toFixed(1)} on ${hOn.toFixed(1)} deg`);
  assert.ok(Math.abs(hOn - photoHue) < Math.abs(hOff - photoHue) * 0.7, `on ${hOn.toFixed(1)} vs off ${hOff.toFixed(1)} from the photo's ${photoHue.toFixed(1)}`);
});

test('st_art_1: texels over near-black hair (skinShare 0) are drawn as before', async () => {
  const off = await band('st_art_1.png', false), on = await band('st_art_1.png', true);
  let n = 0, same = 0;
  for (let q = 0; q < on.side.pixels.length; q++) {
    const p = on.side.photo, t = on.side.target;
    const lp = 0.3 * p[q * 3]! + 0.59 * p[q * 3 + 1]! + 0.11 * p[q * 3 + 2]!, lt = 0.3 * t[q * 3]! + 0.59 * t[q * 3 + 1]! + 0.11 * t[q * 3 + 2]!;
    if (lp >= 0.25 * lt) continue;
    n++;
    const o = on.side.pixels[q]!;
    if (on.data[o] === off.data[o] && on.data[o + 1] === off.data[o + 1] && on.data[o + 2] === off.data[o + 2]) same++;
  }
  assert.ok(n > 20, `hair texels ${n}`);
  assert.equal(same, n);
});
