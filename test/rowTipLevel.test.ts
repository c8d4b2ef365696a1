// The bent upper row's tips no lower at the sides than the centrals' (s44 arc44, #13: lp_s12's bright arc, its
// incisal edge an arch, bench/rowRim.ts tip bend -.022 where real rows read .025-.037). Pure checks of the
// shortening's arithmetic against the sampling it feeds (interior.ts upperRowOver: ly grows by below x (short - 1)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelTipsShortening, TIP_SHORT_MOST } from '../src/render/mouth/rowTipLevel.ts';

/** where a tip at the centrals' library depth lands at a column (px from the middle's lip line), by upperRowOver's sampling */
const tipAt = (reach: number, bend: number, fall: number, short: number) => (reach + bend + fall * (short - 1)) / short;

test('a bent column\'s tips come no lower than the centrals\' (rowBend.ts alone left them lower)', () => {
  const reach = 12;
  for (const [bend, fall] of [[4.5, 5], [6, 6], [2, 3]] as const) {
    const before = 1.1, short = levelTipsShortening(before, bend, fall, reach);
    assert.ok(tipAt(reach, bend, fall, before) > reach + 0.5, `rowBend's shortening alone leaves the tips lower (${bend}, ${fall})`);
    assert.ok(tipAt(reach, bend, fall, short) <= reach + 1e-9, `levelled: ${tipAt(reach, bend, fall, short)} <= ${reach}`);
    assert.ok(short >= before);
  }
});

test('unbent columns, rows without tips under the lip and already short columns are left alone; a lip line past the tips takes the most', () => {
  assert.equal(levelTipsShortening(1.2, 0, 5, 12), 1.2);
  assert.equal(levelTipsShortening(1.2, 3, 5, 0), 1.2);
  assert.equal(levelTipsShortening(3, 1, 2, 12), 3);
  assert.equal(levelTipsShortening(1, 5, 12, 12), TIP_SHORT_MOST);
});
