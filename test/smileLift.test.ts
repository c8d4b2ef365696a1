// A flat-start driver's smile rise scaled by what its clip's corners show (motion/smileLift.ts, grin32): lp_d11's
// talking vowels read as smiles .5-.7 over her start while her corners stay near the lips' middle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markSmileLiftScale, smileLiftScale, SMILE_CORNER_LIFT } from '../src/motion/smileLift.ts';
import { keepPhotoSmile, scaledRise, SMILE_AT_START } from '../src/rig/mouthBase.ts';
import { SMILE_LIFT_SCALE, START_CORNER_LIFT } from '../src/rig/startLook.ts';
import { CONTROL_COUNT, CONTROL_INDEX, weightsToVector } from '../src/rig/controls.ts';
import type { FaceMeasures } from '../src/motion/measures.ts';
import type { MotionFrame } from '../src/types.ts';

const L = CONTROL_INDEX.mouthSmileLeft, R = CONTROL_INDEX.mouthSmileRight;

test('smileLiftScale: the rising frames\' median corner lift over a smile\'s; too few rising frames or a real smile: 1', () => {
  const rises = [0, 0.1, 0.5, 0.6, 0.5, 0.7, 0.4, 0.6];
  const half = SMILE_CORNER_LIFT / 2;
  const lifts = [-0.05, -0.05, half, half, half, half, half, half];
  assert.ok(Math.abs(smileLiftScale(rises, lifts) - 0.5) < 1e-12, 'the non-rising frames\' low corners do not count');
  assert.equal(smileLiftScale(rises, lifts.map((l, i) => (i < 2 ? l : -0.02))), 0, 'corners down while the smile rises: none of it');
  assert.equal(smileLiftScale(rises, lifts.map(() => 0.07)), 1, 'corners up as far as a smile: all of it');
  assert.equal(smileLiftScale([0.5, 0.5, 0.5], [0, 0, 0]), 1, 'three rising frames say nothing');
});

test('scaledRise and keepPhotoSmile: a flat start\'s rise over its start scaled, a corners-up start untouched', () => {
  assert.equal(scaledRise(0.9, 0.4, 0.5), 0.65);
  assert.equal(scaledRise(0.2, 0.4, 0.5), 0.2, 'at or below the start, as it is');
  const frame = (lift: number, scale?: number) => ({ [SMILE_AT_START[0]]: 0.4, [SMILE_AT_START[1]]: 0.4, [START_CORNER_LIFT]: lift, mouthSmileLeft: 0.9, mouthSmileRight: 0.9, ...(scale === undefined ? {} : { [SMILE_LIFT_SCALE]: scale }) });
  const photo = new Float64Array(CONTROL_COUNT);
  photo[L] = photo[R] = 0.38; // the Mona Lisa's painted smile
  const run = (w: Record<string, number>) => { const wv = weightsToVector(w); keepPhotoSmile(wv, photo, w); return wv[L]!; };
  const whole = run(frame(-0.026)), scaled = run(frame(-0.026, 0.5));
  assert.ok(whole > 0.85, `without a scale the rise is whole (${whole})`);
  // the photo's .38 plus half the driver's .5 rise over its start
  assert.ok(Math.abs(scaled - 0.63) < 1e-9, `a flat start at scale .5 keeps half its rise (${scaled})`);
  assert.equal(run(frame(0.032, 0.5)), run(frame(0.032)), 'a start whose corners are up ignores the entry');
});

test('markSmileLiftScale: only a flat start whose rising frames\' corners stay low is marked', () => {
  const frames = (lift: number): MotionFrame[] => Array.from({ length: 10 }, (_v, i) => ({ w: { [SMILE_AT_START[0]]: 0.3, [SMILE_AT_START[1]]: 0.3, [START_CORNER_LIFT]: lift, mouthSmileLeft: i < 2 ? 0.3 : 0.8, mouthSmileRight: i < 2 ? 0.3 : 0.8 } }) as unknown as MotionFrame);
  const measures = (lift: number) => Array.from({ length: 10 }, () => ({ cornerLiftLeft: lift, cornerLiftRight: lift + 0.01 }) as FaceMeasures);
  const flatLow = frames(-0.02); markSmileLiftScale(flatLow, measures(0.01));
  assert.ok(Math.abs(flatLow[5]!.w[SMILE_LIFT_SCALE]! - 1 / 3) < 1e-9, 'a child\'s vowels: a third of a smile\'s lift');
  const flatHigh = frames(-0.005); markSmileLiftScale(flatHigh, measures(0.067));
  assert.equal(flatHigh[5]!.w[SMILE_LIFT_SCALE], undefined, 'lp_d0\'s real smiles: unmarked, the frames as they were');
  const up = frames(0.032); markSmileLiftScale(up, measures(0.01));
  assert.equal(up[5]!.w[SMILE_LIFT_SCALE], undefined, 'a corners-up start (Katie) is never marked');
});
