// A driver's lid in flight (lids18): the rendered opening falls off a cliff between blink weights
// 0.7 and 0.85 (the real shut eye comes in; bench/blinkCurve.ts), so a driver's eye at 0.38-0.45 of
// its rest opening must map below that cliff, or a half-shut driver renders shut (critic s17: Katie
// 0.34 [driver 0.47], Fei-Fei 0.28 [0.51]). A real blink's deepest frames still map to 1.
import test from 'node:test';
import assert from 'node:assert/strict';
import { blinkFromOpening, BLINK_SHUT } from '../src/motion/restFace.ts';

test('lids in flight: 0.38-0.45 of rest stay under the rendered cliff, a real blink still shuts', () => {
  // Katie f25 (0.40 of rest, 0.44 of her median) was 0.82, which rendered 0.36 of our median
  for (const share of [0.38, 0.4, 0.42, 0.45]) assert.ok(blinkFromOpening(share) <= 0.77 + 1e-9, `share ${share}: ${blinkFromOpening(share).toFixed(2)}`);
  for (const share of [0.09, 0.2, BLINK_SHUT]) assert.equal(blinkFromOpening(share), 1);
  // still a closing lid, not an open one (weight above the photo's half-lid range)
  assert.ok(blinkFromOpening(0.45) >= 0.65, `0.45: ${blinkFromOpening(0.45).toFixed(2)}`);
});
