// Half-shut lids (critic16: a driver's half lid rendered shut or too shut, lp_d6 f108's real half lid
// under-closed): the weight follows the driver's opening without a snap, and a held half lid keeps
// the photo's own lid instead of a part-blended real shut eye.
import test from 'node:test';
import assert from 'node:assert/strict';
import { blinkFromOpening, BLINK_SHUT, BLINK_START } from '../src/motion/restFace.ts';
import { shutEyeShown } from '../src/render/closedEye/overlay.ts';

test('half lids: the blink weight follows the opening continuously, and a real half lid is not left nearly open', () => {
  // lp_d6 f108 (a downward look at 0.67 of rest) needs weight ~0.5 to render ~0.67 (bench/blinkCurve.ts, lp_s42)
  assert.ok(blinkFromOpening(0.67) >= 0.45 && blinkFromOpening(0.67) <= 0.55, `f108: ${blinkFromOpening(0.67).toFixed(2)}`);
  // the low middle (mostly blinks in flight) is not closed further than before
  assert.ok(blinkFromOpening(0.5) <= 0.7, `0.5: ${blinkFromOpening(0.5).toFixed(2)}`);
  assert.equal(blinkFromOpening(BLINK_SHUT - 0.02), 1);
  assert.equal(blinkFromOpening(BLINK_START + 0.02), 0);
  // no snap: weight changes by at most 3 per unit of opening anywhere
  for (let s = 0.2; s < 1; s += 0.01) {
    const step = Math.abs(blinkFromOpening(s + 0.01) - blinkFromOpening(s));
    assert.ok(step <= 0.03 + 1e-9, `step at ${s.toFixed(2)}: ${step.toFixed(3)}`);
  }
});

test('half lids: the real shut eye stays out of a held half lid and comes in as the blink completes', () => {
  for (const c of [0, 0.3, 0.5, 0.6]) {
    const { show, lid } = shutEyeShown(c);
    assert.equal(show, 0, `below the lid's edge at ${c}`);
    assert.equal(lid, 0, `the lid at ${c}: the photo's own lid and lashes`);
  }
  assert.deepEqual(shutEyeShown(1), { show: 1, lid: 1 });
  let last = { show: 0, lid: 0 };
  for (let c = 0; c <= 1.0001; c += 0.05) {
    const now = shutEyeShown(c);
    assert.ok(now.show >= last.show && now.lid >= last.lid && now.lid >= now.show, `monotone at ${c.toFixed(2)}`);
    last = now;
  }
});
