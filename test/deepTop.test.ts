// s59 fill59 (#13, critic58 #2 "a flat maroon slab"): a cavity lifted to the lips' tissue for a lit driver (teethEdge.ts
// litCavityShare) deeper under the upper row and held dark further down where the driver's own opening is dark
// (litCavityFall.ts darkTopOf), not one maroon tone from lip to lip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { DARK_TOP, LOW_LIT, darkTopOf, deepTopSetting, litFallAt } from '../src/render/mouth/litCavityFall.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the lifted cavity\'s fall: a dark driver\'s deeper top', () => {
  assert.equal(darkTopOf(undefined), 0, 'audio motions: no reading');
  assert.equal(darkTopOf(0.1), 0, 'a lit driver (lp_d6 .00-.14)');
  assert.equal(darkTopOf(0.45, { on: false }), 0, 'off');
  assert.ok(Math.abs(litFallAt(0.05, 1, 0.5) - DARK_TOP) < 1e-9, 'no reading: as before');
  assert.ok(litFallAt(0.05, 1, 0.5, 0.45) < 0.5 * DARK_TOP, `a dark driver (pcavs681 f91 .44): deeper under the row ${litFallAt(0.05, 1, 0.5, 0.45).toFixed(2)}`);
  assert.ok(Math.abs(litFallAt(1, 1, 0.5, 0.45) - LOW_LIT) < 1e-9, 'the lower lip as lit');
  let last = 0;
  for (let d = 0; d <= 1.0001; d += 0.05) { const f = litFallAt(d, 1, 0.27, 0.45); assert.ok(f >= last - 1e-12, `rising down the opening at ${d.toFixed(2)}`); last = f; }
});

// (pcavs681 f91's mouth weights and readings, as critic58's `motion` tracked them; pose at rest)
const F91 = { cheekSquintLeft: 0.3258, cheekSquintRight: 0.2889, driverBack: 0.0767, driverCavity: 0.4359, driverLowerShow: 0.0636, driverMouthWidth: 0.5161, driverTeeth: 0.1258, driverTeethTone: 0.866, driverTongue: 0.2611, driverTongueLight: 1.134, driverUnder: 0.0542, inSpeech: 1, jawOpen: 0.4527, mouthDimpleLeft: 0.6641, mouthDimpleRight: 0.5264, mouthLowerDown: 0.7979, mouthRollLower: 0.0196, mouthSmileLeft: 0.3925, mouthSmileRight: 0.2833, mouthStretchLeft: 0.0694, mouthStretchRight: 0.7098, mouthUpperUp: 0.4736, smileAtStartLeft: 0.6412, smileAtStartRight: 0.4247, smileRoom: 0.6706, startCornerLift: -0.0292 };

test('st_happy <- pcavs681 f91: black under the upper lip over a lit floor, not a flat maroon slab', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, mouthDark: 0.0053, w: { ...n.w, ...F91 } };
  const profile = (on: boolean) => { deepTopSetting.on = on; try { return cavityFigures({ ...r.render(f) }, flat(r.landmarks(f)))!.profile; } finally { deepTopSetting.on = true; } };
  const off = profile(false), on = profile(true);
  console.log(`st_happy f91 profile off ${off.map((v) => v.toFixed(2)).join(' ')} | on ${on.map((v) => v.toFixed(2)).join(' ')}`);
  // (the driver's upper half reads .25 of its lips' luma, bench/openMix.ts topL; ours .34 with the setting off)
  assert.ok(on[1]! < 0.75 * off[1]!, `the band under the upper row deeper: ${off[1]!.toFixed(2)} -> ${on[1]!.toFixed(2)}`);
  assert.ok(on[4]! - on[1]! > off[4]! - off[1]! + 0.05, 'a fall from the top to the lower lip, not one tone');
});
