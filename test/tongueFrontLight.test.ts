// Session 51 (tongue51, issue #13, critic50 worst #1): a driver's pale lit tongue drawn pale and lit, not a dim pink band
// under a dark hole (mt_man <- pcavs681_3_9 f103-107). render/mouth/tongueFrontLight.ts, motion DRIVER_TONGUE_LIGHT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { PALE_FULL, paleDesat, paleFrontShare, paleFrontTarget, paleShare } from '../src/render/mouth/tongueFrontLight.ts';
import { tongueFrontAt } from '../src/render/mouth/litCavityFall.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('a pale driver tongue: its front share ungated, its target over the lips, its colour paler; nothing without the reading', () => {
  assert.equal(paleShare(undefined), 0, 'audio motions and older tracks unchanged');
  assert.equal(paleShare(0.8), 0, 'a tongue in shade is not pale');
  assert.equal(paleShare(PALE_FULL), 1);
  assert.equal(paleFrontShare(0.2, 1, 1, 0), 0.2, 'not pale: frameLight\'s share');
  assert.equal(paleFrontShare(0, 0.8, 1, 1), 0.8, 'pale: the arch\'s share under a dark upper half');
  assert.equal(paleFrontShare(0, 0.8, 0, 1), 0, 'an untrusted reading (teeth showing) lifts nothing');
  assert.equal(paleFrontTarget(100, 100, undefined, 0), 100);
  assert.ok(paleFrontTarget(100, 100, 1.2, 1) > 120, 'the target as light as the driver\'s tongue over its lips');
  assert.ok(paleFrontTarget(100, 100, 5, 1) < 170, 'a misread glint held');
  assert.equal(paleDesat(1, 1, 0.9), 0, 'no lift, no paling');
  assert.ok(paleDesat(1, 1.5, 0.9) > 0.3 && paleDesat(0, 1.5, 0.9) === 0);
  assert.equal(tongueFrontAt(0.45, 1, 50, 100), 1, 'as before without a lead');
  assert.ok(tongueFrontAt(0.45, 1, 50, 100, 0.9, 0.1) > 1, 'a pale tongue\'s top lit too');
  assert.ok(Math.abs(tongueFrontAt(0.8, 1, 20, 100, 0.9) - 1.9) < 1e-9, 'at most 1 + gain');
});

// (pcavs681_3_9 f105's mouth weights and readings as `motion --video` tracked them at s51; pose at rest)
const F105 = { cheekSquintLeft: 0.4054, cheekSquintRight: 0.3047, driverBack: 0.0661, driverCavity: 0.5253, driverLowerShow: 0.0206, driverMouthWidth: 0.528, driverTeeth: 0.0501, driverTongue: 0.3581, driverUnder: 0.1518, jawOpen: 0.4663, mouthDimpleLeft: 0.319, mouthDimpleRight: 0.319, mouthFrownLeft: 0.2981, mouthFrownRight: 0.6176, mouthLowerDown: 0.9549, mouthRollUpper: 0.123, mouthShrugUpper: 0.0394, mouthSmileLeft: 0.1927, mouthSmileRight: 0.0148, mouthStretchLeft: 0.1464, mouthStretchRight: 0.3538, mouthUpperUp: 0.0786, smileAtStartLeft: 0.0213, smileAtStartRight: 0.0213, smileRoom: 0.319 };

test('mt_man <- pcavs681 f105: with the driver\'s pale tongue read, ours is lit toward it; read in shade, as before', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'mt_man.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const lit = (tongueLight?: number) => {
    const f = { ...n, mouthDark: 0.7267, w: { ...n.w, ...F105, ...(tongueLight === undefined ? {} : { driverTongueLight: tongueLight }) } };
    return openingMiddle(r.render(f), flat(r.landmarks(f)))!;
  };
  const before = lit(), shade = lit(0.8), pale = lit(1.2083);
  console.log(`mt_man <- f105 tongue ${before.tongue.toFixed(2)}@${before.tongueLight.toFixed(2)} -> ${pale.tongue.toFixed(2)}@${pale.tongueLight.toFixed(2)} [driver .35@1.16]`);
  assert.equal(shade.tongueLight, before.tongueLight, 'a tongue read in shade draws as without the reading');
  assert.ok(pale.tongueLight > before.tongueLight + 0.12, `lit toward the driver's: ${before.tongueLight.toFixed(2)} -> ${pale.tongueLight.toFixed(2)}`);
  assert.ok(pale.tongue >= before.tongue - 0.02, 'no shorter');
});
