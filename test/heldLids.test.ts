// hooded56 (issue #14): a driver's held half-lowered lid is drawn as his lid, not as a blink in flight (motion/heldLids.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { blinkFromOpening, BLINK_START } from '../src/motion/restFace.ts';
import { heldBlinkFromOpening, heldLidCaps, withinCaps, HELD_LEAST } from '../src/motion/heldLids.ts';

const FPS = 25;
const stretch = (n: number, s: [number, number]) => Array.from({ length: n }, () => s);

test('held lids: the held map lowers the mid range, never closes past the blink map, joins it at BLINK_START, no snap', () => {
  // christie f19 (.48 of rest): the blink map's .68 drew a line on lp_s42; the held map is well under it
  assert.ok(blinkFromOpening(0.48) - heldBlinkFromOpening(0.48) > 0.1, `${heldBlinkFromOpening(0.48)}`);
  for (let s = 0; s <= 1.2; s += 0.01) assert.ok(heldBlinkFromOpening(s) <= blinkFromOpening(s) + 1e-9, `at ${s.toFixed(2)}`);
  assert.equal(heldBlinkFromOpening(BLINK_START), 0);
  assert.equal(heldBlinkFromOpening(1), 0);
  let last = heldBlinkFromOpening(1.2);
  for (let s = 1.2; s >= 0.2; s -= 0.01) {
    const w = heldBlinkFromOpening(s);
    assert.ok(w >= last - 1e-9, `monotone at ${s.toFixed(2)}`);
    assert.ok(w - last <= 0.03 + 1e-9, `no snap at ${s.toFixed(2)}: ${(w - last).toFixed(3)}`);
    last = w;
  }
});

test('held lids: a hooded stretch is capped at the held map; a lone low frame in it too', () => {
  const shares = [...stretch(5, [1, 1]), ...stretch(20, [0.5, 0.9]), ...stretch(5, [1, 1])];
  shares[14] = [0.34, 1.1]; // christie f34: one frame's noise
  const caps = heldLidCaps(shares, FPS);
  for (let i = 6; i < 24; i++) assert.ok(Math.abs(caps[i]! - heldBlinkFromOpening(Math.min(0.5, shares[i]![0]))) < 1e-9 || i === 14, `f${i} ${caps[i]}`);
  assert.ok(caps[14]! <= heldBlinkFromOpening(HELD_LEAST) + 1e-9 && caps[14]! < blinkFromOpening(0.34));
  assert.ok(Number.isNaN(caps[0]!) && Number.isNaN(caps[29]!), 'open frames: no cap');
  const blinks = [new Float64Array(30).fill(0.68), new Float64Array(30).fill(0.68)];
  withinCaps(blinks, caps);
  assert.ok(blinks[0]![15]! < 0.6 && blinks[0]![15] === blinks[1]![15], 'both eyes lowered alike');
});

test('held lids: blinks and a short half blink keep their weights', () => {
  // a blink (both shut two frames) in an open stretch: no held stretch at all
  const blink = [...stretch(10, [1, 1]), [0.6, 0.6], [0.2, 0.25], [0.15, 0.2], [0.6, 0.6], ...stretch(10, [1, 1])] as [number, number][];
  assert.ok(heldLidCaps(blink, FPS).every((c) => Number.isNaN(c)));
  // a blink inside a hooded stretch: its frames and two either side uncapped
  const hooded = [...stretch(15, [0.55, 0.8]), [0.4, 0.42], [0.31, 0.41], [0.2, 0.3], [0.42, 0.5], ...stretch(15, [0.55, 0.8])] as [number, number][];
  const caps = heldLidCaps(hooded, FPS);
  for (let i = 13; i <= 19; i++) assert.ok(Number.isNaN(caps[i]!), `f${i} near the blink: ${caps[i]}`);
  assert.ok(!Number.isNaN(caps[5]!) && !Number.isNaN(caps[28]!), 'the stretch around it capped');
  // a wink's shut eye: the stretch's median is under HELD_LEAST, no cap
  const wink = [...stretch(5, [1, 1]), ...stretch(12, [0.1, 0.95]), ...stretch(5, [1, 1])];
  assert.ok(heldLidCaps(wink, FPS).every((c) => Number.isNaN(c)));
});
