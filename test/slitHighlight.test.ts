// The half-shut eye's light (lid30): on a turned head the near half of the eyeball is nearer than the
// far lid corner, so one depth bound per eye took its white for skin and the lid's shadow missed it
// (lp_s12 <- lp_d14: a grey-white band with a glint in a half-shut eye). The bound now follows the
// lids per column (closedEye/eyeballDepth.ts), and mid-blink the eyeball under the lid is held below
// the lid skin's light (closedEye/slitHighlight.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { eyeballDepthBounds, isEyeball, EYEBALL_BELOW } from '../src/render/closedEye/eyeballDepth.ts';
import { ceilingLight, holdSlitUnderLid, slitCeilingStrength } from '../src/render/closedEye/slitHighlight.ts';
import { drawLidShadow, lidShadowStrength } from '../src/render/closedEye/lidShadow.ts';
import { eyeFrame } from '../src/render/closedEye/frame.ts';

const pack = (r: number, g: number, b: number) => ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
const red = (p: number) => p & 255;

/** An eye from (10, 25) to (70, 25) on an 80x50 target; lids' 1/z rising from 1.0 at the outer corner to 1.2 at the inner (a turned head). */
function turnedEye(eyeballColour: number, skinColour: number) {
  const W = 80, H = 50;
  const color = new Uint32Array(W * H).fill(skinColour), depth = new Float32Array(W * H);
  const lidIz = (x: number) => 1 + (0.2 * (x - 10)) / 60;
  const upper = { u: [0, 0.5, 1], v: [0, 0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.16, 0] };
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const eyeball = x > 12 && x < 68 && y >= 29 && y <= 33;
    // the eyeball just behind the lid in its own column (bias 0.99), skin at the lid's depth
    depth[y * W + x] = eyeball ? 0.99 * lidIz(x) : lidIz(x);
    if (eyeball) color[y * W + x] = eyeballColour;
  }
  const bounds = eyeballDepthBounds(upper.u, [1, 1.1, 1.2], lower.u, [1, 1.1, 1.2]);
  return { target: { width: W, height: H, color, depth }, f: eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, bounds, W };
}

test('the eyeball is told from the lids per column: the near half of a turned eye is eyeball, the lid skin is not', () => {
  const { bounds } = turnedEye(0, 0);
  // near the inner corner (u .9: lids' 1/z ~1.18) the eyeball's 1/z ~1.17 is over the far corner's bound (0.995)
  assert.ok(isEyeball(0.99 * 1.18, 0.9, bounds));
  assert.ok(0.99 * 1.18 > EYEBALL_BELOW * 1, 'one bound from the farthest lid point would call it skin');
  assert.ok(!isEyeball(1.18, 0.9, bounds), 'lid skin at its own depth');
  assert.ok(!isEyeball(0, 0.5, bounds), 'empty');
});

test('the lid\'s shadow reaches the near half of a turned eye with per-column bounds', () => {
  const white = pack(230, 230, 230), skin = pack(150, 120, 110);
  const one = turnedEye(white, skin), per = turnedEye(white, skin);
  drawLidShadow(one.target, one.f, one.upper, one.lower, lidShadowStrength(0.8), EYEBALL_BELOW * 1);
  drawLidShadow(per.target, per.f, per.upper, per.lower, lidShadowStrength(0.8), per.bounds);
  const near = 31 * one.W + 62, far = 31 * one.W + 16;
  assert.equal(red(one.target.color[near]!), 230, 'one bound: the near white keeps its light (the bug)');
  assert.ok(red(per.target.color[near]!) < 180, `per column: shaded (${red(per.target.color[near]!)})`);
  assert.ok(red(per.target.color[far]!) < 180, 'the far half shaded too');
  assert.equal(per.target.color[20 * one.W + 40], skin, 'skin above the lid untouched');
});

test('mid-blink, a white under the lid comes down toward the lid skin\'s light; a dark iris and the rest frame keep theirs', () => {
  assert.equal(slitCeilingStrength(0), 0, 'at rest: the photo');
  assert.equal(slitCeilingStrength(1), 1);
  assert.equal(ceilingLight(60, 100, 1), 1, 'darker than the ceiling: unchanged');
  assert.ok(ceilingLight(200, 100, 1) * 200 < 130, 'a glint comes near the ceiling');
  assert.ok(ceilingLight(200, 100, 1) * 200 > 100, 'with a soft knee, not flattened to it');
  const skin = pack(150, 150, 150), white = pack(230, 230, 230), iris = pack(40, 30, 25);
  const eye = turnedEye(white, skin);
  eye.target.color[31 * eye.W + 40] = iris;
  holdSlitUnderLid(eye.target, eye.f, eye.upper, eye.lower, slitCeilingStrength(0.8), eye.bounds);
  const near = red(eye.target.color[31 * eye.W + 62]!);
  assert.ok(near <= 0.8 * 150 + 0.25 * (230 - 120) + 1, `the near white held under the lid skin's light (${near})`);
  assert.equal(eye.target.color[31 * eye.W + 40], iris, 'the iris keeps its light');
  assert.equal(eye.target.color[20 * eye.W + 40], skin, 'the lid skin untouched');
  const rest = turnedEye(white, skin);
  holdSlitUnderLid(rest.target, rest.f, rest.upper, rest.lower, slitCeilingStrength(0), rest.bounds);
  assert.equal(red(rest.target.color[31 * rest.W + 62]!), 230, 'rest frame: the photo');
});

test('mid-blink, a pale band riding on the lid\'s edge comes down toward a lash line; a dark lash line and skin farther up keep theirs', async () => {
  const { edgeCeilingShare, shadeLidEdge } = await import('../src/render/closedEye/lidEdgeShade.ts');
  assert.equal(edgeCeilingShare(-0.01), 1, 'under the edge: not lid');
  assert.ok(edgeCeilingShare(0) < 0.7, 'at the edge: lash-dark');
  assert.equal(edgeCeilingShare(0.2), 1, 'farther up: the skin');
  const skin = pack(150, 150, 150), pale = pack(200, 200, 200), lash = pack(50, 40, 35);
  const eye = turnedEye(pack(230, 230, 230), skin);
  const W = eye.W;
  // the lid's edge is at y = 25 + 60 * 0.08 = 29.8 mid-eye: a pale band on row 28 just above it, a dark lash pixel in it
  for (let x = 30; x <= 50; x++) eye.target.color[28 * W + x] = pale;
  eye.target.color[28 * W + 40] = lash;
  eye.target.color[20 * W + 40] = pale; // 0.16 eye widths up: out of reach
  shadeLidEdge(eye.target, eye.f, eye.upper, 1, eye.bounds, 150);
  assert.ok(red(eye.target.color[28 * W + 35]!) < 130, `the pale edge held down (${red(eye.target.color[28 * W + 35]!)})`);
  assert.equal(eye.target.color[28 * W + 40], lash, 'a dark lash pixel keeps its colour');
  assert.equal(eye.target.color[20 * W + 40], pale, 'out of reach: untouched');
  assert.equal(red(eye.target.color[31 * W + 40]!), 230, 'the eyeball is not lid');
  const rest = turnedEye(pack(230, 230, 230), skin);
  for (let x = 30; x <= 50; x++) rest.target.color[28 * W + x] = pale;
  shadeLidEdge(rest.target, rest.f, rest.upper, 0, rest.bounds, 150);
  assert.equal(rest.target.color[28 * W + 35], pale, 'strength 0 (the rest frame): the photo');
});
