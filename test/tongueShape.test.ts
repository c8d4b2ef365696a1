// Session 32 (tongue32, issue #13): a wide open mouth's tongue as an arch lit from the front, not a lit dome (lp_s5 <-
// lp_d10 f83 "a smooth pink ball") or a slab to the upper teeth (lp_s9 <- lp_d11 f165 "a flat bar").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { archGrow, archShare, archTall, sunkBy, tongueShapeLight, tongueTopCover } from '../src/render/mouth/tongueShape.ts';
import { cavityFigures } from '../bench/cavityProfile.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('the arch: lit at its front, its back falling into the dark, a groove down its middle, a soft top', () => {
  const front = tongueShapeLight(0.1, 0.3, 0.5), mid = tongueShapeLight(0.5, 0.6, 0.5), back = tongueShapeLight(0.9, 0.95, 0.5);
  assert.ok(front > 0.95 && mid < front - 0.2 && back < 0.5, `front ${front.toFixed(2)} mid ${mid.toFixed(2)} back ${back.toFixed(2)}`);
  assert.ok(tongueShapeLight(0.5, 0.5, 0) < tongueShapeLight(0.5, 0.5, 0.3), 'the median groove is darker than beside it');
  // (hue35 s35: no twin highlight beside the groove: stretched with the grown tongue it drew two light stripes, critic34 lp_s5 f80/f83)
  assert.ok(tongueShapeLight(0.3, 0.1, 0) > tongueShapeLight(0.3, 0.1, 0.14) + 0.02, 'one highlight on the front\'s middle');
  assert.ok(Math.abs(tongueShapeLight(0.6, 0.5, 0.14) - tongueShapeLight(0.6, 0.5, 0.4)) < 1e-3, 'no highlight stripe beside the groove up the tongue');
  assert.equal(tongueTopCover(0.5), 1);
  assert.ok(tongueTopCover(0.92) > 0 && tongueTopCover(0.92) < 1, 'its top fades, no contour');
  assert.equal(tongueTopCover(1), 0);
  // (only in a wide opening, not in an O; its growth held under the cap, never shrunk past the least share)
  assert.equal(archShare(0.08, 0), 0);
  assert.equal(archShare(0.3, 0), 1);
  assert.equal(archShare(0.3, 1), 0);
  assert.equal(archGrow(2, 1.5, 1), 1.5);
  assert.equal(archGrow(2, 1.5, 0), 2);
  assert.equal(archGrow(1.2, 1.5, 1), 1.2);
  assert.ok(Math.abs(archGrow(2, 0.1, 1) - 0.6) < 1e-9);
  assert.equal(archTall(0), 1);
  assert.equal(sunkBy(0, 100), 0);
  assert.equal(sunkBy(5, 100), 1);
});

// (lp_d11 f165's mouth weights and cavity readings, as `motion --video lp_d11.mp4 --max-seconds 8` tracked them; pose left at rest)
const F165 = { jawOpen: 0.4723, mouthLowerDown: 0.7227, mouthUpperUp: 0.7181, mouthShrugUpper: 0.4377, mouthStretchLeft: 0.0395, mouthStretchRight: 0.9456, mouthSmileLeft: 0.0533, mouthSmileRight: 0.0533, mouthDimpleLeft: 0.0533, mouthDimpleRight: 0.0533, mouthRollLower: 0.011, mouthRollUpper: 0.0067, cheekPuff: 0.1957, restLipGap: 0.0211, smileRoom: 0.0533, driverCavity: 0.177, driverTeeth: 0.1492, driverUnder: 0.3854 };

test("lp_s9 <- lp_d11 f165: the tongue under a darker band, not a slab up to the upper teeth", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s9.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), open = { ...n, w: { ...n.w, ...F165 } };
  const img = r.render(open), lm = flat(r.landmarks(open));
  const m = openingMiddle({ ...img }, lm)!, c = cavityFigures({ ...img }, lm)!;
  console.log(`lp_s9 <- f165: tongue ${m.tongue.toFixed(2)}@${m.tongueLight.toFixed(2)} dark ${m.dark.toFixed(2)} profile ${c.profile.map((v) => v.toFixed(2)).join(' ')}`);
  // (before: tongue .64, bands .51 over .92; driven by the whole motion the tongue read 1.00, the driver .43)
  assert.ok(m.tongue < 0.56, `tongue share ${m.tongue.toFixed(2)}`);
  assert.ok(c.profile[1]! < c.profile[3]! - 0.55, `the band over the tongue darker than its front: ${c.profile[1]!.toFixed(2)} vs ${c.profile[3]!.toFixed(2)}`);
});
