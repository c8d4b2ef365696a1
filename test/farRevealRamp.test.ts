// A photo turned away from the side a turn shows (lp_s10, 34°) flattens that side over the first 10° of the turn,
// not 25° (s35 farcheek35, issue #15): the sway toward the camera (+4..8°) spread its edge-on texels into a pale
// streaked band past the far cheek. Photos facing the camera or turned less than 18° keep the 25° ramp, and a full
// 25° turn is the same for every photo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AWAY_RAMP_CUT_DEG, revealFlattening } from '../src/render/turn.ts';

test('revealFlattening: full by 10° toward a side the photo turned 34° away from; 25° elsewhere', () => {
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
  assert.equal(AWAY_RAMP_CUT_DEG, 15);
  // lp_s10: rig yaw -34, +yaw shows the side it turned away from
  close(revealFlattening(5, -34, 1), 0.5);
  close(revealFlattening(8, -34, 1), 0.8);
  close(revealFlattening(12.5, -34, 1), 1);
  close(revealFlattening(25, -34, 1), 1);
  // a frontal photo and one turned 10° (lp_s12) or 18° (lp_s9's bound): unchanged
  close(revealFlattening(8, 0, 1), 8 / 25);
  close(revealFlattening(-8, 10, 1), 8 / 25);
  close(revealFlattening(8, -18, 1), 8 / 25);
  // turning toward the side the photo itself faced: the seen-already rule, as before
  close(revealFlattening(-8, -34, 1), (8 / 25) * (1 - 1));
});
