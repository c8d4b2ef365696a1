// The opening's outline hardness (s42, mouthshape42; critic41: lp_s7 <- lp_d10 f57 / f91, "a hard hexagon / trapezoid").
// s42 measured it (bench/openingOutline.ts, src/eval/outlineTurn.ts); the curve and corner-closing it tried were mixed on
// held-out faces and stay on the branch mouthshape42 (docs/mouth/README.md s42). This pins the measure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cornerAngles, outlineTurn } from '../src/eval/outlineTurn.ts';

/** A hexagon's upper half (corner, two shoulders, corner) over 100 px, and the same span as a half ellipse. */
const hexX = [0, 25, 75, 100], hexY = [50, 20, 20, 50];
const ellipse = (n: number) => {
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k <= n; k++) { const t = Math.PI * (1 - k / n); xs.push(50 + 50 * Math.cos(t)); ys.push(50 - 30 * Math.sin(t)); }
  return { xs, ys };
};

test('outlineTurn: a hexagon turns all at its shoulders, a smooth ellipse a little over every stretch', () => {
  const unit = 200; // .03 IOD = 6 px
  const hex = outlineTurn(hexX, hexY, unit), e = ellipse(200), ell = outlineTurn(e.xs, e.ys, unit);
  assert.ok(hex > 45 && hex < 60, `hexagon shoulder ${hex}`); // a 50 degree turn at a vertex
  assert.ok(ell < 20 && ell < 0.4 * hex, `ellipse ${ell}`);
  // corners: the hexagon's upper half meets its mirror at 2 x 50 degrees
  const [l, r] = cornerAngles(hexX, hexY, hexX, hexY.map((y) => 100 - y), unit);
  assert.ok(Math.abs(l - 100) < 2 && Math.abs(r - 100) < 2, `corners ${l} ${r}`);
});
