// tongue39 (s39): the relief (cavityRelief.ts) stretches the dark about the floor each pixel got (cavityCorner.ts), so the
// corners no floor reaches (cavityFloor.ts floorSide) are not squared into black (critic38: lp_s9 <- lp_d11 f98/f168 wedge).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RELIEF, reliefInto, reliefPivot } from '../src/render/mouth/cavityRelief.ts';
import { reliefPivotAt } from '../src/render/mouth/cavityCorner.ts';
import { FLOOR_SIDE, floorLift, floorSide } from '../src/render/mouth/cavityFloor.ts';
import { wallLight, wallTone } from '../src/render/mouth/cavityWall.ts';
import { luma601 as luma } from '../src/math/colour.ts';

const speech = { backK: 0, backTone: [0, 0, 0], cavityFloorK: 1, cavityFloor: [70, 40, 38] };
const driver = { backK: 0.8, backTone: [60, 30, 36], cavityFloorK: 0, cavityFloor: [0, 0, 0] };

test('in the middle the pivot is the frame\'s; it falls with the walls and is gone where no floor reaches', () => {
  for (const light of [speech, driver]) {
    assert.ok(Math.abs(reliefPivotAt(light, 0) - reliefPivot(light)) < 1e-9);
    let last = Infinity;
    for (let lat = 0; lat <= 1.0001; lat += 0.05) {
      const p = reliefPivotAt(light, lat);
      assert.ok(p <= last + 1e-9, `monotone at ${lat.toFixed(2)}`);
      last = p;
    }
    assert.equal(reliefPivotAt(light, FLOOR_SIDE[1]), 0);
    assert.equal(reliefPivotAt(light, 1), 0);
  }
  assert.equal(reliefPivotAt({ ...speech, cavityFloorK: 0 }, 0), 0);
});

test('a dark corner pixel keeps its luma (the frame\'s pivot squared it to near black); a lifted one at .6 is still stretched', () => {
  // the corner: no floor lifted it (floorSide 0)
  const corner = Float64Array.from([15, 8, 7]), l0 = luma(corner), old = Float64Array.from(corner);
  reliefInto(old, reliefPivot(speech), RELIEF);
  const now = Float64Array.from(corner);
  reliefInto(now, reliefPivotAt(speech, 0.95), RELIEF);
  assert.ok(luma(old) < 0.5 * l0, `the frame's pivot deepened it ${l0.toFixed(1)} -> ${luma(old).toFixed(1)}`);
  assert.ok(Math.abs(luma(now) - l0) < 1e-9, `kept ${l0.toFixed(1)} -> ${luma(now).toFixed(1)}`);
  // toward a wall, a black pixel lifted by its (fading) floor lands at that pixel's pivot: the relief keeps it there
  const lat = 0.6, black = Float64Array.from([0.5, 0.3, 0.3]);
  floorLift(black, wallTone(speech.cavityFloor, wallLight(lat), 0), speech.cavityFloorK * floorSide(lat));
  const lifted = luma(black), pivot = reliefPivotAt(speech, lat);
  assert.ok(Math.abs(lifted - pivot) < 0.05 * pivot, `lifted ${lifted.toFixed(2)} at pivot ${pivot.toFixed(2)}`);
  const deeper = Float64Array.from([15, 8, 8]);
  floorLift(deeper, wallTone(speech.cavityFloor, wallLight(lat), 0), speech.cavityFloorK * floorSide(lat));
  const before = luma(deeper);
  reliefInto(deeper, pivot, RELIEF);
  assert.ok(luma(deeper) !== before, 'the relief still works where a floor reaches');
});
