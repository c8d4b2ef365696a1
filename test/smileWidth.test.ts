// A driver's grin arrives as a grin (issue #14, critic14: Katie's smiles became pouts on lp_s2): a
// mouth at or past its rest width is not funnelled, and the photo's mouth widens as much as the
// driver's did (rig/mouthPrior.ts funnelCap, widenToWidth; motion/framesFromRaw.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { fitRig, canonicalize, deform } from '../src/rig/fit.ts';
import { funnelCap, mouthWidthRatio, widenToWidth, widthFromWeights, FUNNEL_NONE_WIDTH } from '../src/rig/mouthPrior.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { faceMeasures, headAngles } from '../src/motion/measures.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { posedLandmarks } from './rigSynthetic.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;
const neutralOf = async (photo: string) => canonicalize((await detectFaces(await loadImage(`${DATA}portraits/${photo}`), { embedding: false }))[0]!.landmarks);
const vec = (w: Partial<Record<RigControl, number>>) => Float64Array.from(RIG_CONTROLS, (c) => w[c] ?? 0);
/** a toothy grin as the fit misread it (Katie at 2.7 s: smile 0.4, stretch 0.3, funnel 0.34-0.48, the lower lip down) */
const GRIN: Partial<Record<RigControl, number>> = { mouthSmileLeft: 0.45, mouthSmileRight: 0.45, mouthStretchLeft: 0.35, mouthStretchRight: 0.35, mouthFunnel: 0.4, jawOpen: 0.15, mouthLowerDown: 0.5 };
/** lp_d6's "O" at 3.3 s: narrower than at rest, lips apart */
const ROUND: Partial<Record<RigControl, number>> = { mouthPucker: 0.7, jawOpen: 0.25 };

test('the width per unit of each control matches the basis (lp_s42, st_art_1)', async () => {
  for (const photo of ['lp_s42.jpg', 'st_art_1.png']) {
    const neutral = await neutralOf(photo);
    const basis = buildBasis(neutral);
    for (const w of [{ mouthSmileLeft: 0.6, mouthSmileRight: 0.6 }, { mouthStretchLeft: 0.5, mouthStretchRight: 0.8 }, { mouthDimpleLeft: 1, mouthDimpleRight: 1 }, { mouthFunnel: 0.5 }, GRIN]) {
      const real = mouthWidthRatio(deform(neutral, basis, vec(w)), neutral);
      assert.ok(Math.abs(widthFromWeights(w) - real) < 0.03, `${photo} ${JSON.stringify(w)}: predicted ${widthFromWeights(w).toFixed(3)}, basis ${real.toFixed(3)}`);
    }
  }
});

test('widenToWidth: a mouth wider than its weights give is widened to it (capped); no wider than at rest is left', () => {
  const w: Partial<Record<RigControl, number>> = { mouthSmileLeft: 0.35, mouthSmileRight: 0.35, mouthStretchLeft: 0.06, mouthStretchRight: 0 };
  widenToWidth(w, 1.24);
  assert.ok(Math.abs(widthFromWeights(w) - 1.24) < 1e-9, `widened to ${widthFromWeights(w).toFixed(3)}`);
  assert.ok(w.mouthSmileLeft! > 0.8 && w.mouthStretchRight === 0, JSON.stringify(w));
  const narrow: Partial<Record<RigControl, number>> = { mouthSmileLeft: 0.2, mouthPucker: 0.5 };
  widenToWidth(narrow, 0.8);
  assert.deepEqual(narrow, { mouthSmileLeft: 0.2, mouthPucker: 0.5 });
  const trace: Partial<Record<RigControl, number>> = { mouthSmileLeft: 0.02, mouthSmileRight: 0.02 };
  widenToWidth(trace, 1.3);
  assert.ok(trace.mouthSmileLeft! <= 0.05 + 1e-9, `a trace is not blown up: ${trace.mouthSmileLeft}`);
});

test('the funnel prior: a wide grin is not read as funnel, a real funnel (narrower mouth) still is', async () => {
  assert.equal(funnelCap(FUNNEL_NONE_WIDTH), 0);
  assert.equal(funnelCap(1.2), 0);
  assert.ok(funnelCap(0.9) > 0.7);
  const neutral = await neutralOf('lp_s42.jpg');
  const basis = buildBasis(neutral);
  const grin = deform(neutral, basis, vec(GRIN));
  assert.ok(mouthWidthRatio(grin, neutral) > FUNNEL_NONE_WIDTH, `the grin is wide: ${mouthWidthRatio(grin, neutral).toFixed(2)}`);
  const lm = posedLandmarks(grin, [6, -12, 3]);
  const off = fitRig(lm, { neutral, robust: true }), on = fitRig(lm, { neutral, robust: true, puckerWidthPrior: true });
  assert.ok(off.weights.mouthFunnel > 0.25, `without the prior the funnel reads: ${off.weights.mouthFunnel.toFixed(2)}`);
  assert.ok(on.weights.mouthFunnel < 0.02, `with it: ${on.weights.mouthFunnel.toFixed(2)}`);
  assert.ok(on.weights.mouthSmileLeft > 0.2 && on.weights.mouthSmileRight > 0.2, `smile kept: ${on.weights.mouthSmileLeft.toFixed(2)}/${on.weights.mouthSmileRight.toFixed(2)}`);
  // a real funnel narrows the mouth (0.8 of its rest): the cap leaves it; the pucker floor shares the rounding with it
  const round = deform(neutral, basis, vec({ mouthFunnel: 0.6, jawOpen: 0.2 }));
  assert.equal(funnelCap(mouthWidthRatio(round, neutral)), 1);
  const funnel = fitRig(posedLandmarks(round, [6, -12, 3]), { neutral, robust: true, puckerWidthPrior: true }).weights;
  assert.ok(funnel.mouthFunnel > 0.2 && funnel.mouthFunnel + funnel.mouthPucker > 0.5, `a real funnel reads funnel ${funnel.mouthFunnel.toFixed(2)}, pucker ${funnel.mouthPucker.toFixed(2)}`);
});

/** A tracked frame of a driver whose face is `shape` (canonical). */
function rawFrame(shape: Float64Array): RawFaceFrame {
  const lm = posedLandmarks(shape, [4, -8, 2]);
  return { m: faceMeasures(lm), angles: headAngles(lm), score: 1, box: [100, 100, 300, 300], lm: Float32Array.from(lm.flat()) };
}

test("a driver's grin widens another photo's mouth as much as the driver's, its O stays narrow (video path end to end)", async () => {
  const driver = await neutralOf('lp_s42.jpg');
  const driverBasis = buildBasis(driver);
  // 1.2 s at rest, 1 s of grin, 0.6 s of "O", at 10 fps
  const weights = [...Array(12).fill({}), ...Array(10).fill(GRIN), ...Array(6).fill(ROUND)] as Partial<Record<RigControl, number>>[];
  const raw = weights.map((w) => rawFrame(deform(driver, driverBasis, vec(w))));
  const { frames } = motionFramesFromRaw(raw, 10, true);
  const photo = await neutralOf('st_art_1.png');
  const photoBasis = buildBasis(photo);
  const photoWidth = (i: number) => mouthWidthRatio(deform(photo, photoBasis, vec(frames[i]!.w as Partial<Record<RigControl, number>>)), photo);
  const grinWidth = mouthWidthRatio(deform(driver, driverBasis, vec(GRIN)), driver);
  for (const i of [15, 17, 19]) {
    assert.ok(photoWidth(i) >= grinWidth - 0.03, `grin frame ${i}: photo's mouth ${photoWidth(i).toFixed(3)} of its rest, the driver's ${grinWidth.toFixed(3)}`);
    assert.ok(frames[i]!.w.mouthFunnel! < 0.1, `grin frame ${i}: funnel ${frames[i]!.w.mouthFunnel!.toFixed(2)}`);
  }
  for (const i of [25, 26]) assert.ok(photoWidth(i) < 0.85, `O frame ${i}: photo's mouth ${photoWidth(i).toFixed(3)} of its rest`);
});
