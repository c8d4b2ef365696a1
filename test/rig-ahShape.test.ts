// The open mouth's shape (issue #13): real loud frames taper to pointed corners (the gap across the
// inner lips at 0.5 / 0.7 / 0.85 of the half width is 0.78-0.81 / 0.56-0.60 / 0.31-0.36 of the
// middle's) and widen a little; the rig's jawOpen gave a rounded box (0.91 / 0.79 / 0.65) and drew
// the corners in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBasis } from '../src/rig/basis.ts';
import { meanFace } from '../src/rig/fit.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { lipJawShares } from '../src/rig/jaw.ts';

const basis = buildBasis(meanFace());
const at = (i: number, axis: number) => basis[(CONTROL_INDEX.jawOpen * LANDMARK_COUNT + i) * 3 + axis]!;
/** Inner-lip columns (upper, lower) at about 0.7 and 0.85 of the inner half width, both sides (bench/tentRead.ts). */
const COL_70: [number, number][] = [[80, 88], [310, 318]], COL_85: [number, number][] = [[191, 95], [415, 324]];
const opening = (cols: [number, number][]) => cols.reduce((s, [u, l]) => s + at(l, 1) - at(u, 1), 0) / cols.length;

test('jawOpen: the opening tapers to the corners (a lens, not a rounded box)', () => {
  const middle = at(14, 1) - at(13, 1);
  assert.ok(middle > 0.3, `the lips part in the middle (${middle.toFixed(3)})`);
  const p70 = opening(COL_70) / middle, p85 = opening(COL_85) / middle;
  assert.ok(p70 < 0.7, `gap at 0.7 of the half width ${p70.toFixed(2)} of the middle's (real 0.56-0.60)`);
  assert.ok(p85 < 0.5, `gap at 0.85 of the half width ${p85.toFixed(2)} of the middle's (real 0.31-0.36)`);
  assert.ok(p85 > 0.15, `but the opening still reaches toward the corners (${p85.toFixed(2)})`);
});

test('jawOpen: the corners do not come in', () => {
  const widening = at(291, 0) - at(61, 0);
  assert.ok(widening >= 0, `corner width change per unit jawOpen ${widening.toFixed(4)}`);
});

test('lipJawShares: the lips meet at the corners, and the lower lip falls monotonically toward them', () => {
  const c = lipJawShares(1), m = lipJawShares(0);
  assert.ok(Math.abs(c.upper - c.lower) < 1e-9 && m.lower === 1 && m.upper === 0);
  for (let r = 0; r < 1; r += 0.05) assert.ok(lipJawShares(r + 0.05).lower <= lipJawShares(r).lower + 1e-12, `r ${r.toFixed(2)}`);
});
