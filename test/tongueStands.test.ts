// s40 (tongue40, issue #13, critic39 "no tongue where the driver shows one"): the speech sink and the dark-cavity sink
// (tongueGate.ts) are held off where the driver's own tongue reading stands high (render/mouth/tongueStands.ts). lp_d10 f57 /
// f80 show no teeth and a tongue lit half their opening high under a dark throat; both sinks took ours down under a maroon
// box (lp_s7 <- lp_d10 f57: dark .56, tongue run .39 [driver .26, .64]). Figures: bench/tongueLook.ts, bench/tongueHeight.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { sunkUnlessStanding } from '../src/render/mouth/tongueStands.ts';
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
