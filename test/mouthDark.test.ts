// Issue #13 (odark): a driver's "O" only where the driver's mouth is dark. The measure reads the
// teeth inside a driver's inner-lip contour; the motion carries it (mouthDark); the renderer's O
// darkening follows it, and without it (audio, older motion files) stays as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mouthDarkness, mouthDarkSeries } from '../src/motion/mouthDark.ts';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { darkOGate, roundness } from '../src/render/mouth/roundMouth.ts';
import { formatMotion, parseMotion } from '../src/motion/record.ts';
import { resampleMotion } from '../src/motion/combine.ts';
import type { Motion, RgbaImage } from '../src/types.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { smoothstep } from '../src/math/smooth.ts';

const INNER_LIP = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95];
const OUTER_UPPER = [0, 37, 267, 39, 269], OUTER_LOWER = [17, 84, 314, 181, 405];

/**
 * A 100x100 face of skin 150 with lips (luminance 110) round an opening: the inner contour an
 * ellipse at (50, 50), 20 x 8 px half-axes; inside it the cavity (30) with, when `teeth`, its upper
 * half bright (220). The landmarks the measure reads are placed on it; the rest at the centre.
 */
function mouthImage(teeth: boolean): { img: RgbaImage; lm: Float32Array } {
  const W = 100, data = new Uint8ClampedArray(W * W * 4);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    const e = ((x - 50) / 20) ** 2 + ((y - 50) / 8) ** 2, lip = ((x - 50) / 26) ** 2 + ((y - 50) / 16) ** 2;
    const v = e < 1 ? (teeth && y < 50 ? 220 : 30) : lip < 1 ? 110 : 150, o = (y * W + x) * 4;
    data[o] = v; data[o + 1] = v; data[o + 2] = v; data[o + 3] = 255;
  }
  const lm = new Float32Array(478 * 3).fill(50);
  INNER_LIP.forEach((k, i) => {
    const a = Math.PI + (i / INNER_LIP.length) * 2 * Math.PI;
    lm[k * 3] = 50 + 20 * Math.cos(a); lm[k * 3 + 1] = 50 + 8 * Math.sin(a);
  });
  // outer lip points on the lips' outer edge (x 50): halfway to the inner ones lies the lip
  for (const k of OUTER_UPPER) lm[k * 3 + 1] = 34;
  for (const k of OUTER_LOWER) lm[k * 3 + 1] = 66;
  for (const k of [82, 312, 81, 311, 87, 317, 178, 402]) lm[k * 3 + 1] = lm[k * 3 + 1]! < 50 ? 43 : 57;
  lm[13 * 3 + 1] = 42; lm[14 * 3 + 1] = 58;
  return { img: { width: W, height: W, data }, lm };
}

test('the driver\'s opening reads dark with no teeth in it, not dark with its teeth showing', () => {
  const dark = mouthImage(false), teeth = mouthImage(true);
  assert.equal(mouthDarkness(dark.img, dark.lm), 1);
  assert.equal(mouthDarkness(teeth.img, teeth.lm), 0);
  // a closed mouth (the inner contour collapsed to a line) has nothing to read
  const shut = mouthImage(false);
  for (const k of INNER_LIP) shut.lm[k * 3 + 1] = 50;
  assert.equal(mouthDarkness(shut.img, shut.lm), null);
});

test('a few teeth pixels give a partial reading, counted over the pixels inside the contour', () => {
  const { img, lm } = mouthImage(false);
  // every 13th column inside the opening bright: about 8 % of it, mid-way up the ramp
  const poly = INNER_LIP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  let inside = 0, bright = 0;
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
    if (!insidePolygon(x, y, poly)) continue;
    inside++;
    if (x % 13 === 0) { bright++; img.data.fill(230, (y * img.width + x) * 4, (y * img.width + x) * 4 + 3); }
  }
  const got = mouthDarkness(img, lm)!;
  assert.ok(got > 0.1 && got < 0.9, `partial: ${got}`);
  assert.ok(Math.abs(got - (1 - smoothstep(0.03, 0.12, bright / inside))) < 1e-9, `${got} vs ${bright}/${inside}`);
});

test('the series fills unread frames from their neighbours, drops one-frame flips and softens steps', () => {
  assert.equal(mouthDarkSeries([null, undefined]), undefined);
  assert.deepEqual(mouthDarkSeries([null, 1, null, 0, null]), [1, 0.875, 0.5, 0.125, 0]);
  // one frame's misread among dark ones does not light the O
  assert.deepEqual(mouthDarkSeries([1, 1, 0, 1, 1]), [1, 1, 1, 1, 1]);
});

test('the motion file keeps mouthDark, and a frame without it stays without', () => {
  const frame = { w: { jawOpen: 0.2 }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 };
  const m: Motion = { version: 1, fps: 25, frameCount: 2, source: { kind: 'video' }, options: {}, seed: 0, relativePose: true, frames: [{ ...frame, mouthDark: 0.25 }, frame] };
  const back = parseMotion(JSON.parse(formatMotion(m)));
  assert.equal(back.frames[0]!.mouthDark, 0.25);
  assert.equal(back.frames[1]!.mouthDark, undefined);
  // resampled to another frame rate, it is interpolated, and stays absent where it was
  const at50 = resampleMotion({ ...m, frames: [{ ...frame, mouthDark: 0 }, { ...frame, mouthDark: 1 }] }, 50);
  assert.equal(at50.frames[1]!.mouthDark, 0.5);
  assert.equal(resampleMotion(m, 50).frames[3]!.mouthDark, undefined);
  assert.throws(() => parseMotion({ ...JSON.parse(formatMotion(m)), frames: [{ ...frame, mouthDark: 1.5 }, frame] }), /mouthDark/);
});

const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.4, photoGap: 0, rebuilt: 1, rounding: 0.7 };

test('the O darkens the teeth only as far as the driver\'s mouth is dark; without the measure as before', () => {
  assert.equal(darkOGate(undefined), 1);
  assert.equal(roundness(PLACE), 1);
  assert.equal(roundness({ ...PLACE, driverDark: 1 }), 1);
  assert.equal(roundness({ ...PLACE, driverDark: 0 }), 0);
  const layers = { upper: null, lower: null, tongue: null, cavity: [20, 10, 12] as [number, number, number], fromPhoto: false } as never;
  const lip = [140, 60, 55], edge = [180, 100, 90];
  const dark = new FrameLight(), teeth = new FrameLight(), audio = new FrameLight();
  dark.set({ ...PLACE, driverDark: 1 }, layers, null, null, lip, edge);
  teeth.set({ ...PLACE, driverDark: 0 }, layers, null, null, lip, edge);
  audio.set(PLACE, layers, null, null, lip, edge);
  assert.ok(dark.roundShade < 0.3, `dark O: teeth keep ${dark.roundShade.toFixed(2)}`);
  assert.equal(teeth.roundShade, 1);
  assert.equal(audio.roundShade, dark.roundShade);
  // the cavity stays as a non-round opening's when the driver shows teeth
  const plain = new FrameLight();
  plain.set({ ...PLACE, rounding: 0 }, layers, null, null, lip, edge);
  assert.deepEqual([...teeth.cavityNow], [...plain.cavityNow]);
});

test('a lit tongue as red as the lips is not teeth; pale teeth are (critic23: lp_d6\'s tall O, session 24)', () => {
  // the same opening with coloured lips (saturation .53) and its upper half lit, either by pale teeth or
  // by a tongue of the lips' hue (saturation .39, .74 of the lips': lp_d6 f190 .38-.41 beside .52)
  const paint = (inside: [number, number, number]) => {
    const { img, lm } = mouthImage(true);
    for (let o = 0; o < img.data.length; o += 4) {
      const v = img.data[o]!;
      const rgb: [number, number, number] = v === 220 ? inside : v === 110 ? [150, 70, 75] : [v, v, v];
      img.data[o] = rgb[0]; img.data[o + 1] = rgb[1]; img.data[o + 2] = rgb[2];
    }
    return mouthDarkness(img, lm);
  };
  assert.equal(paint([235, 228, 215]), 0, 'pale teeth show');
  // (brighter than the lips by far: luminance 167 against 95, which alone counted as teeth)
  assert.equal(paint([230, 140, 140]), 1, 'a lit tongue is a dark mouth');
  // pale lips (Obama's, saturation .33-.39): teeth up to saturation .3 still count
  assert.equal(paint([220, 175, 160]), 0, 'yellowish teeth (saturation .27)');
});
