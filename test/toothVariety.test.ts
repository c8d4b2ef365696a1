// teeth33 (issue #13, critic32's "regular picket of even, equally lit teeth"): on an even slab the relief's
// teeth differ from their neighbours: some lines between teeth dark cracks, others faint; the teeth not all
// equally lit nor equally wide. mt_sun's real row (bench/rowStructure.ts, sd over mean): gap depths .48,
// tooth peaks .088, widths .31; mt_man's library row before: .22, .055, .19.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withToothRelief, toothBoundaries, UPPER_TEETH_WIDTHS } from '../src/render/mouth/toothRelief.ts';
import { sideWidths, toothLight, unevenSeen } from '../src/render/mouth/toothVariety.ts';
import { OUT_PER_IOD, slab } from './evenSlab.ts';

const spread = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length) / m;
};

test('the relief draws uneven lines and unevenly lit teeth on an even slab', () => {
  const s = slab(0.8, 0.15), out = withToothRelief(s, OUT_PER_IOD, 1, 0.4);
  // across the body, away from the tips
  const y = s.height - 1 - Math.round(0.06 * OUT_PER_IOD);
  const lum = (x: number) => { const o = (y * out.width + x) * 4; return 0.3 * out.data[o]! + 0.59 * out.data[o + 1]! + 0.11 * out.data[o + 2]!; };
  const col = (xIod: number) => Math.round(out.anchorX + xIod * OUT_PER_IOD);
  const depths: number[] = [], peaks: number[] = [];
  for (const left of [true, false]) {
    const b = toothBoundaries(sideWidths(UPPER_TEETH_WIDTHS, left)).slice(1, 5), sign = left ? -1 : 1, asym = left ? 1.04 : 0.96;
    for (let k = 0; k < b.length; k++) {
      const c = col(sign * b[k]! * asym);
      const low = Math.min(...[-2, -1, 0, 1, 2].map((d) => lum(c + d)));
      const centre = lum(col(sign * (b[k]! - (k ? b[k]! - b[k - 1]! : b[0]!) / 2) * asym));
      depths.push(1 - low / centre);
      peaks.push(centre);
    }
  }
  // (main 20c4064: the lines' depth spread .12 of their mean, the tooth centres' light .022; teeth33 .38, .041)
  assert.ok(spread(depths) > 0.3, `gap depths spread ${spread(depths).toFixed(3)}: ${depths.map((v) => v.toFixed(3))}`);
  assert.ok(spread(peaks) > 0.03, `tooth light spread ${spread(peaks).toFixed(3)}`);
});

test('the unevenness keeps every line and tooth within bounds', () => {
  for (const s of [0.75, 0.8, 1, 1.1, 1.25]) assert.ok(unevenSeen(s) >= 0.6 && unevenSeen(s) <= 1.7);
  assert.equal(unevenSeen(1), 1);
  for (const left of [true, false]) {
    const w = sideWidths(UPPER_TEETH_WIDTHS, left);
    assert.equal(w[0], UPPER_TEETH_WIDTHS[0], 'the centrals as drawn: the midline stays');
    for (let i = 0; i < 6; i++) assert.ok(Math.abs(w[i]! / UPPER_TEETH_WIDTHS[i]! - 1) <= 0.1 + 1e-9 && Math.abs(toothLight(i, left) - 1) <= 0.05 + 1e-9);
  }
});
