// The rig's blink carries the mesh lid to the lower lid for any eye size (lid26: the read-back's
// failures are not a lid stopping short; bench/meshLidReach.ts measures it on the portraits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meanFace, deform } from '../src/rig/canonical.ts';
import { renderBasis } from '../src/rig/basis.ts';
import { RIG_CONTROLS } from '../src/rig/controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';

const EYES = [{ up: EYE_L_UPPER, low: EYE_L_LOWER }, { up: EYE_R_UPPER, low: EYE_R_LOWER }];

/** The mean face with each eye's upper lid raised or lowered so the opening is `k` times the mean's. */
function withOpening(k: number): Float64Array {
  const p = meanFace();
  for (const { up, low } of EYES) {
    for (let q = 1; q < up.length - 1; q++) {
      const yl = p[low[q]! * 3 + 1]!;
      p[up[q]! * 3 + 1] = yl - k * (yl - p[up[q]! * 3 + 1]!);
    }
  }
  return p;
}

for (const k of [0.6, 1, 1.6]) {
  test(`blink 1 brings the upper lid's middle onto the lower lid (eye opening ${k}x the mean face's)`, () => {
    const neutral = withOpening(k);
    const shut = deform(neutral, renderBasis(neutral), Float64Array.from(RIG_CONTROLS, (c) => (c.startsWith('eyeBlink') ? 1 : 0)));
    for (const { up, low } of EYES) {
      for (let q = 2; q < up.length - 2; q++) {
        const open = neutral[low[q]! * 3 + 1]! - neutral[up[q]! * 3 + 1]!;
        const reach = (shut[up[q]! * 3 + 1]! - neutral[up[q]! * 3 + 1]!) / open;
        const gap = (shut[low[q]! * 3 + 1]! - shut[up[q]! * 3 + 1]!) / open;
        assert.ok(reach > 0.85 && reach < 1.05, `upper lid point ${up[q]} comes down ${reach.toFixed(2)} of the opening`);
        assert.ok(Math.abs(gap) < 0.05, `gap left at point ${up[q]}: ${gap.toFixed(3)} of the opening`);
      }
    }
  });
}
