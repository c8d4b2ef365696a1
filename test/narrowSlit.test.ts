// A narrow slit's white in deep shadow (lids31): lp_s12 <- lp_d14 f164-f169 kept a light grey fleck
// beside the iris in a half-shut eye, held only under 0.8 of the lid skin's light.
import test from 'node:test';
import assert from 'node:assert/strict';
import { halfLidCeiling, halfLidSlitSetting, narrowSlitShare } from '../src/render/closedEye/narrowSlit.ts';
import { holdSlitUnderLid, slitCeilingStrength } from '../src/render/closedEye/slitHighlight.ts';
import { eyeballDepthBounds } from '../src/render/closedEye/eyeballDepth.ts';
import { eyeFrame } from '../src/render/closedEye/frame.ts';

const pack = (r: number, g: number, b: number) => ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;

test('narrow slit: the ceiling drops as the opening narrows, and a wide opening keeps the usual share', () => {
  assert.equal(narrowSlitShare(0.8, 0.2), 0.8);
  assert.ok(Math.abs(narrowSlitShare(0.8, 0.03) - 0.5) < 1e-9);
  for (let g = 0; g < 0.2; g += 0.01) assert.ok(narrowSlitShare(0.8, g + 0.01) >= narrowSlitShare(0.8, g), `monotone at ${g.toFixed(2)}`);
});

test('narrow slit: a white near the corner of a half-shut eye comes under the lid skin\'s light; the wide middle keeps more', () => {
  // an eye from (10, 25) to (70, 25): the opening .16 eye widths tall at the middle, narrowing to the corners
  const W = 80, H = 50, skin = pack(150, 150, 150), white = pack(230, 230, 230);
  const color = new Uint32Array(W * H).fill(skin), depth = new Float32Array(W * H).fill(1);
  const upper = { u: [0, 0.5, 1], v: [0, -0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.08, 0] };
  for (let y = 21; y <= 29; y++) for (let x = 12; x < 68; x++) { color[y * W + x] = white; depth[y * W + x] = 0.99; }
  const bounds = eyeballDepthBounds(upper.u, [1, 1, 1], lower.u, [1, 1, 1]);
  // the opening's own rule (s54 halfwink54: under a lid half down or more the whole opening takes the narrowest slit's
  // ceiling, halfLidSlitSetting; this case keeps the rule by the opening alone)
  const was = halfLidSlitSetting.on;
  halfLidSlitSetting.on = false;
  try { holdSlitUnderLid({ width: W, height: H, color, depth }, eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, slitCeilingStrength(0.8), bounds); } finally { halfLidSlitSetting.on = was; }
  const corner = color[25 * W + 64]! & 255, middle = color[25 * W + 40]! & 255;
  assert.ok(corner < 150, `narrow: darker than the lid skin (${corner})`);
  assert.ok(middle > corner + 20, `wide: keeps more light (${middle} vs ${corner})`);
});

// s54 halfwink54: lp_s9 <- vrt4 f98, both eyes at closure .5 with equal openings (.16 eye widths): the image-right eye's
// pale white stayed at about the lid skin's light under the ceiling (.6 strong, .8 of the skin), a pale pad beside the
// other eye's dark iris band: a wink. The ceiling is whole by a half blink and drops with the lid's travel.

/** fn with halfLidSlitSetting.on set (off by default since critic54's lp_s7 greys), the setting restored after. */
function withHalfLid<T>(on: boolean, fn: () => T): T {
  const was = halfLidSlitSetting.on;
  halfLidSlitSetting.on = on;
  try { return fn(); } finally { halfLidSlitSetting.on = was; }
}

test('half lid: off by default (critic54: lp_s7\'s half-shut whites flat grey)', () => {
  assert.equal(halfLidSlitSetting.on, false);
  assert.equal(halfLidCeiling(0.5), 0);
});

test('half lid: the ceiling is whole by a half blink and drops as in the narrowest slit; rest and the narrowest slit as before', () => withHalfLid(true, () => {
  assert.equal(slitCeilingStrength(0.5), 1);
  assert.equal(halfLidCeiling(0), 0);
  assert.ok(Math.abs(narrowSlitShare(0.8, 0.2, 1) - 0.5) < 1e-9, 'a wide opening under a half lid: the narrowest slit\'s share');
  assert.equal(narrowSlitShare(0.8, 0.2, 0), 0.8);
  for (const half of [0, 0.5, 1]) assert.ok(Math.abs(narrowSlitShare(0.8, 0.03, half) - 0.5) < 1e-9, `narrowest slit unchanged at ${half}`);
  const was = halfLidSlitSetting.on;
  halfLidSlitSetting.on = false;
  try {
    assert.ok(slitCeilingStrength(0.5) < 0.7, 'before: .6 strong at a half blink');
    assert.equal(narrowSlitShare(0.8, 0.2, 1), 0.8, 'before: the opening alone');
  } finally { halfLidSlitSetting.on = was; }
}));

test('half lid: at a half blink a pale white and a dark iris in the same opening both end well under the lid skin', () => {
  // one eye from (10, 25) to (70, 25), opening .16 eye widths at the middle; the left half a pale white, the right half a dark iris
  const run = () => {
    const W = 80, H = 50, skin = pack(142, 142, 142);
    const color = new Uint32Array(W * H).fill(skin), depth = new Float32Array(W * H).fill(1);
    const upper = { u: [0, 0.5, 1], v: [0, -0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.08, 0] };
    for (let y = 21; y <= 29; y++) for (let x = 12; x < 68; x++) { color[y * W + x] = x < 40 ? pack(180, 180, 180) : pack(70, 70, 70); depth[y * W + x] = 0.99; }
    const bounds = eyeballDepthBounds(upper.u, [1, 1, 1], lower.u, [1, 1, 1]);
    holdSlitUnderLid({ width: W, height: H, color, depth }, eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, slitCeilingStrength(0.5), bounds);
    return { white: color[25 * W + 34]! & 255, iris: color[25 * W + 46]! & 255 };
  };
  const now = withHalfLid(true, run);
  assert.ok(now.white < 0.75 * 142, `the pale white under a half lid reads as a dark band (${now.white})`);
  assert.equal(now.iris, 70, 'a dark iris keeps its light');
  const was = halfLidSlitSetting.on;
  halfLidSlitSetting.on = false;
  try { assert.ok(run().white > 0.9 * 142, 'before: the pale white stayed about as light as the lid skin'); } finally { halfLidSlitSetting.on = was; }
});
