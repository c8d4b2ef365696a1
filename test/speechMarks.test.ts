// s58 photokeep58 (#13): a parted photo's own mouth is rebuilt in speech (it flicked in for single frames where the gap
// passed through the photo's own), kept at rest; a shut photo untouched to the bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markSpeech, speechMarks } from '../src/motion/speechMarks.ts';
import { IN_SPEECH, speechRebuilt, speechRebuildSetting } from '../src/render/mouth/speechRebuild.ts';
import type { MotionFrame } from '../src/types.ts';

const frame = (jawOpen: number): MotionFrame => ({ w: { jawOpen }, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 });

test('speech marks: whole while the opening moves, none on a still or trembling mouth, eased out beside speech', () => {
  // 10 still frames, 10 of syllables (.05 <-> .3), 10 still
  const opening = [...Array(10).fill(0.06), ...Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? 0.3 : 0.05)), ...Array(10).fill(0.06)];
  const m = speechMarks(opening);
  for (let i = 11; i < 19; i++) assert.equal(m[i], 1, `f${i}`);
  assert.equal(m[0], 0); assert.equal(m[29], 0);
  // eased over a few frames: no step from whole to none between two frames
  for (let i = 1; i < 30; i++) assert.ok(Math.abs(m[i]! - m[i - 1]!) <= 0.5, `step at f${i}`);
  // a still mouth's tremor (.02 span) is not speech
  assert.ok(speechMarks(Array.from({ length: 20 }, (_, i) => 0.1 + 0.02 * (i % 2))).every((v) => v === 0));
});

test('markSpeech: frames at rest carry no entry (byte-identical motions), speech frames do', () => {
  const frames = [0, 0, 0, 0, 0, 0, 0, 0.3, 0, 0.3, 0, 0.3].map(frame);
  markSpeech(frames);
  assert.equal(frames[0]!.w[IN_SPEECH], undefined);
  assert.equal(frames[9]!.w[IN_SPEECH], 1);
});

test('speechRebuilt: a parted photo rebuilt in speech, kept at rest; a shut photo as it was', () => {
  // lp_s10: her own gap .071, a frame at it (rebuilt 0 by the gap rule) in speech
  assert.equal(speechRebuilt(0, 1, 0.071), 1);
  assert.ok(Math.abs(speechRebuilt(0, 0.5, 0.071) - 0.5) < 1e-12);
  assert.equal(speechRebuilt(0.3, undefined, 0.071), 0.3);
  // shut (mt_man, st_art_1: 0) or a slit: to the bit
  for (const r of [0, 0.3, 0.7, 1]) assert.equal(speechRebuilt(r, 1, 0), r);
  assert.equal(speechRebuilt(0.3, 1, 0.071, { ...speechRebuildSetting, on: false }), 0.3);
});
