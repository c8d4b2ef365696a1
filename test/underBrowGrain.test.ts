// s47 (underbrow47): a raised brow's uncovered band (render/brows.ts UnderBrowSkin + underBrowGrain.ts) is skin with
// grain in the skin's hue, not a flat grey-lilac patch. st_art_1 (a painting whose brow sits on the lid) with the
// brows up as pcavs741 f24 raises them: before, the band's texels were a smooth per-column colour mixed 75/25 with
// the near-black reddish hair (flat, hue pulled off the skin's toward red); lp_s42's temple (a fringe above the brow)
// must not lend its hair strands as grain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { underBrowGrainSetting } from '../src/render/underBrowGrain.ts';
import { underBrowShadeSetting } from '../src/render/underBrowShade.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { sharedData } from '../bench/sharedData.ts';

type Side = { pixels: Int32Array; photo: Uint8ClampedArray; target: Float32Array; profile: Float32Array; top: Float32Array };
const luma = (d: ArrayLike<number>, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;

/** The band of side 0 (image-right) after the pass at the given brow raise, with the grain setting on or off. */
async function band(file: string, on: boolean, grain = 1) {
  const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits/'), file)));
  const photo = avatar.rig.photoWeights, w = Float64Array.from(photo);
  w[CONTROL_INDEX.browInnerUp] = 0.87; w[CONTROL_INDEX.browOuterUpLeft] = 0.42; w[CONTROL_INDEX.browOuterUpRight] = 0.54;
  const was = underBrowGrainSetting.on, wasGrain = underBrowGrainSetting.grain, wasShade = underBrowShadeSetting.on;
  // s48: the grain's own measure on the lit target it was built for (underBrowShade.test.ts covers the shaded band)
  underBrowGrainSetting.on = on; underBrowGrainSetting.grain = grain; underBrowShadeSetting.on = false;
  try {
    const t = faceTextures(avatar);
    t.underBrow.update(w, photo);
    const side = (t.underBrow as unknown as { sides: Side[] }).sides[0]!;
    return { data: Uint8ClampedArray.from(t.lidSkin.data), size: avatar.size, side };
  } finally {
    underBrowGrainSetting.on = was; underBrowGrainSetting.grain = wasGrain; underBrowShadeSetting.on = wasShade;
  }
}

/** Over the texels blended by half or more: the high-pass luma std-dev (5x5 box), and the mean colour's hue angle (r-g, g-b plane) against the target's. */
function read(b: Awaited<ReturnType<typeof band>>) {
  const { data, size, side } = b;
  let n = 0, s = 0, s2 = 0, hr = 0, hg = 0, hb = 0, tr = 0, tg = 0, tb = 0;
  for (let q = 0; q < side.pixels.length; q++) {
    if (side.profile[q]! < 0.9 || side.top[q]! < 0.9) continue;
    const o = side.pixels[q]!;
    let m = 0;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) m += luma(data, o + (dy * size + dx) * 4) / 25;
    const d = luma(data, o) - m;
    s += d; s2 += d * d; n++;
    hr += data[o]!; hg += data[o + 1]!; hb += data[o + 2]!;
    tr += side.target[q * 3]!; tg += side.target[q * 3 + 1]!; tb += side.target[q * 3 + 2]!;
  }
  const hue = (r: number, g: number, bl: number) => (Math.atan2(g - bl, r - g) * 180) / Math.PI;
  return { n, grain: Math.sqrt(s2 / n - (s / n) ** 2), hueOff: Math.abs(hue(hr, hg, hb) - hue(tr, tg, tb)) };
}

test('st_art_1, brows up as pcavs741 f24: the uncovered band has grain and the skin target\'s hue', async () => {
  const off = read(await band('st_art_1.png', false)), flat = read(await band('st_art_1.png', true, 0)), on = read(await band('st_art_1.png', true));
  console.log(`st_art_1 band (${on.n} texels): grain off ${off.grain.toFixed(2)} without the forehead's ${flat.grain.toFixed(2)} on ${on.grain.toFixed(2)}; hue from the skin's off ${off.hueOff.toFixed(1)} on ${on.hueOff.toFixed(1)} deg`);
  assert.ok(on.n > 100, `a band of texels (${on.n})`);
  assert.ok(on.grain > off.grain * 1.3, `grain on ${on.grain.toFixed(2)} vs flat off ${off.grain.toFixed(2)}`);
  assert.ok(on.grain > flat.grain * 1.1, `the forehead's grain adds texture: ${on.grain.toFixed(2)} vs ${flat.grain.toFixed(2)} without it`);
  assert.ok(on.hueOff < off.hueOff * 0.6, `hue off the skin's: on ${on.hueOff.toFixed(1)} vs off ${off.hueOff.toFixed(1)} deg`);
});

test('lp_s42 (a fringe over the image-right temple): the grain is skin grain, not hair strands', async () => {
  const off = read(await band('lp_s42.jpg', false)), on = read(await band('lp_s42.jpg', true));
  console.log(`lp_s42 band (${on.n} texels): grain off ${off.grain.toFixed(2)} on ${on.grain.toFixed(2)}`);
  assert.ok(on.grain < off.grain + 2.5, `grain on ${on.grain.toFixed(2)} vs off ${off.grain.toFixed(2)} (hair strands would add several levels)`);
});
