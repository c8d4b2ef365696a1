// s51 (teethdraw51, issue #13): st_full_body_1 + feifei3's upper row with a dark notch beside its centrals, and no lower row.
// The notch: the photo's cut at a slit's parting held under 8 solid pixels, so withoutDark had no bright teeth to judge it by
// and laid it over the library row whole (grey teeth and lip in the shade of a closed smile). The lower row: without a driver's
// reading (audio) the rule kept it under the lip's inner band and at .45 of its light through a speech opening, where real
// speakers show a lit lower row (bench/stackedRows.ts: two rows apart in .43-.98 of the middle columns at gaps .16-.24).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDark } from '../src/render/mouth/photoTeeth.ts';
import { lowerLitShare, lowerRowLight, lowerTeethShow } from '../src/render/mouth/teethRowLight.ts';
import { MIN_SHOWN } from '../src/render/mouth/driverLowerRow.ts';
import { frameLightByDriverRow } from './frameLightByDriverRow.ts';

/** A 40 x 8 slit's cut: 6 solid pixels, the rest of rows 1-6 half covered (a thin arc resampled), all of luma `c`. */
function thinCut(c: number) {
  const W = 40, H = 8, data = new Float32Array(W * H * 4);
  for (let y = 1; y < 7; y++) for (let x = 5; x < 35; x++) {
    const a = y === 1 && x >= 17 && x < 23 ? 1 : 0.5, o = (y * W + x) * 4;
    data[o] = c * a; data[o + 1] = c * a; data[o + 2] = 0.95 * c * a; data[o + 3] = a;
  }
  return { width: W, height: H, anchorX: 20, anchorY: 1, data };
}
const alphaSum = (l: { data: Float32Array }) => { let s = 0; for (let k = 3; k < l.data.length; k += 4) s += l.data[k]!; return s; };

test('a cut too thin to judge by its own teeth is judged by the face\'s teeth light: grey slit pixels go, lit teeth stay', () => {
  const grey = thinCut(110), least = 232 / 1.25;
  assert.ok(alphaSum(withoutDark(grey, least)) < 0.05 * alphaSum(grey), `grey slit kept ${alphaSum(withoutDark(grey, least)).toFixed(2)} of ${alphaSum(grey).toFixed(2)}`);
  // (teeth as lit as the face's are not dropped for being few: some of the solid middle stays after the erosion)
  const lit = thinCut(235);
  assert.ok(alphaSum(withoutDark(lit, least)) > 0, 'lit thin teeth kept');
  // without a light to judge by, as before: the piece whole
  assert.equal(alphaSum(withoutDark(grey)), alphaSum(grey));
});

test('an unread lower row (audio) comes in from a smaller gap than a read one; both hidden at a slit, both full wide open', () => {
  assert.equal(lowerLitShare(0.1, false), 0);
  assert.equal(lowerLitShare(0.1, true), 0);
  assert.equal(lowerLitShare(0.35, false), 1);
  assert.ok(lowerLitShare(0.19, false) > 0.5 && lowerLitShare(0.19, true) < 0.2, `at .19: unread ${lowerLitShare(0.19, false).toFixed(2)} read ${lowerLitShare(0.19, true).toFixed(2)}`);
  // at a speech gap of .2 an unread row's tips clear the lower lip's inner band (MIN_SHOWN), lit at least .75; a read one's rule does not
  assert.ok(lowerTeethShow(0.2, 0, false) >= MIN_SHOWN, `unread show ${lowerTeethShow(0.2, 0, false).toFixed(3)}`);
  assert.ok(lowerTeethShow(0.2, 0, true) < MIN_SHOWN);
  assert.ok(lowerRowLight(0.2, 0, false) >= 0.75 && lowerRowLight(0.2, 0, true) < 0.6);
});

test('the frame takes the unread rule only where no driver\'s lower row is read', () => {
  const { audio, hidden, shown } = frameLightByDriverRow(0.2, 0.05);
  assert.ok(audio.lowerLight >= 0.7, `audio ${audio.lowerLight.toFixed(2)}`);
  // (a driver that shows no lower teeth keeps the read rule's shade, one that shows them its full light: driverLowerRow.ts)
  assert.ok(hidden.lowerLight < 0.6, `driver hides ${hidden.lowerLight.toFixed(2)}`);
  assert.equal(shown.lowerLight, 1);
});
