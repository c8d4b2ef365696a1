// Session 34 (plumb34): the driver's mouth readings as one object (rig/driverMouthReads.ts), and the opening's middle
// box found once per tracked frame for the three readings that scan it (motion/mouthMiddle.ts middleOf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driverMouthReadsOf, type DriverMouthReads } from '../src/rig/driverMouthReads.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { middleBox, middleOf } from '../src/motion/mouthMiddle.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { underTeethLight } from '../src/motion/underTeeth.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { drawnMouth } from './drawnMouth.ts';
import type { MotionFrame } from '../src/types.ts';

test('every reading the producer writes reaches the renderer\'s object; an audio frame reads none', () => {
  const raw = Array.from({ length: 6 }, (_, i): RawFaceFrame => ({
    m: { lipGap: 0.3 } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 1, 1],
    mouthDark: 0.2 + 0.01 * i, teethShare: 0.3, cavity: 0.4, under: 0.5, tongue: 0.6, back: 0.7, tongueLight: 1.15, teethDepth: 0.35, teethTone: 1.05 - 0.01 * i,
  }));
  const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
  withDriverMouthReads(frames, raw);
  const reads = driverMouthReadsOf(frames[2]!);
  const read = Object.values(reads).filter((v) => v !== undefined);
  // (the producer's w entries and mouthDark, each one field of the object: a reading plumbed on one side only fails here)
  assert.equal(read.length, Object.keys(frames[2]!.w).length + 1);
  assert.deepEqual([...read].sort(), [...Object.values(frames[2]!.w), frames[2]!.mouthDark].sort());
  assert.equal(reads.driverTongue, 0.6);
  assert.equal(reads.driverTongueLight, 1.15);
  // (the teeth tone one value for the clip, its frames' median: s55 teethtone55)
  assert.equal(reads.driverTeethTone, 1.025);
  assert.ok(frames.every((f) => f.w.driverTeethTone === 1.025));
  assert.equal(reads.driverDark, frames[2]!.mouthDark);
  const audio: DriverMouthReads = driverMouthReadsOf({ w: { jawOpen: 0.4 } });
  assert.ok(Object.values(audio).every((v) => v === undefined));
});

test('shut lips read no teeth: the frames before a grin opens are not filled in from it (lp_d14 f12-17, critic42\'s seam)', () => {
  // the lp_d14 cut's readings: a shut smile (teeth null: too few opening pixels to read) and then a grin showing teeth
  const shares: (number | null)[] = [0, 0, null, null, null, null, null, null, 0.51, 0.6, 0.55, 0.56];
  const raw = shares.map((teethShare): RawFaceFrame => ({ m: { lipGap: 0.01 } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 1, 1], mouthDark: 0, teethShare }));
  const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
  withDriverMouthReads(frames, raw);
  const teeth = frames.map((f) => f.w.driverTeeth!);
  // (filled in linearly from f8's .51 the shut frames read .07-.44: sealedSeam.ts took the seam away four frames early)
  assert.deepEqual(teeth.slice(0, 7), [0, 0, 0, 0, 0, 0, 0]);
  assert.ok(teeth[7]! < 0.15 && teeth[8]! > 0.35, `the grin's teeth come with its first open frame: ${teeth.join(' ')}`);
  // a frame without a face is still filled in from its neighbours (a lost track is not shut lips)
  const lost = raw.map((r, i) => (i === 9 ? null : r));
  const again: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
  withDriverMouthReads(again, lost);
  assert.ok(again[9]!.w.driverTeeth! > 0.5, `a lost frame between two grins: ${again[9]!.w.driverTeeth}`);
});

/** A drawn open mouth 120 x 40 px: pink lips, its top 10 px white teeth, a dark band, a lit tongue's bottom 12 px. */
const toothyMouth = () => drawnMouth(300, (y, top, bottom) => (y < top + 10 ? [235, 232, 225] : y > bottom - 12 ? [190, 90, 100] : [40, 15, 20]));

test('the three middle readings from the box found once equal those from the landmarks, and use the box given', () => {
  const { img, lm } = toothyMouth();
  const box = middleBox(img, lm)!;
  assert.ok(box);
  assert.equal(middleOf(img, box), box);
  assert.equal(middleOf(img, null), null);
  assert.deepEqual(middleOf(img, lm), box);
  const fromLm = [openingMiddle(img, lm), underTeethLight(img, lm), upperRowDepth(img, lm)];
  assert.ok(fromLm.every((r) => r !== null), 'the drawn mouth reads all three');
  assert.deepEqual([openingMiddle(img, box), underTeethLight(img, box), upperRowDepth(img, box)], fromLm);
  // (a box with other lip light reads otherwise: the readings take the box they are given, not a fresh one)
  const dimLips = { ...box, lipLight: box.lipLight * 0.3 };
  assert.notDeepEqual(openingMiddle(img, dimLips), fromLm[0]);
  assert.equal(openingMiddle(img, null), null);
});
