import { test } from 'node:test';
import { besideFaceFlattening, depthRemoved, revealRemoval, turnedAway, turnShade } from '../src/render/turn.ts';
import { distanceToOutline } from '../src/math/polygon.ts';
import assert from 'node:assert/strict';
import type { RasterTarget } from '../src/render/raster.ts';
import { featherSilhouette } from '../src/render/edgePasses.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

/** A W x W target (default 12) with an opaque (depth-keeping) square at x, y lo..W-1-lo: a geometric cut against nothing. */
function square(W = 12, lo = 3): RasterTarget {
  const t: RasterTarget = { width: W, height: W, color: new Uint32Array(W * W), depth: new Float32Array(W * W) };
  for (let y = lo; y <= W - 1 - lo; y++) for (let x = lo; x <= W - 1 - lo; x++) { t.color[y * W + x] = 0xff406080; t.depth[y * W + x] = 0.01; }
  return t;
}
const alpha = (t: RasterTarget, x: number, y: number) => t.color[y * t.width + x]! >>> 24;

test('featherSilhouette ramps a hard geometric outline and leaves the inside alone', () => {
  const t = square();
  featherSilhouette(t, 1, new Int32Array(144), new Uint32Array(144));
  // inner edge pixel partly covered, outer neighbour picks up some coverage, interior untouched
  assert.ok(alpha(t, 3, 5) > 120 && alpha(t, 3, 5) < 230, `edge alpha ${alpha(t, 3, 5)}`);
  assert.ok(alpha(t, 2, 5) > 40 && alpha(t, 2, 5) < alpha(t, 3, 5), `outside alpha ${alpha(t, 2, 5)}`);
  assert.equal(alpha(t, 5, 5), 255);
  assert.equal(alpha(t, 0, 0), 0);
  // premultiplied: colour scales with the coverage
  assert.ok(Math.abs((t.color[5 * 12 + 3]! & 255) - (0x80 * alpha(t, 3, 5)) / 255) <= 2);
});

test('featherSilhouette ramps over about the width of the photo\'s own edges (3-5 px), not a 1-2 px paper cut', () => {
  const t = square(20, 6);
  featherSilhouette(t, 1, new Int32Array(400), new Uint32Array(400));
  // along row 10 from outside in: 0 -> partial x4 -> opaque, strictly rising
  const row = [2, 3, 4, 5, 6, 7, 8].map((x) => alpha(t, x, 10)).slice(1);
  assert.equal(row[0], 0);
  for (let x = 1; x <= 4; x++) assert.ok(row[x]! > row[x - 1]!, `ramp rises at x=${x}: ${row.join(' ')}`);
  assert.ok(row[1]! > 20 && row[4]! < 250, `partial coverage over 4 px: ${row.join(' ')}`);
  assert.equal(row[5], 255);
  // a 1 px ramp (the old 3x3 mean) leaves the second pixel outside empty
  const narrow = square(20, 6);
  featherSilhouette(narrow, 1, new Int32Array(400), new Uint32Array(400), 1);
  assert.equal(alpha(narrow, 4, 10), 0);
});

test('featherSilhouette at strength 0 (the photo pose) changes nothing', () => {
  const t = square(), before = Uint32Array.from(t.color);
  featherSilhouette(t, 0, new Int32Array(144), new Uint32Array(144));
  assert.deepEqual(t.color, before);
});

test('a turn draws the revealed side shallower: narrower cheek-to-ear band, far side and rest frame unchanged', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'mt_man.png'));
  const trueDepth = createRenderer(avatar, { width: 512, height: 512, revealFlatten: 0 });
  const flattened = createRenderer(avatar, { width: 512, height: 512 });
  const nf = trueDepth.neutralFrame();
  const at = (yaw: number): MotionFrame => ({ ...nf, pose: { ...nf.pose, yaw } });
  // the photo's pose renders byte-identically
  assert.deepEqual(flattened.render(at(0)).data, Uint8ClampedArray.from(trueDepth.render(at(0)).data));
  // +25 shows the image-left side: its band from the face edge (234) to the cheek (50) widens less
  const band = (r: typeof trueDepth, edge: number, cheek: number) => { const lm = r.landmarks(at(25)); return Math.abs(lm[cheek]![0] - lm[edge]![0]); };
  const wTrue = band(trueDepth, 234, 50), wFlat = band(flattened, 234, 50);
  assert.ok(wFlat < 0.9 * wTrue, `revealed band ${wFlat.toFixed(1)} px vs ${wTrue.toFixed(1)} px at true depth`);
  // the side turning away keeps its true depth
  assert.ok(Math.abs(band(flattened, 454, 280) - band(trueDepth, 454, 280)) < 0.5);
});

test('beside the face the flattening fades smoothly (the ear keeps its depth), measured from the oval\'s edges', () => {
  const fw = 100;
  assert.equal(besideFaceFlattening(0, fw), 1);
  let last = 1;
  for (let d = 2; d <= 40; d += 2) {
    const k = besideFaceFlattening(d, fw);
    // no step between neighbouring sheet rings (a step folds the face edge and the sheet)
    assert.ok(k <= last && last - k < 0.12, `at ${d}: ${k} after ${last}`);
    last = k;
  }
  assert.ok(last > 0.1 && last < 0.2, `far beside the face ${last}`);
  // a point on an edge between two corners is on the outline (the sheet's first ring lies there)
  const square: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];
  assert.equal(distanceToOutline(5, 0, square), 0);
  assert.equal(distanceToOutline(5, -3, square), 3);
  assert.ok(Math.abs(distanceToOutline(13, 14, square) - 5) < 1e-9);
});

test('a reveal keeps the inner cheek round and takes nearly the old share from the edge-on band', () => {
  const fw = 200;
  // a little behind the cheek: nearly all of its depth kept (the old 70% of all of it pressed it flat)
  assert.ok(depthRemoved(0.05 * fw, fw) < 0.003 * fw, `removed at 0.05 fw: ${depthRemoved(0.05 * fw, fw)}`);
  assert.ok(depthRemoved(0.05 * fw, fw) < 0.1 * 0.7 * 0.05 * fw);
  // the outline, ~0.4-0.46 face widths behind: most of the old removal, never more
  for (const d of [0.4, 0.46, 0.6]) {
    const r = depthRemoved(d * fw, fw), old = 0.7 * d * fw;
    assert.ok(r > 0.65 * old && r < old, `removed at ${d} fw: ${(r / fw).toFixed(3)} fw (old ${(old / fw).toFixed(3)})`);
  }
  // never pushes a vertex past the cheek; the depth left grows with the depth (no plateau: the face's
  // edge and the hair beside it keep their order, no stair-stepped seam)
  let lastLeft = -1;
  for (let d = 0; d <= 0.6 * fw; d += 2) {
    const r = depthRemoved(d, fw), left = d - r;
    assert.ok(r >= 0 && r <= d + 1e-9);
    assert.ok(left - lastLeft >= 0.3 * 2 - 1e-9, `depth left grows at least 0.3 per unit at ${d}`);
    lastLeft = left;
  }
});

test('a photo turned well away from the revealed side keeps the uniform flattening; a frontal one the soft cap', () => {
  const fw = 200, d = 0.3 * fw;
  assert.equal(turnedAway(0), 0);
  assert.equal(turnedAway(-20), 0);
  assert.equal(turnedAway(15), 0);
  assert.equal(turnedAway(34), 1);
  assert.equal(revealRemoval(d, fw, 0), depthRemoved(d, fw));
  assert.ok(Math.abs(revealRemoval(d, fw, 1) - 0.7 * d) < 1e-9);
  // the inner cheek: the uniform share presses it, the cap keeps it
  assert.ok(revealRemoval(0.05 * fw, fw, 1) > 10 * revealRemoval(0.05 * fw, fw, 0));
});

test('turnShade: a surface turned away from the camera darkens, smoothly and within a floor; turned toward it, unchanged', () => {
  assert.equal(turnShade(0.8, 0.8), 1);
  assert.equal(turnShade(0.5, 0.9), 1); // toward the camera: the photo's own light
  const g = [0.7, 0.5, 0.3, 0.1, -0.2].map((f) => turnShade(0.8, f));
  for (let k = 1; k < g.length; k++) assert.ok(g[k]! <= g[k - 1]!, `monotone: ${g.join(', ')}`);
  assert.ok(g[0]! < 1 && g[0]! > 0.9, `a little turn darkens a little: ${g[0]}`);
  assert.ok(g[g.length - 1]! >= 0.75 - 1e-9, 'never below the floor');
});

test('a turned head\'s far cheek darkens (a rounded side, not a card), its near cheek and the rest frame keep the photo\'s light', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'mt_man.png'));
  const shaded = createRenderer(avatar, { width: 512, height: 512 });
  const flat = createRenderer(avatar, { width: 512, height: 512, turnShading: false });
  const nf = shaded.neutralFrame();
  const at = (yaw: number): MotionFrame => ({ ...nf, pose: { ...nf.pose, yaw } });
  assert.deepEqual(shaded.render(at(0)).data, Uint8ClampedArray.from(flat.render(at(0)).data));
  // mean luminance in a 7x7 box around where landmark i lands at +25
  const lum = (r: typeof flat, i: number) => {
    const img = r.render(at(25)), [x, y] = r.landmarks(at(25))[i]!;
    let s = 0;
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) {
      const o = ((Math.round(y) + dy) * 512 + Math.round(x) + dx) * 4;
      s += 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!;
    }
    return s / 49;
  };
  // +25 turns the image-right cheek away (280, and 352 lower on it) and shows the image-left one (50)
  const far = [280, 352].map((i) => lum(shaded, i) / lum(flat, i)), near = lum(shaded, 50) / lum(flat, 50);
  assert.ok(far.every((g) => g < 0.95), `far cheek ${far.map((g) => g.toFixed(3)).join(', ')} of the unshaded brightness`);
  assert.ok(near > 0.98, `near cheek ${near.toFixed(3)}`);
});

test('the nose\'s sidewall a turn shows samples a texture span like its turned screen span (no sliver stretched into a smear)', async () => {
  const { revealedStretches } = await import('../src/eval/revealStretch.ts');
  for (const [file, yaw, side] of [['mt_man.png', 25, -1], ['mt_man.png', -25, 1]] as const) {
    const avatar = buildAvatar(await analyzePortrait(PORTRAITS + file));
    const r = createRenderer(avatar, { width: 512, height: 512 });
    const lm = r.landmarks({ ...r.neutralFrame(), pose: { ...r.neutralFrame().pose, yaw } });
    const tris = revealedStretches(avatar, (i) => [lm[i]![0], lm[i]![1]], side, 4, [avatar.uv, avatar.uvRevealed]);
    const count = tris.length;
    const worstOwn = Math.max(0, ...tris.map((t) => t.stretch[0]!)), worstRevealed = Math.max(0, ...tris.map((t) => t.stretch[1]!));
    assert.ok(count >= 5, `${count} sidewall triangles`);
    assert.ok(worstRevealed < 0.5 * worstOwn, `yaw ${yaw}: worst stretch ${worstOwn.toFixed(1)}x with the photo's texture positions, ${worstRevealed.toFixed(1)}x revealed`);
    // the ridge keeps its texture
    for (const i of [168, 6, 197, 195, 5, 4, 1]) assert.equal(avatar.revealDir[i * 2], 0, `ridge point ${i}`);
  }
});
