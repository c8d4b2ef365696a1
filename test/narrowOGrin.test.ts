// A small rounded vowel is no grin (rig/mouthPrior.ts narrowOpeningGrinCap, motion/mouthAfterSmoothing.ts
// tallGrinCaps, #13 round28): the child's "o" (lp_d11 f90, a mouth 0.83-0.88 of her median width around an
// opening a third as tall as wide) fitted smile .22, and the Mona Lisa grinned with a row of teeth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrowOpeningGrinCap, NARROW_O_TALL_FROM, NARROW_O_TALL_FULL, NARROW_O_WIDTH_FULL } from '../src/rig/mouthPrior.ts';
import { tallGrinCaps } from '../src/motion/mouthAfterSmoothing.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { lp_d11First6s } from './trackedVideo.ts';
import { SMILE_ROOM } from '../src/rig/mouthBase.ts';
import { sharedData } from '../bench/sharedData.ts';

const video = (name: string) => sharedData(`video/${name}`);

test('narrowOpeningGrinCap: a slit or a mouth at its median width holds any smile; an open narrow mouth none', () => {
  for (const w of [0.6, 0.9, 1, 1.3]) assert.equal(narrowOpeningGrinCap(NARROW_O_TALL_FROM, w), 1, `slit at width ${w}`);
  for (const a of [0.3, 0.5, 1]) assert.equal(narrowOpeningGrinCap(a, 1), 1, `aspect ${a} at the median width`);
  for (const w of [NARROW_O_WIDTH_FULL, 0.7]) assert.equal(narrowOpeningGrinCap(NARROW_O_TALL_FULL, w), 0);
  const mid = narrowOpeningGrinCap((NARROW_O_TALL_FROM + NARROW_O_TALL_FULL) / 2, NARROW_O_WIDTH_FULL);
  assert.ok(mid > 0.3 && mid < 0.7, `${mid}`);
  assert.ok(narrowOpeningGrinCap(0.3, 0.95) > narrowOpeningGrinCap(0.3, 0.92));
});

test('tallGrinCaps with the clip\'s widths: narrow open frames are capped, wide or shut ones not; without widths as before', () => {
  // frames 0-8 at the median width (1) with a low opening (an open smile), 9-11 narrow (0.85) and open, 12-13 narrow and shut, 14 narrow and open but unusable
  const n = 15, valid = [...Array(n).keys()].map((i) => i < 14);
  const widths = Float64Array.from({ length: n }, (_, i) => (i < 9 ? 1 : 0.85));
  const aspects = Float64Array.from({ length: n }, (_, i) => (i < 9 ? 0.3 : i < 12 ? 0.36 : i < 14 ? 0.05 : 0.36));
  assert.deepEqual([...tallGrinCaps(aspects, valid, undefined, widths)], [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
  assert.deepEqual([...tallGrinCaps(aspects, valid)], Array(n).fill(1));
});

test('lp_d11, first 6.2 s: her small "o" (f90) loses the fit\'s smile, her open smile (f148) and her pucker (f65) are as without the cap', async () => {
  const raw = await lp_d11First6s(video('lp_d11.mp4'));
  const on = motionFramesFromRaw(raw, 25, true).frames, off = motionFramesFromRaw(raw, 25, true, { fit: { narrowNoGrin: false } }).frames;
  const smile = (f: (typeof on)[number]) => ((f.w.mouthSmileLeft ?? 0) + (f.w.mouthSmileRight ?? 0)) / 2;
  assert.ok(smile(off[90]!) > 0.15 && smile(on[90]!) < 0.05, `f90 smile ${smile(off[90]!).toFixed(2)} -> ${smile(on[90]!).toFixed(2)}`);
  assert.ok((on[90]!.w[SMILE_ROOM] ?? 1) < 0.1, 'and no room for the photo\'s own smile');
  for (const i of [65, 148]) assert.deepEqual(on[i], off[i], `f${i}`);
  assert.ok(smile(on[148]!) > 0.8, `f148 smile ${smile(on[148]!).toFixed(2)}`);
});
