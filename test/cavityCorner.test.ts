// corner40 (s40; tongue39's s39 fix re-landed with a grin gate): at a speech opening the relief (cavityRelief.ts) stretches
// the dark about the floor each pixel got (cavityCorner.ts), so lp_s9 <- lp_d11 f98's image-right corner is not squared
// into black (critic38; p5 .09 -> .18 [driver .30]; the rest is rowLook.ts's corridor). A grin keeps its dark corners:
// the face mesh finds a grin's corners there (test/grinRendered.test.ts, lp_s2 read .620 against .650 when they lifted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RELIEF, reliefInto, reliefPivot } from '../src/render/mouth/cavityRelief.ts';
import { ownPivot, reliefPivotAt } from '../src/render/mouth/cavityCorner.ts';
import { FLOOR_SIDE } from '../src/render/mouth/cavityFloor.ts';
import { luma601 as luma } from '../src/math/colour.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
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

test('lp_s9 (the Mona Lisa) at lp_d11 f98 (smile .41 on its own .19, jaw .43, its readings): its corners not squared into black; the same opening as a grin keeps them dark', async () => {
  const portrait = await analyzePortrait(`${sharedData('portraits/')}lp_s9.jpg`);
  const size = 512;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const base = r.neutralFrame();
  // lp_d11 f98's driver readings as its motion carries them (motion/driverMouthReads.ts)
  const reads = { driverTeeth: 0.2234, driverCavity: 0.0691, driverUnder: 0.4536, driverTongue: 0.3787, driverBack: 0.4283, driverTeethDepth: 0.2256, driverLowerShow: 0.0719 };
  const corners = (smile: number) => {
    const f: MotionFrame = { ...base, mouthDark: 0, w: { ...base.w, jawOpen: 0.43, mouthSmileLeft: smile, mouthSmileRight: smile, ...reads } };
    const img = r.render(f);
    const fig = cavityFigures({ width: size, height: size, data: new Uint8ClampedArray(img.data) }, r.landmarks(f).flatMap((p) => [p[0]!, p[1]!, p[2] ?? 0]));
    assert.ok(fig, 'an opening');
    return fig.corners.map((c) => c[0]).filter(Number.isFinite);
  };
  const speechRow = corners(0.41), grin = corners(0.9);
  const msg = `corners p5 at smile .41 ${speechRow.map((v) => v.toFixed(2))}, at a grin's .9 ${grin.map((v) => v.toFixed(2))}`;
  assert.ok(speechRow.length > 0 && grin.length > 0, msg);
  // (before corner40 the image-right corner read .09 p5 here, now .18, .02 in the grin; lp_d11's own .30)
  assert.ok(Math.min(...speechRow) >= 0.14, `not squared into black at a speech opening: ${msg}`);
  assert.ok(Math.min(...grin) <= Math.min(...speechRow) - 0.1, `a grin keeps its dark corridor: ${msg}`);
});
