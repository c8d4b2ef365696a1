// The opening's rim and the teeth at speech openings (round 7): no dark ring between the lips and
// the teeth, a lower rim in the lower lip's own light, the rows apart once the jaw drops, and teeth
// nearly as bright at a small opening as at a wide one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { teethTarget } from '../src/render/mouth/photoLook.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');
const L = (c: ArrayLike<number>) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
const lumAt = (img: RgbaImage, x: number, y: number) => { const o = (y * img.width + x) * 4; return L([img.data[o]!, img.data[o + 1]!, img.data[o + 2]!]); };

/** A layer of solid light-grey "teeth" on rows from..to. */
function bandLayer(w: number, h: number, from: number, to: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 240; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY: 0, data };
}

/**
 * A 64-column shader over an opening between lip lines at rows `top` and `bottom` (100 px per IOD),
 * lips (180,100,90), inner lip (140,60,55); `place` overrides the placement (anchors, gap).
 */
function shaderOver(layers: { upper: ReadyLayer; lower: ReadyLayer; cavity: [number, number, number] }, top: number, bottom: number, place: Partial<MouthShader['place']>): MouthShader {
  const W = 64;
  const shader = new MouthShader(W, { ...layers, tongue: null, fromPhoto: false });
  const lip: [number, number, number] = [180, 100, 90];
  shader.lipEdge = lip; shader.lipRimUpper = lip; shader.lipRimLower = lip; shader.lipInner = [140, 60, 55];
  shader.setPlacement({ upperX: 32, upperY: 10, lowerX: 32, lowerY: 60, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.3, photoGap: 0, rebuilt: 1, ...place });
  shader.centreX = 32; shader.halfWidth = 30;
  shader.setLips([0, W], [top, top], [0, W], [bottom, bottom]);
  return shader;
}
const teethShader = () => shaderOver({ upper: bandLayer(64, 64, 0, 40), lower: bandLayer(8, 8, 0, 0), cavity: [20, 10, 12] }, 10, 60, {});
const px = (s: MouthShader, x: number, y: number) => { const c = s.shade(x, y, 0, 0); return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255]; };

test('between the upper lip and bright teeth the inner lip surface is no darker than both (no ring round the opening)', () => {
  const s = teethShader();
  let darkest = 255;
  for (let y = 10; y < 16; y++) darkest = Math.min(darkest, L(px(s, 32, y)));
  const lipLum = L([180, 100, 90]), teethLum = L(px(s, 32, 20));
  // main: the inner surface was the lip in the mouth's shade, 0.73 of the lip's light, between the lip and the teeth
  assert.ok(darkest >= 0.92 * Math.min(lipLum, teethLum), `darkest ${darkest.toFixed(0)} between lip ${lipLum.toFixed(0)} and teeth ${teethLum.toFixed(0)}`);
});

test('teeth at a small speech opening (0.115 IOD) keep nearly the light they have wide open', () => {
  // (their lit edge under the upper lip: since round 11 the rest of the row is in the mouth's shadow there, mouthJaw.test.ts)
  // (0.08 until round 18 (teethgap): the teeth now fade in over gaps ~0.06-0.11, hidden at a small
  // parting, so the smallest gap that shows them whole is where their light is checked)
  const s = teethShader();
  const wide = L(px(s, 32, 12));
  s.setPlacement({ ...s.place, gap: 0.115 });
  const small = L(px(s, 32, 12));
  // main: 0.81 at 0.08 (the light fell to 0.65 at a closed mouth: grey teeth in most speech frames)
  assert.ok(small >= 0.85 * wide, `tooth ${small.toFixed(0)} at 0.115 IOD, ${wide.toFixed(0)} at 0.3`);
});

test('teeth sit well above the cheeks toward white (a well-lit face has near-white teeth)', () => {
  // main: cheek + 0.5 of the way to white (217 here: grey-cream beside Katie's white teeth)
  assert.ok(teethTarget(180, 255) >= 0.6 * 75 + 180 - 1e-9, `target ${teethTarget(180, 255)}`);
  assert.equal(teethTarget(200, 215), 215);
});

test('mt_man: the lower rim keeps the lower lip\'s light', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'mt_man.png')));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  const look = (jaw: number) => {
    const f = { ...n, w: { ...n.w, jawOpen: jaw } };
    return { lm: r.landmarks(f), img: r.render(f) };
  };
  // the lower rim, at the centre and either side: from 2 px above the lower lip line to 2 px below
  // it, nothing much darker than the lower lip a few pixels further down (3 px above is the opening's
  // edge pixel: since session 17 a speech opening's lower row is in shade, so the dark cavity meets
  // the lip there, 126 against 161 at the centre, as in a real mouth)
  {
    const { lm, img } = look(0.25);
    const mw = Math.hypot(lm[291]![0] - lm[61]![0], lm[291]![1] - lm[61]![1]);
    for (const [a, b, k] of [[13, 14, 0], [82, 87, -0.02], [312, 317, 0.02]] as const) {
      const x = Math.round((lm[a]![0] + lm[b]![0]) / 2 + k * mw), yl = Math.round(lm[b]![1]);
      let darkest = 255;
      for (let y = yl - 2; y <= yl + 2; y++) darkest = Math.min(darkest, lumAt(img, x, y));
      const lip = lumAt(img, x, yl + 5);
      // main: 0.66 at the centre (a dark red line along the lower lip)
      assert.ok(darkest >= 0.8 * lip, `column ${b}: darkest ${darkest.toFixed(0)} against the lower lip's ${lip.toFixed(0)}`);
    }
  }
});

test('the photo\'s dark mouth corner is lifted as the lips part, and left as it is at the photo\'s own opening', async () => {
  const { CornerSkin } = await import('../src/render/mouth/cornerSkin.ts');
  // a 64 px texture of lip-and-skin (lum ~170) with a black notch round the corner landmark at (20, 30)
  const W = 64, data = new Uint8ClampedArray(W * W * 4);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, notch = Math.abs(x - 20) <= 3 && Math.abs(y - 30) <= 1;
    data[o] = notch ? 30 : 200; data[o + 1] = notch ? 20 : 160; data[o + 2] = notch ? 20 : 150; data[o + 3] = 255;
  }
  const photo = Uint8ClampedArray.from(data);
  const xy = (i: number): [number, number] => (i === 61 ? [20.5, 30.5] : [50, 30]);
  const corners = new CornerSkin(data, W, W, xy, 100);
  const at = (x: number, y: number) => { const o = (y * W + x) * 4; return L([data[o]!, data[o + 1]!, data[o + 2]!]); };
  corners.update(0);
  assert.deepEqual(data, photo, 'the rest frame keeps the photo');
  corners.update(1);
  // the notch is lifted (0.03 IOD out from the corner: a dark wedge beside an open mouth's corner) ...
  for (const x of [17, 23]) assert.ok(at(x, 30) > 0.5 * at(20, 20), `notch at ${x}: ${at(x, 30).toFixed(0)} against ${at(20, 20).toFixed(0)} round it`);
  // ... but the commissure itself keeps a dark point (grin16: lifted whole, the face mesh read the open mouth narrower)
  assert.ok(at(20, 30) < 0.8 * at(17, 30), `the commissure ${at(20, 30).toFixed(0)} stays darker than the lifted notch ${at(17, 30).toFixed(0)}`);
  assert.equal(at(40, 10), L([200, 160, 150]), 'far from the corner untouched');
  corners.update(0);
  assert.deepEqual(data, photo, 'closing again restores it');
});

test('a wide-open cavity is a dark red, not black, and darkest away from the lips', () => {
  const shader = shaderOver({ upper: bandLayer(8, 8, 0, 0), lower: bandLayer(8, 8, 0, 0), cavity: [56, 17, 24] }, 2, 60, { upperY: 0, gap: 0.45 });
  const centre = px(shader, 32, 31), nearLip = px(shader, 32, 6);
  // main: 19,7,7 (luminance 11: a black hole at every wide opening)
  assert.ok(L(centre) >= 0.17 * L([140, 60, 55]), `centre ${centre}`);
  assert.ok(centre[0]! > centre[1]! + 8, `dark red, not grey: ${centre}`);
  assert.ok(L(nearLip) > L(centre), `falls off from the lips (${nearLip}) to the centre (${centre})`);
});

test('under a dropped lower lip the lower teeth go on (no black slot between the lower teeth and the lip)', async () => {
  const { teethUnderLip } = await import('../src/render/mouth/teethRows.ts');
  // a lower row of bright teeth on rows 10-29 of a 60-row layer, 100 px per IOD, empty below
  const W = 40, H = 60, data = new Float32Array(W * H * 4);
  for (let y = 10; y < 30; y++) for (let x = 0; x < W; x++) { const o = (y * W + x) * 4; data[o] = data[o + 1] = data[o + 2] = 220; data[o + 3] = 1; }
  const out = teethUnderLip({ width: W, height: H, anchorX: 20, anchorY: 28, data }, 100, 1);
  // 0.05 IOD below the row's end (a smile's mouthLowerDown drops the lip ~0.1 off the teeth)
  const o = (35 * W + 20) * 4, a = out.data[o + 3]!;
  // main: nothing past 0.04 IOD (the cavity showed as a black crescent above the lower lip)
  assert.ok(a > 0.8 && out.data[o]! / a > 120, `alpha ${a.toFixed(2)}, level ${(out.data[o]! / Math.max(a, 1e-6)).toFixed(0)}`);
});

test('library teeth hung from a closed photo\'s lip line: the rows part once the jaw has dropped 0.16 IOD', () => {
  // layers with the library's extents at the centre (100 px per IOD): the upper row from 0.03 above
  // its anchor to 0.09 below, the lower from 0.07 above its anchor to 0.01 below
  const upper = bandLayer(64, 64, 0, 12), lower = bandLayer(64, 64, 0, 8);
  upper.anchorY = 3; lower.anchorY = 7;
  const shader = shaderOver({ upper, lower, cavity: [20, 10, 12] }, 8, 40, { lowerY: 26, gap: 0.2 });
  let dark = 0;
  for (let y = 12; y < 19; y++) if (L(px(shader, 32, y)) < 60) dark++; // (the lower row starts at 19)
  // main: none (the rows overlapped until the jaw had dropped 0.16: a band of teeth at every speech opening)
  assert.ok(dark >= 2, `${dark} dark rows between the teeth rows`);
});
