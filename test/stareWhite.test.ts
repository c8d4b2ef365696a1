// stare49: the white a stare uncovers on a dim, lash-shaded eye is lit to the under-eye skin's light (render/stareWhite.ts),
// and a stare lifts the lid past what the photo's lid hides of the iris's top (raiseCap.ts wideGainSetting.cover).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gainShare, stareWhiteGain, stareWhiteSetting, thinnedShade, thinShareOf } from '../src/render/stareWhite.ts';
import { coveredTopOf, gainedRaise, raiseCapper, wideGainOf, wideGainSetting, type LidAndIris } from '../src/render/raiseCap.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { EYE_L_UPPER } from '../src/rig/topology.ts';
import { oneEyeLandmarks, withIrises } from './oneEye.ts';

const lum = (c: number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;

test('stareWhiteGain lights a dim eye\'s whites to ofCheek of the skin under it, never darkens, within maxGain', () => {
  const dim = Array.from({ length: 8 }, () => [70, 66, 64, 255]);
  const g = stareWhiteGain(dim, 140);
  assert.ok(g > 1 && Math.abs(g * lum(dim[0]!) - stareWhiteSetting.ofCheek * 140) < 1, `gain ${g}`);
  assert.equal(stareWhiteGain(Array.from({ length: 8 }, () => [200, 200, 200, 255]), 180), 1, 'a lit white is kept');
  assert.equal(stareWhiteGain(Array.from({ length: 8 }, () => [20, 20, 20, 255]), 200), stareWhiteSetting.maxGain);
  assert.equal(stareWhiteGain(dim, NaN), 1, 'no skin read: kept');
  // the pink corners' darker whites do not set the gain: it is read at the whiter columns
  const shaded = [...dim.slice(0, 6), [30, 20, 20, 255], [30, 20, 20, 255]];
  assert.ok(Math.abs(stareWhiteGain(shaded, 140) - g) < 1e-9);
  stareWhiteSetting.on = false;
  try { assert.equal(stareWhiteGain(dim, 180), 1); } finally { stareWhiteSetting.on = true; }
});

test('the gain is all the rows\' the photo never showed, none at the drawing\'s end, and grows with the stare; the lid\'s shade thins', () => {
  assert.equal(gainShare(30, 40, 46, 1), 1);
  assert.equal(gainShare(46, 40, 46, 1), 0);
  assert.ok(Math.abs(gainShare(43, 40, 46, 1) - 0.5) < 1e-9);
  assert.ok(Math.abs(gainShare(30, 40, 46, stareWhiteSetting.full / 2) - 0.5) < 1e-9);
  assert.equal(gainShare(30, 40, 46, 0), 0);
  assert.equal(thinnedShade(0.5, 0), 0.5);
  assert.ok(Math.abs(thinnedShade(0.5, stareWhiteSetting.full) - (1 - 0.5 * (1 - stareWhiteSetting.thin))) < 1e-9);
  assert.equal(thinnedShade(1, 1), 1);
  // only on the eyes the gain lights: a clear white's shade (gain 1) as the photo shows it
  assert.equal(thinnedShade(0.5, 1, thinShareOf(1)), 0.5);
  assert.equal(thinShareOf(1.6), 1);
  assert.ok(thinShareOf(1.1) > 0 && thinShareOf(1.1) < 1);
});

test('wide eyes: a stare on a dim eye draws its uncovered white lit by the skin under the eye; the photo\'s own rows are kept', async () => {
  const { WideEyes } = await import('../src/render/wideEyes.ts');
  const size = 96;
  // a narrowed eye (lid row 40, lower 57) with a dim white (luma ~70) and dark iris; lid skin above; the skin texture lit (luma ~190)
  const WHITE = [72, 68, 66], IRIS = [30, 22, 20];
  const eye = new Uint8ClampedArray(size * size * 4), skin = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const c = Math.hypot(x + 0.5 - 48, y + 0.5 - 49) < 7 ? IRIS : y < 40 ? [150, 120, 110] : WHITE;
    eye.set([c[0]!, c[1]!, c[2]!, 255], (y * size + x) * 4);
    skin.set([205, 185, 175, 255], (y * size + x) * 4);
  }
  const xy = withIrises(oneEyeLandmarks());
  const lift = (k: number, i: number) => (k === CONTROL_INDEX.eyeWideLeft && EYE_L_UPPER.includes(i) ? 8 : 0);
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  w[CONTROL_INDEX.eyeWideLeft] = 1;
  const drawn = (on: boolean) => {
    stareWhiteSetting.on = on;
    try {
      const wide = new WideEyes({ width: size, height: size, data: new Uint8ClampedArray(eye) }, (i) => xy.get(i) ?? [0, 0], lift, { width: size, height: size, data: skin });
      wide.update(w, rest);
      return (x: number, y: number) => [0, 1, 2].map((c) => wide.data[(y * size + x) * 4 + c]!);
    } finally { stareWhiteSetting.on = true; }
  };
  const off = drawn(false), on = drawn(true);
  // the white the raised lid uncovers beside the iris (rows over the photo's lid line 40), away from the lid's own edge
  for (const [x, y] of [[38, 37], [58, 37], [40, 38]] as const) {
    assert.ok(lum(on(x, y)) > lum(off(x, y)) + 25, `lit at (${x}, ${y}): ${lum(on(x, y)).toFixed(0)} against ${lum(off(x, y)).toFixed(0)}`);
    assert.ok(lum(on(x, y)) <= stareWhiteSetting.ofCheek * 190 + 5, 'no lighter than ofCheek of the skin');
  }
  // grey, not tinted: the light is added alike to R, G, B
  const c = on(38, 37), o = off(38, 37);
  assert.ok(Math.abs((c[0]! - c[2]!) - (o[0]! - o[2]!)) <= 3, `${c} against ${o}`);
  // down the photo's opening, past the drawing: the photo's pixels
  assert.deepEqual(on(36, 54), WHITE);
});

test('cover (s49): a stare lifts a lid that hides the iris\'s top past it too; a lid clear of its iris is as before', (t) => {
  // s56 (widegain56): the s48-s51 terms alone, without the whole gain's bound `most` (asserted in test/wideMost.test.ts)
  const most = wideGainSetting.most;
  wideGainSetting.most = Infinity;
  t.after(() => { wideGainSetting.most = most; });
  // an eye 40 px wide, its iris (r 8) at (20, 20); the lid's apex at the iris's column `lidY` (the iris's top is row 12)
  const eye = (lidY: number): LidAndIris => ({ lid: [[0, 20], [10, lidY + 3], [20, lidY], [30, lidY + 3], [40, 20]], centre: [20, 20], rim: [[28, 20], [12, 20], [20, 12], [20, 28]] });
  assert.ok(Math.abs(coveredTopOf(eye(16)) - 0.25) < 1e-9);
  assert.equal(coveredTopOf(eye(10)), 0);
  assert.ok(Math.abs(wideGainOf(0.5, wideGainSetting, 0.25) - (0.55 / 0.5) * ((0.55 + 0.25 * wideGainSetting.cover) / 0.55)) < 1e-9);
  assert.equal(wideGainOf(0.5, wideGainSetting, 0), wideGainOf(0.5));
  // two eyes lifting 8 px per unit: one's lid hides a quarter of its iris, the other's clears it; a .1 raise (under the cap's knee)
  const cap = raiseCapper(new Float64Array(CONTROL_COUNT), (raise) => [eye(16 - 8 * raise), eye(10 - 8 * raise)]);
  const f = cap({ w: { eyeWideLeft: 0.1, eyeWideRight: 0.1 }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 });
  const riseL = (f.w.eyeWideLeft! * 8) / 16, riseR = (f.w.eyeWideRight! * 8) / 16;
  assert.ok(Math.abs(riseR - 0.1 * wideGainSetting.rise) < 0.002, `clear lid: ${riseR}`);
  // s51: the covered quarter is lifted over the first coverBy of the raise (s49: over the whole unit, .1 x (rise + .25))
  const coverBy = wideGainSetting.coverBy;
  assert.ok(Math.abs(riseL - (0.1 * wideGainSetting.rise + 0.25 * wideGainSetting.cover * Math.min(1, 0.1 / coverBy))) < 0.002, `covering lid: ${riseL}`);
  wideGainSetting.cover = 0;
  try {
    const g = raiseCapper(new Float64Array(CONTROL_COUNT), (raise) => [eye(16 - 8 * raise), eye(10 - 8 * raise)]);
    const h = g({ w: { eyeWideLeft: 0.1, eyeWideRight: 0.1 }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 });
    assert.ok(Math.abs(h.w.eyeWideLeft! - h.w.eyeWideRight!) < 1e-3, 'cover 0: both eyes alike, as s48');
  } finally { wideGainSetting.cover = 1; }
});

test('coverBy (s51): from coverBy of the raise on, a lid that hid its iris\'s top shows as much white over it as a clear lid', (t) => {
  // s56 (widegain56): the s48-s51 terms alone, without the whole gain's bound `most` (asserted in test/wideMost.test.ts)
  const most = wideGainSetting.most;
  wideGainSetting.most = Infinity;
  t.after(() => { wideGainSetting.most = most; });
  // 1 unit of weight lifts .5 iris diameters (g0 = .55 / .5), the lid hides .25 of the iris (coverW = .25 / .55)
  const g0 = 0.55 / 0.5, coverW = 0.25 / 0.55, unit = 0.5;
  const show = (a: number, by: number) => gainedRaise(a, g0, coverW, by) * unit - 0.25;
  for (const a of [0.5, 0.7, 1]) assert.ok(Math.abs(show(a, 0.5) - 0.55 * a) < 1e-9, `a ${a}: ${show(a, 0.5)}`);
  // before (coverBy 1, s49) a half stare showed about half of that: (.55 + .25) x .5 - .25
  assert.ok(Math.abs(show(0.5, 1) - 0.15) < 1e-9 && show(0.5, 0.5) > show(0.5, 1) + 0.1);
  // coverBy 1 is s49's constant gain; a small raise still leaves the lid on the iris; no raise, none
  for (const a of [0.1, 0.4, 0.9]) assert.ok(Math.abs(gainedRaise(a, g0, coverW, 1) - wideGainOf(0.5, wideGainSetting, 0.25) * a) < 1e-9);
  assert.ok(show(0.1, 0.5) < 0);
  assert.equal(gainedRaise(0, g0, coverW), 0);
});
