// s43 (tongue43, issue #13, critic42 worst #1: st_happy <- lp_d6 f58-67 "the tongue out's top is a flat straight line with
// sharp dark wedges in the two upper corners"): render/mouth/tongueOutTop.ts takes the arch of a tongue out over the opening's
// own height, shallower, the tongue wider, its top turned from the light. Figures: bench/tongueLook.ts (bench/tongueTopRead.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { outBulgeLight, outColTop, outLateral, outWide } from '../src/render/mouth/tongueOutTop.ts';
import { tongueTopFigures } from '../bench/tongueTopRead.ts';
import { tongueLitFigures } from '../bench/tongueLit.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('no tongue out: the arch, the width and the light as before (frames without one render byte-identical)', () => {
  assert.equal(outColTop(250, 40, 0), 250);
  assert.equal(outLateral(0.7, 0), 0.7);
  assert.equal(outWide(0), 1);
  assert.equal(outBulgeLight(0.9, 0), 1);
  assert.ok(outColTop(250, 40, 1) < 45, 'out: the arch taken over the opening\'s own height');
  assert.ok(outLateral(0.7, 1) < 0.45, 'out: a shallower fall');
  assert.ok(outBulgeLight(0.95, 1) < 0.85 && outBulgeLight(0.2, 1) === 1, 'out: its top turned from the light, its front lit');
});

// (st_happy <- lp_d6 f66's mouth weights and readings, as test/tongueOut.test.ts; pose at rest)
const D6_F66 = { driverBack: 0.3162, driverCavity: 0.1103, driverTongue: 0.8649, driverUnder: 0.8786, driverTeeth: 0.0039, driverLowerShow: 0, driverTeethDepth: 0,
  jawOpen: 0.4104, mouthDimpleLeft: 0.0408, mouthDimpleRight: 0.132, mouthFrownLeft: 0.2678, mouthFrownRight: 0.517, mouthFunnel: 0.0972, mouthLowerDown: 0.9531,
  mouthRollUpper: 0.4207, mouthSmileLeft: 0.132, mouthSmileRight: 0.132, mouthStretchRight: 0.2393, mouthUpperUp: 0.0829 };

test('st_happy <- lp_d6 f66: the tongue out meets the upper row with no dark wedges in the corners, still lit up to it', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, mouthDark: 1, w: { ...n.w, ...D6_F66 } }, img = r.render(f);
  const copy = { ...img, data: Uint8ClampedArray.from(img.data) }, lm = flat(r.landmarks(f));
  const t = tongueTopFigures(copy, lm)!, lit = tongueLitFigures(copy, lm)!;
  console.log(`st_happy <- f66: corner dark ${t.corner.toFixed(2)} wedge ${t.wedge.toFixed(2)} edge ${t.mid.toFixed(2)}/${t.half.toFixed(2)}/${t.side.toFixed(2)} lit top ${lit.top.toFixed(2)} [driver .08 / -.03, top .80; 46a490fe .48 / .17, top .82]`);
  assert.ok(t.corner < 0.28, `the upper corners' dark share toward her .08 (46a490fe .48): ${t.corner.toFixed(2)}`);
  assert.ok(t.wedge < 0.1, `no step into the corners (46a490fe .17, hers -.03): ${t.wedge.toFixed(2)}`);
  assert.ok(lit.top > 0.72, `still lit up to the row (her .80): ${lit.top.toFixed(2)}`);
});
