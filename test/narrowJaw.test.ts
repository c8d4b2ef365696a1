// A narrow mouth opens less for the same motion jawOpen (render/mouth/narrowJaw.ts, s48 narrowmouth48, #13): the
// gain follows the photo's mouth width over the reference, bounded; normal mouths keep the driver's gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { DRIVER_MOUTH_WIDTH, MEAN_FACE_MOUTH_WIDTH, mouthShareOf, mouthWidthOf, narrowGap, narrowJawGain, narrowJawGainFor, narrowJawGainOf, narrowJawRef, narrowJawSetting } from '../src/render/mouth/narrowJaw.ts';
import { markDriverMouth } from '../src/motion/channelsToFrames.ts';
import { meanFace } from '../src/rig/canonical.ts';
import { shortFaceSetting } from '../src/render/mouth/shortFace.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('narrowJawGain: width over the reference, at most 1, at least the floor', () => {
  assert.equal(narrowJawGain(0.6, 0.5, 0.7), 1);
  assert.ok(Math.abs(narrowJawGain(0.4, 0.5, 0.7) - 0.8) < 1e-12);
  assert.equal(narrowJawGain(0.2, 0.5, 0.7), 0.7);
  assert.equal(narrowJawGain(0, 0.5, 0.7), 1);
  // the mean face itself is a normal mouth
  assert.equal(narrowJawGainOf(meanFace()), 1);
  // the renderer's constant (it also runs in the browser, which reads no files) is the mean face file's width
  assert.ok(Math.abs(MEAN_FACE_MOUTH_WIDTH - mouthWidthOf(meanFace())) < 1e-6, `${MEAN_FACE_MOUTH_WIDTH} vs ${mouthWidthOf(meanFace())}`);
});

test('narrowGap: a slit untouched, an opening scaled by the gain, monotone in between', () => {
  const { fadeFrom, fadeTo, floor } = narrowJawSetting;
  assert.equal(narrowGap(0.5 * fadeFrom, 0.8), 0.5 * fadeFrom);
  assert.ok(Math.abs(narrowGap(fadeTo + 0.1, 0.8) - 0.8 * (fadeTo + 0.1)) < 1e-12);
  assert.equal(narrowGap(0.3, 1), 0.3);
  let last = -1;
  for (let g = 0; g <= 0.6; g += 0.002) { const v = narrowGap(g, floor); assert.ok(v > last, `falls at ${g}`); last = v; }
});

test('s49: the reference is the driver\'s own mouth share when narrower than the mean face\'s; absent or wider, the mean face', () => {
  const mean = narrowJawSetting.refShare * MEAN_FACE_MOUTH_WIDTH;
  assert.ok(Math.abs(narrowJawRef(undefined) - mean) < 1e-12);
  assert.ok(Math.abs(narrowJawRef(0.42) - narrowJawSetting.refShare * 0.42) < 1e-12, 'a narrow driver (lp_d11 / lp_d14 .42)');
  assert.ok(Math.abs(narrowJawRef(0.59) - mean) < 1e-12, 'a wide driver (Katie .59) keeps the mean face');
  assert.ok(Math.abs(narrowJawRef(0.42, { ...narrowJawSetting, relative: false }) - mean) < 1e-12, 'relative off: s48');
  // lp_s7 (share .372): shrunk under a normal driver, hardly under a narrow one, not at all under her own width
  assert.ok(narrowJawGainFor(0.372, 0.55) < 0.85 && narrowJawGainFor(0.372, 0.42) > 0.95 && narrowJawGainFor(0.372, 0.372) === 1);
  assert.equal(narrowJawGainFor(0.372, 0.42, { ...narrowJawSetting, on: false }), 1);
  // the mean face's eye corners are 1 apart: its share is its width
  assert.ok(Math.abs(mouthShareOf(meanFace()) - MEAN_FACE_MOUTH_WIDTH) < 1e-4);
});

test('s49: a video motion carries its driver\'s neutral mouth share on every frame', () => {
  const frames = [{ w: {} as Record<string, number> }, { w: { jawOpen: 0.3 } as Record<string, number> }];
  markDriverMouth(frames as never, meanFace());
  for (const f of frames) assert.ok(Math.abs(f.w[DRIVER_MOUTH_WIDTH]! - MEAN_FACE_MOUTH_WIDTH) < 1e-3, JSON.stringify(f.w));
  const none = [{ w: {} as Record<string, number> }];
  markDriverMouth(none as never, new Float64Array(478 * 3));
  assert.equal(none[0]!.w[DRIVER_MOUTH_WIDTH], undefined, 'no face: no entry');
});

test('a narrow mouth (lp_s7) opens less for its width than before, a normal one (lp_s42) as before', async () => {
  const aspect = async (name: string, on: boolean, extra: Record<string, number> = {}) => {
    // (the narrow-mouth layer alone: s58's short-face gain off, lp_s7's lower face is short too)
    const saved = narrowJawSetting.on, savedFace = shortFaceSetting.on;
    narrowJawSetting.on = on;
    shortFaceSetting.on = false;
    try {
      const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, name))), { width: 512, height: 512 });
      const n = r.neutralFrame();
      const lm = r.landmarks({ ...n, w: { ...n.w, jawOpen: 0.5, ...extra } });
      const d = (a: number, b: number) => Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
      return d(13, 14) / d(78, 308);
    } finally { narrowJawSetting.on = saved; shortFaceSetting.on = savedFace; }
  };
  const s7Off = await aspect('lp_s7.jpg', false), s7On = await aspect('lp_s7.jpg', true);
  assert.ok(s7On < 0.92 * s7Off, `lp_s7 opening aspect ${s7Off.toFixed(3)} -> ${s7On.toFixed(3)}`);
  assert.ok(s7On > 0.6 * s7Off, `lp_s7 still opens: ${s7On.toFixed(3)}`);
  // s49: under a narrow driver (lp_d11's .43) lp_s7 opens nearly as off; under a wide one (Katie's .58) as against the mean face
  const s7Narrow = await aspect('lp_s7.jpg', true, { [DRIVER_MOUTH_WIDTH]: 0.43 }), s7Wide = await aspect('lp_s7.jpg', true, { [DRIVER_MOUTH_WIDTH]: 0.58 });
  assert.ok(s7Narrow > 0.94 * s7Off && s7Narrow > s7On + 0.02, `lp_s7 under a narrow driver ${s7Narrow.toFixed(3)} [off ${s7Off.toFixed(3)}, mean face ${s7On.toFixed(3)}]`);
  assert.ok(Math.abs(s7Wide - s7On) < 1e-9, `lp_s7 under a wide driver ${s7Wide} = ${s7On}`);
  const s42Off = await aspect('lp_s42.jpg', false), s42On = await aspect('lp_s42.jpg', true);
  assert.ok(Math.abs(s42On - s42Off) < 1e-9, `lp_s42 ${s42Off} -> ${s42On}`);
});
