// s37 (slab37, issue #13): the wide-open tongue's top an arch darkening into the cavity, not one level contour corner to
// corner (critic36: lp_s5 <- lp_d10 f79-83 "a salmon tongue whose top is one level hard line", lp_s9 <- lp_d11 f165-170
// "a brown box with an orange strip"; bench/cavityProfile.ts `arch`: lp_d10 f88 .15, ours before -.03).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { archedTop, tongueTopAt, TOP_FADE } from '../src/render/mouth/tongueTop.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the top stands where it stood in the middle and falls toward the corners', () => {
  assert.equal(archedTop(30, 0), 30);
  assert.ok(archedTop(30, 0.5) < 0.75 * 30 && archedTop(30, 0.5) > 0.55 * 30, `lateral .5: ${archedTop(30, 0.5).toFixed(1)}`);
  assert.ok(archedTop(30, 0.8) < 0.25 * 30, `lateral .8: ${archedTop(30, 0.8).toFixed(1)}`);
  assert.equal(archedTop(30, -0.5), archedTop(30, 0.5));
});

test('down the middle the tongue as before; at the sides nothing over the arched top, whole under it', () => {
  // (the middle column keeps the tongue's own soft top: a fade under it made the step into the dark steeper)
  for (const above of [0, 10, 20, 29, 30]) assert.equal(tongueTopAt(above, 30, 0, 1).cover, 1, `middle, ${above} px over the lip`);
  // a column whose top stands 30 px over the lower lip, at lateral .6: its top lower
  const top = archedTop(30, 0.6);
  assert.equal(tongueTopAt(top + TOP_FADE * 30 + 0.5, 30, 0.6, 1).cover, 0, 'over the fade: the cavity');
  const mid = tongueTopAt(top + (TOP_FADE / 2) * 30, 30, 0.6, 1).cover;
  assert.ok(mid > 0.3 && mid < 0.7, `halfway through the fade: ${mid.toFixed(2)}`);
  assert.equal(tongueTopAt(top - 1, 30, 0.6, 1).cover, 1, 'under the arched top: the tongue');
  assert.deepEqual(tongueTopAt(29, 30, 0.6, 0), { cover: 1, light: 1 }, 'share 0 (a speech opening): as before');
  // the groove down the back: darker at the middle under the top than beside it, gone low on the front
  assert.ok(tongueTopAt(27, 30, 0, 1).light < 0.9 && tongueTopAt(27, 30, 0.3, 1).light > 1 - 1e-6);
  assert.equal(tongueTopAt(5, 30, 0, 1).light, 1);
});

// (lp_d10 f83's mouth weights, as test/tongueRound.test.ts has them; pose at rest)
const F83 = { jawOpen: 0.5626, mouthLowerDown: 0.9907, mouthFunnel: 0.3749, mouthFrownLeft: 0.2832, mouthFrownRight: 0.4375, mouthRollUpper: 0.0781, mouthStretchRight: 0.0878, cheekPuff: 0.4205, restLipGap: 0.0452, driverBack: 0.3717, driverCavity: 0.2645, driverTeethDepth: 0.0136, driverTongue: 0.6873, driverUnder: 0.0851 };

test('lp_s5 wide open: the tongue\'s top falls toward the sides (an arch), not a level line', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), open = { ...n, w: { ...n.w, ...F83 } };
  const img = r.render(open), c = cavityFigures({ ...img }, flat(r.landmarks(open)))!;
  console.log(`lp_s5 wide open: arch ${c.arch.toFixed(3)} soft ${c.soft.toFixed(3)} edge ${c.edge.toFixed(2)} across ${c.across.map((v) => v.toFixed(3)).join(" ")}`);
  // the upper middle's luma at .4-.6 of the half width over the middle's (bench/cavityProfile.ts `across`): the tongue's top
  // cut lower toward the sides (.72 with the level top, TOP_SAG 0; .54 now; lp_d10 f83 itself .71 — ours now darker there)
  const fall = c.across[2]! / c.across[0]!;
  assert.ok(fall < 0.62, `across .4-.6 over the middle ${fall.toFixed(2)}`);
});
