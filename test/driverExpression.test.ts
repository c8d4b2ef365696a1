// A driver's expression carried over by the retarget (src/motion/retarget.ts, issue #14): a one-sided
// brow stays one-sided. Synthetic driver clips: the rig's own
// basis on lp_s42's face, posed with a little head motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { canonicalize, deform, type Landmarks } from '../src/rig/fit.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import { innerRaiseTakenBack, INNER_RAISE_PER_FROWN } from '../src/motion/browDrop.ts';
import { posedLandmarks } from './rigSynthetic.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
const basis = buildBasis(neutral);
const frame = (w: Partial<Record<RigControl, number>>, i: number): Landmarks => posedLandmarks(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => w[c] ?? 0)), [4 * Math.sin(i / 5), -3 + 2 * Math.cos(i / 7), 1]);

test('the inner raise taken back on the side that rose less: none when both rose alike, all of it when that side did not rise', () => {
  assert.equal(innerRaiseTakenBack(0.6, 0.03, 0.03), 0);
  assert.equal(innerRaiseTakenBack(0.6, 0.04, 0.03), 0, 'the higher side keeps its raise');
  assert.ok(Math.abs(innerRaiseTakenBack(0.6, -0.02, 0.03) - 0.6 * INNER_RAISE_PER_FROWN) < 1e-12, 'a side that came down takes it all back');
  assert.equal(innerRaiseTakenBack(0.6, 0.015, 0.03), 0, 'a side that rose half as much keeps its raise (a bilateral raise read unevenly)');
  assert.ok(Math.abs(innerRaiseTakenBack(0.6, 0.0075, 0.03) - 0.3 * INNER_RAISE_PER_FROWN) < 1e-12, 'a quarter of the rise, half the raise back');
  assert.equal(innerRaiseTakenBack(0.6, 0, 0), 0, 'neither rose: nothing to take back');
});

test('retarget: one brow raised, the other not: the raised side keeps its inner raise and the other side takes it back', () => {
  // the driver raises its left brow whole (inner and outer) in the middle of the clip; the right stays
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) {
    const up = i >= 15 && i < 25 ? 0.6 : 0;
    clip.push(frame({ browInnerUp: up / 2, browOuterUpLeft: up, browDownRight: up / 3 }, i));
  }
  const out = retargetFromLandmarks(clip), before = retargetFromLandmarks(clip, { oneSidedBrows: false });
  const inner = out.get('browInnerUp')!, downR = out.get('browDownRight')!, downL = out.get('browDownLeft')!;
  // the right inner head: raise minus frown, in basis units (inner raise 0.1 per unit, frown 0.15)
  const rightInner = (m: Map<RigControl, Float64Array>) => 0.1 * m.get('browInnerUp')![20]! - 0.15 * m.get('browDownRight')![20]!;
  const leftInner = (m: Map<RigControl, Float64Array>) => 0.1 * m.get('browInnerUp')![20]! - 0.15 * m.get('browDownLeft')![20]!;
  console.log(`inner ${before.get('browInnerUp')![20]!.toFixed(2)} -> ${inner[20]!.toFixed(2)}, downR ${before.get('browDownRight')![20]!.toFixed(2)} -> ${downR[20]!.toFixed(2)}; L-R inner ${(leftInner(before) - rightInner(before)).toFixed(3)} -> ${(leftInner(out) - rightInner(out)).toFixed(3)}`);
  assert.ok(leftInner(out) - rightInner(out) > leftInner(before) - rightInner(before) + 0.01, 'the brows\' inner heads stand further apart');
  assert.ok(rightInner(out) <= 0.005, `the right inner head does not rise: ${rightInner(out).toFixed(3)}`);
  assert.ok(downL[20]! < 0.05, `no frown on the raised side: ${downL[20]!.toFixed(2)}`);
  assert.ok(inner[5]! < 0.05 && downR[5]! < 0.05, 'at rest nothing');
});
