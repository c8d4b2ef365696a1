// The driver's camera read off the scene around the head (src/motion/sceneMotion.ts, sceneCamera.ts): a pan of the
// whole frame is read to a fraction of a pixel whatever the head does, a head leaning over a still scene reads as a
// still camera, a head filling the frame leaves the camera unread, and the camera's shift leaves the photo's motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenePath, type GreyFrame, type HeadBox } from '../src/motion/sceneMotion.ts';
import { cameraPathOf, SCENE_TEXTURED_MIN } from '../src/motion/sceneCamera.ts';
import { withoutCamera } from '../src/motion/steadyCamera.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { lp_d10First2s } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

const S = 128;
/** A smooth textured scene (light 0..255) at any real point. */
const scene = (x: number, y: number) => 128 + 40 * Math.sin(x / 5.3 + Math.cos(y / 9.1)) + 35 * Math.cos(y / 4.7 - x / 13) + 20 * Math.sin((x + y) / 3.9);
/** The head: another pattern, inside a box. */
const face = (x: number, y: number) => 90 + 50 * Math.sin(x / 3.1) * Math.cos(y / 2.7);
const HEAD: HeadBox = { x0: 40, y0: 20, x1: 88, y1: 80 };

/** A frame: the scene shifted by (cx, cy), the head (its box shifted by (hx, hy)) drawn over it. */
function frame(cx: number, cy: number, hx: number, hy: number): GreyFrame {
  const data = new Float32Array(S * S);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
    const inHead = x >= HEAD.x0 + hx && x <= HEAD.x1 + hx && y >= HEAD.y0 + hy && y <= HEAD.y1 + hy;
    data[y * S + x] = inHead ? face(x - hx, y - hy) : scene(x - cx, y - cy);
  }
  return { width: S, height: S, data };
}
const boxAt = (dx: number, dy: number): HeadBox => ({ x0: HEAD.x0 + dx - 3, y0: HEAD.y0 + dy - 3, x1: HEAD.x1 + dx + 3, y1: HEAD.y1 + dy + 3 });

test('scenePath: a pan of the whole frame is read to a fraction of a pixel, whatever the head does over it', () => {
  const n = 30, cam = (i: number): [number, number] => [(-6 * i) / (n - 1), (2.5 * i) / (n - 1)];
  // the head rides the pan and leans on its own 4 px to the right as well
  const head = (i: number): [number, number] => [cam(i)[0] + (4 * i) / (n - 1), cam(i)[1]];
  const frames = Array.from({ length: n }, (_, i) => frame(...cam(i), ...head(i)));
  const p = scenePath(frames, Array.from({ length: n }, (_, i) => boxAt(...head(i))));
  const err = Math.max(...Array.from({ length: n }, (_, i) => Math.hypot(p.dx[i]! - cam(i)[0], p.dy[i]! - cam(i)[1])));
  assert.ok(err < 0.2, `the pan read within ${err.toFixed(3)} px`);
  assert.ok(p.textured > SCENE_TEXTURED_MIN, `the scene is readable: ${p.textured.toFixed(3)}`);
});

test('scenePath: a head leaning over a still scene reads as a still camera (the lean is the speaker\'s own)', () => {
  const n = 30, head = (i: number): [number, number] => [(10 * i) / (n - 1), (-3 * i) / (n - 1)];
  const frames = Array.from({ length: n }, (_, i) => frame(0, 0, ...head(i)));
  const p = scenePath(frames, Array.from({ length: n }, (_, i) => boxAt(...head(i))));
  const most = Math.max(...Array.from({ length: n }, (_, i) => Math.hypot(p.dx[i]!, p.dy[i]!)));
  assert.ok(most < 0.2, `a still camera read as moving ${most.toFixed(3)} px`);
});

/** A tracked face whose landmarks span the box (track pixels), centre in its middle. */
const tracked = (b: HeadBox): RawFaceFrame => ({ lm: Float32Array.from([b.x0, b.y0, 0, b.x1, b.y1, 0]), m: { centre: [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2], scale: 20 } }) as unknown as RawFaceFrame;

test('cameraPathOf: a head filling the frame leaves the camera unread; a readable scene gives its shift in the track\'s pixels', () => {
  const n = 12, frames = Array.from({ length: n }, (_, i) => frame(i / 4, 0, i / 4, 0));
  // the face's landmarks over most of the frame: its hair and neck box is all of it (Katie, pose796: the translation left as read)
  assert.equal(cameraPathOf(frames, Array.from({ length: n }, () => tracked({ x0: 20, y0: 30, x1: 108, y1: 100 })), S), undefined);
  // a small face (landmarks 54..74 x 40..60 of 128): the scene is read; the track made at 4x the grey frames' size
  const small = Array.from({ length: n }, (_, i) => tracked({ x0: 4 * (54 + i / 4), y0: 160, x1: 4 * (74 + i / 4), y1: 240 }));
  const p = cameraPathOf(frames, small, 4 * S);
  assert.ok(p, 'read');
  assert.ok(Math.abs(p.dx[n - 1]! - 4 * ((n - 1) / 4)) < 1, `the pan in track pixels: ${p.dx[n - 1]!.toFixed(2)} of ${(n - 1).toFixed(0)}`);
});

test('withoutCamera: the camera\'s shift in face widths leaves the translation; a real driver panned by a read camera gets its own motion back (lp_d10)', async () => {
  const tx = Float64Array.from([0, 0.1, 0.2]), ty = Float64Array.from([0, 0, 0.05]);
  withoutCamera(tx, ty, { dx: [0, 10, 10], dy: [0, 0, 5] }, 100);
  assert.deepEqual(Array.from(tx).map((v) => +v.toFixed(12)), [0, 0, 0.1]);
  assert.deepEqual(Array.from(ty).map((v) => +v.toFixed(12)), [0, 0, 0]);
  const raw = await lp_d10First2s(sharedData('video/lp_d10.mp4'));
  const n = raw.length, first = raw.find((r) => r)!, faceWidth = first.m.scale * 1.6;
  const pan = (i: number): [number, number] => [(0.15 * faceWidth * i) / (n - 1), (0.05 * faceWidth * i) / (n - 1)];
  const panned = raw.map((r, i): RawFaceFrame | null => {
    if (!r) return r;
    const [dx, dy] = pan(i);
    return { ...r, lm: r.lm && Float32Array.from(r.lm, (v, k) => (k % 3 === 0 ? v + dx : k % 3 === 1 ? v + dy : v)), m: { ...r.m, centre: [r.m.centre[0] + dx, r.m.centre[1] + dy] } };
  });
  const camera = { dx: Float64Array.from({ length: n }, (_, i) => pan(i)[0]), dy: Float64Array.from({ length: n }, (_, i) => pan(i)[1]) };
  const mo = { fps: 25, mapToInitPose: true, maxSide: 720 };
  const still = videoMotionFromRaw(raw, 'lp_d10', mo), steadied = videoMotionFromRaw(panned, 'lp_d10', { ...mo, camera }), asRead = videoMotionFromRaw(panned, 'lp_d10', mo);
  const most = (a: typeof still, k: 'tx' | 'ty') => Math.max(...a.frames.map((f, i) => Math.abs(f.pose[k] - still.frames[i]!.pose[k])));
  assert.ok(most(asRead, 'tx') > 0.1, `as read the pan reaches the photo: ${most(asRead, 'tx').toFixed(3)}`);
  // (the pan goes through the same smoothing as the head: what is left is the filters' lag on a ramp)
  assert.ok(most(steadied, 'tx') < 0.01 && most(steadied, 'ty') < 0.01, `the camera taken out: tx ${most(steadied, 'tx').toFixed(4)} ty ${most(steadied, 'ty').toFixed(4)}`);
  for (const k of ['yaw', 'pitch', 'roll'] as const) assert.ok(Math.max(...steadied.frames.map((f, i) => Math.abs(f.pose[k] - still.frames[i]!.pose[k]))) < 0.05, k);
});
