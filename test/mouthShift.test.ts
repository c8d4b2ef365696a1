// A driver's lips pushed to one side come out pushed to that side (#13/#14, asym43): the rig has no sideways mouth
// control (every mouth control moves the lips' middle .008 IOD or less at weight 1), so lp_d6's pout to her side at
// 2.1-2.3 s (f52-56, the lips' middle .08-.12 IOD image-right of her median) rendered as a centred mouth. The video
// path now writes `w.mouthShift` (src/motion/mouthSide.ts) and the renderer moves the photo's lips by it
// (src/render/mouthShift.ts); a driver talking straight carries none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { sideReadings, shiftKept, SHIFT_FROM, SHIFT_FULL, SHIFT_MAX } from '../src/motion/mouthSide.ts';
import { MOUTH_SHIFT } from '../src/render/mouthShift.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { lp_d6First3s } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { LiveRetarget } from '../src/live/retarget.ts';

test('shiftKept: none under SHIFT_FROM, all of it from SHIFT_FULL, within SHIFT_MAX, the same either way', () => {
  for (const s of [0, 0.01, SHIFT_FROM]) { assert.equal(shiftKept(s), 0); assert.equal(shiftKept(-s), 0); }
  for (const s of [SHIFT_FULL, 0.12]) { assert.ok(Math.abs(shiftKept(s) - s) < 1e-12); assert.ok(Math.abs(shiftKept(-s) + s) < 1e-12); }
  assert.equal(shiftKept(0.5), SHIFT_MAX);
  const mid = shiftKept((SHIFT_FROM + SHIFT_FULL) / 2);
  assert.ok(mid > 0 && mid < (SHIFT_FROM + SHIFT_FULL) / 2);
});

test('lp_d6 (first 3 s): her pout to the side carries a mouthShift toward it; the frames she talks straight carry none', async () => {
  const raw = await lp_d6First3s(sharedData('video/lp_d6.mp4'));
  const frames = motionFramesFromRaw(raw, 25, true).frames;
  const reading = sideReadings(raw.map((r) => (r?.lm ? landmarkList(r.lm) : null))).map((s) => s?.shift ?? 0);
  const shift = frames.map((f) => f.w[MOUTH_SHIFT] ?? 0);
  // the pout: frames whose reading is .09 IOD or more past her median (f55-56), and their neighbours
  const pout = reading.map((v, i) => [v, i] as const).filter(([v]) => v > 0.09).map(([, i]) => i);
  assert.ok(pout.length >= 2, `pout frames ${pout}`);
  for (const i of pout) assert.ok(shift[i]! > 0.05, `f${i}: mouthShift ${shift[i]} for a reading of ${reading[i]!.toFixed(3)}`);
  // straight: the reading and its neighbours well within the tracker's noise (the yaw term moves a reading by .01 or less here)
  const straight = reading.map((_v, i) => i).filter((i) => [i - 1, i, i + 1].every((k) => Math.abs(reading[Math.min(reading.length - 1, Math.max(0, k))]!) < SHIFT_FROM - 0.01));
  assert.ok(straight.length >= 10, `${straight.length} straight frames`);
  for (const i of straight) assert.equal(shift[i], 0, `f${i}: mouthShift ${shift[i]} where the driver reads ${reading[i]!.toFixed(3)}`);
  // no one-frame jumps from the noise cut's steep ramp: the pout's release f56 -> f57 stepped .093 IOD (5-7 px) when the
  // cut came after the blur; blurred after the cut it steps .05 (her own reading steps .10 there, over 1 frame)
  const steps = shift.slice(1).map((v, i) => Math.abs(v - shift[i]!));
  assert.ok(Math.max(...steps) < 0.07, `largest one-frame step ${Math.max(...steps).toFixed(3)} IOD`);
  // off: none anywhere
  const off = motionFramesFromRaw(raw, 25, true, { fit: { mouthShift: false } }).frames;
  assert.ok(off.every((f) => f.w[MOUTH_SHIFT] === undefined));
});

test('a mouthShift moves lp_s42\'s lips and the skin beside them sideways, not her nose or eyes; none keeps the frame as it was', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const base = r.neutralFrame();
  const at = (w: Record<string, number>) => r.landmarks({ ...base, w: { ...base.w, ...w } } as MotionFrame);
  const still = at({}), moved = at({ [MOUTH_SHIFT]: 0.1 }), back = at({ [MOUTH_SHIFT]: -0.1 });
  const iod = Math.hypot(still[263]![0] - still[33]![0], still[263]![1] - still[33]![1]);
  const dx = (lm: typeof still, i: number) => (lm[i]![0] - still[i]![0]) / iod;
  // (the photo is near frontal: canonical x is image x within a few per cent)
  for (const i of [0, 17, 13, 14, 61, 291]) {
    assert.ok(dx(moved, i) > 0.085 && dx(moved, i) < 0.11, `lip point ${i} moved ${dx(moved, i).toFixed(3)} IOD`);
    assert.ok(dx(back, i) < -0.085, `lip point ${i} moved ${dx(back, i).toFixed(3)} IOD the other way`);
  }
  for (const i of [1, 2, 33, 133, 263, 362, 168]) assert.ok(Math.abs(dx(moved, i)) < 0.01, `point ${i} moved ${dx(moved, i).toFixed(3)} IOD`);
  // the chin follows less than the lips
  assert.ok(dx(moved, 152) < 0.5 * dx(moved, 17), `chin ${dx(moved, 152).toFixed(3)}`);
  const none = at({ [MOUTH_SHIFT]: 0 });
  for (let i = 0; i < still.length; i++) assert.deepEqual(none[i], still[i]);
});

test('the live webcam retarget carries lp_d6\'s pout to the side too (src/live/liveMouthShift.ts), and little where she talks straight', async () => {
  const raw = await lp_d6First3s(sharedData('video/lp_d6.mp4'));
  const live = new LiveRetarget(25);
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const shift = lms.map((lm, i) => (lm ? live.update(lm, i / 25)?.w[MOUTH_SHIFT] ?? 0 : 0));
  const offline = motionFramesFromRaw(raw, 25, true).frames.map((f) => f.w[MOUTH_SHIFT] ?? 0);
  // the pout (offline .07-.10 at f54-56): live, a forward filter, reaches it a frame later
  const pout = Math.max(...shift.slice(54, 59));
  assert.ok(pout > 0.05, `live shift over f54-58 at most ${pout.toFixed(3)} (offline ${Math.max(...offline.slice(54, 59)).toFixed(3)})`);
  // where the offline path writes none over 5 frames either way, live stays small
  const quiet = offline.map((_v, i) => i).filter((i) => i >= 12 && offline.slice(Math.max(0, i - 5), i + 6).every((v) => v === 0));
  assert.ok(quiet.length >= 8, `${quiet.length} quiet frames`);
  for (const i of quiet) assert.ok(Math.abs(shift[i]!) < 0.03, `f${i}: live ${shift[i]} where offline writes none`);
});
