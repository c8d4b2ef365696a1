// The pale lower rim under a closing lid (sliver21): where the face mesh's lower lid line sits above
// the photo's own, the photo's lower white lies on the skin under the eye and stayed as a bright line
// under the slit at blink .75-.9 (mt_man, Katie). render/lowerRim.ts shades it over to the lower lid's
// skin as the blink completes; the rest frame and a half blink keep the photo. And the white inside a
// narrow slit (Katie f62) is in the lid's shadow as a whole (closedEye/lidShadow.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { LowerRim, rimCover, rimPaleness } from '../src/render/lowerRim.ts';
import { CONTROL_INDEX, RIG_CONTROLS } from '../src/rig/controls.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

const SKIN = [180, 140, 120], WHITE = [235, 232, 228];
const lum = (d: Uint8ClampedArray, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;

/** Flat skin, eyes' lower lid lines at row 120 + 10 sin(pi t) (synthetic face, iod 200 px); under each a 2 px white rim and a pale spot on the cheek. */
function face() {
  const { texture, xy } = syntheticEyeFace(SKIN, { centreY: 120, halfHeight: 0.1, darkness: 1, brow: false });
  const W = texture.width, d = texture.data;
  const rim: number[] = [], cheek: number[] = [];
  const paint = (x: number, y: number, into: number[]) => { const o = (y * W + x) * 4; d.set(WHITE, o); into.push(o); };
  for (const [outer, inner] of [[100, 160], [300, 240]] as const) {
    for (let x = Math.min(outer, inner) + 8; x <= Math.max(outer, inner) - 8; x++) {
      const t = (x - outer) / (inner - outer), line = 120 + 10 * Math.sin(Math.PI * t);
      for (let y = Math.ceil(line); y < line + 2; y++) paint(x, y, rim);
    }
    for (let x = (outer + inner) / 2 - 3; x <= (outer + inner) / 2 + 3; x++) for (let y = 150; y < 153; y++) paint(x, y, cheek);
  }
  return { texture, xy, rim, cheek };
}

const weights = (blink: number) => { const w = new Float32Array(RIG_CONTROLS.length); w[CONTROL_INDEX.eyeBlinkLeft] = blink; w[CONTROL_INDEX.eyeBlinkRight] = blink; return w; };

test('rim cover: none up to a half blink, most of the way by .85, none under the whole shut eye', () => {
  assert.equal(rimCover(0), 0);
  assert.equal(rimCover(0.5), 0);
  assert.ok(rimCover(0.75) > 0.3 && rimCover(0.75) < rimCover(0.85), `${rimCover(0.75)}`);
  assert.ok(rimCover(0.85) >= 0.8, `${rimCover(0.85)}`);
  assert.ok(rimCover(0.95) < rimCover(0.9) && rimCover(1) === 0, 'gives way to the shut eye');
  assert.equal(rimPaleness(150, 150), 0);
  assert.equal(rimPaleness(200, 150), 1);
});

test('the pale rim under the lower lid goes over to the lid skin as a blink completes; rest, half blink and the cheek keep the photo', () => {
  const { texture, xy, rim, cheek } = face();
  const photo = new Uint8ClampedArray(texture.data);
  const data = new Uint8ClampedArray(texture.data);
  const lr = new LowerRim(data, texture.width, texture.height, xy, 200);
  const rest = weights(0);
  lr.update(weights(0), rest);
  assert.deepEqual(data, photo, 'blink 0: the photo');
  lr.update(weights(0.5), rest);
  assert.deepEqual(data, photo, 'blink .5: the photo');
  lr.update(weights(0.9), rest);
  const skinLum = 0.3 * SKIN[0]! + 0.59 * SKIN[1]! + 0.11 * SKIN[2]!;
  const rimLums = rim.map((o) => lum(data, o)).sort((a, b) => a - b);
  // every rim pixel was about 1.5x the skin's light; now at most the skin's (shaded toward 0.85 of it)
  assert.ok(rimLums[rimLums.length - 1]! <= skinLum * 1.02, `brightest rim pixel ${rimLums.at(-1)!.toFixed(0)} vs skin ${skinLum.toFixed(0)}`);
  assert.ok(rimLums[rimLums.length >> 1]! < skinLum, `median rim ${rimLums[rimLums.length >> 1]!.toFixed(0)}`);
  for (const o of cheek) assert.deepEqual([...data.subarray(o, o + 3)], WHITE, 'the cheek spot stays');
  // skin that is not pale is left as it is anywhere
  for (let o = 0; o < data.length; o += 4) if (!rim.includes(o)) assert.deepEqual([...data.subarray(o, o + 4)], [...photo.subarray(o, o + 4)], `pixel ${o / 4}`);
  lr.update(weights(0), rest);
  assert.deepEqual(data, photo, 'back at rest: the photo');
});

test('a narrow-eyed photo (its own blink .3) is covered by its completion, not the raw weight', () => {
  const { texture, xy, rim } = face();
  const data = new Uint8ClampedArray(texture.data);
  const lr = new LowerRim(data, texture.width, texture.height, xy, 200);
  lr.update(weights(0.65), weights(0.3));
  const half = lum(data, rim[rim.length >> 1]!);
  assert.ok(half > 225, `completion .5: still the photo's white (${half.toFixed(0)})`);
  lr.update(weights(0.9), weights(0.3));
  assert.ok(lum(data, rim[rim.length >> 1]!) < 160);
});

test('a narrow slit is in the lid\'s shadow as a whole: darker than a wide opening at the same depth under the lid; none of it at a half blink', async () => {
  const { drawLidShadow, lidShadowStrength, slitShadowStrength, lidShadowLight } = await import('../src/render/closedEye/lidShadow.ts');
  const { eyeFrame } = await import('../src/render/closedEye/frame.ts');
  assert.equal(slitShadowStrength(0.5), 0);
  assert.equal(lidShadowLight(0.03, 1, 0.04, 0), lidShadowLight(0.03, 1), 'no slit strength: the lid shadow as it was');
  const W = 80, H = 50, grey = (0xff << 24 | 200 << 16 | 200 << 8 | 200) >>> 0;
  // one eye from (10, 25) to (70, 25), eyeball everywhere in its box; lid edge 1/12 eye width under the corners' line
  const shade = (lowerMid: number, c: number) => {
    const target = { width: W, height: H, color: new Uint32Array(W * H).fill(grey), depth: new Float32Array(W * H).fill(0.98) };
    const upper = { u: [0, 0.5, 1], v: [0, 1 / 12, 0] }, lower = { u: [0, 0.5, 1], v: [0, lowerMid, 0] };
    drawLidShadow(target, eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, lidShadowStrength(c), 0.99, slitShadowStrength(c));
    return target.color[31 * W + 40]! & 255; // 1 px under the lid's edge, mid-eye
  };
  // a slit (lower lid 0.12 eye widths, gap 0.037) against a wide opening (lower lid 0.3): Katie f62's pale slit kept ~0.55 of the white
  const slit = shade(0.12, 0.85), wide = shade(0.3, 0.85);
  assert.ok(slit < wide - 40, `slit ${slit}, wide ${wide}`);
  assert.ok(slit <= 200 * 0.35, `slit ${slit}: mostly shadow`);
  assert.equal(shade(0.12, 0.5), shade(0.3, 0.5), 'a half blink: the slit term is off');
});

test('the last of a blink: a slit at completion .9 darker than at .8, never black, and the extra off is the old slit (s52)', async () => {
  const { lidShadowLight, lidShadowStrength, slitShadowStrength, closingSlitSetting } = await import('../src/render/closedEye/lidShadow.ts');
  const light = (c: number) => lidShadowLight(0.02, lidShadowStrength(c), 0.05, slitShadowStrength(c));
  assert.equal(slitShadowStrength(0.8), 1, 'up to .8 the slit as before');
  assert.ok(light(0.9) < light(0.8) - 0.1, `blink .9 ${light(0.9).toFixed(2)} vs .8 ${light(0.8).toFixed(2)}`);
  assert.ok(light(0.95) >= 0.1, 'held above black');
  const was = closingSlitSetting.extra;
  try {
    closingSlitSetting.extra = 0;
    assert.equal(slitShadowStrength(0.95), 1);
  } finally { closingSlitSetting.extra = was; }
});

test('a waterline as light as the skin but lighter than the lashes under it is shaded like them as a blink completes (Katie\'s pink rim, alias22)', () => {
  const { texture, xy } = syntheticEyeFace(SKIN, { centreY: 120, halfHeight: 0.1, darkness: 1, brow: false });
  const W = texture.width, d = texture.data;
  const LASH = [110, 80, 70], PINK = [196, 130, 122]; // the pink as light as the skin (lum ~154 vs 148)
  const rim: number[] = [];
  for (const [outer, inner] of [[100, 160], [300, 240]] as const) {
    for (let x = Math.min(outer, inner) + 8; x <= Math.max(outer, inner) - 8; x++) {
      const t = (x - outer) / (inner - outer), line = 120 + 10 * Math.sin(Math.PI * t);
      const y0 = Math.ceil(line);
      d.set(PINK, (y0 * W + x) * 4); rim.push((y0 * W + x) * 4);
      for (let y = y0 + 2; y < line + 6; y++) d.set(LASH, (y * W + x) * 4);
    }
  }
  const photo = new Uint8ClampedArray(d);
  const data = new Uint8ClampedArray(d);
  const lr = new LowerRim(data, W, texture.height, xy, 200);
  lr.update(weights(0), weights(0));
  assert.deepEqual(data, photo, 'blink 0: the photo');
  lr.update(weights(0.9), weights(0));
  const skinLum = 0.3 * SKIN[0]! + 0.59 * SKIN[1]! + 0.11 * SKIN[2]!;
  const after = rim.map((o) => lum(data, o)).sort((a, b) => a - b);
  assert.ok(after[after.length >> 1]! < 0.8 * skinLum, `median waterline ${after[after.length >> 1]!.toFixed(0)} vs skin ${skinLum.toFixed(0)}`);
});
