// s36 (slab36, issue #13): the tongue a rounded mass across the opening, its sides turned from the light (critic35:
// "open mouths as flat painted slabs", lp_s5 <- lp_d10 f79-83 a uniform salmon disc; real tongues' outer columns
// .57-.84 of the middle's luma, bench/cavityProfile.ts `sides`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { tongueSideLight, TONGUE_SIDE_SHADE } from '../src/render/mouth/tongueRound.ts';
import { wallLight, wallTone } from '../src/render/mouth/cavityWall.ts';
import { floorLift } from '../src/render/mouth/cavityFloor.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the tongue lit down its middle, its sides in shade, symmetric', () => {
  assert.equal(tongueSideLight(0), 1);
  assert.equal(tongueSideLight(0.15), 1, 'the middle stays lit');
  assert.ok(tongueSideLight(0.65) < 0.85 && tongueSideLight(0.65) > 0.7, `lateral .65: ${tongueSideLight(0.65).toFixed(2)}`);
  assert.ok(Math.abs(tongueSideLight(1) - (1 - TONGUE_SIDE_SHADE)) < 1e-9);
  assert.equal(tongueSideLight(-0.5), tongueSideLight(0.5));
  assert.equal(tongueSideLight(0.8, 0), 1, 'shade 0: as before');
});

// (lp_d10 f83's mouth weights, as `motion --video lp_d10.mp4` tracked them; pose at rest; its driver reads sides .71)
const F83 = { jawOpen: 0.5626, mouthLowerDown: 0.9907, mouthFunnel: 0.3749, mouthFrownLeft: 0.2832, mouthFrownRight: 0.4375, mouthRollUpper: 0.0781, mouthStretchRight: 0.0878, cheekPuff: 0.4205, restLipGap: 0.0452, driverBack: 0.3717, driverCavity: 0.2645, driverTeethDepth: 0.0136, driverTongue: 0.6873, driverUnder: 0.0851 };

test('lp_s5 wide open: the tongue\'s outer columns darker than its middle, as a real tongue\'s', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), open = { ...n, w: { ...n.w, ...F83 } };
  const img = r.render(open), c = cavityFigures({ ...img }, flat(r.landmarks(open)))!;
  console.log(`lp_s5 wide open: sides ${c.sides.toFixed(2)} range ${c.range.toFixed(2)} profile ${c.profile.map((v) => v.toFixed(2)).join(' ')}`);
  // (before slab36: a flat disc, sides .96-1.02 at lp_d10 f79/f83's frames; lp_d10 itself .71-.84)
  assert.ok(c.sides < 0.88, `sides ${c.sides.toFixed(2)}`);
});

test('the floors fall off toward the corners as real cavities do, so a lifted dark keeps the walls (cavityWall.ts)', () => {
  // (the real fall across the upper middle: lp_d10 f93 1 .97 .83 .69, lp_d11 f165 1 .96 .92 .68 at lateral .1 .3 .5 .7)
  const at = [0.1, 0.3, 0.5, 0.7].map((l) => wallLight(l));
  assert.equal(at[0], 1);
  assert.ok(at[1]! > 0.9 && at[2]! < 0.88 && at[3]! > 0.6 && at[3]! < 0.78, at.map((v) => v.toFixed(2)).join(' '));
  assert.equal(wallLight(-0.5), wallLight(0.5));
  const lifted = new Float64Array([2, 1, 1]), wallLifted = new Float64Array([2, 1, 1]), floor = [60, 30, 30];
  floorLift(lifted, wallTone(floor, wallLight(0), 0), 1);
  floorLift(wallLifted, wallTone(floor, wallLight(0.7), 1), 1);
  assert.ok(wallLifted[0]! < lifted[0]! * 0.8, `a black pixel lifted at lateral .7 ${wallLifted[0]!.toFixed(1)} vs the middle's ${lifted[0]!.toFixed(1)}`);
});
