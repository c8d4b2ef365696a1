// s49 (tongue49, issue #13, critic48: lp_s9 <- lp_d11 f76/f98 "a salmon tongue slab" filling the opening): a lit run alone
// (no tongue out read) gives only RUN_FORWARD of the forward tongue's lit-to-its-top treatment (tongueFlesh.ts runForward),
// and the tongue's front is lifted toward the lips' edge light, not 1.2 of it (litCavityFall.ts FRONT_OF_EDGE). Figures:
// bench/tongueLook.ts (bench/tongueLit.ts `L`, `top`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { RUN_FORWARD, runForward, tongueForward } from '../src/render/mouth/tongueFlesh.ts';
import { FRONT_OF_EDGE } from '../src/render/mouth/litCavityFall.ts';
import { readingTrust } from '../src/render/mouth/driverTongue.ts';
import { tongueLitFigures } from '../bench/tongueLit.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('a lit run alone is a weak forward reading; the front lifted to the lips\' light, no more', () => {
  assert.ok(RUN_FORWARD > 0 && RUN_FORWARD < 0.5);
  const f76 = tongueForward(0.7502, 0.0455, readingTrust(0.0986));
  assert.ok(f76 > 0.9, `lp_d11 f76 reads as a lit run: ${f76.toFixed(2)}`);
  assert.ok(Math.abs(runForward(0.7502, 0.0455, readingTrust(0.0986)) - RUN_FORWARD * f76) < 1e-12);
  assert.equal(runForward(undefined, undefined, 1), 0, 'audio: no reading');
  assert.ok(FRONT_OF_EDGE <= 1, 'the tongue\'s front no lighter than the lips\' edge');
});

// (lp_d11 f76's mouth weights and readings as the s48 review's motion carries them; pose at rest)
const F76 = { cheekPuff: 0.0795, cheekSquintLeft: 0.2271, cheekSquintRight: 0.3406, driverBack: 0.4343, driverCavity: 0.0455, driverTeeth: 0.0986, driverTeethDepth: 0.2023, driverTongue: 0.7502, driverUnder: 0.4689, jawOpen: 0.432, mouthDimpleLeft: 0.3246, mouthDimpleRight: 0.3069, mouthLowerDown: 0.5833, mouthRollLower: 0.0165, mouthRollUpper: 0.0125, mouthShrugUpper: 0.2327, mouthSmileLeft: 0.3246, mouthSmileRight: 0.3246, mouthStretchLeft: 0.3918, mouthStretchRight: 0.7366, mouthUpperUp: 0.6828, restLipGap: 0.0172, smileAtStartLeft: 0.2043, smileAtStartRight: 0.3483, smileRoom: 0.3246, startCornerLift: -0.0221 };

test('lp_s9 <- lp_d11 f76: the tongue no lighter than the lips, not lit up to the upper row', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s9.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, mouthDark: 0.2258, w: { ...n.w, ...F76 } }, img = r.render(f);
  const t = tongueLitFigures({ ...img, data: Uint8ClampedArray.from(img.data) }, flat(r.landmarks(f)))!;
  console.log(`lp_s9 <- f76: L ${t.light.toFixed(2)} top ${t.top.toFixed(2)} lit ${t.lit.toFixed(2)} [driver L 1.06 (her lower teeth) top .26; s48 motion before 1.02 / .64, after .89 / .50]`);
  assert.ok(t.light < 0.98, `the lit tongue under the lips' light: ${t.light.toFixed(2)}`);
  assert.ok(t.top < 0.58, `its lit run not up to the upper row: ${t.top.toFixed(2)}`);
});
