// Crossed eyes from a driver: the shared gaze is the eyes' mean, which cancels both irises turning
// toward the nose (lp_d6 at 2.7 s). The video motion carries the eyes' difference as `vergence` and
// the renderer moves each eye's iris by it, toward the nose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { lp_d6First3s } from './trackedVideo.ts';
import { eyeShiftX, GazeIris } from '../src/render/gazeIris.ts';
import { almondEyeUv, EYE_TEXTURE_SIZE } from './almondEyes.ts';
import { sharedData } from '../bench/sharedData.ts';

const data = (p: string) => sharedData(p);

test('vergence: lp_d6 crossing her eyes (2.5-2.9 s) reads as both toward the nose; the rest of the clip near 0', async () => {
  // (motionFromVideo(lp_d6, { fps: 25, maxSeconds: 3 }) from the run's shared track: tallNoGrin and motion-video track the same clip)
  const o = { fps: 25, mapToInitPose: true, maxSide: 720, maxSeconds: 3 };
  const m = videoMotionFromRaw(await lp_d6First3s(data('video/lp_d6.mp4')), data('video/lp_d6.mp4'), o);
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

test('vergence: the renderer crosses lp_s42\'s eyes (the darkest pixels of each opening move toward the nose)', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { EYE_L_LOOP, EYE_R_LOOP } = await import('../src/rig/topology.ts');
  const { insidePolygon } = await import('../src/math/polygon.ts');
  const portrait = await analyzePortrait(data('portraits/lp_s42.jpg'));
  const { width, height } = portrait.image;
  const r = createRenderer(buildAvatar(portrait), { width, height });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  // mean x of each opening's darkest quarter of pixels (the iris), image-right eye (EYE_L) first
  const irisX = (img: { data: Uint8ClampedArray }) => [EYE_L_LOOP, EYE_R_LOOP].map((loop) => {
    const poly = loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
    const px: [number, number][] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      const o = (y * width + x) * 4;
      px.push([img.data[o]! + img.data[o + 1]! + img.data[o + 2]!, x]);
    }
    const dark = px.sort((a, b) => a[0] - b[0]).slice(0, px.length >> 2);
    return dark.reduce((s, p) => s + p[1], 0) / dark.length;
  });
  const rest = irisX(r.render(n));
  const crossed = irisX(r.render({ ...n, vergence: 0.5 }));
  assert.ok(crossed[0]! - rest[0]! < -1, `image-right eye: iris x ${rest[0]!.toFixed(1)} -> ${crossed[0]!.toFixed(1)}`);
  assert.ok(crossed[1]! - rest[1]! > 1, `image-left eye: iris x ${rest[1]!.toFixed(1)} -> ${crossed[1]!.toFixed(1)}`);
});
