// The rig fit's mouth prior (src/rig/mouthPrior.ts): a mouth wider than at rest is not puckered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { fitRig, canonicalize, deform } from '../src/rig/fit.ts';
import { puckerCap, puckerFloor, widenCap, mouthWidthRatio, PUCKER_NONE_WIDTH, PUCKER_FLOOR_FROM, WIDEN_NONE_WIDTH } from '../src/rig/mouthPrior.ts';
import { weightsFromMeasures, type RestFace } from '../src/motion/restFace.ts';
import type { FaceMeasures } from '../src/motion/measures.ts';
import { posedLandmarks } from './rigSynthetic.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;

test('the pucker cap: none at or above the no-pucker width, rising as the mouth narrows', () => {
  assert.equal(puckerCap(PUCKER_NONE_WIDTH), 0);
  assert.equal(puckerCap(1.3), 0);
  assert.equal(puckerCap(0.6), 1);
  assert.ok(puckerCap(0.95) > 0 && puckerCap(0.95) < puckerCap(0.85) && puckerCap(0.85) < 1);
});

const posed = (shape: Float64Array) => posedLandmarks(shape, [6, -12, 3]);

test('a mouth wider than at rest gets no pucker with the prior, the smile kept; a real pucker (narrowing) still reads', async () => {
  const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  const basis = buildBasis(neutral);
  const vec = (truth: Partial<Record<RigControl, number>>) => Float64Array.from(RIG_CONTROLS, (c) => truth[c] ?? 0);
  // the reading the prior refuses: a toothy wide smile fitted as smile + stretch + pucker (Katie
  // at 1.1 s: smile 0.4, stretch 0.3-0.5, pucker 0.36; the pucker's narrowing paid back by the
  // stretch, the pucker left explaining the lips' depth): the mouth is wider than at rest
  const wide = deform(neutral, basis, vec({ mouthSmileLeft: 0.5, mouthSmileRight: 0.5, mouthStretchLeft: 0.4, mouthStretchRight: 0.4, mouthPucker: 0.4, jawOpen: 0.3 }));
  assert.ok(mouthWidthRatio(wide, neutral) > PUCKER_NONE_WIDTH, `the mouth is wide: ${mouthWidthRatio(wide, neutral).toFixed(2)}`);
  const lm = posed(wide);
  const off = fitRig(lm, { neutral, robust: true }), on = fitRig(lm, { neutral, robust: true, puckerWidthPrior: true });
  assert.ok(Math.abs(off.weights.mouthPucker - 0.4) < 0.1, `without the prior: pucker ${off.weights.mouthPucker.toFixed(2)}`);
  assert.ok(on.weights.mouthPucker < 0.02, `with it: pucker ${on.weights.mouthPucker.toFixed(2)}`);
  assert.ok(on.weights.mouthSmileLeft > 0.3 && on.weights.mouthSmileRight > 0.3, `smile still read: ${on.weights.mouthSmileLeft.toFixed(2)}/${on.weights.mouthSmileRight.toFixed(2)}`);
  // a real pucker narrows the mouth: the prior leaves it
  const pucker = fitRig(posed(deform(neutral, basis, vec({ mouthPucker: 0.6 }))), { neutral, robust: true, puckerWidthPrior: true });
  assert.ok(Math.abs(pucker.weights.mouthPucker - 0.6) < 0.1, `real pucker reads ${pucker.weights.mouthPucker.toFixed(2)}`);
});

test('the widening cap and the pucker floor: a mouth narrower than at rest holds no stretch or smile, and is held puckered', () => {
  assert.equal(widenCap(WIDEN_NONE_WIDTH), 0);
  assert.equal(widenCap(0.7), 0);
  assert.equal(widenCap(1), 1);
  assert.ok(widenCap(0.88) > 0 && widenCap(0.88) < 1);
  assert.equal(puckerFloor(PUCKER_FLOOR_FROM), 0);
  assert.equal(puckerFloor(1.2), 0);
  assert.ok(puckerFloor(0.7) > 0.4 && puckerFloor(0.7) < 0.7, `floor at 0.7: ${puckerFloor(0.7).toFixed(2)}`);
});

test('a rounded mouth (narrower than at rest, lips apart) reads as pucker without stretch or smile with the prior', async () => {
  const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  const basis = buildBasis(neutral);
  const vec = (truth: Partial<Record<RigControl, number>>) => Float64Array.from(RIG_CONTROLS, (c) => truth[c] ?? 0);
  // an "O": the basis's pucker with the jaw down; the fit without the prior may split it any way
  const round = deform(neutral, basis, vec({ mouthPucker: 0.7, jawOpen: 0.25 }));
  const ratio = mouthWidthRatio(round, neutral);
  assert.ok(ratio < WIDEN_NONE_WIDTH, `the mouth is narrow: ${ratio.toFixed(2)}`);
  const on = fitRig(posed(round), { neutral, robust: true, puckerWidthPrior: true });
  const widen = on.weights.mouthStretchLeft + on.weights.mouthStretchRight + on.weights.mouthSmileLeft + on.weights.mouthSmileRight;
  assert.equal(widen, 0, 'no widening control on a narrowed mouth');
  assert.ok(on.weights.mouthPucker >= puckerFloor(ratio) - 1e-9 && on.weights.mouthPucker > 0.5, `pucker ${on.weights.mouthPucker.toFixed(2)}`);
});

test('the pucker floor reaches a full pucker at the width the basis\'s own full pucker draws the mouth to', async () => {
  const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  const basis = buildBasis(neutral);
  const full = mouthWidthRatio(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => (c === 'mouthPucker' ? 1 : 0))), neutral);
  const half = mouthWidthRatio(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => (c === 'mouthPucker' ? 0.5 : 0))), neutral);
  // before: a separate 0.38 (the pre-round-17 narrowing) held the basis's own full pucker to 0.92
  assert.ok(puckerFloor(full) > 0.97, `full pucker (width ${full.toFixed(3)}) floors at ${puckerFloor(full).toFixed(2)}`);
  assert.ok(puckerFloor(half) > 0.3 && puckerFloor(half) < 0.5, `half pucker (width ${half.toFixed(3)}) floors at ${puckerFloor(half).toFixed(2)}`);
});

test('a rounded mouth read with a dimple (lp_d6\'s "O": dimple 1.00 beside pucker 0.42) holds no dimple with the prior', async () => {
  const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  const basis = buildBasis(neutral);
  const vec = (truth: Partial<Record<RigControl, number>>) => Float64Array.from(RIG_CONTROLS, (c) => truth[c] ?? 0);
  const round = deform(neutral, basis, vec({ mouthPucker: 0.6, mouthDimpleLeft: 0.6, jawOpen: 0.2 }));
  assert.ok(mouthWidthRatio(round, neutral) < WIDEN_NONE_WIDTH, `the mouth is narrow: ${mouthWidthRatio(round, neutral).toFixed(2)}`);
  const lm = posed(round);
  const off = fitRig(lm, { neutral, robust: true }), on = fitRig(lm, { neutral, robust: true, puckerWidthPrior: true });
  assert.ok(off.weights.mouthDimpleLeft > 0.1, `without the prior the dimple reads ${off.weights.mouthDimpleLeft.toFixed(2)}`);
  assert.equal(on.weights.mouthDimpleLeft + on.weights.mouthDimpleRight, 0, 'no dimple on a narrowed mouth');
});

test('the measures\' smile: corners lifted on a mouth drawn narrower than at rest are a rounded mouth, not a smile', () => {
  const rest = { lipGap: 0.05, mouthWidth: 1, lipThickness: 0.3, upperLip: 0.3, lowerLip: 0.5, cornerLiftLeft: 0, cornerLiftRight: 0, eyeLeft: 0.3, eyeRight: 0.3, browLeft: 0.5, browRight: 0.5, browInnerLeft: 0.4, browInnerRight: 0.4 } satisfies RestFace;
  const at = (mouthWidth: number) => weightsFromMeasures({ ...rest, mouthWidth, cornerLiftLeft: 0.05, cornerLiftRight: 0.05 } as FaceMeasures, rest).w;
  assert.ok(at(1).mouthSmileLeft! > 0.35, `lifted corners at the rest width smile: ${at(1).mouthSmileLeft!.toFixed(2)}`);
  assert.equal(at(0.74).mouthSmileLeft, 0);
  assert.equal(at(0.74).mouthSmileRight, 0);
  assert.ok(at(0.74).mouthPucker! > 0.9, 'and it reads as a pucker');
});
