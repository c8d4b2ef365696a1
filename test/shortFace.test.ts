// A short lower face opens less for the same motion jawOpen (render/mouth/shortFace.ts, s58 bigmouth58, #13 "oversized
// cartoon openings"): the gain is the photo's lower face over the mean face's, bounded; a normal face keeps the gap,
// and the narrow-mouth gain (narrowJaw.ts) is not stacked on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { MEAN_FACE_LOWER, lowerFaceShareOf, shortFaceGain, shortFaceGainOf, shortFaceSetting } from '../src/render/mouth/shortFace.ts';
import { motionGap, type JawMap } from '../src/render/mouth/opening.ts';
import { meanFace } from '../src/rig/canonical.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('shortFaceGain: the lower face over the mean face\'s, at most 1, at least the floor; the constant is the mean face file\'s', () => {
  assert.ok(Math.abs(MEAN_FACE_LOWER - lowerFaceShareOf(meanFace())) < 1e-4, `${MEAN_FACE_LOWER} vs ${lowerFaceShareOf(meanFace())}`);
  assert.equal(shortFaceGainOf(meanFace()), 1);
  assert.equal(shortFaceGain(0.8), 1);
  assert.ok(Math.abs(shortFaceGain(0.9 * MEAN_FACE_LOWER) - 0.9) < 1e-9);
  assert.equal(shortFaceGain(0.3), shortFaceSetting.floor);
  assert.equal(shortFaceGain(0), 1, 'no face: no gain');
  assert.equal(shortFaceGain(0.6, { ...shortFaceSetting, on: false }), 1);
  assert.equal(lowerFaceShareOf(new Float64Array(10)), 0);
});

test('motionGap: the smaller of the narrow-mouth and the short-face shrink, never both; a slit untouched', () => {
  const map = { gaps: new Float64Array(51), photoJaw: 0, photoGap: 0 } as JawMap;
  const full = motionGap(map, 0.5);
  // a slit (under narrowJaw's fade) is contact, not the jaw's size
  assert.equal(motionGap({ ...map, faceShare: 0.9 * MEAN_FACE_LOWER }, 0.1), motionGap(map, 0.1));
  assert.ok(Math.abs(motionGap({ ...map, faceShare: 0.9 * MEAN_FACE_LOWER }, 0.5) - 0.9 * full) < 1e-9);
  // a narrow mouth (gain .8, past the fade) on a short face (.9): .8, not .72
  assert.ok(Math.abs(motionGap({ ...map, gain: 0.8, faceShare: 0.9 * MEAN_FACE_LOWER }, 0.5) - 0.8 * full) < 1e-9);
  assert.equal(motionGap({ ...map, faceShare: 0.8 }, 0.5), full, 'a long face keeps the gap');
});

test('st_full_body_1 (a short lower face) opens less than with the setting off; lp_s42 (a normal one) as before', async () => {
  const gap = async (name: string, on: boolean) => {
    const saved = shortFaceSetting.on;
    shortFaceSetting.on = on;
    try {
      const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, name))), { width: 512, height: 512 });
      const n = r.neutralFrame();
      const lm = r.landmarks({ ...n, w: { ...n.w, jawOpen: 0.45 } });
      const d = (a: number, b: number) => Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
      return d(13, 14) / d(33, 263);
    } finally { shortFaceSetting.on = saved; }
  };
  const off = await gap('st_full_body_1.png', false), on = await gap('st_full_body_1.png', true);
  assert.ok(on < 0.94 * off && on > 0.8 * off, `st_full_body_1 mesh gap ${off.toFixed(3)} -> ${on.toFixed(3)}`);
  const s42Off = await gap('lp_s42.jpg', false), s42On = await gap('lp_s42.jpg', true);
  assert.ok(Math.abs(s42On - s42Off) < 0.02 * s42Off, `lp_s42 ${s42Off.toFixed(4)} -> ${s42On.toFixed(4)}`);
});
