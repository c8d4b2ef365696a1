// A video frame never takes the photo's own smile away (rig/mouthBase.ts keepPhotoSmile): a driver's smile
// counts from its rest, so a smiling photo driven by a face at rest was de-smiled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepPhotoSmile, driverSmileFloor, MOUTH_ON_PHOTO, SMILE_AT_START, SMILE_ROOM, SMILE_DEPARTURE } from '../src/rig/mouthBase.ts';
import { CONTROL_COUNT, CONTROL_INDEX, weightsToVector } from '../src/rig/controls.ts';
import { flatStartBias, mouthDeparture, START_CORNER_LIFT } from '../src/rig/startLook.ts';
import { LiveRetarget, REST_FRAMES } from '../src/live/retarget.ts';
import { meanFace } from '../src/rig/canonical.ts';

const L = CONTROL_INDEX.mouthSmileLeft, R = CONTROL_INDEX.mouthSmileRight;
/** a driver's frame: the video path marks each with the driver's first-frame smiles */
const driven = (w: Record<string, number>) => ({ [SMILE_AT_START[0]]: 0, [SMILE_AT_START[1]]: 0, ...w });
const smilingPhoto = () => {
  const photo = new Float64Array(CONTROL_COUNT);
  photo[L] = 0.45; photo[R] = 0.1;
  return photo;
};

test('keepPhotoSmile: a driver at rest keeps the photo\'s smile; the driver\'s smile adds to it', () => {
  const w = driven({ mouthSmileLeft: 0, mouthSmileRight: 0.3, jawOpen: 0.2 });
  const wv = weightsToVector(w);
  keepPhotoSmile(wv, smilingPhoto(), w);
  assert.equal(wv[L], 0.45, 'the photo\'s own smile, not the driver\'s rest-relative 0');
  assert.ok(Math.abs(wv[R]! - 0.4) < 1e-12, 'the photo\'s .1 and the driver\'s .3');
  assert.equal(wv[CONTROL_INDEX.jawOpen], 0.2, 'nothing else moves');
});

test('keepPhotoSmile: the kept smile gives way as the lips round, and audio frames are left to rebaseMouth', () => {
  const half = driven({ mouthSmileLeft: 0, mouthPucker: 0.175 });
  const wvHalf = weightsToVector(half);
  keepPhotoSmile(wvHalf, smilingPhoto(), half);
  assert.ok(Math.abs(wvHalf[L]! - 0.225) < 1e-12, 'half way to a full O: half the photo\'s smile');
  const round = driven({ mouthSmileLeft: 0, mouthPucker: 0.2, mouthFunnel: 0.4 });
  const wvRound = weightsToVector(round);
  keepPhotoSmile(wvRound, smilingPhoto(), round);
  assert.equal(wvRound[L], 0, 'an O: no smile kept');
  const shout = driven({ mouthSmileLeft: 0, [SMILE_ROOM]: 0.2 });
  const wvShout = weightsToVector(shout);
  keepPhotoSmile(wvShout, smilingPhoto(), shout);
  assert.ok(Math.abs(wvShout[L]! - 0.09) < 1e-12, 'a tall opening holds a fifth of a smile, the photo\'s too');
  const audio = driven({ mouthSmileLeft: 0, [MOUTH_ON_PHOTO]: 1 });
  const wvAudio = weightsToVector(audio);
  keepPhotoSmile(wvAudio, smilingPhoto(), audio);
  assert.equal(wvAudio[L], 0, 'a frame on the photo\'s mouth already carries it');
  const posed = { mouthSmileLeft: 0 };
  const wvPosed = weightsToVector(posed);
  keepPhotoSmile(wvPosed, smilingPhoto(), posed);
  assert.equal(wvPosed[L], 0, 'a frame without the driver\'s marks (view --expr, the neutral frame) is the whole expression');
});

test('keepPhotoSmile: the photo stands for the driver\'s first frame: the smile moves by what the driver\'s did since', () => {
  const w = { mouthSmileLeft: 0.1, mouthSmileRight: 0.2, [SMILE_AT_START[0]]: 0.3, [SMILE_AT_START[1]]: 0.6 };
  const wv = weightsToVector(w);
  keepPhotoSmile(wv, smilingPhoto(), w);
  assert.ok(Math.abs(wv[L]! - 0.25) < 1e-12, 'the photo\'s .45 with the driver\'s drop from .3 to .1');
  assert.equal(wv[R], 0.2, 'a driver relaxed further than the photo smiles keeps its own smile');
  const wider = driven({ mouthSmileLeft: 0.5 });
  const wvWider = weightsToVector(wider);
  keepPhotoSmile(wvWider, smilingPhoto(), wider);
  assert.ok(Math.abs(wvWider[L]! - 0.95) < 1e-12, 'a driver at rest at its start that smiles adds to the photo\'s smile');
});

test('keepPhotoSmile: a start read as smiling over an unsmiling photo is the photo\'s mouth until the driver\'s smile departs from it', () => {
  // lp_d6: the driver's first frame reads smile .25 over her rest where the photo's own fit reads 0
  const plain = new Float64Array(CONTROL_COUNT);
  const at = (now: number) => {
    const w = { mouthSmileLeft: now, [SMILE_AT_START[0]]: 0.25, [SMILE_AT_START[1]]: 0 };
    const wv = weightsToVector(w);
    keepPhotoSmile(wv, plain, w);
    return wv[L]!;
  };
  assert.equal(at(0.25), 0, 'at its start: the photo\'s own 0, not the driver\'s .25');
  assert.equal(at(0.2), 0, 'a little off its start: still the photo\'s');
  assert.ok(Math.abs(at(0.25 + SMILE_DEPARTURE / 2) - (0.4 - 0.125)) < 1e-12, 'half departed: half the start\'s excess taken away');
  assert.equal(at(0.85), 0.85, 'a smile well past its start is the driver\'s own, whole');
  assert.ok(at(0.85) > 0 + 0.85 - 0.25, 'more than the relative smile alone');
});

/** driverSmileFloor with the other side still at its start (`otherStart`), from a start whose corners are up unless `smiling` is false */
const floor = (now: number, start: number, photo: number, otherStart: number, smiling = true) => driverSmileFloor({ now, start }, { now: otherStart, start: otherStart }, photo, smiling);

test('driverSmileFloor: the driver\'s own smile whenever its start reads no more than the photo\'s; never negative', () => {
  for (const [now, start, photo] of [[0.3, 0.1, 0.4], [0.05, 0.2, 0.2], [0.9, 0, 0]]) assert.equal(floor(now!, start!, photo!, 0), now);
  assert.ok(Math.abs(floor(0.8, 0.8, 0.61, 0) - 0.61) < 1e-12, 'at a one-sided start, over a photo smiling a little less: the photo\'s own .61');
  assert.ok(Math.abs(floor(0.6, 0.92, 0.61, 0) - 0.6) < 1e-12, 'relaxed past SMILE_DEPARTURE: the driver\'s own');
  assert.equal(floor(0.02, 0.3, 0, 0), 0);
  // a driver starting on a one-sided grin over an unsmiling photo: kept less the readings' disagreement, at most SMILE_DEPARTURE
  assert.ok(Math.abs(floor(0.92, 0.92, 0, 0) - (0.92 - SMILE_DEPARTURE)) < 1e-12, 'a one-sided grinning start keeps all but SMILE_DEPARTURE');
  let last = -1;
  for (let now = 0; now <= 1; now += 0.01) {
    const f = floor(now, 0.92, 0, 0);
    assert.ok(f >= last - 1e-12, `never less smile as the driver's rises (${now.toFixed(2)}: ${f})`);
    last = f;
  }
});

test('driverSmileFloor: a two-sided start is the driver\'s smile, kept; only the side\'s lead over the other is taken', () => {
  // lp_s12 <- lp_d14: an even grin .92/.92 over an unsmiling photo is a grin, whole
  assert.equal(floor(0.92, 0.92, 0, 0.92), 0.92);
  // Katie's .41/.26 start on a photo fitted .15: the left keeps the .26 both sides hold, the right all of its own
  assert.ok(Math.abs(floor(0.41, 0.41, 0.15, 0.26) - 0.26) < 1e-12, 'the left loses only its .15 lead over the right');
  assert.equal(floor(0.26, 0.26, 0.15, 0.41), 0.26, 'the right, the lower side, is all two-sided');
  assert.ok(floor(0.41, 0.41, 0.15, 0.26) - floor(0.41, 0.41, 0.15, 0) > 0.1, 'more kept than from a one-sided start');
  // lp_d11: an even .35/.44 reading on a start whose corners are not up (a child's pout) is no smile: all of it goes
  assert.ok(Math.abs(floor(0.35, 0.35, 0, 0.44, false) - 0.05) < 1e-12, 'start27\'s drop, whole');
  assert.ok(Math.abs(floor(0.44, 0.44, 0, 0.35, false) - 0.14) < 1e-12, 'at most SMILE_DEPARTURE taken');
});

test('driverSmileFloor: a measured flat start\'s excess is the fit\'s bias, dropped at every frame however far the mouth moves', () => {
  // lp_d11 (corners not up, start .25/.43) over the Mona Lisa (fitted .01/.38): f98's "eh" reads .55/.55
  const left = { now: 0.55, start: 0.25 }, right = { now: 0.55, start: 0.43 };
  assert.ok(Math.abs(driverSmileFloor(left, right, 0.01, false, true) - (0.55 - 0.24)) < 1e-12, 'her left loses its .24 over the photo\'s');
  assert.ok(Math.abs(driverSmileFloor(right, left, 0.38, false, true) - (0.55 - 0.05)) < 1e-12, 'her right only its .05 over the photo\'s own smile');
  assert.equal(driverSmileFloor(left, right, 0.01, false, false), 0.55, 'unmeasured start: departed, the reading whole (as before)');
  // lp_d6's grimace f45 (.35/.39 from .25/.00): the left keeps only her move past the lopsided rest
  assert.ok(Math.abs(driverSmileFloor({ now: 0.35, start: 0.25 }, { now: 0.39, start: 0 }, 0, false, true) - 0.1) < 1e-12);
  assert.ok(Math.abs(driverSmileFloor({ now: 0.9, start: 0.5 }, { now: 0.9, start: 0.5 }, 0, false, true) - (0.9 - SMILE_DEPARTURE)) < 1e-12, 'at most SMILE_DEPARTURE');
  assert.equal(driverSmileFloor({ now: 0.1, start: 0.25 }, { now: 0, start: 0 }, 0, false, true), 0, 'never negative');
});

test('flatStartBias: only a measured start whose corners are not up', () => {
  assert.equal(flatStartBias(-0.026), true, 'lp_d11');
  assert.equal(flatStartBias(0), true);
  assert.equal(flatStartBias(0.032), false, 'Katie: a smile, her readings kept');
  assert.equal(flatStartBias(undefined), false, 'live webcam, older motions: as before');
});

test('driverSmileFloor: an unmeasured start\'s lopsided rest is dropped only while the whole mouth stays near its start', () => {
  // lp_d6 f45: smile .35/.39 from a start .25/.00 on an unsmiling photo: her right corner has left the start look
  const left = { now: 0.35, start: 0.25 };
  assert.equal(driverSmileFloor(left, { now: 0.39, start: 0 }, 0, false), 0.35, 'the other corner moved .39: the mouth is off its start, her smile whole');
  assert.ok(Math.abs(driverSmileFloor(left, { now: 0, start: 0 }, 0, false) - (0.35 - 0.25 * (2 / 3))) < 1e-12, 'the other corner at rest: the start27 fade by her own move');
  const halfway = driverSmileFloor(left, { now: SMILE_DEPARTURE / 2, start: 0 }, 0, false);
  assert.ok(Math.abs(halfway - (0.35 - 0.25 / 2)) < 1e-12, `the other corner half departed: half the lead taken (${halfway})`);
  assert.ok(mouthDeparture(left, { now: 0.39, start: 0 }) === 0.39, 'the larger corner move');
});

test('keepPhotoSmile: Katie\'s smiling start smiles on an unsmiling photo at her start; lp_d6\'s lopsided and lp_d11\'s flat starts do not', () => {
  const plain = new Float64Array(CONTROL_COUNT);
  const render = (startL: number, startR: number, lift?: number) => {
    const w: Record<string, number> = { mouthSmileLeft: startL, mouthSmileRight: startR, [SMILE_AT_START[0]]: startL, [SMILE_AT_START[1]]: startR };
    if (lift !== undefined) w[START_CORNER_LIFT] = lift;
    const wv = weightsToVector(w);
    keepPhotoSmile(wv, plain, w);
    return [wv[L]!, wv[R]!];
  };
  const [kl, kr] = render(0.41, 0.26, 0.032);
  assert.ok(Math.abs(kl - 0.26) < 1e-12 && Math.abs(kr - 0.26) < 1e-12, `Katie at her start, corners up: .26 a side (${kl}, ${kr})`);
  assert.deepEqual(render(0.25, 0, -0.021), [0, 0], 'lp_d6 at her start: the photo\'s flat mouth');
  assert.deepEqual(render(0.25, 0, 0.03), [0, 0], 'a lopsided start with its corners up: still the photo\'s flat mouth');
  const [cl, cr] = render(0.35, 0.44, -0.026);
  assert.ok(Math.abs(cl - 0.05) < 1e-12 && Math.abs(cr - 0.14) < 1e-12, `lp_d11's even reading on a flat start: start27's drop (${cl}, ${cr})`);
  assert.deepEqual(render(0.41, 0.26), render(0.41, 0.26, -0.01), 'a motion without the start\'s corner lift (live, older files): start27\'s drop');
});

/** The mean face at 75 px per unit, both mouth corners raised by `lift` px (a smile on the live retarget's measures). */
function liveFace(lift: number): number[][] {
  const f = meanFace();
  const pts = Array.from({ length: 478 }, (_, i) => [f[i * 3]! * 75, f[i * 3 + 1]! * 75, f[i * 3 + 2]! * 75]);
  for (const corner of [61, 291]) pts[corner]![1] -= lift;
  return pts;
}

test('live webcam frames carry the first frame\'s smiles, as the video path\'s do, so a smiling photo keeps its smile live', () => {
  const live = new LiveRetarget(25);
  let t = 0;
  for (let i = 0; i < REST_FRAMES - 1; i++) assert.equal(live.update(liveFace(0), t++ / 25), null, 'still measuring the rest face');
  const first = live.update(liveFace(3), t++ / 25)!;
  assert.ok(first.w.mouthSmileLeft! > 0.2, `the first frame smiles (${first.w.mouthSmileLeft})`);
  assert.equal(first.w[SMILE_AT_START[0]], first.w.mouthSmileLeft, 'its own smile stands for the photo\'s');
  let later = first;
  for (let i = 0; i < 20; i++) later = live.update(liveFace(0), t++ / 25)!;
  assert.ok(later.w.mouthSmileLeft! < 0.05, 'the driver relaxed');
  assert.equal(later.w[SMILE_AT_START[1]], first.w.mouthSmileRight, 'the marks stay the first frame\'s');
  live.recalibrate();
  for (let i = 0; i < REST_FRAMES - 1; i++) live.update(liveFace(0), t++ / 25);
  assert.equal(live.update(liveFace(0), t++ / 25)!.w[SMILE_AT_START[0]], 0, 'recalibrating takes the new first frame');
});
