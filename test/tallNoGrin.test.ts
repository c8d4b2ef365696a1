// A tall opening is no grin (rig/mouthPrior.ts tallGrinCap, motion/mouthAfterSmoothing.ts
// noGrinInTallOpening, #13/#14 tallO26): a driver's shout or open "oh" widens its mouth, and the fit
// gave that spread to the smile, so the photo grinned; open smiles (wide and low) keep theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { GRINNING, openingAspect, tallGrinCap, TALL_FROM, TALL_FULL } from '../src/rig/mouthPrior.ts';
import { meanFace } from '../src/rig/fit.ts';
import { Channels } from '../src/motion/channels.ts';
import { noGrinInTallOpening } from '../src/motion/mouthAfterSmoothing.ts';
import { motionFramesFromRaw, trackVideo } from '../src/motion/fromVideo.ts';

const video = (name: string) => fileURLToPath(new URL(`../../shared/data/video/${name}`, import.meta.url));

test('tallGrinCap: a low opening (an open smile) holds any smile, a tall one none, falling in between', () => {
  // Katie's open smile peaks at 0.33-0.41 (f23-f27), lp_d6's at 0.30 (f181)
  for (const a of [0, 0.25, 0.33, TALL_FROM]) assert.equal(tallGrinCap(a), 1);
  for (const a of [TALL_FULL, 0.8, 2.2]) assert.equal(tallGrinCap(a), 0);
  const mid = tallGrinCap((TALL_FROM + TALL_FULL) / 2);
  assert.ok(mid > 0.4 && mid < 0.6, `${mid}`);
  assert.ok(tallGrinCap(0.5) > tallGrinCap(0.55));
});

test('openingAspect: the mean face is shut; parting its inner lips by half their width reads 0.5', () => {
  const face = meanFace();
  assert.ok(openingAspect(face) < 0.05, `${openingAspect(face)}`);
  const open = Float64Array.from(face);
  const width = Math.hypot(face[78 * 3]! - face[308 * 3]!, face[78 * 3 + 1]! - face[308 * 3 + 1]!);
  open[13 * 3 + 1] = face[13 * 3 + 1]! - width / 4;
  open[14 * 3 + 1] = face[13 * 3 + 1]! + width / 4;
  open[13 * 3] = open[14 * 3] = face[13 * 3]!;
  assert.ok(Math.abs(openingAspect(open) - 0.5) < 1e-9, `${openingAspect(open)}`);
});

test('noGrinInTallOpening: a tall frame loses its smile and dimples; low and unusable frames are left as they were', () => {
  const n = 7, ch = new Channels(n);
  for (const c of GRINNING) ch.get(`w.${c}`).fill(0.8);
  ch.get('w.mouthStretchLeft').fill(0.3);
  // frames 0-2 low (an open smile), 3-5 tall (a shout), 6 tall but unusable
  const aspects = Float64Array.from([0.3, 0.3, 0.3, 0.9, 0.9, 0.9, 0.9]);
  noGrinInTallOpening(ch, aspects, [true, true, true, true, true, true, false]);
  for (const c of GRINNING) {
    const w = ch.get(`w.${c}`);
    for (const i of [0, 1, 2, 6]) assert.equal(w[i], 0.8, `${c} f${i}`);
    // frame 3's median of 3 is still tall (0.3, 0.9, 0.9)
    for (const i of [3, 4, 5]) assert.equal(w[i], 0, `${c} f${i}`);
  }
  assert.ok(ch.get('w.mouthStretchLeft').every((v) => v === 0.3), 'the stretch is not a grin');
});

test('lp_d6, first 3 s: her frown with the lips apart (f44-48, tall) loses the fitted smile; every other frame is unchanged', async () => {
  const raw = await trackVideo(video('lp_d6.mp4'), { fps: 25, maxSide: 720, maxSeconds: 3 });
  const on = motionFramesFromRaw(raw, 25, true).frames, off = motionFramesFromRaw(raw, 25, true, { fit: { tallNoGrin: false } }).frames;
  const smile = (f: (typeof on)[number]) => ((f.w.mouthSmileLeft ?? 0) + (f.w.mouthSmileRight ?? 0)) / 2;
  const changed = on.map((f, i) => JSON.stringify(f) !== JSON.stringify(off[i])).flatMap((c, i) => (c ? [i] : []));
  assert.ok(changed.length > 0 && changed.length < 0.4 * on.length, `changed ${changed.join(',')}`);
  assert.ok(smile(off[45]!) > 0.3 && smile(on[45]!) < 0.1, `f45 smile ${smile(off[45]!).toFixed(2)} -> ${smile(on[45]!).toFixed(2)}`);
  for (const i of changed) {
    for (const k of Object.keys(on[i]!.w)) if (!GRINNING.includes(k as never)) assert.equal(on[i]!.w[k], off[i]!.w[k], `f${i} ${k}`);
    assert.ok(smile(on[i]!) <= smile(off[i]!));
  }
});
