// s47 (paintturn47): a turned driver's fake lip shift is fitted per driver (src/motion/shiftYawFit.ts). pcavs741's lips
// read shifted toward the side he turns to (+.0049 IOD per degree, r .92), the opposite of the old fixed -.003 term, so
// st_art_1 <- pcavs741 carried mouthShift .15-.19 IOD at his +25 turn (f100-107) and the painting's mouth was pushed
// into its far cheek's outline (critic46's worst #3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fittedShiftPerYaw, shiftPerYaw, shiftYawFitSetting } from '../src/motion/shiftYawFit.ts';
import { SHIFT_PER_YAW, sideReading } from '../src/motion/mouthSide.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { MOUTH_SHIFT } from '../src/render/mouthShift.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

test('fittedShiftPerYaw: the prior without a turn, the driver\'s slope when he turns a lot, in between when he turns a little', () => {
  const prior = SHIFT_PER_YAW;
  assert.equal(fittedShiftPerYaw([], [], prior), prior);
  assert.ok(Math.abs(fittedShiftPerYaw([0.1, -0.05, 0.02], [3, 3, 3], prior) - prior) < 1e-12);
  const yaws = Array.from({ length: 200 }, (_v, i) => -20 + (40 * i) / 199);
  const slope = 0.005, shifts = yaws.map((y) => 0.01 + slope * y);
  const wide = fittedShiftPerYaw(shifts, yaws, prior);
  // (yaw variance 135 deg^2 against the ridge's 16: .0042, most of the way from the prior to the slope)
  assert.ok(Math.abs(wide - slope) < 0.0012 && wide > 0.8 * slope, `a +-20 deg turn: ${wide}`);
  const small = yaws.map((y) => y / 10), narrow = fittedShiftPerYaw(small.map((y) => slope * y), small, prior);
  assert.ok(narrow > prior && narrow < 0, `a +-2 deg turn stays near the prior: ${narrow}`);
  shiftYawFitSetting.on = false;
  try { assert.equal(shiftPerYaw(shifts, yaws, prior), prior); } finally { shiftYawFitSetting.on = true; }
});

test('pcavs741 (first 6 s): his turn reads as lips shifted with it; fitted, the +25 turn (f100-107) carries no mouthShift, the fixed term carried .15+', async () => {
  const raw = await trackedVideo(sharedData('train/clips/pcavs_Audio_Source_741400104.mp4'), { fps: 25, maxSide: 720, maxSeconds: 6 });
  const yaw = raw.map((r) => r?.angles.yaw ?? NaN);
  const have = raw.map((_r, i) => i).filter((i) => raw[i]?.lm);
  const reading = have.map((i) => sideReading(landmarkList(raw[i]!.lm!)).shift);
  // the driver's own slope: positive (the lips slide toward the side he turns to), far from the prior
  const fitted = fittedShiftPerYaw(reading, have.map((i) => yaw[i]!), SHIFT_PER_YAW);
  assert.ok(fitted > 0.002, `fitted ${fitted.toFixed(4)} IOD/deg`);
  const turn = [100, 101, 102, 103, 104, 105, 106, 107];
  assert.ok(turn.every((i) => yaw[i]! > 8), `turned: ${turn.map((i) => yaw[i]!.toFixed(1))}`);
  const shiftOf = (frames: { w: Record<string, number> }[]) => frames.map((f) => f.w[MOUTH_SHIFT] ?? 0);
  const on = shiftOf(motionFramesFromRaw(raw, 25, true).frames);
  shiftYawFitSetting.on = false;
  let off: number[];
  try { off = shiftOf(motionFramesFromRaw(raw, 25, true).frames); } finally { shiftYawFitSetting.on = true; }
  // before: the fixed term added to his own slide (f104 .19 IOD toward the far cheek)
  assert.ok(Math.max(...turn.map((i) => off[i]!)) > 0.1, `fixed term: ${turn.map((i) => off[i]!.toFixed(3))}`);
  for (const i of turn) assert.ok(Math.abs(on[i]!) < 0.03, `f${i} (yaw ${yaw[i]!.toFixed(1)}): mouthShift ${on[i]}`);
  // over the clip: what is left is the tracker's noise (the fixed term's p95 was .15)
  const sorted = on.map(Math.abs).sort((a, b) => a - b);
  assert.ok(sorted[Math.floor(0.95 * sorted.length)]! < 0.03, `|mouthShift| p95 ${sorted[Math.floor(0.95 * sorted.length)]}`);
});
