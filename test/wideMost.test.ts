// s56 (widegain56): the raise's whole gain (rise's and cover's terms together) is bounded by wideGainSetting.most, so a
// narrow eye whose lid hides its iris's top does not open relatively far more than a wide one (render/raiseCap.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { CONTROL_COUNT } from '../src/rig/controls.ts';
import { gainedRaise, mostScaled, raiseCapper, wideGainOf, wideGainSetting, type LidAndIris } from '../src/render/raiseCap.ts';

const still = { pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 };
// an eye 40 px wide, its iris (r 8) at (20, 20); the lid's apex at the iris's column `lidY` (the iris's top is row 12)
const eye = (lidY: number): LidAndIris => ({ lid: [[0, 20], [10, lidY + 3], [20, lidY], [30, lidY + 3], [40, 20]], centre: [20, 20], rim: [[28, 20], [12, 20], [20, 12], [20, 28]] });

test('wideGainOf never passes `most`; under it, as before', () => {
  const most = wideGainSetting.most;
  // a short lift (max gain) on a lid hiding a quarter of its iris: 1.35 x (.55 + .25) / .55 = 1.96 unbounded
  assert.ok(wideGainOf(0.3, { ...wideGainSetting, most: Infinity }, 0.25) > most + 0.5);
  assert.equal(wideGainOf(0.3, wideGainSetting, 0.25), most);
  // a clear lid with a long lift (gain under `most`) is untouched
  assert.equal(wideGainOf(0.7, wideGainSetting, 0), wideGainOf(0.7, { ...wideGainSetting, most: Infinity }, 0));
  assert.equal(mostScaled(1.1, 0.1), 1.1);
  assert.ok(Math.abs(mostScaled(1.35, 0.5) * 1.5 - most) < 1e-9);
  assert.equal(mostScaled(1.35, 0.5, { ...wideGainSetting, on: false }), 1.35);
});

test('raiseCapper: a narrow eye hiding its iris\'s top gets at most `most` x the raise; a wide clear eye as before', (t) => {
  // left: lifts 4 px a unit (.25 iris diameters) and its lid hides .25 of the iris; right: 11 px, lid clear (rests at row 10)
  const at = (raise: number) => [eye(16 - 4 * raise), eye(10 - 11 * raise)];
  // a unit raise (the covered share is lifted over the first coverBy of it, gainedRaise: `most` bounds the gain over a unit)
  const f = raiseCapper(new Float64Array(CONTROL_COUNT), at)({ ...still, w: { eyeWideLeft: 1, eyeWideRight: 0.1 } });
  assert.ok(f.w.eyeWideLeft! <= wideGainSetting.most + 1e-9, `narrow: ${f.w.eyeWideLeft}`);
  const most = wideGainSetting.most;
  wideGainSetting.most = Infinity;
  t.after(() => { wideGainSetting.most = most; });
  const g = raiseCapper(new Float64Array(CONTROL_COUNT), at)({ ...still, w: { eyeWideLeft: 1, eyeWideRight: 0.1 } });
  assert.ok(g.w.eyeWideLeft! > f.w.eyeWideLeft! + 0.05, `before s56 the narrow eye took ${g.w.eyeWideLeft} vs ${f.w.eyeWideLeft}`);
  assert.ok(Math.abs(g.w.eyeWideRight! - f.w.eyeWideRight!) < 1e-12, 'the wide clear eye is as before');
  // the bound scales both terms: the gained raise keeps its shape (cover lifted over the first coverBy)
  assert.ok(gainedRaise(0.5, 1, 0.5) > gainedRaise(0.5, 0.8, 0.5));
});
