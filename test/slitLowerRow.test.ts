// s53 (smallrow53, issue #13): a lower row the driver shows is drawn in a small parting (lp_s0 <- reagan f53: a black slit where
// he shows a pale lower row), thin under a dark line; without a reading, or one under the shown ramp, the parting's rule as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SLIT_ROW_SHARE, slitLowerRowSetting, slitLowerShow, slitRowDrop } from '../src/render/mouth/slitLowerRow.ts';
import { teethShown } from '../src/render/mouth/teethRowLight.ts';
import { shownGap } from '../src/render/mouth/lipSurface.ts';
import { frameLightByDriverRow } from './frameLightByDriverRow.ts';

test('a slit shows the lower row the driver shows, not one it hides or an unread one', () => {
  const gap = 0.049, ts = teethShown(gap, 0);
  assert.ok(ts < 0.1, `the parting's rule hides the rows at reagan f53's gap: ${ts.toFixed(3)}`);
  assert.ok(slitLowerShow(ts, gap, 0, 1, 0.023) > 0.9, `shown row ${slitLowerShow(ts, gap, 0, 1, 0.023).toFixed(2)}`);
  for (const reading of [undefined, 0, 0.006]) assert.equal(slitLowerShow(ts, gap, 0, 1, reading), ts, `reading ${reading}`);
  // (not in an O whose lips hide the rows, nor in a shut mouth)
  assert.equal(slitLowerShow(0, gap, 0, 0, 0.023), 0);
  assert.equal(slitLowerShow(0, 0.005, 0, 1, 0.05), 0);
  // (an open mouth's row as before)
  assert.equal(slitLowerShow(1, 0.2, 0, 1, 0.05), 1);
  slitLowerRowSetting.on = false;
  try { assert.equal(slitLowerShow(ts, gap, 0, 1, 0.023), ts); } finally { slitLowerRowSetting.on = true; }
});

test('a row shown in a slit alone stands a share of the slit, under a dark line; an opening\'s row is not moved', () => {
  const gap = 0.049, unit = 100, ts = teethShown(gap, 0), lrs = slitLowerShow(ts, gap, 0, 1, 0.023);
  const seen = shownGap(gap, 0), standing = 0.055 * unit;
  const after = standing - slitRowDrop(standing, gap, 0, unit, ts, lrs);
  // its tips over the lower lip's band by at most about SLIT_ROW_SHARE of the slit (not filling it)
  assert.ok(after - (gap - seen) * unit < (SLIT_ROW_SHARE + 0.05) * seen * unit, `tips ${after.toFixed(2)} px in a slit of ${(seen * unit).toFixed(2)} px`);
  assert.ok(after > (gap - seen) * 0.5 * unit, 'still over the lower lip');
  assert.equal(slitRowDrop(standing, 0.2, 0, unit, 1, 1), 0);
  assert.equal(slitRowDrop(standing, gap, 0, unit, ts, ts), 0);
});

test('the frame fades the lower row in by its own parting where the driver reads it', () => {
  const { audio, hidden, shown } = frameLightByDriverRow(0.049, 0.03);
  assert.equal(audio.lowerRowShow, audio.teethShow);
  assert.equal(hidden.lowerRowShow, hidden.teethShow);
  assert.ok(shown.lowerRowShow > 0.9 && shown.teethShow < 0.1, `shown ${shown.lowerRowShow.toFixed(2)} teeth ${shown.teethShow.toFixed(2)}`);
});
