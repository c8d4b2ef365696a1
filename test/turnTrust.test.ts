// One-sided readings at turned driver frames (motion/turnTrust.ts): pure functions on synthetic series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitOneSidedGrowth, oneSidedTrust, keepOneSided, distrustTurnedOneSided, FRONTAL_TURN } from '../src/motion/turnTrust.ts';
import type { RigControl } from '../src/rig/controls.ts';

/** A clip turning from -20 to 20 deg and back: yaw per frame. */
const turns = Float64Array.from({ length: 120 }, (_, i) => 20 * Math.sin((i / 120) * 4 * Math.PI));

test('a one-sided reading that grows with the turn is scaled back to the frontal level; one that does not is kept', () => {
  const growing = turns.map((t) => 0.05 + 0.03 * Math.max(0, Math.abs(t) - FRONTAL_TURN));
  const g = fitOneSidedGrowth(turns, growing);
  assert.ok(Math.abs(g.level - 0.05) < 1e-9, `frontal level ${g.level}`);
  assert.ok(g.perDegree > 0.02 && g.perDegree <= 0.03, `growth per degree ${g.perDegree.toFixed(4)} (0.03, shrunk by the ridge)`);
  assert.equal(oneSidedTrust(g, 3), 1, 'frontal frames keep all');
  assert.ok(oneSidedTrust(g, 15) < 0.25, `at 15 deg ${oneSidedTrust(g, 15).toFixed(2)}`);
  // a smirk held through the turns: its own asymmetry, not the turn's
  const held = fitOneSidedGrowth(turns, turns.map(() => 0.3));
  assert.ok(held.perDegree < 1e-12 && oneSidedTrust(held, 20) > 1 - 1e-9, 'a held smirk is kept at any turn');
  // a driver who never turns: nothing to fit, nothing scaled
  const still = fitOneSidedGrowth(turns.map(() => 1), turns.map((_, i) => (i % 7) / 10));
  assert.ok(still.perDegree < 1e-12);
});

test('keepOneSided keeps what both sides read and the trusted share of the excess', () => {
  assert.deepEqual(keepOneSided(0.8, 0.1, 0.5).map((v) => Number(v.toFixed(12))), [0.45, 0.1]);
  assert.deepEqual(keepOneSided(0.1, 0.8, 0), [0.1, 0.1]);
  assert.deepEqual(keepOneSided(0.3, 0.7, 1), [0.3, 0.7]);
});

test('distrustTurnedOneSided: a turn-made stretch goes, a frontal smirk stays, against the driver\'s usual heading', () => {
  const n = turns.length;
  const heading = 12; // filmed from the side: frontal means 12 deg
  const yaw = turns.map((t) => t + heading);
  // stretch on the right grows with the turn to the right only (the face mesh's doing); a smirk on the
  // left at two frontal frames
  const stretchL = new Float64Array(n), stretchR = Float64Array.from(turns, (t) => 0.04 * Math.max(0, t - FRONTAL_TURN));
  const smileL = new Float64Array(n), smileR = new Float64Array(n);
  const frontal = [...turns.keys()].filter((i) => Math.abs(turns[i]!) < 2).slice(0, 2);
  for (const i of frontal) smileL[i] = 0.6;
  const ch = new Map<RigControl, Float64Array>([['mouthStretchLeft', stretchL], ['mouthStretchRight', stretchR], ['mouthSmileLeft', smileL], ['mouthSmileRight', smileR]]);
  const most = turns.indexOf(Math.max(...turns));
  const before = stretchR[most]!;
  distrustTurnedOneSided(ch, yaw, [...turns.keys()]);
  assert.ok(stretchR[most]! < 0.2 * before, `stretch at the most turned frame ${before.toFixed(2)} -> ${stretchR[most]!.toFixed(2)}`);
  for (const i of frontal) assert.equal(smileL[i], 0.6, 'the frontal smirk is kept whole');
});
