// Session 28 (tongue28, issue #13 / critic27): a pink tongue filled lp_d10's dark open mouth at f93 (the sink's gate read
// only whether the driver showed teeth), and `view --expr jawOpen=.5` drew a tall lit tongue at every yaw. The gate now
// also reads the dark share of the driver's opening (motion/driverCavity.ts), and a still expression's open mouth is
// drawn at rest (render/mouth/tongueGate.ts). Figures: bench/tongueHeight.ts, docs/mouth/README.md (session 28).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { darkSinkGate, sinkGate, stillSink } from '../src/render/mouth/tongueGate.ts';
import type { MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { STILL_MOUTH } from '../src/rig/mouthBase.ts';
import { videoFrameAt } from '../bench/openLowerLipFigures.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = SHARED_DATA;
const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the sink\'s gate: in full without a driver, as far as the driver shows no teeth or a dark cavity', () => {
  assert.equal(sinkGate({}), 1, 'audio');
  assert.equal(sinkGate({ driverDark: 0.2 }), 0.2, 'a track without the cavity reading: mouthDark alone');
  assert.equal(sinkGate({ driverDark: 0.16, driverCavity: 0.4 }), 1, 'lp_d10 f93: upper teeth over a dark cavity');
  assert.equal(sinkGate({ driverDark: 0, driverCavity: 0.06 }), 0, 'lp_d6 f173: teeth and a lit tongue');
  assert.equal(sinkGate({ driverDark: 0, driverCavity: 0.2 }), 0, 'Katie f29: teeth and a lit tongue between them');
  // over a wide opening too, only by the cavity reading (audio and old tracks keep the fade)
  assert.equal(darkSinkGate({}), 0, 'audio');
  assert.equal(darkSinkGate({ driverCavity: 0.4 }), 1, 'lp_d10 f93');
  assert.equal(darkSinkGate({ driverCavity: 0.06 }), 0, 'lp_d6 f173');
});

test('a still mouth\'s tongue goes down to 0.35 of the gap over the lower lip, or the lower tips; no other frame moves', () => {
  // frontal, 100 px per IOD, the lower lip at the jaw's anchor (a plain jawOpen), a 0.34 IOD gap; tongue 14 px over its anchor, tips 9
  const p: MouthPlacement = { upperX: 0, upperY: 0, lowerX: 0, lowerY: 10, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.34, photoGap: 0, rebuilt: 1, lowerLipX: 0, lowerLipY: 10 };
  const sink = stillSink({ ...p, stillMouth: 1 }, 30, 9, 1, 0, 0);
  assert.ok(Math.abs(30 + 3 - sink - 0.35 * 34) < 1e-9, `top ${(33 - sink).toFixed(2)} px over the lip`);
  assert.equal(stillSink({ ...p, stillMouth: 1 }, 30, 20, 1, 0, 0), 13, 'no lower than the lower tips');
  assert.equal(stillSink(p, 30, 9, 1, 0, 0), 0, 'a driven or spoken frame');
});

test('the driver\'s cavity: lp_d10 f93 (upper teeth over a black band) reads dark, lp_d6 f46 / f173 (a lit tongue under the teeth) do not', async () => {
  const read = async (video: string, frame: number) => {
    const img = videoFrameAt(path.join(DATA, 'video', video), frame / 25 + 0.001);
    const face = (await detectFaces(img, { embedding: false }))[0]!;
    return openingMiddle(img, flat(face.landmarks))!;
  };
  const dark = await read('lp_d10.mp4', 93);
  console.log(`lp_d10 f93: dark ${dark.dark.toFixed(2)}, tongue ${dark.tongue.toFixed(2)} @ ${dark.tongueLight.toFixed(2)}`);
  assert.ok(dark.dark > 0.33, `lp_d10 f93 dark share ${dark.dark.toFixed(2)}`);
  assert.ok(dark.tongue < 0.4, `lp_d10 f93 tongue ${dark.tongue.toFixed(2)} of the opening`);
  for (const f of [46, 173]) {
    const lit = await read('lp_d6.mp4', f);
    console.log(`lp_d6 f${f}: dark ${lit.dark.toFixed(2)}, tongue ${lit.tongue.toFixed(2)} @ ${lit.tongueLight.toFixed(2)}`);
    assert.ok(lit.dark < 0.15, `lp_d6 f${f} dark share ${lit.dark.toFixed(2)}`);
    assert.ok(lit.tongueLight > 0.8, `lp_d6 f${f} tongue luma / lips ${lit.tongueLight.toFixed(2)}`);
  }
});

test('lp_s42 at jawOpen .5 held still (view --expr): the tongue lower, the cavity over it dark', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(DATA, 'portraits', 'lp_s42.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), open = { ...n, w: { ...n.w, jawOpen: 0.5 } }, still = { ...open, w: { ...open.w, [STILL_MOUTH]: 1 } };
  const middle = (f: typeof n) => openingMiddle({ ...r.render(f) }, flat(r.landmarks(f)))!;
  const a = middle(open), b = middle(still);
  console.log(`lp_s42 jawOpen .5: tongue ${a.tongue.toFixed(2)}@${a.tongueLight.toFixed(2)} dark ${a.dark.toFixed(2)} -> still ${b.tongue.toFixed(2)}@${b.tongueLight.toFixed(2)} dark ${b.dark.toFixed(2)}`);
  assert.ok(b.tongue < a.tongue - 0.1, `tongue share ${a.tongue.toFixed(2)} -> ${b.tongue.toFixed(2)}`);
  assert.ok(b.tongue > 0.05, `some tongue still shows: ${b.tongue.toFixed(2)}`);
  assert.ok(b.dark > a.dark + 0.1, `dark share ${a.dark.toFixed(2)} -> ${b.dark.toFixed(2)}`);
});
