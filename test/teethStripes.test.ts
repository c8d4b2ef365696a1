// Teeth, not a striped bar (session 22, teeth22: Katie's open mouth a grey-white bar ruled by
// regular vertical lines beside her real teeth, which are separate rounded crowns whose lines show
// as dark V's between the tips, not as full-height stripes). The relief's line over a tooth's body
// is faint; the V at the tips stays dark; the tips' corners are rounded into the cavity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withToothRelief, UPPER_TEETH_WIDTHS } from '../src/render/mouth/toothRelief.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const OUT_PER_IOD = 110;

/** An even slab of teeth colour, its anchor in the middle of its top, tips at the bottom. */
function slab(widthIod: number, heightIod: number): ReadyLayer {
  const W = Math.round(widthIod * OUT_PER_IOD), H = Math.round(heightIod * OUT_PER_IOD);
  const data = new Float32Array(W * H * 4);
  for (let k = 0; k < W * H; k++) data.set([230, 222, 208, 1], k * 4);
  return { width: W, height: H, anchorX: W / 2, anchorY: 0, data };
}

const lumAt = (l: ReadyLayer, x: number, y: number) => {
  const o = (y * l.width + x) * 4;
  return 0.3 * l.data[o]! + 0.59 * l.data[o + 1]! + 0.11 * l.data[o + 2]!;
};

/** How much darker the line at `boundaryIod` is than the middle of the central incisor, on row `y`. */
function lineDip(l: ReadyLayer, y: number, boundaryIod: number): number {
  const col = (xIod: number) => Math.round(l.anchorX + xIod * OUT_PER_IOD);
  const b = col(boundaryIod);
  let low = Infinity;
  for (let x = b - 3; x <= b + 3; x++) low = Math.min(low, lumAt(l, x, y));
  return 1 - low / lumAt(l, col(UPPER_TEETH_WIDTHS[0]! / 2), y);
}

test('a tooth body carries a faint line between neighbours; the tips keep a dark V', () => {
  const out = withToothRelief(slab(1, 0.15), OUT_PER_IOD, 1, 0.4);
  const tipRow = out.height - 1;
  const body = tipRow - Math.round(0.06 * OUT_PER_IOD), nearTip = tipRow - Math.round(0.008 * OUT_PER_IOD);
  const central = UPPER_TEETH_WIDTHS[0]!;
  // (before: the central/lateral line dipped 0.18 over the whole crown, 0.06 IOD from the tip: a regular stripe; now 0.14)
  const bodyDip = lineDip(out, body, central);
  assert.ok(bodyDip < 0.16, `the central/lateral line over the body is faint: dip ${bodyDip.toFixed(3)}`);
  assert.ok(bodyDip > 0.05, `... but there: dip ${bodyDip.toFixed(3)}`);
  const midBody = lineDip(out, body, 0), midTip = lineDip(out, nearTip, 0);
  assert.ok(midTip > midBody + 0.2, `the midline opens into a dark V at the tips: body ${midBody.toFixed(3)}, tips ${midTip.toFixed(3)}`);
});

test("the upper centrals' tips are rounded at their corners: the cavity shows between them", () => {
  const out = withToothRelief(slab(1, 0.15), OUT_PER_IOD, 1, 0.4);
  const tipRow = out.height - 1, mid = Math.round(out.anchorX);
  // the cover missing at the tip row over the 4 columns at the midline (before 1.7 of 4 columns, now 2.4)
  let missing = 0;
  for (let x = mid - 2; x <= mid + 1; x++) missing += 1 - out.data[(tipRow * out.width + x) * 4 + 3]!;
  assert.ok(missing > 2.1, `the centrals' inner tip corners are cut back: ${missing.toFixed(2)} of 4 columns missing`);
  const centre = out.data[(tipRow * out.width + Math.round(out.anchorX + 0.5 * UPPER_TEETH_WIDTHS[0]! * OUT_PER_IOD)) * 4 + 3]!;
  assert.ok(centre > 0.9, `the central's tip middle reaches the edge (${centre.toFixed(2)})`);
});
