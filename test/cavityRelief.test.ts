// cavity38 (s38): the open mouth's dark stretched about its floor (cavityRelief.ts), not squashed onto one tone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RELIEF, RELIEF_TOP, reliefInto, reliefLuma, reliefPivot } from '../src/render/mouth/cavityRelief.ts';
import { FLOOR_LIFT, floorLift } from '../src/render/mouth/cavityFloor.ts';
import { luma601 as luma } from '../src/math/colour.ts';

test('a dark the speech floor squashed gets its spread back: (p50 - p5)/p50 up, the median near where it was', () => {
  const floor = [70, 40, 38], lf = luma(floor);
  // a throat falling from 40 to 4 (luma), lifted by the floor (floorLift, full share)
  const dark = Array.from({ length: 21 }, (_, i) => 4 + (36 * i) / 20).map((l) => {
    const px = Float64Array.from([l * 1.4, l * 0.85, l * 0.8]);
    floorLift(px, floor, 1);
    return px;
  });
  const spread = (ls: number[]) => { const s = [...ls].sort((a, b) => a - b); return (s[10]! - s[1]!) / s[10]!; };
  const before = dark.map((px) => luma(px));
  const pivot = reliefPivot({ backK: 0, backTone: [0, 0, 0], cavityFloorK: 1, cavityFloor: floor });
  assert.ok(Math.abs(pivot - FLOOR_LIFT * lf) < 1e-9, 'the pivot is where the floor lands black');
  const after = dark.map((px) => { const q = Float64Array.from(px); reliefInto(q, pivot, RELIEF); return luma(q); });
  assert.ok(spread(after) > spread(before) * 1.3, `spread ${spread(before).toFixed(2)} -> ${spread(after).toFixed(2)}`);
  const s = [...before].sort((a, b) => a - b), t = [...after].sort((a, b) => a - b);
  assert.ok(Math.abs(t[10]! - s[10]!) < 0.15 * s[10]!, `median ${s[10]!.toFixed(1)} -> ${t[10]!.toFixed(1)}`);
});

test('the curve is monotone, smooth at the pivot and its top, the identity above (the lit tongue, the teeth)', () => {
  const pivot = 30, top = RELIEF_TOP * pivot;
  let last = -1;
  for (let l = 0; l <= 100; l += 0.25) {
    const m = reliefLuma(l, pivot, RELIEF);
    assert.ok(m >= last, `monotone at ${l}`);
    last = m;
    if (l >= top) assert.equal(m, l);
  }
  const slope = (l: number) => (reliefLuma(l + 1e-4, pivot, RELIEF) - reliefLuma(l - 1e-4, pivot, RELIEF)) / 2e-4;
  assert.ok(Math.abs(slope(pivot - 1e-3) - slope(pivot + 1e-3)) < 1e-2, 'no kink at the pivot');
  assert.ok(Math.abs(slope(top - 1e-3) - 1) < 1e-2, 'rejoins the identity with slope 1');
  assert.equal(reliefLuma(20, pivot, 0), 20, 'off at strength 0');
});

test('hue kept; no floor, no pivot (a shut or lit mouth untouched)', () => {
  const px = Float64Array.from([40, 20, 22]), r = px[0]! / px[2]!;
  reliefInto(px, 30, RELIEF);
  assert.ok(Math.abs(px[0]! / px[2]! - r) < 1e-9);
  assert.equal(reliefPivot({ backK: 0, backTone: [50, 30, 30], cavityFloorK: 0, cavityFloor: [50, 30, 30] }), 0);
});
