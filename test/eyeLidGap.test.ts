// The blink read-back's two eye measures on synthetic lids (no model): the pair measure
// (eyeOpenings) and the lid gap that ignores points sliding along the lids (eyeLidGaps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eyeLidGaps, eyeOpenings } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';

/** Landmarks with both eyes' lids on arcs: width 100 px, upper/lower arc heights, upper points shifted along by `slide` px. */
function eyes(upperH: number, lowerH: number, slide: number): number[][] {
  const lm: number[][] = Array.from({ length: 478 }, () => [0, 0]);
  for (const [up, lo, x0] of [[EYE_L_UPPER, EYE_L_LOWER, 300], [EYE_R_UPPER, EYE_R_LOWER, 100]] as const) {
    for (let q = 0; q < 9; q++) {
      const t = q / 8, arc = Math.sin(Math.PI * t);
      // corners shared; the middle points of the upper lid slid along the line by `slide`
      const s = q === 0 || q === 8 ? 0 : slide;
      lm[up[q]!] = [x0 + 100 * t + s, 200 - upperH * Math.sin(Math.PI * ((100 * t + s) / 100))];
      lm[lo[q]!] = [x0 + 100 * t, 200 + lowerH * arc];
    }
  }
  return lm;
}

test('an open eye reads about the same on both measures', () => {
  const o = eyeOpenings(eyes(20, 12, 0)), g = eyeLidGaps(eyes(20, 12, 0));
  for (const side of ['left', 'right'] as const) {
    assert.ok(o[side] > 0.25 && o[side] < 0.35, `pair measure ${o[side]}`);
    assert.ok(Math.abs(g[side] - o[side]) < 0.06, `lid gap ${g[side]} vs pairs ${o[side]}`);
  }
});

test('a shut eye whose upper points slid along the line: the pairs read it open, the lid gap shut', () => {
  const lm = eyes(0, 0, 10); // both lids on one straight line, the upper points 0.1 eye widths along
  const o = eyeOpenings(lm), g = eyeLidGaps(lm);
  assert.ok(o.left > 0.09, `pair measure reads the slide: ${o.left}`);
  assert.ok(g.left < 0.005 && g.right < 0.005, `lid gap ${g.left} ${g.right}`);
});

test('a half-open eye reads half on the lid gap whatever the slide', () => {
  const open = eyeLidGaps(eyes(20, 12, 0)).left;
  const half = eyeLidGaps(eyes(10, 6, 8)).left;
  assert.ok(half / open > 0.4 && half / open < 0.6, `half / open ${half / open}`);
});
