// s55 lowread55: a lower row shown over part of the middle columns (lowerTeeth.ts partRowSetting, columnsReading).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsReading, partRowSetting } from '../src/motion/lowerTeeth.ts';

// reagan_6 f64's columns: 6 of 14 side by side read his faint row, the median 0
const reagan = [0, 0, 0, 0, 0, 0, 0, 0.14, 0.2, 0.2, 0.21, 0.14, 0.07, 0];

test('a patch of neighbouring columns reads its share of the middle where the median is 0', () => {
  const v = columnsReading(reagan);
  // (the patch's median run .17, by its 6 columns over the 7 the median needs)
  assert.ok(Math.abs(v - 0.17 * 6 / 7) < 1e-9, `${v}`);
  assert.equal(columnsReading(reagan, reagan, { ...partRowSetting, on: false }), 0, 'off: the median');
  // a median already read is kept
  const most = [0.3, 0.3, 0.3, 0, 0.3, 0.2];
  assert.equal(columnsReading(most), 0.3);
});

test('scattered columns, a tall upper row on the lip, a blur line, or runs over the lip band read nothing', () => {
  // the same reads, not side by side
  assert.equal(columnsReading([0, 0.14, 0, 0.2, 0, 0.2, 0, 0.21, 0, 0.14, 0, 0.07, 0, 0]), 0);
  // lp_d6 f287: teeth filling the column from the lower lip over part of the middle
  assert.equal(columnsReading([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.74, 0.74, 0.74, 0.74, 0.74, 0.68, 0.68, 0.63, 0.63, 0, 0, 0, 0, 0]), 0);
  // Katie f198: 1-px reads under a dark band
  const blur = [...new Array(20).fill(0), 0.07, 0.07, 0.07, 0.07, 0.04, 0.04, 0.04, 0.04, 0.07, 0.07, 0.07, 0.07, 0.15];
  assert.equal(columnsReading(blur), 0);
  // lp_d6 f148: a tongue's glint read over the lip band in most of the patch (standing: those columns 0)
  const band = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.06, 0.06, 0.11, 0.11, 0.14, 0.14, 0.15, 0.06];
  const standing = band.map((v, i) => (i < 16 ? 0 : v));
  assert.ok(columnsReading(band) > 0, 'the band reads alone would count');
  assert.equal(columnsReading(band, standing), 0);
});
