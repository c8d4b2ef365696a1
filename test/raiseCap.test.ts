import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RAISE, raiseCapOf, raiseCapper, softCap, STARE_SHOW_MAX, unitRiseOf, wideGainOf, wideGainSetting, type LidAndIris } from '../src/render/raiseCap.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';

/** An eye 40 px wide, its iris (r 8) centred at (20, 20), its lid's apex `lidY` at the iris's column. */
function eye(lidY: number): LidAndIris {
  return { lid: [[0, 20], [10, lidY + 3], [20, lidY], [30, lidY + 3], [40, 20]], centre: [20, 20], rim: [[28, 20], [12, 20], [20, 12], [20, 28]] };
}

test('softCap leaves small raises as they are and never passes the cap', () => {
  assert.ok(Math.abs(softCap(0.1, 0.5) - 0.1) < 0.001);
  assert.ok(softCap(0.25, 0.5) > 0.245);
  for (const a of [0.5, 0.7, 1, 3]) assert.ok(softCap(a, 0.5) < 0.5 && softCap(a, 0.5) > softCap(a - 0.05, 0.5));
  assert.equal(softCap(0, 0.5), 0);
});

test('the cap is the raise at which the lid shows STARE_SHOW_MAX iris diameters above the iris', () => {
  // at rest the lid covers the iris's top by 1 px (show -1/16); one unit of raise lifts it 8 px (half a diameter)
  const cap = raiseCapOf(eye(13), eye(5));
  assert.ok(Math.abs(cap - (STARE_SHOW_MAX + 1 / 16) / 0.5) < 1e-9, `cap ${cap}`);
  // a lid the raise does not lift: no cap
  assert.equal(raiseCapOf(eye(13), eye(13)), Infinity);
  // a photo already showing white above its iris keeps a small raise
  assert.ok(raiseCapOf(eye(5), eye(-3)) >= 0.3);
});

test('raiseCapper limits eyeWide over the photo\'s per eye, and leaves other frames as they are', (t) => {
  // the cap alone (the per-eye gain is the next test's)
  wideGainSetting.on = false;
  t.after(() => { wideGainSetting.on = true; });
  const photo = new Float64Array(CONTROL_COUNT);
  photo[CONTROL_INDEX.eyeWideLeft] = 0.1;
  const cap = raiseCapper(photo, (raise) => [eye(13 - 8 * raise), eye(13 - 8 * raise)]);
  const plain = { w: { eyeWideLeft: 0.1, eyeWideRight: 0, jawOpen: 0.2 }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 };
  assert.equal(cap(plain), plain);
  const wide = cap({ ...plain, w: { ...plain.w, eyeWideLeft: 1.1, eyeWideRight: 0.05 } });
  // the left eye's raise of 1 over the photo's comes under its cap, the right eye's small raise stays
  const c = (STARE_SHOW_MAX + 1 / 16) / 0.5;
  assert.ok(wide.w.eyeWideLeft! > 0.1 + 0.85 * c && wide.w.eyeWideLeft! < 0.1 + c, `${wide.w.eyeWideLeft}`);
  assert.ok(Math.abs(wide.w.eyeWideRight! - 0.05) < 1e-4);
  assert.equal(wide.w.jawOpen, 0.2);
});

test('wide gain (s48): one unit of raise lifts every eye the same share of its iris, within the gain\'s limits', (t) => {
  // s56 (widegain56): the s48-s51 terms alone, without the whole gain's bound `most` (asserted in test/wideMost.test.ts)
  const most = wideGainSetting.most;
  wideGainSetting.most = Infinity;
  t.after(() => { wideGainSetting.most = most; });
  // eye(13) -> eye(5): 8 px of lift over an iris 16 px across, half a diameter
  assert.ok(Math.abs(unitRiseOf(eye(13), eye(5)) - 0.5) < 1e-9);
  assert.ok(Number.isNaN(unitRiseOf(eye(13), eye(13))));
  assert.ok(Math.abs(wideGainOf(0.5) * 0.5 - wideGainSetting.rise) < 1e-9);
  assert.ok(Math.abs(wideGainOf(0.6) * 0.6 - wideGainSetting.rise) < 1e-9);
  assert.equal(wideGainOf(0.1), wideGainSetting.max);
  assert.equal(wideGainOf(5), wideGainSetting.min);
  assert.equal(wideGainOf(NaN), 1);
  // two eyes, one lifting 8 px per unit and one 10 px (gains within the limits): after the gain a small raise lifts both by the same px
  const photo = new Float64Array(CONTROL_COUNT);
  const lift = [8, 10];
  const cap = raiseCapper(photo, (raise) => [eye(13 - lift[0]! * raise), eye(13 - lift[1]! * raise)]);
  const f = cap({ w: { eyeWideLeft: 0.2, eyeWideRight: 0.2 }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 });
  const pxL = f.w.eyeWideLeft! * lift[0]!, pxR = f.w.eyeWideRight! * lift[1]!;
  assert.ok(Math.abs(pxL - pxR) < 0.02 * pxR, `${pxL.toFixed(3)} vs ${pxR.toFixed(3)} px`);
  // (s49: plus cover x what the rest lid hides of the iris's top, eye(13): 1 px of 16)
  assert.ok(Math.abs(pxR / 16 - 0.2 * (wideGainSetting.rise + wideGainSetting.cover / 16)) < 0.02 * pxR, 'the lift is rise x raise iris diameters (under the cap\'s knee)');
});

test('a raise is never drawn past MAX_RAISE over the photo\'s (wideEyes.ts follows it that far) (s51)', () => {
  // a lid that lifts only 1 px per unit over a lid hiding half the iris: the cap alone would allow a raise of ~6
  const photo = new Float64Array(CONTROL_COUNT);
  const cap = raiseCapper(photo, (raise) => [eye(20 - raise), eye(20 - raise)]);
  const f = cap({ w: { eyeWideLeft: 1, eyeWideRight: 1 }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 });
  assert.ok(f.w.eyeWideLeft! <= MAX_RAISE + 1e-9 && f.w.eyeWideLeft! > 1, `${f.w.eyeWideLeft}`);
});
