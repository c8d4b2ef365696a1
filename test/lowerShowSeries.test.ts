// s48 toothhole48 (critic47 #3: mt_man <- pcavs681 3-9 s, f105 "a toothless dark hole at 3x"): the driver's lower-row reading
// (lowerTeeth.ts, IOD) read .013 0 .027 .014 .040 0 0 .093 .034 .029 over f101-f110 of the cut, where the driver's lower
// incisors' edge shows in every frame; the series' 3-frame median kept the zeros, and the render hid its lower row at f104-f107.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeLowerHoles, HOLE_GAP, keepSupported, keepSupportedSetting, lowerRowSeries, SUPPORT_MIN } from '../src/motion/lowerShowSeries.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { mouthDarkSeries } from '../src/motion/mouthDark.ts';
import { driverLowerShow, lowerShown } from '../src/render/mouth/driverLowerRow.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { MotionFrame } from '../src/types.ts';

// pcavs681 f101-f110 (bench cache track of the 3-9 s cut): the reading as IOD and the driver's lip gap
const READS = [0.013, 0, 0.027, 0.014, 0.04, 0, 0, 0.093, 0.034, 0.029];
const GAPS = [0.16, 0.2, 0.24, 0.28, 0.31, 0.3, 0.3, 0.24, 0.15, 0.13];

test('a one- or two-frame hole between reads of a shown row is filled to its flanks; a longer one, a slit and shut lips are not', () => {
  const closed = closeLowerHoles(READS, GAPS);
  // f106-f107 (0 0 between .040 and .093) take the lesser flank
  assert.deepEqual(closed.slice(4, 7), [0.04, 0.04, 0.04]);
  // f102 (0 between .013 and .027) its lesser flank too, once a frame before f101 is read (no window past the clip's ends)
  assert.equal(closed[1], 0);
  const padded = closeLowerHoles([0.02, ...READS], [0.15, ...GAPS])[2]!;
  assert.ok(padded >= 0.013 && padded <= 0.027, `f102 ${padded}`);
  // never lowered, rises and falls kept
  closed.forEach((v, i) => assert.ok(v! >= READS[i]!));
  assert.equal(closed[7], 0.093);
  // three frames of none is the driver's row gone, not a misread
  const long = closeLowerHoles([0.04, 0, 0, 0, 0.04], [0.3, 0.3, 0.3, 0.3, 0.3]);
  assert.deepEqual(long, [0.04, 0, 0, 0, 0.04]);
  // a closing slit (under HOLE_GAP) reads no row because none shows in it
  assert.deepEqual(closeLowerHoles([0.04, 0, 0.04], [0.2, HOLE_GAP / 2, 0.2]), [0.04, 0, 0.04]);
  // shut lips between two reads (null) are no hole, and the frame beside them is not filled over them
  assert.deepEqual(closeLowerHoles([0.04, 0, null, 0.04], [0.3, 0.3, 0, 0.3]), [0.04, 0, null, 0.04]);
});

test('pcavs681 f104-f107: the motion\'s lower row shows where it was hidden (fails without the filling)', () => {
  const raw = READS.map((r, i): RawFaceFrame => ({
    m: { lipGap: GAPS[i]! } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 1, 1],
    lowerShow: r / GAPS[i]!,
  }));
  const series = (holes: boolean) => {
    const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
    // (before: the series before s48, without s54's keepSupported too, which keeps f105's .04 by f104's .014 on its own)
    keepSupportedSetting.on = holes;
    try { withDriverMouthReads(frames, raw, holes); } finally { keepSupportedSetting.on = true; }
    return frames.map((f) => f.w.driverLowerShow!);
  };
  const before = series(false), after = series(true);
  // before: f105-f107 (indices 4-6) under half shown; after: all of f104-f107 (3-6) at least 3/4 shown
  assert.ok(before.slice(4, 7).every((v) => lowerShown(v)! < 0.5), `before ${before.map((v) => v.toFixed(3))}`);
  assert.ok(after.slice(3, 7).every((v) => lowerShown(v)! > 0.75), `after ${after.map((v) => v.toFixed(3))}`);
});

test('a row the driver shows stands clear of the lower lip\'s inner band: its tips at least .05 IOD over the lip line, none where it shows none', () => {
  // (pcavs681 f110: gap .15, his lower row white over the lip, read .031; at .035 over the lip line mt_man's tips sat under his
  // lower lip's inner band and drew nothing at 3x; .055 shows a thin edge)
  assert.ok(driverLowerShow(0, 0.031) >= 0.05, `shown ${driverLowerShow(0, 0.031)}`);
  assert.ok(driverLowerShow(0.02, 0.031) >= 0.05);
  assert.ok(driverLowerShow(0.02, 0) < 0, 'a row the driver does not show stays under the lip');
});

// s54 holes54: a row read in two frames running keeps its own reads through the median and the blur (keepSupported);
// pcavs741 f109-f111 (a small tinted face's 1-3 px row edge) read 0 / .038 / .011 IOD and the series left f110 .008, hidden
test('a row read in consecutive frames keeps its reads through the series; a lone read is still dropped (keepSupported)', () => {
  assert.ok(keepSupportedSetting.on);
  const gaps = [0.07, 0.12, 0.13, 0.08, 0.07], reads = [0, 0, 0.038, 0.011, 0];
  const raw = reads.map((r, i): RawFaceFrame => ({
    m: { lipGap: gaps[i]! } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 1, 1], lowerShow: r / gaps[i]!,
  }));
  const series = (on: boolean) => {
    keepSupportedSetting.on = on;
    const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
    try { withDriverMouthReads(frames, raw); } finally { keepSupportedSetting.on = true; }
    return frames.map((f) => f.w.driverLowerShow!);
  };
  const before = series(false), after = series(true);
  assert.ok(lowerShown(before[2])! < 0.25, `off: f110 hidden ${before}`);
  assert.ok(lowerShown(after[2])! > 0.6, `on: f110 shown ${after}`);
  // (the blur still softens it: no one-frame pop to its own .038)
  assert.ok(after[2]! < 0.03 && after[1]! > 0.005 && after[3]! > 0.01, `softened ${after}`);
  // (never lowered; the frames without a read as the series leaves them)
  after.forEach((v, i) => assert.ok(v >= before[i]! - 1e-9));
  assert.equal(after[0], before[0]);
  // a lone read (no neighbour at SUPPORT_MIN) is the median's to drop
  const lone = keepSupported([0, 0.04, SUPPORT_MIN / 2], [0, 0.01, 0.005]);
  assert.deepEqual(lone, [0, 0.01, 0.005]);
  assert.deepEqual(keepSupported([0.02, 0.03], [0.01, 0.01]), [0.02, 0.03]);
  assert.deepEqual(keepSupported([0.02, 0.03], [0.01, 0.01], false), [0.01, 0.01]);
  // off, the series is mouthDark.ts mouthDarkSeries's exactly
  const some = [0, 0.02, null, 0.05, 0.01, 0, 0.04, 0.03, 0];
  assert.deepEqual(lowerRowSeries(some, false), mouthDarkSeries(some));
  assert.notDeepEqual(lowerRowSeries(some), mouthDarkSeries(some));
});
