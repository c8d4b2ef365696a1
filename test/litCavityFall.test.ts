// Session 34 (cavity34, issue #13, critic33's worst defect): an open mouth lit as the driver's, dark behind the upper row and
// lit low down, not one flat grey-brown tone (lp_s9 <- lp_d11 f98/f165/f167).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { DARK_TOP, LOW_LIT, FRONT_GAIN, FRONT_OF_EDGE, frontTarget, litFallAt, litFallRun, tongueFrontAt, tongueFrontShare } from '../src/render/mouth/litCavityFall.ts';
import { litCavityShare } from '../src/render/mouth/teethEdge.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the lifted cavity: dark under the row, lit at the lower lip, untouched where not lifted', () => {
  assert.equal(litFallAt(0.05, 0, 0.5), 1, 'no lift, no fall');
  assert.ok(Math.abs(litFallAt(0.05, 1, 0.5) - DARK_TOP) < 1e-9, 'dark under the row');
  assert.ok(Math.abs(litFallAt(1, 1, 0.5) - LOW_LIT) < 1e-9, 'lit at the lower lip');
  let last = 0;
  for (let d = 0; d <= 1.0001; d += 0.05) { const f = litFallAt(d, 1, 0.5); assert.ok(f >= last - 1e-12, `rising down the opening at ${d.toFixed(2)}`); last = f; }
  assert.ok(litFallAt(0.5, 1, 0.7) > litFallAt(0.5, 1, 0.3), 'a driver tongue standing higher lights the middle');
  assert.ok(Math.abs(litFallAt(0.05, 0.5, 0.5) - (1 + (DARK_TOP - 1) * 0.5)) < 1e-9, 'half a lift, half the fall');
  assert.equal(litFallRun(undefined, 1), undefined);
  assert.equal(litFallRun(0.6, 1), 0.6);
  assert.equal(litFallRun(0.6, 0), 0.45, 'an untrusted reading: the default run');
  assert.equal(litCavityShare(undefined, 0, 1), 0, 'audio motions: no lift');
  assert.equal(litCavityShare(0.05, 0, 1), 1);
  assert.equal(litCavityShare(0.05, 1, 1), 0, 'a dark driver keeps its dark');
});

test('the tongue\'s front: lit up in the opening\'s lower middle, only with a trusted driver reading', () => {
  assert.equal(tongueFrontShare(1, undefined, 1), 0, 'audio motions unchanged');
  assert.equal(tongueFrontShare(1, 0.5, 0), 0, 'a driver showing teeth: not trusted');
  assert.equal(tongueFrontShare(0.5, 0.5, 1), 0.5);
  assert.equal(tongueFrontAt(0.7, 0, 50, 100), 1);
  assert.equal(tongueFrontAt(0.2, 1, 50, 100), 1, 'the back not lit');
  assert.ok(Math.abs(tongueFrontAt(0.8, 1, 80, 100) - 1.25) < 1e-9, 'the front lit up to the target');
  assert.ok(Math.abs(tongueFrontAt(0.8, 1, 20, 100) - (1 + FRONT_GAIN)) < 1e-9, 'at most 1 + FRONT_GAIN');
  assert.equal(tongueFrontAt(0.8, 1, 120, 100), 1, 'a front lit over the target: never darkened (lp_s5 <- lp_d10 f83)');
  assert.equal(tongueFrontAt(1, 1, 50, 100), 1, 'the lower lip\'s edge as before');
  assert.ok(Math.abs(frontTarget([100, 100, 100]) - 100 * FRONT_OF_EDGE) < 1e-9);
});

// (lp_d11 f167's mouth weights and readings, as `motion --video lp_d11.mp4 --max-seconds 8` tracked them; pose left at rest)
const F167 = { cheekPuff: 0.2834, cheekSquintLeft: 0.2632, cheekSquintRight: 0.3077, jawOpen: 0.4426, mouthDimpleLeft: 0.1599, mouthDimpleRight: 0.1599, mouthLowerDown: 0.6679, mouthRollLower: 0.0444, mouthRollUpper: 0.0263, mouthShrugUpper: 0.4045, mouthSmileLeft: 0.1599, mouthSmileRight: 0.1599, mouthStretchLeft: 0.0972, mouthStretchRight: 0.8136, mouthUpperUp: 0.7612, restLipGap: 0.0211, smileAtStartLeft: 0.2486, smileAtStartRight: 0.4257, smileRoom: 0.1599, startCornerLift: -0.0265, driverBack: 0.4298, driverCavity: 0.0482, driverTeeth: 0.1898, driverTeethDepth: 0.2434, driverTongue: 0.5395, driverUnder: 0.4625 };

test('lp_s9 <- lp_d11 f167: the tongue\'s front lit over the lips, a darker band above it', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s9.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, mouthDark: 0, w: { ...n.w, ...F167 } }, img = r.render(f), c = cavityFigures({ ...img }, flat(r.landmarks(f)))!;
  const p = c.profile;
  console.log(`lp_s9 <- f167 profile ${p.map((v) => v.toFixed(2)).join(' ')} [driver .80 .51 .77 1.13 1.05; main .94 .38 .63 .74 1.09 at this rest pose, this branch .94 .38 .66 .86 1.09]`);
  // (s49 tongue49: .8 and + .4 until FRONT_OF_EDGE went 1.2 -> 1; the driver's 1.13 band is her lower teeth, not her tongue
  // (bench/tongueLit.ts lowTeeth .38-.61 at f98/f165), and lit to it our toothless tongue was critic48's salmon slab. s49: .80, .43 -> .80)
  assert.ok(p[3]! > 0.77, `the lower-middle band (the tongue's front) lit: ${p[3]!.toFixed(2)} (main before s34 .74, driver 1.13 with her teeth)`);
  assert.ok(p[3]! > p[1]! + 0.33, `lit low, dark high: ${p[1]!.toFixed(2)} -> ${p[3]!.toFixed(2)}`);
});
