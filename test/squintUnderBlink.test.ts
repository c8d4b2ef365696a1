// s53 lidhalf53: a squint inside a partial closure (src/render/closedEye/squintUnderBlink.ts, off by default): the
// squint's excess over the photo's own is scaled by the opening the blink leaves; open eyes and the photo's own squint kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { squintInBlink, squintUnderBlink, squintUnderBlinkSetting } from '../src/render/closedEye/squintUnderBlink.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

test('squintInBlink: none taken on an open eye, all of the excess on a shut one, the rest by the opening left', () => {
  near(squintInBlink(0.4, 0, 0), 0.4);
  near(squintInBlink(0.4, 0, 1), 0);
  near(squintInBlink(0.4, 0, 0.5), 0.2);
  near(squintInBlink(0.4, 0.1, 0.5), 0.25); // the photo's own .1 stays
  near(squintInBlink(0.05, 0.1, 0.8), 0.05); // under the photo's own: as it is
  // monotone: a deeper closure never leaves more squint
  let last = Infinity;
  for (let c = 0; c <= 1; c += 0.1) { const v = squintInBlink(0.5, 0.05, c); assert.ok(v <= last + 1e-12); last = v; }
});

test('squintUnderBlink: each eye by its own blink; other controls and open eyes untouched; off leaves all', () => {
  const pw = new Float64Array(CONTROL_COUNT);
  const wv = new Float64Array(CONTROL_COUNT);
  wv[CONTROL_INDEX.eyeBlinkLeft] = 0.5; wv[CONTROL_INDEX.eyeSquintLeft] = 0.4;
  wv[CONTROL_INDEX.eyeBlinkRight] = 0; wv[CONTROL_INDEX.eyeSquintRight] = 0.4;
  wv[CONTROL_INDEX.cheekSquintLeft] = 0.4;
  const before = Float64Array.from(wv);
  const was = squintUnderBlinkSetting.on;
  try {
    squintUnderBlinkSetting.on = false;
    squintUnderBlink(wv, pw);
    assert.deepEqual(Array.from(wv), Array.from(before));
    squintUnderBlinkSetting.on = true;
    squintUnderBlink(wv, pw);
    near(wv[CONTROL_INDEX.eyeSquintLeft]!, 0.2);
    near(wv[CONTROL_INDEX.eyeSquintRight]!, 0.4); // its eye is open
    near(wv[CONTROL_INDEX.cheekSquintLeft]!, 0.4); // the cheek's squint moves the cheek too: kept
    for (let k = 0; k < CONTROL_COUNT; k++) if (k !== CONTROL_INDEX.eyeSquintLeft) near(wv[k]!, before[k]!);
  } finally { squintUnderBlinkSetting.on = was; }
});
