// shut36 (#14, off): a painted eye larger than the face mesh's ring (lp_s7) has its lower white on the
// skin's triangles, under the mesh's lower lid line; mid-blink the lid's shade reached the eyeball
// only, a darkened band over a bright bottom. paintedWhite.ts gives those skin pixels the eyeball's
// bottom-row light and leaves skin (a warm highlight, a cool shaded skin) alone.
import test from 'node:test';
import assert from 'node:assert/strict';
import { eyeballDepthBounds } from '../src/render/closedEye/eyeballDepth.ts';
import { isPaintedEye, shadePaintedEyeBelow, paintedEyeShadeSetting } from '../src/render/closedEye/paintedWhite.ts';
import { lidShadowStrength } from '../src/render/closedEye/lidShadow.ts';
import { slitCeilingStrength } from '../src/render/closedEye/slitHighlight.ts';
import { eyeFrame } from '../src/render/closedEye/frame.ts';

const pack = (r: number, g: number, b: number) => ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
const red = (p: number) => p & 255;

test('the pass is off by default', () => {
  assert.equal(paintedEyeShadeSetting.on, false);
});

test('a white or a blue iris is the eye; warm skin, its highlight and a cool shaded skin are not', () => {
  // skin (170, 110, 85): luma ~123, colourfulness .5, blue - red -85
  const L = 0.3 * 170 + 0.59 * 110 + 0.11 * 85, S = (170 - 85) / 170, B = 85 - 170;
  assert.ok(isPaintedEye(235, 235, 240, L, S, B), 'a white');
  assert.ok(isPaintedEye(70, 130, 200, L, S, B), 'a blue iris');
  assert.ok(!isPaintedEye(170, 110, 85, L, S, B), 'the skin');
  assert.ok(!isPaintedEye(235, 190, 165, L, S, B), 'a warm highlight on the lower lid');
  assert.ok(!isPaintedEye(120, 105, 100, 120, 0.2, -20), 'a grey-brown shaded skin beside skin of its own colour');
});

/** An eye from (10, 25) to (70, 25) on an 80x64 target: eyeball rows 29-33, a painted white on skin rows 34-39 under the lower lid line (y ~34.6), a red rim at 40. */
function paintedEye() {
  const W = 80, H = 64, skin = pack(170, 110, 85), white = pack(235, 235, 240), rim = pack(150, 40, 30);
  const color = new Uint32Array(W * H).fill(skin), depth = new Float32Array(W * H).fill(1);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    if (x > 12 && x < 68 && y >= 29 && y <= 33) { depth[i] = 0.99; color[i] = white; }
    if (x > 20 && x < 60 && y >= 34 && y <= 39) color[i] = white;
    if (x > 20 && x < 60 && y === 40) color[i] = rim;
  }
  const upper = { u: [0, 0.5, 1], v: [0, 0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.16, 0] };
  const bounds = eyeballDepthBounds(upper.u, [1, 1, 1], lower.u, [1, 1, 1]);
  return { target: { width: W, height: H, color, depth }, f: eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, bounds, W, skin };
}

test('mid-blink the painted white under the lower lid takes the lid\'s shade; the skin under it keeps its light', () => {
  const e = paintedEye();
  shadePaintedEyeBelow(e.target, e.f, e.upper, e.lower, e.bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6));
  const at = (x: number, y: number) => e.target.color[y * e.W + x]!;
  assert.ok(red(at(40, 37)) < 200, `the painted white shaded (${red(at(40, 37))})`);
  assert.ok(red(at(40, 40)) < 150, 'the rim pixel under it at half');
  assert.equal(at(40, 45), e.skin, 'skin below the rim untouched');
  assert.equal(at(40, 20), e.skin, 'skin above the eye untouched');
  const rest = paintedEye();
  shadePaintedEyeBelow(rest.target, rest.f, rest.upper, rest.lower, rest.bounds, 0, 0, 0);
  assert.equal(red(rest.target.color[37 * rest.W + 40]!), 235, 'at rest (no shade) nothing changes');
});
