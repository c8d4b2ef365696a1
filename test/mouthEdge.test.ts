// The lip line of a thin slit: where nearer lip triangles cut the mouth fan, its edge is a
// staircase of whole pixels; edge.ts places each column's run end at its neighbours' mean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { softenLipLine } from '../src/render/mouth/edge.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
const lum = (c: number) => 0.3 * (c & 255) + 0.59 * ((c >>> 8) & 255) + 0.11 * ((c >>> 16) & 255);

/** A 2 px slit sloping down one row every 10 columns, drawn in whole pixels; each column's slit centre after the lip-line pass. */
function slitCentres(rebuilt: number): number[] {
  const W = 48, H = 24, LIP = pack(200, 100, 100), MOUTH = pack(20, 10, 10);
  const empty: ReadyLayer = { width: 2, height: 2, anchorX: 1, anchorY: 1, data: new Float32Array(16) };
  const mouth = new MouthShader(W, { upper: empty, lower: empty, tongue: null, cavity: [20, 10, 10], fromPhoto: false });
  mouth.setPlacement({ ...mouth.place, rebuilt });
  mouth.beginFrame(H);
  const color = new Uint32Array(W * H).fill(LIP);
  for (let x = 4; x < 44; x++) {
    const top = 8 + Math.floor((x - 4) / 10);
    for (let y = top; y < top + 2; y++) {
      const i = y * W + x;
      color[i] = MOUTH;
      mouth.owned[mouth.ownedCount] = i; mouth.ownedColour[mouth.ownedCount++] = MOUTH;
    }
  }
  softenLipLine({ width: W, height: H, color, depth: new Float32Array(W * H) }, mouth, new Uint8Array(W * H), new Int32Array(W * H), new Uint32Array(W * H));
  const centres: number[] = [];
  for (let x = 8; x < 40; x++) {
    let mass = 0, at = 0;
    for (let y = 0; y < H; y++) { const m = (lum(LIP) - lum(color[y * W + x]!)) / (lum(LIP) - lum(MOUTH)); mass += m; at += m * (y + 0.5); }
    centres.push(at / mass);
  }
  return centres;
}

const largestStep = (c: number[]) => Math.max(...c.slice(1).map((v, i) => Math.abs(v - c[i]!)));

test('a thin sloping slit steps by fractions of a pixel, not whole rows', () => {
  const kept = largestStep(slitCentres(0)), smoothed = largestStep(slitCentres(1));
  // the photo's own mouth (rebuilt 0) keeps its edge: the whole-pixel stair, softened by the 3x3 pass only
  assert.ok(kept > 0.45, `photo's own edge: largest step ${kept.toFixed(2)} px`);
  assert.ok(smoothed < 0.5 * kept, `rebuilt: largest step ${smoothed.toFixed(2)} px against ${kept.toFixed(2)}`);
});
