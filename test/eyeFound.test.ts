// bench/eyeFound.ts (s58): the blink read-back's check that the face mesh found the photo's eye at all.
// An eye contour moved half an eye width down onto the cheek (lp_s10's far eye, s50) must be flagged; the
// same eye read a pixel or two off must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eyeFoundOffsets, EYE_FOUND_MAX } from '../bench/eyeFound.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';

/** Both eyes as arcs 100 px wide; the image-left eye (EYE_R_*) shifted by (dx, dy). */
function eyes(dx: number, dy: number): number[][] {
  const lm: number[][] = Array.from({ length: 478 }, () => [0, 0]);
  for (const [up, lo, x0, sx, sy] of [[EYE_L_UPPER, EYE_L_LOWER, 300, 0, 0], [EYE_R_UPPER, EYE_R_LOWER, 100, dx, dy]] as const) {
    for (let q = 0; q < 9; q++) {
      const t = q / 8, arc = Math.sin(Math.PI * t);
      lm[up[q]!] = [x0 + 100 * t + sx, 200 - 18 * arc + sy];
      lm[lo[q]!] = [x0 + 100 * t + sx, 200 + 12 * arc + sy];
    }
  }
  return lm;
}

test('the same eye read back is found; an eye half a width down on the cheek is not', () => {
  const ref = eyes(0, 0);
  const near = eyeFoundOffsets(eyes(2, 3), ref);
  assert.ok(near.left < 0.01 && near.right < 0.05, JSON.stringify(near));
  assert.ok(near.right <= EYE_FOUND_MAX);
  const missed = eyeFoundOffsets(eyes(0, 50), ref);
  assert.ok(Math.abs(missed.right - 0.5) < 0.01, JSON.stringify(missed));
  assert.ok(missed.right > EYE_FOUND_MAX && missed.left < 0.01);
});
