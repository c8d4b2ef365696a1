// corner40 (s40; tongue39's s39 fix re-landed with a grin gate): at a speech opening the relief (cavityRelief.ts) stretches
// the dark about the floor each pixel got (cavityCorner.ts), and the corners' lining takes the smile's corridor
// (rowLook.ts) only as far as the driver's row reaches the corners, so lp_s9 <- lp_d11's image-right corner is not a
// black wedge (critic38; p5 .02-.10 [driver .30-.33]). A grin keeps its dark corners: the face mesh finds a grin's corners
// there (test/grinRendered.test.ts, lp_s2 read .620 against .650 when they lifted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RELIEF, reliefInto, reliefPivot } from '../src/render/mouth/cavityRelief.ts';
import { grinCorners, ownPivot, reliefPivotAt } from '../src/render/mouth/cavityCorner.ts';
import { liningCorridor, rowToCorners } from '../src/render/mouth/rowLook.ts';
import { FLOOR_SIDE } from '../src/render/mouth/cavityFloor.ts';
import { luma601 as luma } from '../src/math/colour.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { sharedData } from '../bench/sharedData.ts';

const speech = { backK: 0, backTone: [0, 0, 0], cavityFloorK: 1, cavityFloor: [70, 40, 38] };
const driver = { backK: 0.8, backTone: [60, 30, 36], cavityFloorK: 0, cavityFloor: [0, 0, 0] };

test('the pixel\'s own pivot: the frame\'s in the middle, falling with the walls, gone where no floor reaches; a grin keeps the frame\'s', () => {
  for (const light of [speech, driver]) {
    assert.ok(Math.abs(ownPivot(light, 0) - reliefPivot(light)) < 1e-9);
    let last = Infinity;
    for (let lat = 0; lat <= 1.0001; lat += 0.05) {
      const p = ownPivot(light, lat);
      assert.ok(p <= last + 1e-9, `monotone at ${lat.toFixed(2)}`);
      last = p;
    }
    assert.equal(ownPivot(light, FLOOR_SIDE[1]), 0);
    // a full grin: the frame's pivot to the corners, exactly; half a grin halfway
    assert.equal(reliefPivotAt(light, 0.95, 1), reliefPivot(light));
    assert.ok(Math.abs(reliefPivotAt(light, 0.95, 0.5) - 0.5 * reliefPivot(light)) < 1e-9);
  }
  // a dark corner pixel at a speech opening keeps its luma (the frame's pivot squared it to near black)
  const corner = Float64Array.from([15, 8, 7]), l0 = luma(corner), old = Float64Array.from(corner), now = Float64Array.from(corner);
  reliefInto(old, reliefPivot(speech), RELIEF);
  reliefInto(now, reliefPivotAt(speech, 0.95, 0), RELIEF);
  assert.ok(luma(old) < 0.5 * l0, `the frame's pivot deepened it ${l0.toFixed(1)} -> ${luma(old).toFixed(1)}`);
  assert.ok(Math.abs(luma(now) - l0) < 1e-9);
});

test('a grin\'s dark corners stay by its grin share and the driver\'s row: none at a speech row (lp_d11 .22), all at a grin\'s (Katie .53+) or without a reading', () => {
  assert.equal(grinCorners(1, undefined), 1);
  assert.equal(grinCorners(0, 0.6), 0);
  assert.equal(grinCorners(1, 0.22), 0);
  assert.equal(grinCorners(1, 0.55), 1);
  assert.equal(rowToCorners(undefined), 1);
  assert.ok(liningCorridor(1, 0.22) < 0.5 && liningCorridor(1, 0.22) > 0, 'a speech row keeps a little of the corridor');
  assert.equal(liningCorridor(1, 0.6), 1);
  assert.equal(liningCorridor(0.7, undefined), 0.7);
});

test('lp_s9 (the Mona Lisa) driven as lp_d11 f168 talks (a smile read .78, its row .22 of the opening): no black wedge at the corners; the same frame with a grin\'s row keeps them dark', async () => {
  const portrait = await analyzePortrait(`${sharedData('portraits/')}lp_s9.jpg`);
  const size = 512;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const base = r.neutralFrame();
  // lp_d11 f168's weights as its motion carries them (jaw, smiles) and its driver readings (motion/driverMouthReads.ts)
  const reads = { driverCavity: 0.0154, driverUnder: 0.468, driverTongue: 0.5794, driverBack: 0.4368, driverTeethDepth: 0.295, driverLowerShow: 0.0478 };
  const frameOf = (teeth: number): MotionFrame => ({ ...base, mouthDark: 0, w: { ...base.w, jawOpen: 0.45, mouthSmileLeft: 0.78, mouthSmileRight: 0.78, ...reads, driverTeeth: teeth } });
  const corners = (teeth: number) => {
    const f = frameOf(teeth), img = r.render(f);
    const fig = cavityFigures({ width: size, height: size, data: new Uint8ClampedArray(img.data) }, r.landmarks(f).flatMap((p) => [p[0]!, p[1]!, p[2] ?? 0]));
    assert.ok(fig, 'an opening');
    return fig.corners.map((c) => c[0]).filter(Number.isFinite);
  };
  const speechRow = corners(0.22), grinRow = corners(0.6);
  const msg = `corners p5 at a speech row ${speechRow.map((v) => v.toFixed(2))}, a grin's ${grinRow.map((v) => v.toFixed(2))}`;
  assert.ok(speechRow.length > 0 && grinRow.length > 0, msg);
  // (before corner40 the speech row's image-right corner read .02 p5; lp_d11's own .33)
  assert.ok(Math.min(...speechRow) >= 0.2, `no black wedge at a speech row: ${msg}`);
  assert.ok(Math.min(...grinRow) <= Math.min(...speechRow) - 0.1, `a grin's row keeps its dark corridor: ${msg}`);
});
