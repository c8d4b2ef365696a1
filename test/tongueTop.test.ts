// s37 (slab37, issue #13): the wide-open tongue's top an arch darkening into the cavity, not one level contour corner to
// corner (critic36: lp_s5 <- lp_d10 f79-83 "a salmon tongue whose top is one level hard line", lp_s9 <- lp_d11 f165-170
// "a brown box with an orange strip"; bench/cavityProfile.ts `arch`: lp_d10 f88 .15, ours before -.03).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { archedTop, tongueTopAt, RIM_LIGHT, TOP_FADE } from '../src/render/mouth/tongueTop.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the top stands where it stood in the middle and falls toward the corners', () => {
  assert.equal(archedTop(30, 0), 30);
  assert.ok(archedTop(30, 0.5) < 0.85 * 30 && archedTop(30, 0.5) > 0.7 * 30, `lateral .5: ${archedTop(30, 0.5).toFixed(1)}`);
  assert.ok(archedTop(30, 0.9) < 0.5 * 30, `lateral .9: ${archedTop(30, 0.9).toFixed(1)}`);
  assert.equal(archedTop(30, -0.5), archedTop(30, 0.5));
});

test('over the arched top nothing; under it the cover comes in over a band and the light rises from the rim', () => {
  // a column whose top stands 30 px over the lower lip, at lateral .6: the arched top lower
  const top = archedTop(30, 0.6);
  assert.equal(tongueTopAt(top + 1, 30, 0.6, 1).cover, 0, 'over the arched top: the cavity');
  const justUnder = tongueTopAt(top * (1 - TOP_FADE / 2), 30, 0.6, 1);
  assert.ok(justUnder.cover > 0.2 && justUnder.cover < 0.8, `half the fade under it: cover ${justUnder.cover.toFixed(2)}`);
  assert.ok(justUnder.light < 0.75 && justUnder.light > RIM_LIGHT, `... in shade ${justUnder.light.toFixed(2)}`);
  const low = tongueTopAt(0.2 * top, 30, 0.6, 1);
  assert.deepEqual(low, { cover: 1, light: 1 }, 'its front as before');
  assert.deepEqual(tongueTopAt(top + 1, 30, 0.6, 0), { cover: 1, light: 1 }, 'share 0 (a speech opening): as before');
  // the groove down the back: darker at the middle than just beside it, at the same depth under the top
  assert.ok(tongueTopAt(27, 30, 0, 1).light < tongueTopAt(27, 30, 0.2, 1).light * 1.0 + 1e-9);
});

// (lp_d10 f83's mouth weights, as test/tongueRound.test.ts has them; pose at rest)
const F83 = { jawOpen: 0.5626, mouthLowerDown: 0.9907, mouthFunnel: 0.3749, mouthFrownLeft: 0.2832, mouthFrownRight: 0.4375, mouthRollUpper: 0.0781, mouthStretchRight: 0.0878, cheekPuff: 0.4205, restLipGap: 0.0452, driverBack: 0.3717, driverCavity: 0.2645, driverTeethDepth: 0.0136, driverTongue: 0.6873, driverUnder: 0.0851 };

test('lp_s5 wide open: the tongue\'s top arches (its sides lower than its middle), not a level line', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), open = { ...n, w: { ...n.w, ...F83 } };
  const img = r.render(open), c = cavityFigures({ ...img }, flat(r.landmarks(open)))!;
  console.log(`lp_s5 wide open: arch ${c.arch.toFixed(3)} soft ${c.soft.toFixed(3)} edge ${c.edge.toFixed(2)}`);
  assert.ok(c.arch > 0.02, `arch ${c.arch.toFixed(3)} (a level top reads <= 0)`);
});
