import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  psnr,
  ssim,
  mse,
  cosineSimilarity,
  rotationFromEuler,
  eulerFromRotation,
  procrustes,
  transformLandmarks,
  landmarkExpressionDistance,
  poseDistance,
  apd,
  aed,
  weightDistance,
  nme,
  interOcular,
  jitter,
  pearson,
  bestLagCorrelation,
  summarize,
  absDiffImage,
  type ImageLike,
} from '../src/eval/metrics.ts';
import { convexHull, polygonMask, faceRegionMask, maskArea } from '../src/eval/masks.ts';
import { mulberry32 } from '../src/math/random.ts';

const rng = mulberry32;

function image(width: number, height: number, f: (x: number, y: number, c: number) => number): ImageLike & { data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = f(x, y, c);
      data[i + 3] = 255;
    }
  return { width, height, data };
}

const smooth = (dx: number) => image(64, 48, (x, y, c) => 128 + 60 * Math.sin((x + dx) / 6 + c) * Math.cos(y / 7));

test('PSNR and SSIM of identical frames: infinite and exactly 1', () => {
  const a = smooth(0);
  const b = image(64, 48, (x, y, c) => a.data[(y * 64 + x) * 4 + c]!);
  assert.equal(psnr(a, b), Infinity);
  assert.ok(Math.abs(ssim(a, b) - 1) < 1e-6);
});

test('PSNR of a constant offset d is 20 log10(255/d); alpha is ignored', () => {
  const a = smooth(0);
  const b = image(64, 48, (x, y, c) => a.data[(y * 64 + x) * 4 + c]! + 10);
  // values near 255 would clip; the smooth image stays in 68..188
  assert.ok(Math.abs(mse(a, b) - 100) < 1e-9);
  assert.ok(Math.abs(psnr(a, b) - 20 * Math.log10(25.5)) < 1e-9);
  const c = image(64, 48, (x, y, ch) => a.data[(y * 64 + x) * 4 + ch]!);
  for (let i = 3; i < c.data.length; i += 4) c.data[i] = 0;
  assert.equal(psnr(a, c), Infinity);
});

test('SSIM of two flat images equals (2uv + C1) / (u^2 + v^2 + C1)', () => {
  const a = image(32, 32, () => 100);
  const b = image(32, 32, () => 150);
  const C1 = (0.01 * 255) ** 2;
  const expected = (2 * 100 * 150 + C1) / (100 * 100 + 150 * 150 + C1);
  assert.ok(Math.abs(ssim(a, b) - expected) < 1e-4, `${ssim(a, b)} vs ${expected}`);
});

test('a shifted image scores lower, more so the larger the shift; noise decorrelates fully', () => {
  const a = smooth(0);
  const s1 = psnr(a, smooth(1));
  const s4 = psnr(a, smooth(4));
  assert.ok(s1 > s4, `${s1} > ${s4}`);
  assert.ok(s1 < 40 && s4 > 10);
  const q1 = ssim(a, smooth(1));
  const q4 = ssim(a, smooth(4));
  assert.ok(q1 < 1 && q1 > 0.9, `ssim shift 1 = ${q1}`);
  assert.ok(q4 < q1, `${q4} < ${q1}`);
  const r = rng(1);
  const noise = image(64, 64, () => r() * 255);
  const shifted = image(64, 64, (x, y, c) => noise.data[(y * 64 + ((x + 1) % 64)) * 4 + c]!);
  assert.ok(Math.abs(ssim(noise, shifted)) < 0.15, `noise shifted: ${ssim(noise, shifted)}`);
});

test('masked PSNR/SSIM only see the pixels inside the mask', () => {
  const a = smooth(0);
  const b = image(64, 48, (x, y, c) => (x < 32 ? a.data[(y * 64 + x) * 4 + c]! : 0));
  const left = new Uint8Array(64 * 48);
  for (let y = 0; y < 48; y++) for (let x = 0; x < 20; x++) left[y * 64 + x] = 1;
  assert.equal(psnr(a, b, left), Infinity);
  assert.ok(psnr(a, b) < 15);
  assert.ok(ssim(a, b, left) > 0.999);
  assert.ok(ssim(a, b) < 0.7);
  assert.ok(Number.isNaN(psnr(a, b, new Uint8Array(64 * 48))));
  const d = absDiffImage(a, b);
  assert.equal(d.data[0], 0);
  assert.equal(d.data[(10 * 64 + 40) * 4], a.data[(10 * 64 + 40) * 4]);
});

test('cosine similarity: same direction 1, orthogonal 0, opposite -1, scale-invariant', () => {
  assert.ok(Math.abs(cosineSimilarity([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
  assert.equal(cosineSimilarity([1, 0], [0, 5]), 0);
  assert.ok(Math.abs(cosineSimilarity([1, -2], [-1, 2]) + 1) < 1e-12);
  assert.ok(Number.isNaN(cosineSimilarity([], [])));
});

function randomFace(seed: number): [number, number, number][] {
  const r = rng(seed);
  const pts = Array.from({ length: 478 }, () => [200 + r() * 160, 150 + r() * 200, -40 + r() * 80] as [number, number, number]);
  // outer eye corners 33 / 263 at a realistic distance (for the inter-ocular normalisation)
  pts[33] = [230, 220, 0];
  pts[263] = [330, 220, 0];
  return pts;
}

test('Euler angles round-trip through the rotation matrix', () => {
  for (const p of [{ yaw: 20, pitch: -10, roll: 5 }, { yaw: -35, pitch: 25, roll: -40 }, { yaw: 0, pitch: 0, roll: 0 }]) {
    const q = eulerFromRotation(rotationFromEuler(p));
    assert.ok(poseDistance(p, q) < 1e-9, JSON.stringify(q));
  }
  // +yaw moves +x toward +z, +pitch moves +y (down) toward +z, +roll moves +x toward +y
  assert.ok(rotationFromEuler({ yaw: 30, pitch: 0, roll: 0 })[6] > 0.49);
  assert.ok(rotationFromEuler({ yaw: 0, pitch: 30, roll: 0 })[7] > 0.49);
  assert.ok(rotationFromEuler({ yaw: 0, pitch: 0, roll: 30 })[3] > 0.49);
});

test('a pure rotation + scale + shift of landmarks: expression distance ~0, Procrustes recovers the rotation (APD = the rotation)', () => {
  const face = randomFace(7);
  const pose = { yaw: 20, pitch: -10, roll: 5 };
  const moved = transformLandmarks(face, { rotation: rotationFromEuler(pose), scale: 1.7, translation: [30, -12, 4] });
  assert.ok(landmarkExpressionDistance(moved, face) < 1e-9);
  const fit = procrustes(face, moved);
  assert.ok(Math.abs(fit.scale - 1.7) < 1e-9);
  assert.ok(fit.rms < 1e-8);
  const found = eulerFromRotation(fit.rotation);
  assert.ok(poseDistance(found, pose) < 1e-6, JSON.stringify(found));
  // APD against the unrotated face is the mean of |20|, |-10|, |5|
  assert.ok(Math.abs(apd([found], [{ yaw: 0, pitch: 0, roll: 0 }]) - 35 / 3) < 1e-6);
  // 2D points work too (z treated as 0): a roll-only rotation is recovered
  const flat = face.map((p) => [p[0], p[1]] as [number, number]);
  const rolled = transformLandmarks(flat, { rotation: rotationFromEuler({ yaw: 0, pitch: 0, roll: 12 }), scale: 0.5, translation: [5, 5, 0] });
  assert.ok(Math.abs(eulerFromRotation(procrustes(flat, rolled).rotation).roll - 12) < 1e-6);
});

test('a change of expression survives the alignment: distance grows with the change', () => {
  const face = randomFace(3);
  const posed = transformLandmarks(face, { rotation: rotationFromEuler({ yaw: -15, pitch: 8, roll: 0 }), scale: 1, translation: [0, 0, 0] });
  const mouthOpen = (amount: number) =>
    posed.map((p, i) => (i >= 400 && i < 440 ? ([p[0], p[1] + amount, p[2]] as [number, number, number]) : p));
  const d5 = landmarkExpressionDistance(mouthOpen(5), posed);
  const d15 = landmarkExpressionDistance(mouthOpen(15), posed);
  // 40 of 478 points moved by 5 px (IOD ~97 px): 0.0043 unaligned; the least-squares alignment
  // then shifts everything by 0.42 px, so the 438 still points also count: (438*0.42 + 40*4.58)/478/96.6 = 0.0079
  assert.ok(Math.abs(d5 - 0.0079) < 0.0005, `d5 ${d5}`);
  assert.ok(d15 > 2.5 * d5, `d15 ${d15}`);
});

test('AED on rig weights is the mean absolute difference per control; APD skips missing frames', () => {
  assert.equal(weightDistance([0, 0.5, 1, 0], [0, 0.25, 0.5, 0.25]), 0.25);
  assert.equal(aed([[0, 1], null, [1, 1]], [[0, 0], [1, 1], [1, 1]]), 0.25);
  assert.equal(apd([{ yaw: 10, pitch: 0, roll: 0 }, null], [{ yaw: 4, pitch: 3, roll: 0 }, { yaw: 0, pitch: 0, roll: 0 }]), 3);
  assert.ok(Number.isNaN(apd([null], [null])));
});

test('NME of a shift (3, 4) px is 5 / inter-ocular distance; jitter of steady 1 px/frame drift is 1 / IOD', () => {
  const face = randomFace(11);
  assert.equal(interOcular(face), 100);
  const shifted = face.map((p) => [p[0] + 3, p[1] + 4, p[2]] as [number, number, number]);
  assert.ok(Math.abs(nme(shifted, face) - 0.05) < 1e-12);
  const track = [0, 1, 2, 3].map((t) => face.map((p) => [p[0] + t, p[1], p[2]] as [number, number, number]));
  assert.ok(Math.abs(jitter(track) - 0.01) < 1e-12);
  assert.equal(jitter([face, face, face]), 0);
  // only the chosen points count: move point 5 by 10 px, measure on points 5 and 6
  const moved = face.map((p, i) => (i === 5 ? ([p[0] + 10, p[1], p[2]] as [number, number, number]) : p));
  assert.ok(Math.abs(jitter([face, moved], [5, 6]) - 0.05) < 1e-12);
  assert.ok(Math.abs(jitter([track[0], null, track[2], track[3]]) - 0.01) < 1e-12);
});

test('Pearson r: linear relation 1, inverted -1; best lag finds a known delay', () => {
  const r = rng(5);
  const a = Array.from({ length: 200 }, () => r());
  assert.ok(Math.abs(pearson(a, a.map((x) => 2 * x + 1)) - 1) < 1e-12);
  assert.ok(Math.abs(pearson(a, a.map((x) => -x)) + 1) < 1e-12);
  assert.ok(Number.isNaN(pearson(a, a.map(() => 3))));
  // a constant that is not exact in binary (mean rounding) is still constant
  assert.ok(Number.isNaN(pearson(a, a.map(() => 0.129))));
  assert.ok(Number.isNaN(bestLagCorrelation(a, a.map(() => 0.129), 3).r));
  // b is a delayed by 2 frames plus a little noise: b[t + 2] = a[t]
  const b = a.map((_, t) => (t >= 2 ? a[t - 2]! : 0) + 0.05 * (r() - 0.5));
  const best = bestLagCorrelation(a, b, 3);
  assert.equal(best.lag, 2);
  assert.ok(best.r > 0.97, `r ${best.r}`);
  assert.ok(Math.abs(best.r0) < 0.3, `r0 ${best.r0}`);
  // and the other way round
  assert.equal(bestLagCorrelation(b, a, 3).lag, -2);
  // a delay beyond the window is not found
  const far = a.map((_, t) => (t >= 5 ? a[t - 5]! : 0));
  assert.ok(bestLagCorrelation(a, far, 3).r < 0.4);
});

test('summaries: mean, median, worst in the right direction; NaN and Infinity skipped', () => {
  const s = summarize([3, 1, NaN, 2, Infinity, 10], true);
  assert.deepEqual(s, { mean: 4, median: 2.5, worst: 1, n: 4 });
  assert.equal(summarize([3, 1, 2], false).worst, 3);
  assert.equal(summarize([], true).n, 0);
});

test('face-region mask: convex hull filled, grown about its centroid', () => {
  const square = [
    [10, 10],
    [30, 10],
    [30, 30],
    [10, 30],
    [20, 20],
  ];
  assert.equal(convexHull(square).length, 4);
  const m = polygonMask(convexHull(square), 40, 40);
  assert.equal(maskArea(m), 400);
  assert.equal(m[20 * 40 + 20], 1);
  assert.equal(m[5 * 40 + 5], 0);
  const grown = faceRegionMask(square, 40, 40, 1.5);
  assert.equal(maskArea(grown), 900);
});
