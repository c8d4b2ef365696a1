// A tall opening is no grin (rig/mouthPrior.ts tallGrinCap, motion/mouthAfterSmoothing.ts
// tallGrinCaps + keepWideMouth, #13/#14 tallO26): a driver's shout or open "oh" widens its mouth, and the fit
// gave that spread to the smile, so the photo grinned; open smiles (wide and low) keep theirs, and so does a
// tall opening full of teeth, a grimace (toothyGrinRoom, grim27).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRINNING, WIDENING, openingAspect, tallGrinCap, toothyGrinRoom, widthFromWeights, TALL_FROM, TALL_FULL, TOOTHY_FROM, TOOTHY_FULL, GRIMACE_WIDTH_FROM } from '../src/rig/mouthPrior.ts';
import { meanFace } from '../src/rig/fit.ts';
import { Channels } from '../src/motion/channels.ts';
import { keepWideMouth, tallGrinCaps } from '../src/motion/mouthAfterSmoothing.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { lp_d6First3s } from './trackedVideo.ts';
import { SMILE_ROOM } from '../src/rig/mouthBase.ts';
import { sharedData } from '../bench/sharedData.ts';

const video = (name: string) => sharedData(`video/${name}`);

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

test('keepWideMouth with tallGrinCaps: a tall frame gives its smile and dimples\' width to the stretch; low and unusable frames are as without caps', () => {
  // frames 0-3 at the rest width, shut; 4-5 wider, low (an open smile); 6-8 wider, tall (a shout); 9 tall but unusable
  const n = 10, valid = [...Array(n).keys()].map((i) => i < 9);
  const widths = Float64Array.from({ length: n }, (_, i) => (i < 4 ? 1 : 1.2));
  const aspects = Float64Array.from({ length: n }, (_, i) => (i < 4 ? 0 : i < 6 ? 0.3 : 0.9));
  const make = () => {
    const ch = new Channels(n);
    for (const c of GRINNING) ch.get(`w.${c}`).fill(0.5);
    ch.get('w.mouthStretchLeft').fill(0.2);
    ch.get('w.mouthStretchRight').fill(0.2);
    ch.get('w.mouthFunnel');
    ch.get('w.mouthPucker');
    return ch;
  };
  const plain = make(), capped = make();
  keepWideMouth(plain, widths, valid);
  const caps = tallGrinCaps(aspects, valid);
  assert.deepEqual([...caps], [1, 1, 1, 1, 1, 1, 0, 0, 0, 1]);
  keepWideMouth(capped, widths, valid, caps);
  for (const name of plain.names) for (const i of [0, 1, 2, 3, 4, 5, 9]) assert.equal(capped.get(name)[i], plain.get(name)[i], `${name} f${i}`);
  for (const i of [7, 8]) {
    for (const c of GRINNING) assert.equal(capped.get(`w.${c}`)[i], 0, `${c} f${i}`);
    const w = Object.fromEntries(plain.names.map((name) => [name.slice(2), capped.get(name)[i]!]));
    assert.ok(capped.get('w.mouthStretchLeft')[i]! > 0.2, 'the stretch makes up the width');
    assert.ok(widthFromWeights(w) > 1.1 && widthFromWeights(w) <= 1.2 + 1e-9, `width ${widthFromWeights(w)}`);
  }
});

test('tallGrinCaps with teeth: a tall, wide opening full of teeth (a grimace) keeps its smile; few teeth or a narrow opening keep the cap; the median of 3 frames', () => {
  assert.equal(toothyGrinRoom(TOOTHY_FROM, 1.2), 0);
  assert.equal(toothyGrinRoom(TOOTHY_FULL, 1.2), 1);
  assert.equal(toothyGrinRoom(TOOTHY_FULL, GRIMACE_WIDTH_FROM), 0, 'no wider than the rest: an O showing its teeth');
  assert.ok(toothyGrinRoom(0.3, 1.2) > 0 && toothyGrinRoom(0.3, 1.2) < 1);
  // every frame tall (cap 0); teeth: none, an "ah"'s (.14), a grimace's (.65) for three frames, one stray toothy frame;
  // all wider than the rest (1.1; the rest is the neutral's, 1) but for the last three, narrower (0.9: an O with teeth)
  const valid = Array(13).fill(true) as boolean[];
  const aspects = new Float64Array(13).fill(0.9);
  const teeth = Float64Array.from([0, 0.14, 0.65, 0.65, 0.65, 0.14, 0.14, 0.65, 0.14, 0.14, 0.65, 0.65, 0.65]);
  const widths = Float64Array.from({ length: 13 }, (_, i) => (i < 10 ? 1.1 : 0.9));
  assert.deepEqual([...tallGrinCaps(aspects, valid, { teeth, widths })], [0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual([...tallGrinCaps(aspects, valid)], Array(13).fill(0), 'without teeth shares: as before');
});

test('lp_d6, first 3 s: her bared-teeth grimace (f44-46, tall, 2/3 of the opening teeth) keeps its smile; her open mouth f59-61 (few teeth) loses it', async () => {
  // (the first 3 s of the run's shared 7.72 s track, test/trackedVideo.ts lp_d6First3s: tracking is causal, the same 75 frames)
  const raw = await lp_d6First3s(video('lp_d6.mp4'));
  // (lipSides and sneerSides off in both: their entries are what the final weights leave out of hers, so any change of the smiles moves them)
  const on = motionFramesFromRaw(raw, 25, true, { fit: { lipSides: false, sneerSides: false } }).frames, off = motionFramesFromRaw(raw, 25, true, { fit: { tallNoGrin: false, lipSides: false, sneerSides: false } }).frames;
  const noTeeth = motionFramesFromRaw(raw.map((r) => r && { ...r, teethShare: undefined }), 25, true).frames;
  const smile = (f: (typeof on)[number]) => ((f.w.mouthSmileLeft ?? 0) + (f.w.mouthSmileRight ?? 0)) / 2;
  for (const i of [44, 45, 46]) assert.ok(raw[i]!.teethShare! > 0.5, `f${i} teeth ${raw[i]!.teethShare}`);
  for (const i of [45, 46]) assert.ok(smile(on[i]!) > smile(off[i]!) - 0.02, `f${i}: the grimace's smile as without the cap: ${smile(on[i]!).toFixed(3)} [${smile(off[i]!).toFixed(3)}]`);
  assert.ok(smile(on[45]!) > 0.3 && smile(noTeeth[45]!) < 0.1, `f45 smile ${smile(on[45]!).toFixed(2)}, without the teeth ${smile(noTeeth[45]!).toFixed(2)}`);
  const changed = on.map((f, i) => JSON.stringify(f) !== JSON.stringify(off[i])).flatMap((c, i) => (c ? [i] : []));
  assert.ok(changed.length > 0 && changed.length < 0.4 * on.length, `changed ${changed.join(',')}`);
  assert.ok([59, 60, 61].every((i) => changed.includes(i) && smile(on[i]!) < 0.1), `f60 smile ${smile(off[60]!).toFixed(2)} -> ${smile(on[60]!).toFixed(2)}`);
  for (const i of changed) {
    // (the cap itself rides along for the photo's own smile, rig/mouthBase.ts keepPhotoSmile)
    for (const k of Object.keys(on[i]!.w)) if (!WIDENING.includes(k as never) && k !== SMILE_ROOM) assert.equal(on[i]!.w[k], off[i]!.w[k], `f${i} ${k}`);
    assert.ok(smile(on[i]!) <= smile(off[i]!));
  }
});
