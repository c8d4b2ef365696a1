// Frowns read at lowered driver heads (motion/pitchTrust.ts): synthetic clips, pitch per frame in the fit's sign (negative is down).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitFrownGrowth, frownTrust, distrustPitchedFrowns, LEVEL_PITCH } from '../src/motion/pitchTrust.ts';
import type { RigControl } from '../src/rig/controls.ts';

/** A clip nodding between 8 deg down and 8 deg up around a usual pitch of -3 deg. */
const pitch = Float64Array.from({ length: 150 }, (_, i) => -3 + 8 * Math.sin((i / 150) * 6 * Math.PI));
const channels = (frown: (i: number) => number) => new Map<RigControl, Float64Array>([
  ['browDownLeft', Float64Array.from(pitch, (_, i) => frown(i))],
  ['browDownRight', Float64Array.from(pitch, (_, i) => 0.9 * frown(i))],
]);
const all = Array.from(pitch, (_, i) => i);

test('a frown that only follows the head pitching down is scaled back to the level frames\' frown', () => {
  // the fit reads 0.15 per degree down beyond the level band, none at the usual pitch
  const down = (i: number) => Math.max(0, -(pitch[i]! + 3) - LEVEL_PITCH);
  const ch = channels((i) => Math.min(1, 0.15 * down(i)));
  const deepest = pitch.indexOf(Math.min(...pitch));
  assert.ok(ch.get('browDownLeft')![deepest]! > 0.85, 'a near-full frown read at the lowest head before');
  distrustPitchedFrowns(ch, pitch, all);
  for (const c of ['browDownLeft', 'browDownRight'] as const) {
    const peak = Math.max(...ch.get(c)!);
    assert.ok(peak < 0.1, `${c}: pitch-only frown left at ${peak.toFixed(3)}`);
  }
});

test('a real frown at the usual pitch is kept whole, and a driver whose frowns do not grow keeps all', () => {
  // frowns at frames 20-30 and 70-75, wherever the head is; the fit reads no frown elsewhere
  const frownAt = (i: number) => ((i >= 20 && i < 30) || (i >= 70 && i < 76) ? 0.8 : 0);
  const ch = channels(frownAt);
  const before = Float64Array.from(ch.get('browDownLeft')!);
  distrustPitchedFrowns(ch, pitch, all);
  const level = all.filter((i) => Math.abs(pitch[i]! + 3) <= LEVEL_PITCH && frownAt(i) > 0);
  assert.ok(level.length > 0, 'some frown frames are at the usual pitch');
  for (const i of level) assert.equal(ch.get('browDownLeft')![i], before[i], `frame ${i} at the usual pitch kept`);
  // these frowns do not grow with the pitch: fewer of them fall on lowered frames than on level ones
  const g = fitFrownGrowth(Float64Array.from(pitch, (p) => p + 3), before);
  assert.ok(frownTrust(g, -8) > 0.8, `trust at 8 deg down ${frownTrust(g, -8).toFixed(2)}`);
});

test('frownTrust is 1 within the level band and for heads raised, below 1 beyond it when frowns grow', () => {
  const g = { level: 0.05, perDegree: 0.1 };
  assert.equal(frownTrust(g, -LEVEL_PITCH), 1);
  assert.equal(frownTrust(g, 10), 1, 'a raised head is not distrusted');
  assert.ok(Math.abs(frownTrust(g, -LEVEL_PITCH - 4) - 0.05 / 0.45) < 1e-12);
});
