// s42 (tongueout42, issue #13, critic41 worst #1 "the driver's tongue is out over her lower teeth; ours stays a grooved
// floor deep in the mouth": st_happy <- lp_d6 f59-f67, lp_s42 <- lp_d6 f154-f170): render/mouth/tongueOut.ts reads a tongue
// out from the driver's run alone (in a lit opening, lit up to her upper row or no teeth left to read under it), and draws
// ours over the lower teeth and lit up to the upper row. Figures: bench/tongueLook.ts (bench/tongueLit.ts `top`, `lit`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { heldOut, outBelow, outGroove, rowUnderTongueOut, tongueOutDrop, tongueOutShare } from '../src/render/mouth/tongueOut.ts';
import { tongueLitFigures } from '../bench/tongueLit.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('a tongue out is read from the run alone, in a lit opening lit up to the row; frames without one read 0', () => {
  // (driverTongue, driverCavity, driverUnder, driverTeeth as `generate --video` carried them at e64e8bf)
  assert.ok(tongueOutShare(0.8649, 0.1103, 0.8786, 0.0039) > 0.95, 'lp_d6 f66 (a cut clip\'s track)');
  assert.ok(tongueOutShare(0.86, 0.11, 0.23, 0.0) > 0.95, 'lp_d6 f66 (the whole video\'s track: no teeth, under smoothed to .23)');
  assert.ok(tongueOutShare(0.78, 0.03, 0.86, 0.18) > 0.95, 'lp_d6 f154: a thin upper row (teeth .18) no longer makes the run untrusted');
  assert.equal(tongueOutShare(0.6873, 0.2645, 0.0851, 0.003), 0, 'lp_d10 f83: a tongue standing in the throat\'s dark');
  assert.equal(tongueOutShare(0.73, 0.02, 0.49, 0.14), 0, 'lp_d10 f20: a dim tongue back under a dark band');
  assert.equal(tongueOutShare(0.64, 0.11, 0.43, 0.09), 0, 'lp_d11 f166: her pale tongue under a dark band');
  assert.equal(tongueOutShare(0.37, 0.01, 0.6, 0.46), 0, 'lp_d6 f103: teeth, a short run');
  assert.equal(tongueOutShare(undefined, undefined, undefined, undefined), 0, 'audio: no reading');
  assert.equal(outBelow(0.05, 0), 0.05, 'no tongue out: the upper row\'s shade as before');
  assert.ok(outBelow(0.05, 1) >= 0.12, 'out: .05 IOD under the lip is past the shade\'s reach');
  assert.equal(outGroove(0.88, 0), 0.88);
  assert.ok(outGroove(0.88, 1) > 0.95, 'a faint groove on a tongue out');
  assert.equal(rowUnderTongueOut(0, 1), 1);
  assert.ok(rowUnderTongueOut(1, 1) < 0.2 && rowUnderTongueOut(1, 0) === 1, 'the lower row hidden under the tongue, not past it');
  assert.equal(tongueOutDrop(0, 20, 140), 0);
  assert.ok(tongueOutDrop(1, 20, 140) > 10, 'the tongue\'s base down to the lower row');
});

// (st_happy <- lp_d6 f66's mouth weights and readings, /work/review/s41/after/st_happy_lp_d6.motion.json; pose at rest)
const D6_F66 = { driverBack: 0.3162, driverCavity: 0.1103, driverTongue: 0.8649, driverUnder: 0.8786, driverTeeth: 0.0039, driverLowerShow: 0, driverTeethDepth: 0,
  jawOpen: 0.4104, mouthDimpleLeft: 0.0408, mouthDimpleRight: 0.132, mouthFrownLeft: 0.2678, mouthFrownRight: 0.517, mouthFunnel: 0.0972, mouthLowerDown: 0.9531,
  mouthRollUpper: 0.4207, mouthSmileLeft: 0.132, mouthSmileRight: 0.132, mouthStretchRight: 0.2393, mouthUpperUp: 0.0829 };

test('st_happy <- lp_d6 f66: her tongue out fills the opening lit up to the upper row; a dark band under the row keeps ours low', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const read = (under: number, teeth: number) => {
    const f = { ...n, mouthDark: 1, w: { ...n.w, ...D6_F66, driverUnder: under, driverTeeth: teeth } }, img = r.render(f);
    return tongueLitFigures({ ...img, data: Uint8ClampedArray.from(img.data) }, flat(r.landmarks(f)))!;
  };
  const out = read(0.8786, 0.0039), banded = read(0.45, 0.12);
  console.log(`st_happy <- f66: out top ${out.top.toFixed(2)} lit ${out.lit.toFixed(2)} | a dark band under the row (under .45, teeth .12): top ${banded.top.toFixed(2)} lit ${banded.lit.toFixed(2)} [driver top .80 lit .80; e64e8bf .63 / .61]`);
  assert.ok(out.top > 0.72, `the lit run up the middle toward the driver's .80 (e64e8bf .63): ${out.top.toFixed(2)}`);
  assert.ok(out.lit > 0.72, `the lit tongue's share of the opening toward her .80 (e64e8bf .61): ${out.lit.toFixed(2)}`);
  assert.ok(out.top > banded.top + 0.08, `a driver's dark band under her row keeps the tongue under it: ${banded.top.toFixed(2)} vs ${out.top.toFixed(2)}`);
});

test('a tongue out is held over a dip of a few frames, its run\'s start and end not moved (critic42: st_happy <- lp_d6 f58-67)', () => {
  // (driverTongue, driverCavity, driverUnder, driverTeeth of st_happy <- lp_d6 f56-f70 as `generate --video` carried them at 91b5d469)
  const reads: [number, number, number, number][] = [[0.85, 0.08, 0, 0], [0.81, 0.08, 0.11, 0], [0.76, 0.08, 0.38, 0.03], [0.71, 0.08, 0.58, 0.09],
    [0.69, 0.08, 0.63, 0.13], [0.65, 0.08, 0.62, 0.15], [0.57, 0.08, 0.61, 0.2], [0.6, 0.08, 0.69, 0.19], [0.75, 0.1, 0.87, 0.1], [0.85, 0.11, 0.96, 0.02],
    [0.86, 0.11, 0.88, 0], [0.82, 0.09, 0.69, 0.06], [0.71, 0.04, 0.59, 0.2], [0.6, 0.02, 0.61, 0.29], [0.57, 0.01, 0.65, 0.31]];
  const raw = reads.map((r) => tongueOutShare(...r));
  assert.ok(Math.min(...raw.slice(3, 8)) < 0.1, `read frame by frame, f59-f63 dip: ${raw.map((v) => v.toFixed(2)).join(' ')}`);
  const held = heldOut(raw);
  assert.ok(held.slice(0, 12).every((v) => v > 0.95), `held out through f56-f67: ${held.map((v) => v.toFixed(2)).join(' ')}`);
  assert.ok(held[13]! < 0.05 && held[14]! < 0.05, 'after her run ends (f69-f70) not held');
  assert.deepEqual(heldOut([0, 0, 1, 0, 0, 0, 0, 0, 0]), [0, 0, 1, 0, 0, 0, 0, 0, 0], 'a lone frame is not spread');
  assert.deepEqual(heldOut([1, 0, 0, 0, 0, 0, 0, 1]), [1, 1, 1, 1, 1, 1, 1, 1], 'a gap of 6 frames between outs is held');
  assert.deepEqual(heldOut([1, 0, 0, 0, 0, 0, 0, 0, 1]), [1, 0, 0, 0, 0, 0, 0, 0, 1], 'a gap of 7 is not');
  assert.deepEqual(heldOut([0, 0, 0, 0, 1, 1, 1, 0, 0, 0]), [0, 0, 0, 0, 1, 1, 1, 0, 0, 0], 'a run keeps its start and end');
});
