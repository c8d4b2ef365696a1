// The turned face's far edge over the head sheet behind it (issue #15, edges25): st_art_1 and mt_man at
// -25 showed a hard straight cut where the face mesh met the ear and hair (the face's mirrored skin one
// side, the photo's rim and ear the other). render/farSeam.ts lays the face's colour over the sheet's
// first pixels with a fading coverage: a soft edge a few px wide along the far oval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { ovalStep, rampWidth, SHOWN_SIDE_OVAL } from '../src/eval/ovalStep.ts';
import { blendFarSeam, farSeamPass, seamCover } from '../src/render/farSeam.ts';
import type { RasterTarget } from '../src/render/raster.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');
const pack = (r: number, g: number, b: number, a: number) => (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
const FACE = pack(200, 150, 120, 255), SHEET = pack(40, 30, 20, 255);

/** 40 x 20 px: face (x < 20) and opaque sheet (x >= 20), or nothing past x = 20 when `backdrop` is clear. */
function split(clearBackdrop = false): RasterTarget {
  const W = 40, H = 20, color = new Uint32Array(W * H), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    color[i] = x < 20 ? FACE : clearBackdrop ? 0 : SHEET;
    depth[i] = x < 20 || !clearBackdrop ? 1 : 0;
  }
  return { width: W, height: H, color, depth };
}
const red = (t: RasterTarget, x: number) => t.color[10 * t.width + x]! & 255;
const scratch = () => [new Int32Array(800), new Uint32Array(800)] as const;

test('seamCover: the face covers the line fully, nothing from the ramp width on, falling between', () => {
  assert.equal(seamCover(0, 4), 1);
  assert.equal(seamCover(4, 4), 0);
  assert.equal(seamCover(9, 4), 0);
  assert.ok(seamCover(1, 4) > seamCover(2, 4) && seamCover(2, 4) > seamCover(3, 4));
});

test('blendFarSeam: the sheet\'s first pixels past the line take the face\'s colour, fading; the face is untouched', () => {
  const t = split(), [si, sc] = scratch();
  blendFarSeam(t, [20, 20], [-5, 25], [5, 10], 1, 4, si, sc);
  for (let x = 0; x < 20; x++) assert.equal(t.color[10 * 40 + x], FACE, `face pixel ${x}`);
  // a cut before: 200 | 40; now a ramp from the face's level down to the sheet's over ~4 px
  assert.ok(red(t, 20) > 170, `first sheet pixel ${red(t, 20)}`);
  assert.ok(red(t, 20) > red(t, 21) && red(t, 21) > red(t, 22) && red(t, 22) > red(t, 23), 'falling');
  assert.equal(red(t, 24), 40);
  assert.equal(red(t, 30), 40);
});

test('blendFarSeam: a clear backdrop past the line is the silhouette feather\'s, not the seam\'s; strength 0 changes nothing', () => {
  const t = split(true), [si, sc] = scratch();
  const before = Uint32Array.from(t.color);
  blendFarSeam(t, [20, 20], [-5, 25], [5, 10], 1, 4, si, sc);
  assert.deepEqual(t.color, before);
  const u = split(), before2 = Uint32Array.from(u.color);
  blendFarSeam(u, [20, 20], [-5, 25], [5, 10], 0, 4, si, sc);
  assert.deepEqual(u.color, before2);
});

test('farSeamPass: under 5 degrees of yaw (the rest frame, small nods) nothing changes', () => {
  const t = split(), [si, sc] = scratch(), before = Uint32Array.from(t.color);
  // landmarks all at the split line: any pass would touch the pixels beside it
  const sx = new Float32Array(478).fill(20), sy = new Float32Array(478).map((_, i) => i % 20);
  farSeamPass(t, sx, sy, 4.9, 200, si, sc);
  assert.deepEqual(t.color, before);
});

test('rampWidth: a one-pixel cut reads ~1 px, a smooth ramp wider, a line beside the edge does not widen it', () => {
  const cut = [10, 10, 10, 10, 10, 100, 100, 100, 100, 100];
  assert.ok(rampWidth(cut) <= 0.5, `cut ${rampWidth(cut)}`);
  const ramp = Array.from({ length: 21 }, (_, j) => 10 + 90 * Math.min(1, Math.max(0, (j - 6) / 8)));
  assert.ok(Math.abs(rampWidth(ramp) - 0.8 * 8 * 0.5) < 0.3, `ramp ${rampWidth(ramp)}`);
  // a dark strand 2 px past the cut (mt_man's hair beside the cheek) ends the run, not the ramp
  assert.ok(rampWidth([10, 10, 10, 10, 100, 100, 30, 30, 100, 100]) <= 0.5, 'strand');
  assert.ok(Number.isNaN(rampWidth([50, 52, 51, 53, 50])), 'no edge');
});

test('st_art_1 at -25: no hard cut where the far cheek meets the ear', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'st_art_1.png'));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: -25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const step = ovalStep(r.render(frame), r.landmarks(frame), SHOWN_SIDE_OVAL(-25));
  // main at 2da6773: 24.1 (median luminance step across the far oval, 2.5 px either side); now 10.5
  assert.ok(step < 17, `step ${step.toFixed(1)}`);
});

// s48 turn48: the face's own edge pixel, left dark by the occlusion-edge smoothing (its 3x3 mean with the hair
// beside it), stayed dark between the cheek and the lit overhang: a 1-px dark line down lp_s12's far cheek at +25.
test('blendFarSeam: the face\'s darkened edge pixel takes the face\'s colour; over a clear backdrop it is the feather\'s', async () => {
  const { farSeamEdgeSetting } = await import('../src/render/farSeam.ts');
  const EDGE = pack(90, 70, 50, 255);
  const darkened = (clear: boolean) => { const t = split(clear); for (let y = 0; y < 20; y++) t.color[y * 40 + 19] = EDGE; return t; };
  const [si, sc] = scratch();
  const t = darkened(false);
  blendFarSeam(t, [20, 20], [-5, 25], [5, 10], 1, 4, si, sc);
  assert.ok(red(t, 19) > 190, `edge pixel ${red(t, 19)}`);
  for (let x = 0; x < 19; x++) assert.equal(t.color[10 * 40 + x], FACE, `face pixel ${x}`);
  assert.ok(red(t, 19) >= red(t, 20) && red(t, 20) > red(t, 21), 'no dip at the line');
  const u = darkened(true), before = Uint32Array.from(u.color);
  blendFarSeam(u, [20, 20], [-5, 25], [5, 10], 1, 4, si, sc);
  assert.deepEqual(u.color, before);
  farSeamEdgeSetting.on = false;
  try {
    const v = darkened(false);
    blendFarSeam(v, [20, 20], [-5, 25], [5, 10], 1, 4, si, sc);
    assert.equal(red(v, 19), 90, 'off: the face untouched');
  } finally { farSeamEdgeSetting.on = true; }
});

test('profileDip: a monotone or one-hump profile reads 0, a dark pixel inside a ramp its depth', async () => {
  const { profileDip } = await import('../src/eval/ovalStep.ts');
  assert.equal(profileDip([10, 20, 40, 80, 90]), 0);
  assert.equal(profileDip([90, 80, 40, 20, 10]), 0);
  assert.equal(profileDip([10, 50, 90, 50, 10]), 0);
  assert.equal(profileDip([20, 50, 70, 40, 80, 90]), 30);
});

test('lp_s12 at +25: no dark line down the far cheek between the face and its overhang over the sideburn', async () => {
  const { ovalLineDips } = await import('../src/eval/ovalStep.ts');
  const { farSeamEdgeSetting } = await import('../src/render/farSeam.ts');
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s12.jpg'));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: 25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const lined = () => { const d = ovalLineDips(r.render(frame), r.landmarks(frame), SHOWN_SIDE_OVAL(25)); return d.filter((v) => v > 8).length / d.length; };
  const on = lined();
  farSeamEdgeSetting.on = false;
  let off: number;
  try { off = lined(); } finally { farSeamEdgeSetting.on = true; }
  // b706d888: 40 % of the points along the cheek run cross a dip of > 8 levels (rest frame 16 %); with the edge pixel 2 %
  assert.ok(off > 0.25, `off ${off.toFixed(2)}`);
  assert.ok(on < 0.12, `on ${on.toFixed(2)}`);
});
