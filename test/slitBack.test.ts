// holes56: a small opening's dark no darker than the driver's, a grey parting's floor at the driver's lit light (render/mouth/slitBack.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { greyPartingInto, greyPartingSetting, slitBackSetting, slitBackShare, slitHueSetting } from '../src/render/mouth/slitBack.ts';
import { luma601 as luma } from '../src/math/colour.ts';

const place = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, photoGap: 0, rebuilt: 1 };
const empty = { width: 2, height: 2, anchorX: 1, anchorY: 1, data: new Float32Array(16) };
const layers = { upper: empty, lower: empty, tongue: null, cavity: [20, 20, 24] as [number, number, number], fromPhoto: false };
const lip = [140, 60, 55], edge = [180, 100, 90];

function lit(gap: number, reads: Partial<MouthPlacement> = {}): FrameLight {
  const f = new FrameLight();
  f.set({ ...place, gap, ...reads }, layers, null, null, lip, edge);
  return f;
}

test('FrameLight: at a small opening the driver\'s back light lifts the dark (before: only past the .08 IOD depth ramp)', () => {
  // pcavs741 f97: driverBack .35, driverCavity .52 (a dark parting: no grey floor), our gap .06-.12
  const reads = { driverBack: 0.35, driverCavity: 0.52, driverTongueLight: 0.99 };
  slitBackSetting.on = false;
  const before = lit(0.06, reads);
  slitBackSetting.on = true;
  const after = lit(0.06, reads);
  assert.equal(before.backK, 0, 'main: a slit keeps its plain dark');
  assert.ok(after.backK > 0.99, `the back floor holds at a slit: ${after.backK}`);
  // the floor's tone at the driver's light (BACK_OF_DRIVER 1.1 x .35 of the lips' edge luma), the same as at a deep opening's
  const deep = lit(0.25, reads);
  assert.ok(Math.abs(luma(after.backTone) - luma(deep.backTone)) < 1, `${luma(after.backTone)} vs deep ${luma(deep.backTone)}`);
  assert.ok(luma(after.backTone) > 0.3 * luma(edge) && luma(after.backTone) < 0.5 * luma(edge));
  // a black driver mouth (~.15) lifts to a dark tone only; an audio frame (no reading) has no floor
  assert.ok(luma(lit(0.06, { ...reads, driverBack: 0.15 }).backTone) < 0.2 * luma(edge));
  assert.equal(lit(0.06).backK, 0);
});

test('FrameLight: a grey parting\'s floor rises toward the driver\'s lit light; a dark parting\'s stays at its back light', () => {
  // stewart f110 / lp_d10 f336: the middle reads little dark (driverCavity .09-.17), lit at .7-.8 of the lips
  const grey = lit(0.04, { driverBack: 0.39, driverCavity: 0.09, driverTongueLight: 0.8 });
  const dark = lit(0.04, { driverBack: 0.39, driverCavity: 0.6, driverTongueLight: 0.8 });
  assert.ok(luma(grey.backTone) > luma(dark.backTone) + 0.15 * luma(edge), `grey ${luma(grey.backTone)} over dark ${luma(dark.backTone)}`);
  assert.ok(luma(grey.backTone) <= 0.8 * luma(edge) + 1, 'no lighter than the driver\'s lit run');
  greyPartingSetting.on = false;
  const off = lit(0.04, { driverBack: 0.39, driverCavity: 0.09, driverTongueLight: 0.8 });
  greyPartingSetting.on = true;
  assert.ok(Math.abs(luma(off.backTone) - luma(dark.backTone)) < 1, 'off: the back light alone');
});

test('greyPartingInto never darkens, keeps no colour past its grey share; slitBackShare keeps a deep opening and an O as they were', () => {
  const tone = [120, 60, 50], before = [...tone];
  assert.equal(greyPartingInto(tone, edge, 0.2, 1, 0.5), 0.5, 'a lit light under the tone: unchanged');
  assert.deepEqual(tone, before);
  assert.equal(greyPartingInto(tone, edge, undefined, 1, 0), 0, 'no reading: unchanged');
  assert.equal(greyPartingInto(tone, edge, 0.9, 0, 0), 0, 'no grey share: unchanged');
  const t2 = [40, 20, 20];
  assert.equal(greyPartingInto(t2, edge, 0.9, 1, 0), 1);
  const l2 = luma(t2);
  assert.ok(Math.abs(l2 - greyPartingSetting.lit * 0.9 * luma(edge)) < 1, `${l2}`);
  // half way to grey: its spread across channels half the raised tone's (2:1:1 at this luma)
  assert.ok(t2[0]! - t2[2]! < 0.6 * (2 - 1) * (l2 / luma([2, 1, 1])), `${t2}`);
  assert.equal(slitBackShare(1, 0), 1);
  assert.equal(slitBackShare(0.3, 1), 0.3, 'an O shades its own');
  slitBackSetting.on = false;
  assert.equal(slitBackShare(0.3, 0), 0.3);
  slitBackSetting.on = true;
});

test('FrameLight (smallhole57): with a driver\'s back reading a slit takes the deep hue as far as its back floor (before: none under a .08 IOD gap)', () => {
  const reads = { driverBack: 0.35, driverCavity: 0.52, driverTongueLight: 0.99 };
  slitHueSetting.on = false;
  const before = lit(0.06, reads);
  slitHueSetting.on = true;
  const after = lit(0.06, reads);
  assert.equal(before.deepK, 0, 'main: a slit keeps the tissue tint');
  assert.ok(Math.abs(after.deepK - after.backK) < 1e-9 && after.deepK > 0.99, `deepK ${after.deepK} backK ${after.backK}`);
  // no reading (audio) and a deep opening: as before
  assert.equal(lit(0.06).deepK, 0);
  assert.ok(Math.abs(lit(0.3, reads).deepK - lit(0.3).deepK) < 1e-9);
});
