// s40 (tongue40, issue #13, critic39 "no tongue where the driver shows one"): the speech sink and the dark-cavity sink
// (tongueGate.ts) are held off where the driver's own tongue reading stands high (render/mouth/tongueStands.ts). lp_d10 f57 /
// f80 show no teeth and a tongue lit half their opening high under a dark throat; both sinks took ours down under a maroon
// box (lp_s7 <- lp_d10 f57: dark .56, tongue run .39 [driver .26, .64]). Figures: bench/tongueLook.ts, bench/tongueHeight.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { standingBackLight, standingLitShift, standingShare, sunkUnlessStanding } from '../src/render/mouth/tongueStands.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { darkSinkGate, sinkGate } from '../src/render/mouth/tongueGate.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the sinks stay where the driver\'s tongue is low or unread, and go where it stands high and is trusted', () => {
  assert.equal(sunkUnlessStanding(undefined), 1, 'audio, old tracks');
  assert.equal(sunkUnlessStanding(0.337, 0.094), 1, 'lp_d10 f93: a dim tongue low at the lip');
  assert.equal(sunkUnlessStanding(0.544, 0.003), 0, 'lp_d10 f57');
  assert.equal(sunkUnlessStanding(0.627, 0), 0, 'lp_d10 f80');
  assert.equal(sunkUnlessStanding(0.6, 0.4), 1, 'a driver showing teeth reads short: not trusted');
  assert.equal(sinkGate({}), 1, 'audio sinks in full');
  assert.equal(sinkGate({ driverDark: 0.16, driverCavity: 0.376, driverTongue: 0.337, driverTeeth: 0.094 }), 1, 'lp_d10 f93');
  assert.equal(darkSinkGate({ driverCavity: 0.376, driverTongue: 0.337, driverTeeth: 0.094 }), 1, 'lp_d10 f93');
  assert.equal(sinkGate({ driverDark: 1, driverCavity: 0.31, driverTongue: 0.544, driverTeeth: 0.003 }), 0, 'lp_d10 f57');
  assert.equal(darkSinkGate({ driverCavity: 0.31, driverTongue: 0.544, driverTeeth: 0.003 }), 0, 'lp_d10 f57');
});

// (lp_d10 f57's mouth weights and readings as `motion --video lp_d10.mp4` tracked them in s40; pose left at rest)
const F57 = { cheekPuff: 0.3783, jawOpen: 0.3303, mouthDimpleRight: 0.2567, mouthFrownLeft: 0.1556, mouthFunnel: 0.0803, mouthLowerDown: 0.8434, mouthPress: 0.0459, mouthRollUpper: 0.0054, mouthShrugLower: 0.0136, mouthShrugUpper: 0.0382, mouthSmileLeft: 0.0676, mouthSmileRight: 0.3256, mouthStretchRight: 0.3868, mouthUpperUp: 0.116, restLipGap: 0.0452, driverBack: 0.392, driverCavity: 0.3101, driverTeethDepth: 0.0407, driverUnder: 0.0847 };

test('lp_s7 <- lp_d10 f57: the driver\'s tongue standing half its opening high stands ours up out of the dark', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s7.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const read = (tongue: number) => {
    const f = { ...n, mouthDark: 1, w: { ...n.w, ...F57, driverTongue: tongue } }, img = r.render(f);
    return openingMiddle({ ...img, data: Uint8ClampedArray.from(img.data) }, flat(r.landmarks(f)))!;
  };
  const high = read(0.5441), low = read(0.3);
  const text = (m: typeof high) => `dark ${m.dark.toFixed(2)} tongue ${m.tongue.toFixed(2)}@${m.tongueLight.toFixed(2)}`;
  console.log(`lp_s7 <- f57 reading .54: ${text(high)} | reading .30: ${text(low)} [driver dark .26, tongue .64@.68]`);
  assert.ok(high.dark < 0.48, `less of the opening dark (main .56): ${high.dark.toFixed(2)}`);
  assert.ok(high.tongue > 0.47, `the tongue's lit run up toward the driver's .64 (main .39): ${high.tongue.toFixed(2)}`);
  assert.ok(high.tongue > low.tongue + 0.08, `a low reading keeps the tongue sunk: ${low.tongue.toFixed(2)} vs ${high.tongue.toFixed(2)}`);
});

test('tongue40b: a standing tongue\'s back under its arched top goes dim; no reading, no change', () => {
  assert.equal(standingShare(undefined), 0, 'audio: not standing');
  assert.equal(standingShare(0.627, 0), 1, 'lp_d10 f80');
  assert.equal(standingBackLight(0, 0), 1, 'not standing: as before');
  assert.ok(standingBackLight(0, 1) < 0.6 && standingBackLight(1, 1) === 1, 'dim at the arched top, whole well under it');
  assert.equal(standingLitShift(0.137, 1), 0, 'lp_d10 f83\'s move up dropped where ours stands');
  assert.equal(standingLitShift(0.137, 0), 0.137);
  assert.equal(standingLitShift(-0.12, 1), -0.12, 'a move down kept (lp_d11 f165)');
});

// (lp_d10 f83's weights and readings, as test/tongueTop.test.ts has them: reading .69, no teeth: the sinks off since tongue40)
const F83 = { jawOpen: 0.5626, mouthLowerDown: 0.9907, mouthFunnel: 0.3749, mouthFrownLeft: 0.2832, mouthFrownRight: 0.4375, mouthRollUpper: 0.0781, mouthStretchRight: 0.0878, cheekPuff: 0.4205, restLipGap: 0.0452, driverBack: 0.3717, driverCavity: 0.2645, driverTeethDepth: 0.0136, driverTongue: 0.6873, driverUnder: 0.0851 };

test('lp_s5 <- lp_d10 f83: the standing tongue\'s back dim as the driver\'s over the opening\'s middle, its front lit', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, ...F83 } };
  const c = cavityFigures({ ...r.render(f) }, flat(r.landmarks(f)))!;
  console.log(`lp_s5 <- f83: profile ${c.profile.map((v) => v.toFixed(2)).join(' ')} across ${c.across.map((v) => v.toFixed(2)).join(' ')} [driver .36 .44 .65 .95 .99; across .51 at the middle]`);
  // (the sinks off alone: upper middle .79, band 3 .92, the front .99)
  assert.ok(c.across[0]! < 0.68, `the upper middle dim (sinks off alone .79, driver .51): ${c.across[0]!.toFixed(2)}`);
  assert.ok(c.profile[2]! < 0.85, `band 3 (sinks off alone .92, driver .65): ${c.profile[2]!.toFixed(2)}`);
  // (> .9 until s49 tongue49 set litCavityFall.ts FRONT_OF_EDGE 1.2 -> 1, the front lifted to the lips' edge light, not over it:
  // lp_s9 <- lp_d11's salmon slab, critic48. s49: .84; the sinks' share of it unchanged)
  assert.ok(c.profile[3]! > 0.8, `the front still lit (driver .95): ${c.profile[3]!.toFixed(2)}`);
});
