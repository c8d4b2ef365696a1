// Round 13: the teeth rows' tips as one light edge (no comb of black spikes: lp_s1, lp_s42 <- lp_d6),
// the teeth carried behind the lip without dark columns (no barcode), and a rounded opening ("O")
// with its teeth in the shadow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evenTips } from '../src/render/mouth/teethTips.ts';
import { mainRow, teethUnderLip } from '../src/render/mouth/teethRows.ts';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { roundness } from '../src/render/mouth/roundMouth.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const W = 60, H = 30, PPI = 100;
const at = (l: ReadyLayer, x: number, y: number) => (y * l.width + x) * 4;
const alpha = (l: ReadyLayer, x: number, y: number) => l.data[at(l, x, y) + 3]!;
/** straight luminance */
const lum = (l: ReadyLayer, x: number, y: number) => { const o = at(l, x, y), a = Math.max(1e-6, l.data[o + 3]!); return (0.3 * l.data[o]! + 0.59 * l.data[o + 1]! + 0.11 * l.data[o + 2]!) / a; };

/**
 * An upper row: teeth (straight 200) on rows 5..19, each tooth 10 px wide; between the teeth a V
 * notch 2 px wide and 5 px tall is transparent, and the last row of every tooth (its tip's rim) is
 * dark (60: the source's cavity behind a half-covered pixel), alpha 0.6.
 */
function combRow(): ReadyLayer {
  const data = new Float32Array(W * H * 4);
  for (let y = 5; y < 20; y++) for (let x = 0; x < W; x++) {
    const inTooth = x % 10, notchDepth = inTooth === 0 || inTooth === 9 ? 5 : 0;
    if (y >= 20 - notchDepth) continue;
    const rim = y === 19, a = rim ? 0.6 : 1, c = rim ? 60 : 200, o = (y * W + x) * 4;
    data[o] = c * a; data[o + 1] = c * a; data[o + 2] = 0.9 * c * a; data[o + 3] = a;
  }
  return { width: W, height: H, anchorX: W / 2, anchorY: 5, data };
}

test('evenTips: the notches between tips are covered and nothing at the tips stays cavity-dark', () => {
  const before = combRow(), after = evenTips(before, PPI, 1);
  // the notch between teeth 1 and 2 (columns 19, 20), rows 15..18: transparent before
  for (let y = 15; y < 19; y++) {
    assert.equal(alpha(before, 20, y), 0);
    assert.ok(alpha(after, 20, y) >= 0.9, `notch row ${y}: alpha ${alpha(after, 20, y).toFixed(2)}`);
    // a small dark gap between teeth, not black, not as bright as the teeth
    const l = lum(after, 20, y);
    assert.ok(l > 0.7 * 200 && l < 200, `notch row ${y}: luminance ${l.toFixed(0)}`);
  }
  // the rim: 60 before, at least 0.8 of the teeth's after
  assert.ok(lum(before, 14, 19) < 70);
  assert.ok(lum(after, 14, 19) >= 0.78 * 200, `rim ${lum(after, 14, 19).toFixed(0)}`);
  // the teeth themselves and the cavity under the row untouched
  assert.equal(lum(after, 14, 10), lum(before, 14, 10));
  assert.equal(alpha(after, 14, 22), 0);
});

test('evenTips works for a lower row (tips up) the same way', () => {
  const up = combRow();
  // flipped upside down: tips at the top
  const data = new Float32Array(up.data.length);
  for (let y = 0; y < H; y++) data.set(up.data.subarray(y * W * 4, (y + 1) * W * 4), (H - 1 - y) * W * 4);
  const flipped: ReadyLayer = { ...up, data }, after = evenTips(flipped, PPI, -1);
  for (let y = 11; y < 15; y++) assert.ok(alpha(after, 20, y) >= 0.9, `row ${y}`);
});

test('teethUnderLip: no dark column where a tooth start is missing (no barcode)', () => {
  // teeth from row 10 down, the source's dark band behind the lip above; columns 28..31 have no
  // tooth start of their own (a dark gap between teeth, 60 < the 0.7 threshold)
  const data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, gapCol = x >= 28 && x < 32, c = y < 10 ? 90 : gapCol ? 60 : 200;
    data[o] = c; data[o + 1] = c; data[o + 2] = c; data[o + 3] = 1;
  }
  const l: ReadyLayer = { width: W, height: H, anchorX: W / 2, anchorY: 0, data };
  const out = teethUnderLip(l, PPI, -1);
  // a row behind the lip, just over the teeth: the gap's columns carry the teeth on like the others
  const y = 8, side = lum(out, 20, y);
  for (let x = 28; x < 32; x++) assert.ok(lum(out, x, y) > 0.85 * side, `column ${x}: ${lum(out, x, y).toFixed(0)} vs ${side.toFixed(0)}`);
});

test('mainRow: the row is cut clear of a gap\'s dark edge (no dark line at the mirror seam)', () => {
  // a bright row with a dark gap at columns 44..45, its blurred edge darkening columns 41..43
  const data = new Float32Array(W * H * 4);
  const bright = (x: number) => (x >= 44 && x <= 45 ? 20 : x === 43 ? 90 : x === 42 ? 130 : x === 41 ? 150 : 200);
  for (let y = 5; y < 20; y++) for (let x = 6; x < 54; x++) { const o = (y * W + x) * 4, c = bright(x); data[o] = c; data[o + 1] = c; data[o + 2] = c; data[o + 3] = 1; }
  const out = mainRow({ width: W, height: H, anchorX: 30, anchorY: 5, data }, PPI);
  // past the cut, mirrored columns: none darker than 0.75 of the teeth (near the cut, before the run's fade)
  for (let x = 42; x < 48; x++) assert.ok(lum(out, x, 12) > 0.75 * 200, `column ${x}: ${lum(out, x, 12).toFixed(0)}`);
});

const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.3, photoGap: 0, rebuilt: 1 };
const layers = { upper: combRow(), lower: combRow(), tongue: null, cavity: [20, 10, 12] as [number, number, number], fromPhoto: false };

test('a rounded opening (corners drawn in: pucker, funnel) takes the light off the teeth', () => {
  assert.equal(roundness(PLACE), 0);
  // the frame's pucker and half its funnel say so (lp_d6's O: pucker .69); a tracked open vowel's funnel 0.4 does not
  assert.equal(roundness({ ...PLACE, rounding: 0.69 }), 1);
  assert.equal(roundness({ ...PLACE, rounding: 0.2 }), 0);
  const open = new FrameLight(), round = new FrameLight(), lip = [140, 60, 55], edge = [180, 100, 90];
  open.set({ ...PLACE, gap: 0.4 }, layers, null, null, lip, edge);
  round.set({ ...PLACE, gap: 0.4, rounding: 0.7 }, layers, null, null, lip, edge);
  assert.ok(open.roundShade > 0.99);
  assert.ok(round.roundShade < 0.3, `teeth ${round.roundShade.toFixed(2)}`);
});
