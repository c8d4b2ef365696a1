// s51 shutlid51: the drawn shut lid carries the change of the frame's skin round it from the photo's
// (closedEye/frameMatch.ts). On a synthetic eye: a frame that shows the photo's skin leaves the lid as baked;
// a frame darker over the lid's top (a raised brow's shade) darkens the lid's top to it, the lower lid held
// as baked; a nose in front (nearer than the eye) or a lash moved in is not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H, eyeFrame, toImage } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { browMoveShare, frameGain, frameMatchSetting, notPastFrame } from '../src/render/closedEye/frameMatch.ts';
import { smoothstep } from '../src/math/smooth.ts';
import type { RasterTarget } from '../src/render/raster.ts';

const W = 200, H = 160;
// the eye 80 px wide, outer corner at (60, 90), v down the image
const f = eyeFrame([60, 90], [140, 90], [0, 1]);
const packed = (l: number) => ((255 << 24) | (l << 16) | (l << 8) | l) >>> 0;

/** An oval mask (feathered over .1 eye widths) round the eye, the shut line at v = 0 in every column. */
function synthEye() {
  const mask = new Float32Array(PATCH_W * PATCH_H);
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), v = cellV(r);
    const d = Math.hypot((u - 0.5) / 0.75, (v + 0.1) / 0.3);
    mask[r * PATCH_W + c] = 1 - smoothstep(0.85, 1.15, d);
  }
  return { mask, shutV: new Float32Array(PATCH_W), photoLuma: new Float32Array(PATCH_W * PATCH_H).fill(120) };
}

/** A target whose skin is luma 120, darker (top) above image row yTop. */
function target(top: number, yTop: number): RasterTarget {
  const color = new Uint32Array(W * H), depth = new Float32Array(W * H).fill(1);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) color[y * W + x] = packed(y < yTop ? top : 120);
  return { width: W, height: H, color, depth };
}

const gainAt = (g: Float32Array, u: number, v: number) => g[Math.round((v + 0.75) * 48 - 0.5) * PATCH_W + Math.round((u + 0.3) * 48 - 0.5)]!;

test("a frame showing the photo's skin round the lid leaves it as baked", () => {
  const e = synthEye();
  const g = frameGain(target(120, 0), e.photoLuma, e.mask, e.shutV, f, 2);
  assert.ok(g);
  for (const x of g) assert.ok(Math.abs(x - 1) < 1e-4, `gain ${x}`);
});

test("a frame darker over the lid's top darkens the lid's top toward it, the lower lid as baked", () => {
  const e = synthEye();
  // darker (96 = .8 of 120) above the eye's corners' line less .1 eye widths
  const yTop = toImage(f, 0.5, -0.1)[1];
  const g = frameGain(target(96, yTop), e.photoLuma, e.mask, e.shutV, f, 2)!;
  const top = gainAt(g, 0.5, -0.38), middle = gainAt(g, 0.5, -0.15), low = gainAt(g, 0.5, 0.15);
  assert.ok(top < 0.85 && top > 0.75, `top ${top}`);
  assert.ok(middle < 1 && middle > top, `middle ${middle}`);
  assert.ok(Math.abs(low - 1) < 0.03, `lower lid ${low}`);
});

test('a nose in front of the ring, or a dark lash moved in, is not read', () => {
  const e = synthEye();
  const yTop = toImage(f, 0.5, -0.1)[1];
  const t = target(30, yTop); // .25 of the photo's: a feature, not the skin's change
  const g = frameGain(t, e.photoLuma, e.mask, e.shutV, f, 2);
  for (const x of g ?? []) assert.ok(x > 0.97, `gain ${x}: the dark ring read`);
  const near = target(96, yTop);
  near.depth.fill(3); // nearer than the eye's nearIz (2): nothing of the ring read
  assert.equal(frameGain(near, e.photoLuma, e.mask, e.shutV, f, 2), null);
});

test("a blink under still brows takes none of the frame's change; moved brows all of it", () => {
  assert.equal(browMoveShare(0.5, 0.5), 0);
  assert.equal(browMoveShare(0.5, 0.52), 0, 'a blink alone moves the brow up to .02 nose lengths');
  assert.equal(browMoveShare(0.5, 0.62), 1, 'raised .12 (st_happy + jap f155)');
  assert.equal(browMoveShare(0.5, 0.4), 1, 'lowered .1');
});

// s52 shutvid52: the gain takes the lid toward the frame's skin round it, never past it (frameMatchSetting.notPast)
test('notPastFrame: toward the frame, never past it', () => {
  assert.equal(notPastFrame(1.2, 150, 140), 150 / 140, 'lightened only up to the frame');
  assert.equal(notPastFrame(1.2, 130, 140), 1, 'a lid already lighter than the frame is not lightened');
  assert.equal(notPastFrame(1.05, 200, 140), 1.05, 'the gain itself where the frame is farther');
  assert.equal(notPastFrame(0.8, 126, 140), 0.9, 'darkened only down to the frame');
  assert.equal(notPastFrame(0.8, 160, 140), 1, 'a lid already darker than the frame is not darkened');
  assert.equal(notPastFrame(0.8, 0, 140), 0.8, 'nothing read: the gain as it is');
});

test("a ring lighter than the photo there (a brow's fringe moved away) lifts the lid at most to the frame's skin", () => {
  const e = synthEye();
  const yTop = toImage(f, 0.5, -0.1)[1];
  const t = target(150, yTop); // the frame's ring 1.25 x the photo's
  // the lid baked lighter than the photo's ring (its brow-bone skin): 145
  const baked = new Float32Array(PATCH_W * PATCH_H * 3).fill(145);
  const before = frameGain(t, e.photoLuma, e.mask, e.shutV, f, 2)!;
  const after = frameGain(t, e.photoLuma, e.mask, e.shutV, f, 2, baked)!;
  const top = gainAt(after, 0.5, -0.38);
  assert.ok(gainAt(before, 0.5, -0.38) * 145 > 160, 'without the rule the top goes past the frame');
  assert.ok(top * 145 <= 150 + 1e-3 && top >= 1, `top ${top}`);
  frameMatchSetting.notPast = false;
  try {
    assert.deepEqual(frameGain(t, e.photoLuma, e.mask, e.shutV, f, 2, baked), before, 'off: as before');
  } finally { frameMatchSetting.notPast = true; }
});
