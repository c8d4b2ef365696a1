// The rounded mouth's basis (rig/basis/mouth.ts): a pucker narrows the mouth and rounds its outline
// (real face, lp_s42).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { CONTROL_INDEX, CONTROL_COUNT, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { canonicalize, deform } from '../src/rig/fit.ts';
import { PUCKER_NARROWING, puckerBunching } from '../src/rig/basis/mouth.ts';
import { LIPS_OUTER_UPPER, LIPS_OUTER_LOWER } from '../src/rig/topology.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;

async function face(): Promise<{ neutral: Float64Array; basis: Float32Array }> {
  const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  return { neutral, basis: buildBasis(neutral) };
}

function shaped(neutral: Float64Array, basis: Float32Array, weights: Partial<Record<RigControl, number>>): Float64Array {
  const w = new Float64Array(CONTROL_COUNT);
  for (const [c, v] of Object.entries(weights)) w[CONTROL_INDEX[c as RigControl]] = v;
  return deform(neutral, basis, w);
}

/** The outer lip outline's area over (corner-to-corner width x the height at the middle): 2/3 for a lens, more when rounder. */
function fullness(s: Float64Array): number {
  const ring = [...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER.slice(1, -1).reverse()];
  let area = 0;
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k]!, b = ring[(k + 1) % ring.length]!;
    area += s[a * 3]! * s[b * 3 + 1]! - s[b * 3]! * s[a * 3 + 1]!;
  }
  const width = Math.hypot(s[291 * 3]! - s[61 * 3]!, s[291 * 3 + 1]! - s[61 * 3 + 1]!);
  const height = s[17 * 3 + 1]! - s[0 * 3 + 1]!;
  return Math.abs(area) / 2 / (width * height);
}

test('puckerBunching: none at the middle and at the corner, most two thirds out', () => {
  assert.equal(puckerBunching(0), 0);
  assert.ok(Math.abs(puckerBunching(1)) < 1e-12);
  assert.ok(puckerBunching(0.7) > puckerBunching(0.3) && puckerBunching(0.7) > puckerBunching(0.95));
  assert.equal(puckerBunching(-0.7), puckerBunching(0.7));
});

test('a full pucker narrows the mouth by PUCKER_NARROWING and rounds its outline (real face)', async () => {
  const { neutral, basis } = await face();
  const width = (s: Float64Array) => Math.abs(s[291 * 3]! - s[61 * 3]!);
  const puckered = shaped(neutral, basis, { mouthPucker: 1 });
  const ratio = width(puckered) / width(neutral);
  assert.ok(Math.abs(ratio - (1 - PUCKER_NARROWING)) < 0.02, `width ratio ${ratio.toFixed(3)}`);
  // a narrowing alone keeps the lens's fullness; the bunched lips fill the outline toward the sides
  const rest = fullness(neutral), round = fullness(puckered);
  assert.ok(round > rest + 0.03, `fullness ${rest.toFixed(3)} -> ${round.toFixed(3)}`);
  // the lips stay closed: the inner contours do not part
  const gap = (s: Float64Array) => s[14 * 3 + 1]! - s[13 * 3 + 1]!;
  assert.ok(Math.abs(gap(puckered) - gap(neutral)) < 0.01, `gap ${gap(neutral).toFixed(3)} -> ${gap(puckered).toFixed(3)}`);
});
