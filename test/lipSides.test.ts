// One side of the lips raised or dropped against the other (#13/#14, bite45): the rig's mouthUpperUp / mouthLowerDown /
// mouthPress act on both sides, and the fit's per-side smiles and frowns with the channel smoothing carry about half of
// lp_d6's one-sided lips (the inner lower lip's left-minus-right .32 of hers over her first 8 s). The video path now
// writes what the motion leaves out (`w.lipSideUpper` / `w.lipSideLower`, src/motion/lipSides.ts) where her own
// difference passes the talking floor, and the renderer moves each side's lip by it (src/render/lipSides.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { filteredDiffs, lipSides, lipSidesOf, SIDE_FROM, SIDE_FULL, LIP_SIDE_LOWER, LIP_SIDE_UPPER } from '../src/motion/lipSides.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { deform, meanFace } from '../src/rig/canonical.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { weightsToVector } from '../src/rig/controls.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { trackedVideo, LP_D6_TRACK } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

test('lp_d6 (7.7 s): where her lips go one-sided past the floor, the motion carries more of it toward her side; elsewhere none', async () => {
  const raw = await trackedVideo(sharedData('video/lp_d6.mp4'), LP_D6_TRACK);
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  // (the landmark path alone: sneerSides.ts adds to lipSideUpper where her pixels read one-sided teeth, sneerSides.test.ts)
  const frames = motionFramesFromRaw(raw, 25, true, { fit: { sneerSides: false } }).frames;
  const read = lms.map((lm) => (lm ? lipSides(lm) : null));
  const driver = filteredDiffs(read.map((s) => (s ? s.lower[0] - s.lower[1] : NaN)));
  const driverUpper = filteredDiffs(read.map((s) => (s ? s.upper[0] - s.upper[1] : NaN)));
  // the motion's own lower lip L-R on the generic rig, with and without the entry, each over its clip median
  const mf = meanFace(), basis = buildBasis(mf);
  const ours = frames.map((f) => { const s = lipSidesOf(deform(mf, basis, weightsToVector(f.w))); return s.lower[0] - s.lower[1]; });
  const med = [...ours].sort((a, b) => a - b)[(ours.length - 1) >> 1]!;
  const strong = frames.map((_f, i) => i).filter((i) => Math.abs(driver[i]!) > SIDE_FULL);
  assert.ok(strong.length >= 8, `${strong.length} frames past ${SIDE_FULL}`);
  let closer = 0;
  for (const i of strong) {
    const add = frames[i]!.w[LIP_SIDE_LOWER] ?? 0, before = Math.abs(driver[i]! - (ours[i]! - med)), after = Math.abs(driver[i]! - (ours[i]! - med + add));
    // (the entry is blurred [1 2 1] after the gate: a neighbour's may overshoot by a little)
    assert.ok(after <= before + 0.005, `f${i}: the entry ${add} moves away from her ${driver[i]!.toFixed(3)} (ours ${(ours[i]! - med).toFixed(3)})`);
    if (after < before - 0.01) closer++;
  }
  // (main: no frame carries any of it)
  assert.ok(closer >= strong.length / 3, `${closer} of ${strong.length} frames .01 IOD closer to hers`);
  // where she and her neighbours stay under the floor on both lips: none
  const under = (d: Float64Array, k: number) => Math.abs(d[Math.min(frames.length - 1, Math.max(0, k))]!) < SIDE_FROM;
  const quiet = frames.map((_f, i) => i).filter((i) => [i - 2, i - 1, i, i + 1, i + 2].every((k) => under(driver, k) && under(driverUpper, k)));
  assert.ok(quiet.length >= 40, `${quiet.length} quiet frames`);
  for (const i of quiet) assert.ok(frames[i]!.w[LIP_SIDE_LOWER] === undefined && frames[i]!.w[LIP_SIDE_UPPER] === undefined, `f${i}: ${frames[i]!.w[LIP_SIDE_LOWER]}`);
  const off = motionFramesFromRaw(raw, 25, true, { fit: { lipSides: false, sneerSides: false } }).frames;
  assert.ok(off.every((f) => f.w[LIP_SIDE_LOWER] === undefined && f.w[LIP_SIDE_UPPER] === undefined));
});

test('a driver talking straight (lp_d0, 3 s) carries none', async () => {
  const raw = await trackedVideo(sharedData('video/lp_d0.mp4'), { fps: 25, maxSide: 720, maxSeconds: 3 });
  const frames = motionFramesFromRaw(raw, 25, true).frames;
  assert.ok(frames.every((f) => f.w[LIP_SIDE_LOWER] === undefined && f.w[LIP_SIDE_UPPER] === undefined));
});

test('a side entry moves lp_s42\'s one side of the lip up and the other down by it, not her nose or chin; none keeps the frame', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const base = r.neutralFrame();
  const at = (w: Record<string, number>) => r.landmarks({ ...base, w: { ...base.w, ...w } } as MotionFrame);
  const still = at({});
  const diff = (lm: typeof still) => { const s = lipSides(lm); return [s.upper[0] - s.upper[1], s.lower[0] - s.lower[1]] as const; };
  const d0 = diff(still);
  for (const [key, k] of [[LIP_SIDE_UPPER, 0], [LIP_SIDE_LOWER, 1]] as const) {
    for (const v of [0.04, -0.04]) {
      const lm = at({ [key]: v }), d = diff(lm);
      assert.ok(Math.abs(d[k]! - d0[k]! - v) < 0.012, `${key} ${v}: the reading moved ${(d[k]! - d0[k]!).toFixed(3)}`);
      assert.ok(Math.abs(d[1 - k]! - d0[1 - k]!) < 0.01, `${key} ${v}: the other lip moved ${(d[1 - k]! - d0[1 - k]!).toFixed(3)}`);
      const iod = Math.hypot(still[263]![0] - still[33]![0], still[263]![1] - still[33]![1]);
      for (const i of [1, 2, 152, 33, 263]) assert.ok(Math.hypot(lm[i]![0] - still[i]![0], lm[i]![1] - still[i]![1]) / iod < 0.005, `${key}: point ${i} moved`);
    }
  }
  const none = at({ [LIP_SIDE_UPPER]: 0, [LIP_SIDE_LOWER]: 0 });
  for (let i = 0; i < still.length; i++) assert.deepEqual(none[i], still[i]);
});
