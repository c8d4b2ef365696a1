// Eyes, brows and the richer expression transfer: the blink read-back on real portraits (render
// both eyes shut, find the face mesh on the frame, compare the eye opening with the photo's), the
// robust rig fit under a local occlusion, and the retarget's rest and gain on a synthetic driver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { loadImage } from '../src/io/image.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { fitRig, canonicalize, deform, type Landmarks } from '../src/rig/fit.ts';
import { rotationFromAngles } from '../src/rig/pose.ts';
import { landmarkDepthScale, LANDMARK_COUNT, BROW_L, EYE_L_UPPER, EYE_L_UPPER2 } from '../src/rig/topology.ts';
import { retargetFromLandmarks, calibratedGain } from '../src/motion/retarget.ts';
import { lowerLipWithinGap } from '../src/motion/fromVideo.ts';
import { browHeights, frownWithinDrop, FROWN_DROP_AT_FULL } from '../src/motion/browDrop.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;

/** Closed/open eye-opening ratio of the worse eye, read back by the face mesh. */
async function blinkReadBack(file: string): Promise<number> {
  const portrait = await analyzePortrait(`${DATA}portraits/${file}`);
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const shut = r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } });
  const open = eyeOpenings((await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks);
  const closed = eyeOpenings((await detectFaces({ ...shut, data: new Uint8ClampedArray(shut.data) }, { embedding: false }))[0]!.landmarks);
  return Math.max(closed.left / open.left, closed.right / open.right);
}

test('blink read-back: a rendered blink reads as a shut eye on the face mesh (lp_s42 at the issue goal 0.25; lp_s12, mt_man at least two-thirds shut)', async () => {
  // measured with the real shut eye of src/render/closedEye: lp_s42 0.18, lp_s12 0.22, mt_man
  // 0.25; with the lid-only closing before it 0.19, 0.32, 0.40 (bench/blink.ts, square frames;
  // this test renders lp_s12 at 375x500, which reads differently). The 0.25 goal is met on
  // 9 of 14 portraits (docs/eyes/README.md).
  const s42 = await blinkReadBack('lp_s42.jpg');
  assert.ok(s42 <= 0.25, `lp_s42 closed/open ${s42.toFixed(2)}`);
  for (const file of ['lp_s12.jpg', 'mt_man.png']) {
    const ratio = await blinkReadBack(file);
    assert.ok(ratio <= 0.34, `${file} closed/open ${ratio.toFixed(2)}`);
  }
});

/** Landmarks (raw detector convention) of the rig's shape for given weights, posed. */
function synthetic(neutral: Float64Array, basis: Float32Array, truth: Partial<Record<RigControl, number>>, yaw = 10): Landmarks {
  const shape = deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => truth[c] ?? 0));
  const R = rotationFromAngles(yaw, -5, 3);
  const lm: Landmarks = [];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const x = shape[i * 3]!, y = shape[i * 3 + 1]!, z = shape[i * 3 + 2]!;
    lm.push([0, 1, 2].map((a) => 90 * (R[a * 3]! * x + R[a * 3 + 1]! * y + R[a * 3 + 2]! * z) + [250, 230, 40][a]!) as [number, number, number]);
  }
  const zs = landmarkDepthScale(lm);
  for (const p of lm) p[2] /= zs;
  return lm;
}

let neutralCache: Float64Array | null = null;
async function realNeutral(): Promise<Float64Array> {
  neutralCache ??= canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  return neutralCache;
}

test('robust fit: a glasses-like occlusion over one eye disturbs the expression less than with the plain fit', async () => {
  const neutral = await realNeutral();
  const basis = buildBasis(neutral);
  const truth: Partial<Record<RigControl, number>> = { mouthSmileLeft: 0.5, mouthSmileRight: 0.5, browInnerUp: 0.4, eyeSquintRight: 0.5 };
  const clean = synthetic(neutral, basis, truth);
  // a frame edge crossing the subject-left eye: lid, crease and brow points scattered by up to 6 px
  const lm = clean.map((p) => [...p] as [number, number, number]);
  [...EYE_L_UPPER.slice(1, -1), ...EYE_L_UPPER2, ...BROW_L].forEach((i, k) => { lm[i]![1] += k % 2 ? 6 : -4; lm[i]![0] += k % 3 ? 3 : -3; });
  // the occlusion's effect = the change from the fit of the clean face (the rig's own ambiguity aside)
  const change = (opts: { robust?: boolean }) => {
    const a = fitRig(clean, { neutral, ...opts }).weights, b = fitRig(lm, { neutral, ...opts }).weights;
    return Math.max(...RIG_CONTROLS.map((c) => Math.abs(a[c] - b[c])));
  };
  const plain = change({}), robust = change({ robust: true });
  console.log(`largest weight change: robust ${robust.toFixed(3)} vs plain ${plain.toFixed(3)}`);
  assert.ok(robust < 0.75 * plain, `largest weight change: robust ${robust.toFixed(3)} vs plain ${plain.toFixed(3)}`);
});

test('retarget: expressions relative to the driver rest, scaled so the driver peak is a strong expression', async () => {
  const neutral = await realNeutral();
  const basis = buildBasis(neutral);
  // a driver who smiles slightly all along (0.15) and raises the brows to 0.3 in the middle of the clip
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) {
    const brow = i >= 15 && i < 25 ? 0.3 : 0.02;
    clip.push(synthetic(neutral, basis, { mouthSmileLeft: 0.15, mouthSmileRight: 0.15, browInnerUp: brow }, 5 * Math.sin(i / 5)));
  }
  const out = retargetFromLandmarks(clip);
  const brow = out.get('browInnerUp')!, smile = out.get('mouthSmileLeft')!;
  // a 0.3 rig raise lifts the brows ~.025 over the eye corners: with raiseAbsolute (s54) that rise asks the weight that
  // renders it (~.2), no longer the read-back gain's strong raise (a mild raise made maximal: lp_s9 <- vrt4)
  assert.ok(brow[20]! > 0.15 && brow[20]! < 0.5, `raised brows (0.3) retarget to the raise that renders their rise (${brow[20]!.toFixed(2)})`);
  const relative = retargetFromLandmarks(clip, { raiseAbsolute: false }).get('browInnerUp')!;
  assert.ok(relative[20]! > 0.5, `off: at the read-back gain, a strong raise (${relative[20]!.toFixed(2)})`);
  assert.ok(brow[5]! < 0.1, `brows at rest stay at rest (${brow[5]!.toFixed(2)})`);
  assert.ok(Math.max(...smile) < 0.1, `the driver's constant slight smile is its rest, not an expression (${Math.max(...smile).toFixed(2)})`);
  assert.equal(calibratedGain(0.1, 0.2), 1, 'a range within noise is not amplified');
  assert.ok(calibratedGain(0, 0.3) === 2 && calibratedGain(0, 0.5) > 1.6 && calibratedGain(0, 0.9) === 1);
});

test('retarget: a lower lip that drops with the jaw still (a toothy smile) is read by the fit as mouthLowerDown', async () => {
  const neutral = await realNeutral();
  const basis = buildBasis(neutral);
  // smiling, the lower lip dropping off the teeth in the middle of the clip, the jaw still
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) clip.push(synthetic(neutral, basis, { mouthSmileLeft: 0.5, mouthSmileRight: 0.5, mouthLowerDown: i >= 15 && i < 25 ? 0.7 : 0 }, 5 * Math.sin(i / 5)));
  const down = retargetFromLandmarks(clip).get('mouthLowerDown')!;
  assert.ok(down[20]! > 0.5 && down[5]! < 0.1, `lower lip down ${down[20]!.toFixed(2)} (at rest ${down[5]!.toFixed(2)})`);
  assert.equal(retargetFromLandmarks(clip, { lowerLipFit: false }).get('mouthLowerDown'), undefined, 'off: the measures alone');
});

test('the fit\'s lower lip is kept within the measured opening: none with the lips shut, all of it in a wide smile', () => {
  assert.equal(lowerLipWithinGap(0.8, 0), 0, 'lips shut: the photo\'s stay shut');
  assert.equal(lowerLipWithinGap(0.8, 0.41), 0.8, 'Katie at 1.1 s: the gap holds the whole drop');
  const small = lowerLipWithinGap(0.8, 0.05);
  assert.ok(small > 0 && small <= 0.6 * 0.05 / 0.09 + 1e-12 && small <= 0.8 * 0.2 + 1e-12, `a small gap limits the drop: ${small.toFixed(3)}`);
});

test('retarget: a frown arrives at the read-back gain, and only as deep as the driver\'s brows came down', async () => {
  const neutral = await realNeutral();
  const basis = buildBasis(neutral);
  // a driver who frowns to 0.3 in the middle of the clip (brows down 0.3 of the rig's full frown)
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) clip.push(synthetic(neutral, basis, { browDownLeft: i >= 15 && i < 25 ? 0.3 : 0, browDownRight: i >= 15 && i < 25 ? 0.3 : 0 }, 5 * Math.sin(i / 5)));
  const on = retargetFromLandmarks(clip).get('browDownLeft')!, off = retargetFromLandmarks(clip, { frownWithinDrop: false }).get('browDownLeft')!;
  assert.ok(on[20]! > 0.3 && on[5]! < 0.05, `frown at 0.3 arrives stronger (${on[20]!.toFixed(2)}), rest stays (${on[5]!.toFixed(2)})`);
  assert.ok(on[20]! <= off[20]! + 1e-9, 'the cap never deepens a frown');
  // the cap: no drop, no frown; a drop of the rig's full frown allows it all
  assert.equal(frownWithinDrop(0.8, 0), 0);
  assert.equal(frownWithinDrop(0.8, -0.02), 0, 'raised brows carry no frown');
  assert.equal(frownWithinDrop(0.8, FROWN_DROP_AT_FULL), 0.8);
  assert.ok(Math.abs(frownWithinDrop(0.8, FROWN_DROP_AT_FULL / 2) - 0.5) < 1e-12);
  // the brows' heights over the eye corners: a synthetic frown lowers them (canonical frame, y down)
  const h0 = browHeights(canonicalize(synthetic(neutral, basis, {}, 0))), h1 = browHeights(canonicalize(synthetic(neutral, basis, { browDownLeft: 1, browDownRight: 1 }, 0)));
  assert.ok(h0[0] - h1[0] > 0.05 && h0[1] - h1[1] > 0.05, `a full frown lowers the brows ${(h0[0] - h1[0]).toFixed(3)} / ${(h0[1] - h1[1]).toFixed(3)}`);
});

test('retarget: brow raises are vetoed where the driver\'s brows did not rise; a wide eye is not squinting', async () => {
  const { raiseWithinRise, RAISE_AT_FULL } = await import('../src/motion/browDrop.ts');
  const { wideOverSquint } = await import('../src/motion/eyeSquints.ts');
  assert.equal(raiseWithinRise(0.8, 0), 0, 'brows that did not rise: no raise (the fit\'s crosstalk)');
  assert.equal(raiseWithinRise(0.8, -0.02), 0, 'brows that came down: no raise');
  assert.equal(raiseWithinRise(0.8, RAISE_AT_FULL), 0.8, 'a full rise allows any raise');
  assert.ok(Math.abs(raiseWithinRise(0.8, RAISE_AT_FULL / 2) - 0.5) < 1e-12, 'half the rise, half a raise');
  const out = new Map<RigControl, Float64Array>([
    ['eyeWideLeft', Float64Array.from([0.4, 0, 0.2])], ['eyeSquintLeft', Float64Array.from([0.5, 0.3, 0.1])],
    ['eyeWideRight', Float64Array.from([0, 0, 0])], ['eyeSquintRight', Float64Array.from([0.2, 0, 0.6])],
  ]);
  wideOverSquint(out);
  assert.deepEqual([...out.get('eyeSquintLeft')!].map((v) => Number(v.toFixed(6))), [0.1, 0.3, 0], 'the squint less the same side\'s eyeWide');
  assert.deepEqual([...out.get('eyeSquintRight')!], [0.2, 0, 0.6], 'no eyeWide: the squint as read');
  assert.deepEqual([...out.get('eyeWideLeft')!], [0.4, 0, 0.2], 'eyeWide itself untouched');
});
