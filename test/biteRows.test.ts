// A driver biting with its lips parted: our rows meet where its rows do, a line between, not the open mouth's dark and tongue
// (render/mouth/biteRows.ts, frameLight.ts; issue #13, bite54).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { biteLine, biteMoves, biteRowsSetting, darkBetween, rowsMeet, tongueBehindRows } from '../src/render/mouth/biteRows.ts';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { UPPER_TEETH_RAISE } from '../src/render/mouth/teethRows.ts';
import { upperTipsOf } from '../src/render/mouth/roundInside.ts';

test('rowsMeet: the driver\'s rows meet where its upper row hangs down to its lower row; apart, or unread, they do not', () => {
  // (Katie f129 as the motion reads it: the upper row down the whole opening, her lower row .057 IOD over her lip)
  assert.ok(rowsMeet(0.18, 0.977, 0.057, 0.53) > 0.95);
  // (a speech opening: the upper row a third of a .25 IOD opening, the lower row .03 over the lip: .14 IOD of dark between)
  assert.equal(rowsMeet(0.25, 0.33, 0.03, 0.4), 0);
  // (no lower row shown, no readings: an audio motion)
  assert.equal(rowsMeet(0.18, 0.977, 0, 0.53), 0);
  assert.equal(rowsMeet(0.18, undefined, undefined, undefined), 0);
  // (no teeth in the driver's opening)
  assert.equal(rowsMeet(0.18, 0.977, 0.057, 0), 0);
});

test('biteLine: the driver\'s dark middle between the rows, within the setting\'s line', () => {
  const [least, most] = biteRowsSetting.line;
  assert.equal(biteLine(0.18, undefined), least);
  assert.ok(Math.abs(biteLine(0.2, 0.15) - 0.03) < 1e-12);
  assert.equal(biteLine(0.2, 0.9), most);
});

test('tongueBehindRows: the tongue behind the meeting rows unless the driver shows its own', () => {
  assert.equal(tongueBehindRows(1, 0.05), 1);
  assert.equal(tongueBehindRows(1, 0.5), 0);
  assert.equal(tongueBehindRows(0, 0.05), 0);
  assert.ok(tongueBehindRows(1, 0.2) > 0 && tongueBehindRows(1, 0.2) < 1);
});

test('biteMoves: the rows meet the line apart, the lower row up no further than its jaw carries it, the upper row down at most `most`', () => {
  const unit = 100, out = { drop: 0, raise: 0 };
  // (px down from one origin: the upper lip at 0, the lower at 18; the seen parting 3..15; our upper tips at 4, lower tips at 12.5)
  const m = biteMoves(1, 0.012, 4, 12.5, 3, 15, 0.3, 5, 0, 18, 1, unit, out);
  const upper = 4 + m.drop, lower = 12.5 - m.raise;
  assert.ok(m.drop > 0 && m.raise >= 0 && m.raise <= 5);
  assert.ok(Math.abs(lower - upper - 0.012 * unit) < 1e-9, `line ${lower - upper}`);
  // (the meeting line where the driver's lower row takes .3 of the seen parting)
  assert.ok(Math.abs((upper + lower) / 2 - (15 - 0.3 * 12)) < 1e-9);
  // (half a bite, half the moves; none without one)
  const h = biteMoves(0.5, 0.012, 4, 12.5, 3, 15, 0.3, 5, 0, 18, 1, unit, { drop: 0, raise: 0 });
  assert.ok(Math.abs(h.drop - m.drop / 2) < 1e-9 && Math.abs(h.raise - m.raise / 2) < 1e-9);
  assert.deepEqual(biteMoves(0, 0.012, 4, 12.5, 3, 15, 0.3, 5, 0, 18, 1, unit, { drop: 0, raise: 0 }), { drop: 0, raise: 0 });
  // (a tall opening: the upper row no further down than `most`)
  const far = biteMoves(1, 0.012, 4, 60, 3, 70, 0.3, 0, 0, 80, 1, unit, { drop: 0, raise: 0 });
  assert.ok(Math.abs(far.drop - biteRowsSetting.most * unit) < 1e-9 && far.raise === 0);
});

// A library-like frame: the upper row's teeth 7 layer px under its anchor, the lower row's tips 7 over its anchor, the jaw's
// anchor 10 px under the upper's, the lower lip 18 px under the upper row's anchor (a .18 IOD parting at 100 px per IOD).
function layer(anchorY: number, from: number, to: number) {
  const width = 10, height = 24, data = new Float32Array(width * height * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < width; x++) data.set([230, 230, 220, 255], (y * width + x) * 4);
  return { width, height, anchorX: 5, anchorY, data };
}
const upper = layer(5, 0, 12), lower = layer(12, 5, 24);
const layers = { upper, lower, tongue: null, cavity: [20, 20, 24] as [number, number, number], fromPhoto: false };
const place: MouthPlacement = { upperX: 50, upperY: 10, lowerX: 50, lowerY: 20, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.18, photoGap: 0, rebuilt: 1, lowerLipX: 50, lowerLipY: 28 };
const lip = [140, 60, 55], edge = [180, 100, 90];
function lit(reads: Partial<MouthPlacement>): FrameLight {
  const f = new FrameLight();
  f.set({ ...place, ...reads }, layers, 7, null, lip, edge);
  return f;
}
const biting = { driverTeeth: 0.53, driverTeethDepth: 0.977, driverLowerShow: 0.057, driverCavity: 0.14 };

test('FrameLight: a biting driver\'s frame lowers the upper row to meet the lower row, its line the driver\'s dark', () => {
  const f = lit(biting), plain = lit({ ...biting, driverTeethDepth: 0.3 });
  assert.ok(f.bite > 0.95 && f.biteDrop > 0, `bite ${f.bite} drop ${f.biteDrop}`);
  assert.ok(Math.abs(plain.upperLift - f.upperLift - f.biteDrop) < 1e-9);
  // (the rows' tips, px down from the upper row's anchor: the line between them the driver's cavity share of the gap)
  const upperTips = upperTipsOf(upper) - f.upperLift;
  const lowerTips = place.lowerY - place.upperY - 7 + f.lowerDrop + f.jawFollow - f.lowerRaise;
  assert.ok(Math.abs(lowerTips - upperTips - biteLine(0.18, 0.14) * place.unit) < 1e-6, `line ${lowerTips - upperTips}`);
  assert.ok(plain.bite === 0 && plain.biteDrop === 0 && plain.tongueBehind === 0);
  // (its tongue behind the rows, unless the driver's tongue shows)
  assert.equal(f.tongueBehind, 1);
  assert.equal(lit({ ...biting, driverTongue: 0.5 }).tongueBehind, 0);
});

test('FrameLight: an audio frame (no readings) and a photo\'s own lower row keep their rows where they were', () => {
  const audio = lit({});
  assert.equal(audio.bite, 0);
  assert.ok(Math.abs(audio.upperLift - UPPER_TEETH_RAISE * place.unit) < 1e-9);
  const own = new FrameLight();
  own.set({ ...place, ...biting }, { ...layers, fromPhoto: true, lowerFromPhoto: true }, 7, null, lip, edge);
  assert.equal(own.bite, 0);
});

// s58 (grin58): lp_s11 <- styletalk_andrew f91/f111 (the child's photo shows its own upper teeth): the driver's grin filled
// its opening with both rows, ours kept a round dark "O" between the photo's row and a lower crescent
test('FrameLight: a photo\'s own upper row meets the lower row in a biting driver\'s frame too (photoRows)', () => {
  const own = () => { const f = new FrameLight(); f.set({ ...place, ...biting }, { ...layers, fromPhoto: true }, 7, null, lip, edge); return f; };
  const on = own();
  assert.ok(on.bite > 0.95 && on.biteDrop > 0, `bite ${on.bite} drop ${on.biteDrop}`);
  const was = biteRowsSetting.photoRows;
  try { biteRowsSetting.photoRows = false; assert.equal(own().bite, 0); } finally { biteRowsSetting.photoRows = was; }
});

test('rowsMeet: a grin\'s rows filling a wide opening but for a band of .04 IOD meet (meetShare); a speech opening\'s stay apart', () => {
  // (styletalk_andrew f101 as the motion reads it: a .22 IOD opening, the upper row .59 of it, the lower row .052 IOD over the lip)
  const grin = () => rowsMeet(0.222, 0.588, 0.052, 0.471);
  assert.ok(grin() > 0.5, `meet ${grin()}`);
  const was = biteRowsSetting.meetShare;
  try { biteRowsSetting.meetShare = [0, 0]; assert.ok(grin() < 0.2, `meet ${grin()} without meetShare`); } finally { biteRowsSetting.meetShare = was; }
  // (the same opening with its upper row a third down: .12 IOD of dark between, speech)
  assert.equal(rowsMeet(0.222, 0.33, 0.03, 0.4), 0);
  // (an opening of .15 IOD or less: the IOD window alone, as before)
  const small = () => [rowsMeet(0.12, 0.5, 0.03, 0.5), rowsMeet(0.15, 0.6, 0.03, 0.5)];
  const withShare = small();
  try { biteRowsSetting.meetShare = [0, 0]; assert.deepEqual(small(), withShare); } finally { biteRowsSetting.meetShare = was; }
  assert.ok(withShare[0]! > 0 && withShare[0]! < 1);
});

test('rowsMeet: a grin whose opening\'s middle shows no dark meets though its rows under-read (seenDark); a tongue\'s wide opening does not', () => {
  // (styletalk_andrew f124 as the motion reads it: the upper row .571 of a .198 IOD opening, the lower row .038 IOD, no dark in the
  // middle (cavity .002): f123 met, f124 fell to .25 and the child's teeth popped to a dark "O")
  const grin = () => rowsMeet(0.198, 0.571, 0.038, 0.399, 0.002);
  assert.ok(grin() > 0.95, `meet ${grin()}`);
  const was = biteRowsSetting.seenDark;
  try { biteRowsSetting.seenDark = undefined; assert.ok(grin() < 0.4, `meet ${grin()} without seenDark`); } finally { biteRowsSetting.seenDark = was; }
  // (a dark middle keeps the readings: lp_d10's black band, cavity .38; a lit tongue's speech opening, cavity .14)
  assert.equal(darkBetween(0.069, 0.18, 0.14), 0.069);
  assert.equal(darkBetween(0.05, 0.2, 0.38), 0.05);
  // (lp_d6 f100 / f70: a wide opening with a lit tongue and no dark, the rows .11-.14 IOD apart by their readings: unchanged)
  assert.equal(rowsMeet(0.355, 0.396, 0.102, 0.59, 0.018), 0);
  assert.equal(rowsMeet(0.302, 0.299, 0.07, 0.33, 0.011), 0);
  // (no cavity reading: the readings alone)
  assert.equal(darkBetween(0.05, 0.2, undefined), 0.05);
});
