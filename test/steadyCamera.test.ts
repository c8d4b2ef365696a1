// A driver's camera that drifts is not the head moving: the video's head translation is taken against its running
// median (src/motion/steadyCamera.ts), a quick bob kept, the rotations untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runningMedian, withoutDrift, headDepth, STEADY_CAMERA_SECONDS } from '../src/motion/steadyCamera.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { lp_d10First2s } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { defaultOf, Option } from '../src/config.ts';

const FPS = 25;

test('runningMedian: a lone spike does not move it; a straight drift is its own median, to the ends', () => {
  const v = [0, 0, 0, 9, 0, 0, 0];
  assert.deepEqual(Array.from(runningMedian(v, 1)), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(Array.from(runningMedian([1, 2, 3, 4, 5], 3)), [1, 2, 3, 4, 5]);
  assert.deepEqual(Array.from(runningMedian([0, 0, 5, 0, 0], 1)), [0, 0, 0, 0, 0]);
  // the end frames are their own medians (point reflection): a steadied series starts at exactly 0, as the pose
  const wobble = Float64Array.from({ length: 60 }, (_, i) => 0.02 * Math.sin(i / 3) + 0.001 * i);
  const start = runningMedian(wobble, 25);
  assert.equal(start[0], wobble[0]);
  assert.equal(start[59], wobble[59]);
});

test('withoutDrift: a slow drift goes, a head bob of a second or less stays', () => {
  const n = 150;
  const drift = (i: number) => -0.18 * Math.min(1, i / 90); // the camera: 0.18 face widths over 3.6 s, then held
  const bob = (i: number) => 0.03 * Math.sin((2 * Math.PI * 1.2 * i) / FPS); // the head: 1.2 Hz
  const s = Float64Array.from({ length: n }, (_, i) => drift(i) + bob(i));
  withoutDrift(s, FPS);
  // inside the clip (a window's half from either end) the drift is gone to a few per cent of itself
  const inner = Array.from({ length: n - 2 * FPS }, (_, k) => k + FPS);
  const left = Math.max(...inner.map((i) => Math.abs(s[i]! - bob(i))));
  assert.ok(left < 0.02, `drift left ${left.toFixed(3)} of 0.18`);
  // the bob is kept at its size
  const kept = Math.max(...inner.map((i) => s[i]!)) - Math.min(...inner.map((i) => s[i]!));
  assert.ok(kept > 0.05 && kept < 0.08, `bob's range ${kept.toFixed(3)} (its own 0.06)`);
  // off: as read
  const off = Float64Array.from({ length: n }, (_, i) => drift(i));
  withoutDrift(off, FPS, 0);
  assert.equal(off[n - 1], drift(n - 1));
  assert.ok(STEADY_CAMERA_SECONDS > 0, 'a handheld window to ask for');
  // off by default: a still camera's speaker leans too (the lead, session 54: Katie's self-reenactment NME .059 -> .120 with it on)
  assert.equal(defaultOf(Option.steadyCamera), 0);
});

test('headDepth: a head turning in place does not move away; one that comes closer does', () => {
  // the eye corners 90 px apart, turned 0..35 deg: seen 90 cos(yaw) apart; then the same head 10 % closer
  const yaws = [0, 10, 20, 35, 35];
  const faces = yaws.map((yaw, i) => ({ m: { scale: 90 * Math.cos((yaw * Math.PI) / 180) * (i === 4 ? 1.1 : 1) }, angles: { yaw } }));
  const asSeen = Float64Array.from(faces, (f) => 4 * (1 - faces[0]!.m.scale / f.m.scale));
  assert.ok(asSeen[3]! < -0.8, `as seen, a 35 deg turn reads as moving away: ${asSeen[3]!.toFixed(2)}`);
  const tz = faces.map((f) => headDepth(faces[0]!, f, true));
  for (const i of [0, 1, 2, 3]) assert.ok(Math.abs(tz[i]!) < 1e-9, `turned ${yaws[i]} deg: tz ${tz[i]}`);
  assert.ok(Math.abs(tz[4]! - 4 * (1 - 1 / 1.1)) < 1e-9, 'coming closer still reads closer');
});

test('a real driver with a camera pan added: the photo gets the head\'s own translation, not the pan, and the same turn (lp_d10)', async () => {
  const raw = await lp_d10First2s(sharedData('video/lp_d10.mp4'));
  const first = raw.find((r) => r)!;
  const panWidths = 0.15, faceWidth = first.m.scale * 1.6, n = raw.length;
  // the camera pans: every landmark and the face's centre slide 0.15 face widths right and half that down over the clip
  const pan = (i: number): [number, number] => [(panWidths * faceWidth * i) / (n - 1), (0.5 * panWidths * faceWidth * i) / (n - 1)];
  const panned = raw.map((r, i): RawFaceFrame | null => {
    if (!r) return r;
    const [dx, dy] = pan(i);
    const lm = r.lm ? Float32Array.from(r.lm, (v, k) => (k % 3 === 0 ? v + dx : k % 3 === 1 ? v + dy : v)) : r.lm;
    return { ...r, lm, m: { ...r.m, centre: [r.m.centre[0] + dx, r.m.centre[1] + dy] } };
  });
  const mo = { fps: FPS, mapToInitPose: true, maxSide: 720, steadyCamera: STEADY_CAMERA_SECONDS };
  const still = videoMotionFromRaw(raw, 'lp_d10', mo), moved = videoMotionFromRaw(panned, 'lp_d10', mo);
  const asRead = videoMotionFromRaw(panned, 'lp_d10', { ...mo, steadyCamera: 0 }), asReadStill = videoMotionFromRaw(raw, 'lp_d10', { ...mo, steadyCamera: 0 });
  const most = (a: typeof still, b: typeof still, k: 'tx' | 'ty') => Math.max(...a.frames.map((f, i) => Math.abs(f.pose[k] - b.frames[i]!.pose[k])));
  // as read, the pan reaches the photo whole
  assert.ok(most(asRead, asReadStill, 'tx') > 0.9 * panWidths, `as read: the pan moves the photo ${most(asRead, asReadStill, 'tx').toFixed(3)}`);
  // steadied, the pan is gone to its end frames (the ends continued by reflection)
  assert.ok(most(moved, still, 'tx') < 0.2 * panWidths, `steadied: the pan moves the photo ${most(moved, still, 'tx').toFixed(3)} face widths`);
  assert.ok(most(moved, still, 'ty') < 0.2 * 0.5 * panWidths, `steadied ty ${most(moved, still, 'ty').toFixed(3)}`);
  // the head's turn is its own: the same whatever the camera did
  for (const k of ['yaw', 'pitch', 'roll'] as const) {
    const d = Math.max(...moved.frames.map((f, i) => Math.abs(f.pose[k] - still.frames[i]!.pose[k])));
    assert.ok(d < 0.05, `${k} moved ${d.toFixed(3)} deg with the pan`);
  }
});
