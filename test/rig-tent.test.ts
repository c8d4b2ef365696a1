// The upper lip's raise and the nose base (issue #13's "tented lens"): spread from the lip alone,
// mouthUpperUp lifted the nose base 0.94 of the lip's own rise, and a smile lifted it 2.6 times the
// lip's middle; the philtrum between them never shortened, as a real one does when the lip rises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBasis } from '../src/rig/basis.ts';
import { meanFace } from '../src/rig/fit.ts';
import { CONTROL_INDEX, type RigControl } from '../src/rig/controls.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { NOSE_BASE_SHARE } from '../src/rig/basis/philtrum.ts';

const SUBNASALE = 2, LIP_TOP = 0, MID_PHILTRUM = 164;
const basis = buildBasis(meanFace());
/** A control's dy at a landmark (canonical y is down: a rise is negative). */
const dy = (c: RigControl, i: number) => basis[(CONTROL_INDEX[c] * LANDMARK_COUNT + i) * 3 + 1]!;

test('mouthUpperUp: the lip rises, the nose base takes little of it, the philtrum in between about half', () => {
  const lip = -dy('mouthUpperUp', LIP_TOP), nose = -dy('mouthUpperUp', SUBNASALE), mid = -dy('mouthUpperUp', MID_PHILTRUM);
  assert.ok(lip > 0.05, `the lip's top rises (${lip.toFixed(3)})`);
  assert.ok(nose < 0.2 * lip, `nose base ${nose.toFixed(3)} vs lip ${lip.toFixed(3)}`);
  assert.ok(nose > 0, 'the nose base still follows a little (the skin is one sheet)');
  assert.ok(mid > nose && mid < 0.8 * lip, `mid-philtrum ${mid.toFixed(3)} between nose ${nose.toFixed(3)} and lip ${lip.toFixed(3)}`);
  assert.ok(Math.abs(nose / lip - NOSE_BASE_SHARE) < 0.05, `share ${(nose / lip).toFixed(3)}`);
});

test('a smile leaves the nose base below the upper lip middle\'s own rise', () => {
  for (const c of ['mouthSmileLeft', 'mouthSmileRight'] as const) {
    const lip = -dy(c, LIP_TOP), nose = -dy(c, SUBNASALE);
    assert.ok(lip > 0, `${c}: the lip's middle rises a little (${lip.toFixed(3)})`);
    assert.ok(nose < lip, `${c}: nose base ${nose.toFixed(3)} vs lip middle ${lip.toFixed(3)}`);
  }
});

test('the nose wings still rise with a smile (only the middle column is held)', () => {
  const wing = -dy('mouthSmileLeft', 327), nose = -dy('mouthSmileLeft', SUBNASALE);
  assert.ok(wing > 2 * nose, `wing ${wing.toFixed(3)} vs nose base ${nose.toFixed(3)}`);
});
