// Face rig: controls, basis locality on a real face, pose + expression fit (synthetic truth and
// real video frames).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { RIG_CONTROLS, CONTROL_INDEX, CONTROL_COUNT, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { fitRig, canonicalize, deform, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { rotationFromAngles, anglesFromRotation } from '../src/rig/pose.ts';
import * as T from '../src/rig/topology.ts';
import { posedLandmarks } from './rigSynthetic.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;
const N = T.LANDMARK_COUNT;

let realCache: Landmarks | null = null;
async function realLandmarks(): Promise<Landmarks> {
  realCache ??= (await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks;
  return realCache;
}

test('the rig exposes the ARKit-style controls the pipeline relies on', () => {
  const required = ['jawOpen', 'mouthClose', 'mouthFunnel', 'mouthPucker', 'mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight', 'mouthUpperUp', 'mouthLowerDown', 'mouthPress', 'cheekPuff', 'eyeBlinkLeft', 'eyeBlinkRight', 'eyeWideLeft', 'eyeWideRight', 'browInnerUp', 'browDownLeft', 'browDownRight', 'browOuterUpLeft', 'browOuterUpRight'];
  for (const c of required) assert.ok((RIG_CONTROLS as readonly string[]).includes(c), c);
  assert.equal(new Set(RIG_CONTROLS).size, RIG_CONTROLS.length);
});

test('pose angles round-trip through rotation matrices', () => {
  for (const [y, p, r] of [[20, -10, 5], [-35, 12, -8], [0, 0, 0]] as const) {
    const a = anglesFromRotation(rotationFromAngles(y, p, r));
    assert.ok(Math.abs(a.yaw - y) < 1e-9 && Math.abs(a.pitch - p) < 1e-9 && Math.abs(a.roll - r) < 1e-9);
  }
  // positive yaw turns the nose (toward the camera, z < 0) to the viewer's right
  assert.ok(-rotationFromAngles(20, 0, 0)[2]! > 0.3);
  // positive pitch moves it down
  assert.ok(-rotationFromAngles(0, 20, 0)[5]! > 0.3);
});

/** Largest displacement (canonical units) of a control over a set of landmarks. */
function maxMove(basis: Float32Array, control: RigControl, indices: number[]): number {
  const k = CONTROL_INDEX[control];
  let m = 0;
  for (const i of indices) {
    const o = (k * N + i) * 3;
    m = Math.max(m, Math.hypot(basis[o]!, basis[o + 1]!, basis[o + 2]!));
  }
  return m;
}

test('each control moves the landmarks it names and not the others (real face)', async () => {
  const basis = buildBasis(canonicalize(await realLandmarks()));
  const lips = [...T.LIPS_OUTER_UPPER, ...T.LIPS_OUTER_LOWER, ...T.LIPS_INNER_UPPER, ...T.LIPS_INNER_LOWER];
  const eyeL = [...T.EYE_L_UPPER, ...T.EYE_L_LOWER], eyeR = [...T.EYE_R_UPPER, ...T.EYE_R_LOWER];
  const brows = [...T.BROW_L, ...T.BROW_R];
  const upperFace = [...eyeL, ...eyeR, ...brows, 10, 151, 9, 168];
  const lowerFace = [...lips, 152, 148, 377, 18, 200];
  const cases: Array<[RigControl, number[], number[]]> = [
    ['jawOpen', [14, 17, 152, 87, 317], [...upperFace, 13, 0, 1, 4]],
    ['mouthClose', T.LIPS_INNER_LOWER.slice(1, -1), upperFace],
    ['mouthFunnel', lips, upperFace],
    ['mouthPucker', lips, upperFace],
    ['mouthSmileLeft', [291, 308], [...upperFace, 61, 78]],
    ['mouthSmileRight', [61, 78], [...upperFace, 291, 308]],
    ['mouthStretchLeft', [291, 308], [...upperFace, 61, 78]],
    ['mouthStretchRight', [61, 78], [...upperFace, 291, 308]],
    ['mouthUpperUp', [0, 13, 37, 267], [...upperFace, 14, 17, 152]],
    ['mouthLowerDown', [14, 17, 84, 314], [...upperFace, 0, 13]],
    ['mouthPress', [0, 17], upperFace],
    ['cheekPuff', [205, 425, 50, 280], [...upperFace, 152]],
    ['eyeBlinkLeft', [386, 385, 387], [...eyeR, ...lowerFace, ...T.BROW_R]],
    ['eyeBlinkRight', [159, 158, 160], [...eyeL, ...lowerFace, ...T.BROW_L]],
    ['eyeWideLeft', [386, 385, 387], [...eyeR, ...lowerFace]],
    ['eyeWideRight', [159, 158, 160], [...eyeL, ...lowerFace]],
    ['browInnerUp', [107, 336, 66, 296], [...eyeL, ...eyeR, ...lowerFace]],
    ['browDownLeft', T.BROW_L, [...T.BROW_R, ...eyeL, ...eyeR, ...lowerFace]],
    ['browDownRight', T.BROW_R, [...T.BROW_L, ...eyeL, ...eyeR, ...lowerFace]],
    ['browOuterUpLeft', [300, 293], [...T.BROW_R, ...eyeL, ...eyeR, ...lowerFace]],
    ['browOuterUpRight', [70, 63], [...T.BROW_L, ...eyeL, ...eyeR, ...lowerFace]],
    ['eyeSquintLeft', [374, 373, 380], [...eyeR, ...brows, ...lowerFace]],
    ['eyeSquintRight', [145, 144, 153], [...eyeL, ...brows, ...lowerFace]],
    ['cheekSquintLeft', [280, 425, 330], [...eyeR, ...brows, ...lips, 152, 50, 205]],
    ['cheekSquintRight', [50, 205, 101], [...eyeL, ...brows, ...lips, 152, 280, 425]],
    ['noseSneerLeft', [358, 327, 294], [...eyeL, ...eyeR, ...brows, 129, 98, 14, 17, 152]],
    ['noseSneerRight', [129, 98, 64], [...eyeL, ...eyeR, ...brows, 358, 327, 14, 17, 152]],
    ['mouthFrownLeft', [291, 308], [...upperFace, 61, 78]],
    ['mouthFrownRight', [61, 78], [...upperFace, 291, 308]],
    ['mouthShrugUpper', [0, 13, 37, 267], [...upperFace, 14, 17, 152]],
    ['mouthShrugLower', [14, 17, 84, 314], [...upperFace, 0, 13]],
    ['mouthRollUpper', [0, 37, 267], [...upperFace, 14, 17, 152]],
    ['mouthRollLower', [17, 84, 314], [...upperFace, 0, 13]],
    ['mouthDimpleLeft', [291, 308], [...upperFace, 61, 78]],
    ['mouthDimpleRight', [61, 78], [...upperFace, 291, 308]],
  ];
  assert.equal(cases.length, CONTROL_COUNT);
  for (const [c, moves, still] of cases) {
    const moved = maxMove(basis, c, moves), stayed = maxMove(basis, c, still);
    assert.ok(moved > (c === 'mouthPress' || c.startsWith('eyeWide') || CONTROL_INDEX[c] >= 21 ? 0.025 : 0.05), `${c} should move its landmarks (moved ${moved.toFixed(3)} IOD)`);
    assert.ok(stayed < 0.01, `${c} should leave the others (moved ${stayed.toFixed(3)} IOD)`);
  }
  // a full blink brings the upper lid onto the lower lid
  const neutral = canonicalize(await realLandmarks());
  const closed = deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => (c === 'eyeBlinkLeft' ? 1 : 0)));
  assert.ok(Math.abs(closed[386 * 3 + 1]! - closed[374 * 3 + 1]!) < 0.01);
});

test('fitRig recovers known pose and weights from synthetic landmarks', async () => {
  const neutral = canonicalize(await realLandmarks());
  const basis = buildBasis(neutral);
  const truth: Partial<Record<RigControl, number>> = { jawOpen: 0.6, mouthSmileLeft: 0.4, eyeBlinkRight: 1, browInnerUp: 0.5 };
  const w = Float64Array.from(RIG_CONTROLS, (c) => truth[c] ?? 0);
  const shape = deform(neutral, basis, w);
  const lm = posedLandmarks(shape, [15, -8, 4]);
  const fit = fitRig(lm, { neutral });
  assert.ok(Math.abs(fit.pose.yaw - 15) < 1 && Math.abs(fit.pose.pitch + 8) < 1 && Math.abs(fit.pose.roll - 4) < 1, JSON.stringify(fit.pose));
  for (const c of RIG_CONTROLS) assert.ok(Math.abs(fit.weights[c] - (truth[c] ?? 0)) < 0.1, `${c}: ${fit.weights[c].toFixed(3)} vs ${truth[c] ?? 0}`);
  assert.ok(fit.residual < 0.005, `residual ${fit.residual}`);
});

test('fitRig follows a real talking video (KatieHill, 2 s): low landmark error, mouth opening tracked', async () => {
  const frames: Landmarks[] = [];
  for await (const img of decodeVideoFrames(`${DATA}video/WDA_KatieHill_000.mp4`, { maxFrames: 50 })) {
    const f = (await detectFaces(img, { embedding: false }))[0];
    if (f) frames.push(f.landmarks);
  }
  assert.ok(frames.length >= 45);
  const neutral = estimateNeutral(frames);
  const fits = frames.map((lm) => fitRig(lm, { neutral }));
  const nme = fits.reduce((a, f) => a + f.residual, 0) / fits.length;
  assert.ok(nme < 0.025, `mean NME ${nme.toFixed(4)}`);
  for (const f of fits) for (const c of RIG_CONTROLS) assert.ok(f.weights[c] >= 0 && f.weights[c] <= 1);
  // the mouth-opening controls follow the measured lip gap
  const gap = frames.map((lm) => Math.hypot(lm[14]![0] - lm[13]![0], lm[14]![1] - lm[13]![1]) / Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]));
  const jaw = fits.map((f) => f.weights.jawOpen + 0.5 * (f.weights.mouthLowerDown + f.weights.mouthUpperUp));
  assert.ok(pearson(gap, jaw) > 0.6, `corr ${pearson(gap, jaw).toFixed(2)}`);
});

function pearson(a: number[], b: number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length, mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
}

test('brow raise carries the row under the brow (brow hair) and leaves the upper lid in place', async () => {
  const { buildBasis } = await import('../src/rig/basis.ts');
  const { meanFace } = await import('../src/rig/fit.ts');
  const { CONTROL_INDEX } = await import('../src/rig/controls.ts');
  const b = buildBasis(meanFace());
  const dy = (k: number, i: number) => b[(k * 478 + i) * 3 + 1]!;
  for (const k of [CONTROL_INDEX.browInnerUp, CONTROL_INDEX.browOuterUpLeft, CONTROL_INDEX.browOuterUpRight]) {
    // under the middle of each brow: 223 under 52/65 (subject's right), 443 under 282/295 (left)
    for (const [under, browA, browB] of [[223, 52, 65], [443, 282, 295]] as const) {
      const brow = Math.min(dy(k, browA), dy(k, browB));
      if (brow > -0.01) continue;
      assert.ok(dy(k, under) < 0.5 * Math.max(dy(k, browA), dy(k, browB)), `row under the brow rises with it: ${dy(k, under)} vs ${dy(k, browA)}, ${dy(k, browB)}`);
    }
    for (const lid of [159, 386]) assert.equal(dy(k, lid), 0, 'the upper lid stays');
  }
});

test('a smile moves the lip rows together: the middle rows keep between the contours (real face)', async () => {
  const neutral = canonicalize(await realLandmarks());
  const basis = buildBasis(neutral);
  const w = new Float64Array(CONTROL_COUNT);
  w[CONTROL_INDEX.mouthSmileLeft] = 1; w[CONTROL_INDEX.mouthSmileRight] = 1;
  const smiled = deform(neutral, basis, w);
  const y = (i: number) => smiled[i * 3 + 1]!;
  // the upper lip's rows from the outer contour to the inner one, column by column (MediaPipe's lip mesh)
  const outer = [185, 40, 39, 37, 0, 267, 269, 270, 409], mid1 = [184, 74, 73, 72, 11, 302, 303, 304, 408];
  const mid2 = [183, 42, 41, 38, 12, 268, 271, 272, 407], inner = [191, 80, 81, 82, 13, 312, 311, 310, 415];
  let worst = Infinity;
  for (let c = 0; c < outer.length; c++) {
    // y grows downward: outer above mid1 above mid2 above inner, as on the neutral face
    worst = Math.min(worst, y(mid1[c]!) - y(outer[c]!), y(mid2[c]!) - y(mid1[c]!), y(inner[c]!) - y(mid2[c]!));
  }
  assert.ok(worst > 0, `a lip row crossed its neighbour (${worst})`);
});

test('a wide jaw opening is round: the lip gap falls off toward the corners without a flat middle or a sudden drop (real face)', async () => {
  const neutral = canonicalize(await realLandmarks());
  const w = new Float64Array(CONTROL_COUNT);
  w[CONTROL_INDEX.jawOpen] = 1.5;
  const opened = deform(neutral, buildBasis(neutral), w);
  // the inner lip contours, column by column from one corner to the other (the corners left out)
  const up = [191, 80, 81, 82, 13, 312, 311, 310, 415], lo = [95, 88, 178, 87, 14, 317, 402, 318, 324];
  const gaps = up.map((u, q) => (opened[lo[q]! * 3 + 1]! - opened[u * 3 + 1]!) / (opened[14 * 3 + 1]! - opened[13 * 3 + 1]!));
  // two columns out from the middle an oval has lost over a tenth of its height (a box: none)
  assert.ok(gaps[2]! < 0.9 && gaps[6]! < 0.9, `flat middle: ${gaps.map((g) => g.toFixed(2))}`);
  // and no step between neighbouring columns drops by more than a quarter (a pointed corner)
  for (let q = 1; q < gaps.length; q++) assert.ok(Math.abs(gaps[q]! - gaps[q - 1]!) < 0.25, `sudden drop: ${gaps.map((g) => g.toFixed(2))}`);
});

test('the jaw carries the lower lip down whole: its thickness holds from closed to wide open, at every column (real face)', async () => {
  const neutral = canonicalize(await realLandmarks());
  const basis = buildBasis(neutral);
  // the lower lip's columns, inner contour -> outer contour (MediaPipe's lip mesh), corners left out
  const inner = T.LIP_COLUMNS_LOWER[0], outer = T.LIP_COLUMNS_LOWER[3];
  const thickness = (jaw: number) => {
    const w = new Float64Array(CONTROL_COUNT);
    w[CONTROL_INDEX.jawOpen] = jaw;
    const f = deform(neutral, basis, w);
    // as seen from the front (x, y): what the camera shows of the lip
    return inner.map((a, c) => Math.hypot(f[outer[c]! * 3]! - f[a * 3]!, f[outer[c]! * 3 + 1]! - f[a * 3 + 1]!));
  };
  const rest = thickness(0);
  // rig jawOpen 2 is about a motion's jawOpen 1: a 0.64 IOD lip gap (render/mouth/opening.ts)
  for (const jaw of [0.5, 1, 1.5, 2]) {
    const now = thickness(jaw);
    const worst = Math.max(...now.map((t, c) => Math.abs(t / rest[c]! - 1)));
    assert.ok(worst < 0.04, `jawOpen ${jaw}: the lower lip's thickness changed by up to ${(100 * worst).toFixed(0)} % (${now.map((t, c) => (t / rest[c]!).toFixed(2)).join(' ')})`);
  }
});
