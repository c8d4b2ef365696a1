// Shaded teeth take the mouth's warmth (session 18, teeth18): a side tooth in the corners' and the
// upper lip's shade is a warm grey, as real shaded teeth are, not the cold mid-grey the 0.85 floor on
// the shadow's tint left (Obama 1 f0, st_art_1, st_happy at jawOpen .15); and a lipstick's magenta
// lining never tints them pink (green held to no less than blue: mt_sun).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader } from '../src/render/mouth/shader.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

/** a grey-white band of teeth (rows from..to) in a w x h layer */
function bandLayer(w: number, h: number, from: number, to: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 240; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY: 0, data };
}

/**
 * the colour of a side tooth in the corner's shade (x 60 of a 64 px wide opening, just under the upper lip) at a speech
 * opening of 0.15 IOD, under this inner lip; x 58 until teeth33 (s33) lit the row out to the canines (sideFall.ts): it
 * is a lit tooth now (luma 105), and a tooth at the same shade is as warm as before (luma ~108: warmth .175 -> .19)
 */
function sideTooth(lipInner: [number, number, number], lipEdge: [number, number, number]): number[] {
  const W = 64;
  const shader = new MouthShader(W, { upper: bandLayer(64, 64, 0, 10), lower: bandLayer(8, 8, 0, 0), tongue: null, cavity: [20, 10, 12], fromPhoto: false });
  shader.lipEdge = lipEdge; shader.lipInner = lipInner;
  shader.setPlacement({ upperX: 32, upperY: 0, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.15, photoGap: 0, rebuilt: 1 });
  shader.centreX = 32; shader.halfWidth = 30;
  shader.setLips([0, W], [0, 0], [0, W], [63, 63]);
  const c = shader.shade(60, 5, 0, 0);
  return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
}
const luma = (c: number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
const warmth = (c: number[]) => (c[0]! - c[2]!) / luma(c);

test('a shaded side tooth takes the mouth\'s warmth, not a cold grey', () => {
  // a dark-skinned speaker's inner lip (Obama 1's is about this): his skin's (R-B)/luma ~0.5, so a
  // mid-tone under 0.25 reads cold grey (bench/partingFigures.ts); main left the tooth at 0.10 (77,70,70)
  const c = sideTooth([120, 64, 56], [150, 90, 80]);
  assert.ok(luma(c) > 40 && luma(c) < 200, `a shaded tooth, not lit nor black: ${c}`);
  assert.ok(warmth(c) > 0.2, `shaded side tooth ${c}: (R-B)/luma ${warmth(c).toFixed(2)}`);
  assert.ok(c[0]! > c[1]! && c[1]! >= c[2]!, `warm grey, red over green over blue: ${c}`);
});

test('a lipstick\'s magenta lining warms shaded teeth without tinting them pink or gold', () => {
  // mt_sun's inner lip: saturated, bluer than green
  const c = sideTooth([126, 39, 52], [170, 50, 70]);
  assert.ok(c[1]! >= c[2]!, `no pink: green ${c[1]} under blue ${c[2]}`);
  assert.ok(c[1]! - c[2]! <= 2, `no gold: green over blue by ${c[1]! - c[2]!} (${c})`);
  assert.ok(warmth(c) < 0.45, `shaded, not red-brown: ${c}, (R-B)/luma ${warmth(c).toFixed(2)}`);
});
