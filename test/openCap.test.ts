// s57 (stare57): a raised eye's opening over its rest is bounded by openCap.ts (no further than a clear eye's at that
// eyeWide), so a narrow eye hiding its iris's top does not open 1.6-2x its rest at eyeWide .6 (lp_s10 <- lp_d10 f64).
import test from 'node:test';
import assert from 'node:assert/strict';
import { CONTROL_COUNT } from '../src/rig/controls.ts';
import { raiseCapper, type LidAndIris } from '../src/render/raiseCap.ts';
import { openCapped, openCapSetting, openGrowthMax, openSlopeOf } from '../src/render/openCap.ts';

const still = { pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 };
// an eye 40 px wide, its iris (r 8) at (20, 20), the lower lid at row 26 under the iris; the upper lid's apex at `lidY`
const eye = (lidY: number): LidAndIris => ({
  lid: [[0, 20], [10, lidY + 3], [20, lidY], [30, lidY + 3], [40, 20]],
  lower: [[0, 20], [20, 26], [40, 20]],
  centre: [20, 20], rim: [[28, 20], [12, 20], [20, 12], [20, 28]],
});

test('openGrowthMax grows with the raise and levels off at `top`; openCapped leaves small raises alone', () => {
  assert.equal(openGrowthMax(0), 0);
  assert.ok(Math.abs(openGrowthMax(0.1) - 0.1) < 0.002);
  assert.ok(openGrowthMax(2) < openCapSetting.top && openGrowthMax(2) > openGrowthMax(0.6));
  // slope 1: the bound's weight is openGrowthMax itself; under its hinge, unchanged
  assert.equal(openCapped(0.1, 0.2, 1), 0.1);
  assert.ok(openCapped(1.2, 0.6, 1) <= openGrowthMax(0.6) + 1e-12);
  assert.equal(openCapped(1.2, 0.6, 1, { ...openCapSetting, on: false }), 1.2);
  // the slope: a unit raise lifting the lid 6 px over a 10 px opening grows it .6 of rest
  assert.ok(Math.abs(openSlopeOf(eye(16), eye(10)) - 0.6) < 1e-9);
});

test('raiseCapper: a covered narrow eye opens no more over its rest than the bound; off, it opened far past it', (t) => {
  // both: the lid hides a quarter of the iris (row 16), a unit lifts it 10 px over a 10 px opening (the rig lifts a share of the opening)
  const at = (raise: number) => [eye(16 - 10 * raise), eye(16 - 10 * raise)];
  const grow = (a: number) => (10 * a) / 10; // the opening's growth over rest at weight a
  const f = raiseCapper(new Float64Array(CONTROL_COUNT), at)({ ...still, w: { eyeWideLeft: 0.6, eyeWideRight: 0.6 } });
  assert.ok(grow(f.w.eyeWideLeft!) <= openGrowthMax(0.6) + 1e-9, `on: ${grow(f.w.eyeWideLeft!)}`);
  openCapSetting.on = false;
  t.after(() => { openCapSetting.on = true; });
  const g = raiseCapper(new Float64Array(CONTROL_COUNT), at)({ ...still, w: { eyeWideLeft: 0.6, eyeWideRight: 0.6 } });
  assert.ok(grow(g.w.eyeWideLeft!) > openGrowthMax(0.6) + 0.05, `off: ${grow(g.w.eyeWideLeft!)}`);
});
