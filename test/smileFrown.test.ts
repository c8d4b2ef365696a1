// A happy driver gives no frown (issue #14, critic16 "squint and knot on a happy driver"): the brow
// drop a smile brings (browDrop.ts SMILE_BROW_DROP) is not taken as a frown, a real frown under a
// smile still is. Synthetic driver clips: the rig's own basis on lp_s42's face, posed with a little head motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { canonicalize, deform, type Landmarks } from '../src/rig/fit.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import { browHeights, dropLeftToFrown, SMILE_BROW_DROP } from '../src/motion/browDrop.ts';
import { posedLandmarks } from './rigSynthetic.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;
const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
const basis = buildBasis(neutral);
const shape = (w: Partial<Record<RigControl, number>>) => deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => w[c] ?? 0));
const frame = (w: Partial<Record<RigControl, number>>, i: number): Landmarks => posedLandmarks(shape(w), [4 * Math.sin(i / 5), -3 + 2 * Math.cos(i / 7), 1]);

test('a full smile explains SMILE_BROW_DROP of a brow drop, no smile none of it', () => {
  assert.equal(dropLeftToFrown(0.02, 0), 0.02);
  assert.ok(Math.abs(dropLeftToFrown(0.02, 1) - (0.02 - SMILE_BROW_DROP)) < 1e-12);
  assert.ok(Math.abs(dropLeftToFrown(0.02, 2) - dropLeftToFrown(0.02, 1)) < 1e-12, 'the gate is at most 1');
});

/** A clip with `w` held in frames 12-29 and rest elsewhere; the retarget's frown at frame 20, with and without the smile rule. */
function frownAt(w: Partial<Record<RigControl, number>>): { on: number; off: number; drop: number } {
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) clip.push(frame(i >= 12 && i < 30 ? w : {}, i));
  const mean = (m: Map<RigControl, Float64Array>) => (m.get('browDownLeft')![20]! + m.get('browDownRight')![20]!) / 2;
  const rest = browHeights(neutral), at = browHeights(shape(w));
  return { on: mean(retargetFromLandmarks(clip)), off: mean(retargetFromLandmarks(clip, { smileNoFrown: false })), drop: (rest[0] + rest[1] - at[0] - at[1]) / 2 };
}

test('retarget: a grin whose brows came down a little (Katie at 1.1 s) renders no frown', () => {
  const r = frownAt({ mouthSmileLeft: 0.8, mouthSmileRight: 0.8, cheekSquintLeft: 0.3, cheekSquintRight: 0.3, browDownLeft: 0.08, browDownRight: 0.08 });
  console.log(`grin, brows ${r.drop.toFixed(3)} down: frown ${r.off.toFixed(2)} -> ${r.on.toFixed(2)}`);
  assert.ok(r.drop > 0.004 && r.drop < SMILE_BROW_DROP, `the driver's brows came down a little: ${r.drop.toFixed(3)}`);
  assert.ok(r.off > 0.05, `the fit reads it as a frown: ${r.off.toFixed(2)}`);
  assert.ok(r.on < 0.02, `no frown on the result: ${r.on.toFixed(2)}`);
});

test('retarget: a real frown under a smile stays a frown; a frown without a smile is untouched', () => {
  const grin = frownAt({ mouthSmileLeft: 0.8, mouthSmileRight: 0.8, browDownLeft: 0.7, browDownRight: 0.7 });
  const plain = frownAt({ browDownLeft: 0.5, browDownRight: 0.5 });
  console.log(`smiling frown (brows ${grin.drop.toFixed(3)} down) ${grin.off.toFixed(2)} -> ${grin.on.toFixed(2)}; plain frown ${plain.off.toFixed(2)} -> ${plain.on.toFixed(2)}`);
  assert.ok(grin.on > 0.5 * grin.off && grin.on > 0.3, 'most of a deep frown stays under a smile');
  assert.ok(Math.abs(plain.on - plain.off) < 0.02, 'without a smile, the frown as before');
});

test('a smile\'s squint narrows the photo\'s eye no further than the driver\'s narrowed', async () => {
  const { squintForNarrowing } = await import('../src/motion/eyeSquints.ts');
  const { RENDERED_RISE_AT_FULL } = await import('../src/motion/lowerLid.ts');
  assert.equal(squintForNarrowing(1), 0, 'an eye open as at rest: no squint');
  assert.equal(squintForNarrowing(1.1), 0);
  assert.ok(Math.abs(squintForNarrowing(0.88) * RENDERED_RISE_AT_FULL - 0.12) < 1e-12, 'Katie\'s right eye at 0.88 of rest: a squint that narrows 0.12');
  assert.equal(squintForNarrowing(0.5), 1);
});
