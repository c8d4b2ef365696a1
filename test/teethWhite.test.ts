// Session 19 (critic18, issue #13): teeth grey where the real teeth are white (Katie f140/f168,
// mt_sun f78/f117/f154 "grey-brown, dirty rows", Obama 1 dim). Two causes, measured with
// bench/mouthCavity.ts against the real frames: the rows greyed from the laterals out (the corners'
// shade as lateral^2 reached half the row), and the bright teeth were held under the face's 99th
// percentile luma, where real teeth sit at its brightest highlight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sideFalloff } from '../src/render/mouth/interior.ts';
import { sideReach, smileLit } from '../src/render/mouth/teethRowLight.ts';
import { pictureWhite, teethTarget } from '../src/render/mouth/photoLook.ts';

/** frameLight.ts SIDE_DARK: the share of their light the teeth lose at the corner */
const SIDE_DARK = 0.85;

test('an open mouth\'s row stays lit out past the canines and darkens only into the corners; a small parting keeps its dark corridor', () => {
  const light = (lateral: number, gap: number, smile = 0) => 1 - SIDE_DARK * sideFalloff(lateral, sideReach(gap, smileLit(smile)));
  // (lateral^2 at every gap left a tooth 0.6 of the way out at 0.69 of the light: a grey gradient from the laterals)
  assert.ok(light(0.6, 0.25) > 0.85, `0.6 out, open: ${light(0.6, 0.25).toFixed(2)}`);
  assert.ok(light(0.75, 0.25) > 0.7, `0.75 out, open: ${light(0.75, 0.25).toFixed(2)}`);
  // the corner is still the dark buccal corridor
  assert.ok(light(1, 0.25) < 0.2, `corner: ${light(1, 0.25).toFixed(2)}`);
  // a small parting as before (a child's jawOpen .15 lit across was a pale slab, test/teethMouthSize)
  assert.ok(Math.abs(light(0.6, 0.08) - (1 - SIDE_DARK * 0.36)) < 1e-9, `0.6 out, small: ${light(0.6, 0.08).toFixed(2)}`);
  // a smile lights the row out at any parting, as since session 17
  assert.ok(light(0.6, 0.08, 0.6) > 0.85);
  // monotonic: darker toward the corner, lighter as the mouth opens
  for (let l = 0; l < 1; l += 0.05) {
    assert.ok(light(l + 0.05, 0.15) <= light(l, 0.15) + 1e-12);
    assert.ok(light(l, 0.2) >= light(l, 0.12) - 1e-12);
  }
});

test("the bright teeth may reach the face's brightest highlight, not only its 99th percentile", () => {
  // a face of luma 150 with a highlight on two landmarks (18 of 4212 samples, 0.4 %): a nose tip's sheen
  const W = 64, data = new Uint8ClampedArray(W * W * 4);
  for (let q = 0; q < W * W; q++) data.set([150, 150, 150, 255], q * 4);
  const uv = new Float32Array(478 * 2);
  for (let i = 0; i < 478; i++) { uv[i * 2] = 8 + (i % 24) * 2; uv[i * 2 + 1] = 8 + Math.floor(i / 24) * 2.2; }
  // two landmarks far from the others' 5x5 neighbourhoods, in a bright patch
  uv.set([58, 4], 0); uv.set([58, 58], 2);
  for (const [cx, cy] of [[58, 4], [58, 58]]) for (let y = cy - 3; y <= cy + 3; y++) for (let x = cx - 3; x <= cx + 3; x++) {
    if (x >= 0 && y >= 0 && x < W && y < W) data.set([205, 205, 205, 255], (y * W + x) * 4);
  }
  const white = pictureWhite({ texture: { width: W, height: W, data }, uv } as never);
  assert.ok(Math.abs(white - 205) < 1, `picture white ${white}`);
  // cheek 120: the teeth go 0.7 of the way to white (214.5), held at the highlight (205); before: 150
  assert.ok(teethTarget(120, white) > 200, `target ${teethTarget(120, white)}`);
  // a dim painting still keeps dim teeth
  assert.equal(teethTarget(120, 160), 160);
});
