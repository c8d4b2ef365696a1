// row39 (issue #13, the lead's look at lp_s2 + imagine.wav): a textured picture's library row (rowLook.ts
// TEXTURED_RELIEF) drew its speech row as evenly spaced blocks between dark slots, a picket fence: every
// tooth rounded alike into its neighbours. Real rows at speech openings (bench/rowStructure.ts, mt_sun, lp_d10,
// lp_d6) dip .07-.10 of the centre's luma between teeth, the dips uneven (sd/mean of their depths .42-.54).
// Now each side of a tooth is as rounded as its boundary's line is dark (toothVariety.ts sideRounding).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withToothRelief, toothBoundaries, UPPER_TEETH_WIDTHS } from '../src/render/mouth/toothRelief.ts';
import { TEXTURED_RELIEF } from '../src/render/mouth/rowLook.ts';
import { sideRounding, sideWidths, unevenSeen } from '../src/render/mouth/toothVariety.ts';
import { OUT_PER_IOD, slab } from './evenSlab.ts';

const spread = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length) / m;
};

test("a textured picture's row: lines of uneven depth between the front teeth, every front line kept", () => {
  const s = slab(0.8, 0.15), out = withToothRelief(s, OUT_PER_IOD, 1, 0.6, 0.5, undefined, TEXTURED_RELIEF);
  const y = s.height - 1 - Math.round(0.03 * OUT_PER_IOD);
  const lum = (x: number) => { const o = (y * out.width + x) * 4; return 0.3 * out.data[o]! + 0.59 * out.data[o + 1]! + 0.11 * out.data[o + 2]!; };
  const prof = Array.from({ length: out.width }, (_, x) => lum(x)), peak = Math.max(...prof);
  const depths: number[] = [];
  for (const left of [true, false]) {
    const b = toothBoundaries(sideWidths(UPPER_TEETH_WIDTHS, left)).slice(0, 4), sign = left ? -1 : 1, asym = left ? 1.04 : 0.96;
    for (const bx of b) {
      const c = Math.round(out.anchorX + sign * bx * asym * OUT_PER_IOD);
      depths.push(1 - Math.min(...[-2, -1, 0, 1, 2].map((d) => lum(c + d))) / peak);
    }
  }
  // (main 85f9dff: the lines' depths .37-.48, spread .10; row39 .26-.63, spread .32)
  assert.ok(spread(depths) > 0.25, `line depths spread ${spread(depths).toFixed(3)}: ${depths.map((d) => d.toFixed(2))}`);
  // (a dark line between each pair of front teeth stays: test/mouthTeeth)
  for (const d of depths) assert.ok(d > 0.1, `a front line ${d.toFixed(2)} deep`);
});

test('a side is as rounded as its line is dark, within bounds', () => {
  assert.equal(sideRounding(unevenSeen(1)), 1);
  assert.ok(sideRounding(0.6) < 0.65 && sideRounding(0.6) >= 0.6 && sideRounding(1.2) > sideRounding(1));
  assert.ok(sideRounding(unevenSeen(1.25)) <= 1.5);
});
