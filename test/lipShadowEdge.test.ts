// The lips' shade edges round a small opening (lipShadowEdge.ts, smallgap31): pure rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edgeFall, edgeWidths, lipEdgeShare, lipShadowEdgeOver, shadeToward, liftToward, underRowLift, type EdgeLight } from '../src/render/mouth/lipShadowEdge.ts';
import { tissueHueInto } from '../src/render/mouth/tissueHue.ts';

const luma = (c: ArrayLike<number>) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
const light = (o: Partial<EdgeLight> = {}): EdgeLight => ({ cornerLining: [60, 34, 30], bodyShow: 1, round: 0, teethShow: 1, teethDepth: Infinity, underFloorK: 0, ...o });

test('lipEdgeShare: a small opening takes the edges, a slit, a wide opening, an O and a photo\'s own teeth do not', () => {
  assert.equal(lipEdgeShare(0.12, 0, false), 1);
  assert.equal(lipEdgeShare(0.03, 0, false), 0);
  assert.equal(lipEdgeShare(0.35, 0, false), 0);
  assert.equal(lipEdgeShare(0.12, 1, false), 0);
  assert.equal(lipEdgeShare(0.12, 0, true), 0);
  assert.ok(lipEdgeShare(0.25, 0, false) > 0 && lipEdgeShare(0.25, 0, false) < 1);
});

test('edgeFall and edgeWidths: soft from the line, within a share of the opening and of a driver-cut row', () => {
  assert.equal(edgeFall(0, 4), 1);
  assert.equal(edgeFall(4, 4), 0);
  assert.ok(edgeFall(1, 4) > edgeFall(2, 4));
  assert.equal(edgeFall(0, 0), 0);
  const wide = edgeWidths(100, 40, Infinity), thin = edgeWidths(100, 6, Infinity), cut = edgeWidths(100, 40, 0.2);
  assert.ok(wide.upper > thin.upper && thin.upper <= 0.4 * 6 + 1e-9);
  assert.ok(cut.upper <= 0.35 * 0.2 * 40 + 1e-9 && cut.lower === wide.lower);
});

test('shadeToward / liftToward: each moves only from its side of the target, a black cavity keeps its dark under shadeToward', () => {
  const bright = new Float64Array([200, 190, 170]), dark = new Float64Array([20, 10, 10]);
  shadeToward(bright, [90, 60, 50], 0.8);
  assert.ok(luma(bright) < 190 && luma(bright) > 60, `shaded ${bright}`);
  shadeToward(dark, [90, 60, 50], 0.8);
  assert.deepEqual([...dark], [20, 10, 10]);
  liftToward(dark, [90, 60, 50], 0.8);
  assert.ok(luma(dark) > 13, `lifted ${dark}`);
  const b2 = new Float64Array([200, 190, 170]);
  liftToward(b2, [90, 60, 50], 0.8);
  assert.deepEqual([...b2], [200, 190, 170]);
});

test('lipShadowEdgeOver: teeth right under the upper lip go into its shade, not further down; speech\'s edge (no body) stays lit', () => {
  const at = (below: number, o: Partial<EdgeLight> = {}) => {
    const out = new Float64Array([220, 210, 190]);
    lipShadowEdgeOver({ lateral: 0, cy: 100 + below, top: 100, bottom: 112 }, 100, 1, light(o), out);
    return luma(out);
  };
  assert.ok(at(0.5) < 0.8 * at(4.5), `at the line ${at(0.5).toFixed(0)} under ${at(4.5).toFixed(0)}`);
  assert.ok(at(6) > 205, `middle ${at(6).toFixed(0)}`);
  assert.ok(at(0.5, { bodyShow: 0 }) > 205, `speech edge ${at(0.5, { bodyShow: 0 }).toFixed(0)}`);
});

test('underRowLift: the dark under a cut row ends at the lower lip\'s wet edge and stays under the tips', () => {
  assert.equal(underRowLift(0, 4), 1);
  assert.equal(underRowLift(4.4, 4), 0);
  assert.ok(underRowLift(2, 4) > underRowLift(3.5, 4) && underRowLift(3.5, 4) > 0);
  assert.equal(underRowLift(1, 0), 0);
});

test('tissueHueInto: an orange-brown lip colour goes red-purple, its luma kept', () => {
  const c: [number, number, number] = [120, 70, 40], l0 = luma(c);
  tissueHueInto(c);
  assert.ok(Math.abs(luma(c) - l0) < 1e-6);
  assert.ok(c[2] > 0.7 * c[1] && c[2] > 40 && c[0] > c[1], `${c.map((v) => v.toFixed(0))}`);
});
