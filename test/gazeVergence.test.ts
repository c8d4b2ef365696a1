// Crossed eyes from a driver: the shared gaze is the eyes' mean, which cancels both irises turning
// toward the nose (lp_d6 at 2.7 s). The video motion carries the eyes' difference as `vergence` and
// the renderer moves each eye's iris by it, toward the nose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { eyeShiftX, GazeIris } from '../src/render/gazeIris.ts';
import { almondEyeUv, EYE_TEXTURE_SIZE } from './almondEyes.ts';

const data = (p: string) => new URL(`../../shared/data/${p}`, import.meta.url).pathname;

test('vergence: lp_d6 crossing her eyes (2.5-2.9 s) reads as both toward the nose; the rest of the clip near 0', async () => {
  const m = await motionFromVideo(data('video/lp_d6.mp4'), { fps: 25, maxSeconds: 3 });
  const v = m.frames.map((f) => f.vergence);
  assert.ok(v.every((x) => x !== undefined && Math.abs(x) <= 1), 'every frame carries a vergence within -1..1');
  const crossed = Math.max(...v.slice(62, 73).map(Number));
  const others = v.slice(0, 50).map((x) => Math.abs(x!)).sort((a, b) => a - b);
  const typical = others[others.length >> 1]!;
  assert.ok(crossed > 0.15, `crossed eyes: vergence up to ${crossed.toFixed(2)}`);
  assert.ok(typical < 0.12, `the first 2 s: median |vergence| ${typical.toFixed(2)}`);
});

test('vergence: each iris moves toward the nose (eye 0, image right: to the left), the shared shift still applies', () => {
  assert.equal(eyeShiftX(0, 0, 3), -3);
  assert.equal(eyeShiftX(1, 0, 3), 3);
  assert.equal(eyeShiftX(0, 2, 3), -1);
  const size = EYE_TEXTURE_SIZE;
  const tex = { width: size, height: size, data32: new Uint32Array(size * size).fill(0xffc8c8c8) };
  const gaze = new GazeIris(almondEyeUv(), tex);
  gaze.set(0, 0, 2);
  assert.ok(gaze.shaders[0] && gaze.shaders[1], 'both eyes drawn moved when only the vergence is set');
});
