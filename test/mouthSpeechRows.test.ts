// Session 17 (critic16, "Teeth are still too regular" and fix-first #3): a real open mouth in speech
// shows a band of upper teeth over a dark middle, the lower teeth in the shade of the upper lip and
// teeth and mostly under the lower lip (Obama 1: dark share .34 inside the lips at his most open
// frames, ours .11 with two lit rows); a smile or a wide "ah" lights the lower row again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { lowerRowLight, lowerTeethShow, jawFollow } from '../src/render/mouth/teethRowLight.ts';
import { LOWER_TEETH_SHOW } from '../src/render/mouth/teethRows.ts';
import { withToothRelief } from '../src/render/mouth/toothRelief.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

function bandLayer(w: number, h: number, from: number, to: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 240; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY: 0, data };
}

test('a speech opening keeps the lower row in shade; a smile or a wide opening lights it', () => {
  const W = 64;
  const shader = new MouthShader(W, { upper: bandLayer(8, 8, 0, 0), lower: bandLayer(64, 64, 0, 12), tongue: null, cavity: [20, 10, 12], fromPhoto: false });
  shader.lipEdge = [180, 100, 90]; shader.lipInner = [140, 60, 55];
  const place = { upperX: 32, upperY: 0, lowerX: 32, lowerY: 30, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.14, photoGap: 0, rebuilt: 1 };
  const brightest = (p: typeof place & { smile?: number }) => {
    shader.setPlacement(p);
    shader.centreX = 32; shader.halfWidth = 30;
    shader.setLips([0, W], [0, 0], [0, W], [63, 63]);
    let best = 0;
    for (let y = 20; y < 60; y++) { const c = shader.shade(32, y, 0, 0); best = Math.max(best, 0.3 * (c & 255) + 0.59 * ((c >>> 8) & 255) + 0.11 * ((c >>> 16) & 255)); }
    return best;
  };
  const speech = brightest(place), smile = brightest({ ...place, smile: 0.6 }), wide = brightest({ ...place, gap: 0.35 });
  // (before session 17 the lower row had one light at any opening: speech 0.97 of the wide opening's)
  assert.ok(speech < 0.6 * wide, `speech ${speech.toFixed(0)} against wide ${wide.toFixed(0)}`);
  assert.ok(speech < 0.6 * smile, `speech ${speech.toFixed(0)} against a smile ${smile.toFixed(0)}`);
  assert.ok(speech > 0.25 * wide, `a dim lower row, not none (${speech.toFixed(0)})`);
  assert.equal(lowerRowLight(0.35, 0), 1);
});

test('a speech opening shows less of the lower row over the lower lip than a smile or a wide opening', () => {
  assert.ok(lowerTeethShow(0.12, 0) < 0.7 * LOWER_TEETH_SHOW, `speech ${lowerTeethShow(0.12, 0)}`);
  assert.equal(lowerTeethShow(0.35, 0), LOWER_TEETH_SHOW);
  assert.equal(lowerTeethShow(0.12, 1), LOWER_TEETH_SHOW);
  // the jaw set follows the lip further down in speech: tips 8 px over the anchor, the lip 10 px under it (100 px per IOD)
  const p = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.12, photoGap: 0, rebuilt: 1, lowerLipX: 32, lowerLipY: 50 };
  assert.ok(jawFollow(p, 8, 0, lowerTeethShow(0.12, 0)) > jawFollow(p, 8, 0) + 2);
});

test('no picket fence: the two central incisors\' tips and the lines beside them differ side to side', () => {
  const W = 200, H = 40, data = new Float32Array(W * H * 4);
  for (let k = 0; k < W * H; k++) data.set([230, 225, 215, 1], k * 4);
  const l = withToothRelief({ width: W, height: H, anchorX: W / 2, anchorY: 0, data }, 400, 1, 0.4);
  // the last opaque row of each central incisor (0.047 IOD either side of the midline, 400 px per IOD)
  const tipRow = (x: number) => { for (let y = H - 1; y >= 0; y--) if (l.data[(y * W + x) * 4 + 3]! > 0.5) return y; return -1; };
  const left = tipRow(Math.round(W / 2 - 0.047 * 400)), right = tipRow(Math.round(W / 2 + 0.047 * 400));
  assert.ok(Math.abs(left - right) >= 1, `central tips at rows ${left} and ${right}`);
});
