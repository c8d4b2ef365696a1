// Session 33 (tongue33, issue #13): the arched tongue's height and lit span, and the back of the mouth's light, from the
// driver's own opening (motion w driverTongue, driverBack: motion/driverCavity.ts openingMiddle read per frame).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { backFloorInto, backToneInto, driverArchTop, driverGrow, litShift, readingTrust } from '../src/render/mouth/driverTongue.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import { luma601 } from '../src/math/colour.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the driver reading: a top over its lit run, a lit span moved toward it, trusted as far as no teeth show', () => {
  assert.equal(driverArchTop(undefined, 0.75), 0.75);
  assert.ok(driverArchTop(0.68, 0.75) > driverArchTop(0.43, 0.75), 'a higher driver tongue stands ours higher');
  assert.equal(driverArchTop(0, 0.75), 0.4, 'never sunk under the least');
  assert.equal(driverArchTop(1, 0.75), 0.9, 'never up to the upper teeth');
  assert.equal(driverGrow(2, 1.5, 1, 0.6), 1.5);
  assert.equal(driverGrow(1, 1.5, 1, 0.6), 1.5, 'raised too, where the driver stands higher');
  assert.equal(driverGrow(1, 1.5, 0, 0.6), 1);
  assert.equal(driverGrow(2, null, 1, 0.6), 2);
  assert.equal(litShift(undefined), 0);
  assert.ok(litShift(0.68) > 0 && litShift(0.43) < 0);
  assert.equal(litShift(0.68, 0.59), 0, 'a driver showing teeth reads short: not trusted');
  assert.equal(readingTrust(undefined), 1);
  assert.equal(readingTrust(0.02), 1);
  assert.equal(readingTrust(0.5), 0);
});

test('the back floor: a purple-red at the driver\'s dark light, lifting black most and its own luma not at all', () => {
  const tone: [number, number, number] = [0, 0, 0], lips = [190, 110, 100];
  assert.equal(backToneInto(lips, undefined, tone), false);
  assert.ok(backToneInto(lips, 0.37, tone));
  const l = luma601(tone) / luma601(lips);
  assert.ok(l > 0.35 && l < 0.55, `tone ${l.toFixed(2)} of the lips`);
  assert.ok(tone[2] / tone[0] > lips[2]! / lips[0]!, 'bluer than the lips: purple-red');
  const black = Float64Array.from([0, 0, 0]), dim = Float64Array.from([30, 20, 20]), lit = Float64Array.from([200, 150, 140]);
  backFloorInto(black, tone, 1); backFloorInto(dim, tone, 1); backFloorInto(lit, tone, 1);
  assert.ok(luma601(black) > 0.6 * luma601(tone), 'black lifted most of the way');
  assert.ok(luma601(dim) >= luma601(black), 'order kept');
  assert.deepEqual(Array.from(lit), [200, 150, 140], 'a lit pixel untouched');
});

// (lp_d10 f83's mouth weights and readings, as `motion --video lp_d10.mp4 --max-seconds 8` tracked them; pose left at rest)
const F83 = { cheekPuff: 0.5919, jawOpen: 0.5939, mouthFrownLeft: 0.3604, mouthFrownRight: 0.4838, mouthFunnel: 0.3424, mouthLowerDown: 0.9906, mouthPress: 0.0084, mouthPucker: 0.0121, mouthRollUpper: 0.0644, mouthShrugUpper: 0.0074, mouthStretchRight: 0.0924, restLipGap: 0.0263, driverCavity: 0.2645, driverTeeth: 0.0026, driverUnder: 0.0851 };
const READ = { driverTongue: 0.6873, driverBack: 0.3717 };

test('lp_s5 <- lp_d10 f83: with the driver\'s readings the tongue stands higher and the back is a dim red, not black', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const read = (w: Record<string, number>) => {
    const f = { ...n, mouthDark: 1, w: { ...n.w, ...w } }, img = r.render(f), lm = flat(r.landmarks(f));
    return { m: openingMiddle({ ...img }, lm)!, c: cavityFigures({ ...img }, lm)! };
  };
  const before = read(F83), after = read({ ...F83, ...READ });
  const text = (x: typeof before) => `tongue ${x.m.tongue.toFixed(2)} cavity @${x.m.cavityLight.toFixed(2)} profile ${x.c.profile.map((v) => v.toFixed(2)).join(' ')}`;
  console.log(`lp_s5 <- f83 without: ${text(before)}\n              with: ${text(after)} [driver .68, @.36, .36 .44 .65 .95 .99]`);
  assert.ok(after.m.tongue > before.m.tongue + 0.04, `the tongue's lit run rises toward the driver's .68: ${before.m.tongue.toFixed(2)} -> ${after.m.tongue.toFixed(2)}`);
  assert.ok(after.m.cavityLight > before.m.cavityLight + 0.04, `the dark part lighter: ${before.m.cavityLight.toFixed(2)} -> ${after.m.cavityLight.toFixed(2)}`);
  assert.ok(after.c.profile[0]! > before.c.profile[0]! + 0.05, `the top band lighter: ${before.c.profile[0]!.toFixed(2)} -> ${after.c.profile[0]!.toFixed(2)}`);
});
