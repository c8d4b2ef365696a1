// The inner lip lines of a thin slit: the raster cuts the mouth fan in whole pixels (at pixel
// centres), a stair of 1-px steps; lipCoverage.ts gives each crossed pixel the opening and the lip
// by the share of the pixel each covers (lipslit23; edge.ts placed each column's run end at its
// neighbours' mean before, the run ends still whole pixels at a slope's steps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { softenLipLine } from '../src/render/mouth/edge.ts';
import { pixelShares } from '../src/render/mouth/lipCoverage.ts';
import { pixelSmoothstep } from '../src/render/mouth/lipColumns.ts';
import { smoothstep } from '../src/math/smooth.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
const lum = (c: number) => 0.3 * (c & 255) + 0.59 * ((c >>> 8) & 255) + 0.11 * ((c >>> 16) & 255);
const W = 48, H = 24, LIP = pack(200, 100, 100);
/** the slit: its upper line sloping down a row every 10 columns, 2.4 px tall */
const upperAt = (x: number) => 8.3 + (x - 4) / 10, TALL = 2.4;

/** The slit drawn as the raster does (mouth pixels where the centre is inside), then the lip-line pass; `covered(x, y)`: pixels a nearer lip triangle draws over. */
function drawSlit(rebuilt: number, covered = (_x: number, _y: number) => false): { color: Uint32Array; mouth: MouthShader } {
  const empty: ReadyLayer = { width: 2, height: 2, anchorX: 1, anchorY: 1, data: new Float32Array(16) };
  const mouth = new MouthShader(W, { upper: empty, lower: empty, tongue: null, cavity: [20, 10, 10], fromPhoto: false });
  mouth.centreX = 24; mouth.halfWidth = 22;
  mouth.setPlacement({ ...mouth.place, rebuilt, unit: 30 });
  const xs = [2, 24, 46];
  mouth.setLips(xs, xs.map(upperAt), xs, xs.map((x) => upperAt(x) + TALL));
  mouth.beginFrame(H);
  const color = new Uint32Array(W * H).fill(LIP);
  for (let x = 4; x < 44; x++) {
    for (let y = 0; y < H; y++) {
      const cy = y + 0.5, top = upperAt(x + 0.5);
      if (cy < top || cy > top + TALL || covered(x, y)) continue;
      const i = y * W + x, c = mouth.shade(x, y, 0, 0);
      color[i] = c;
    }
  }
  softenLipLine({ width: W, height: H, color, depth: new Float32Array(W * H) }, mouth, new Uint8Array(W * H), new Int32Array(W * H), new Uint32Array(W * H));
  return { color, mouth };
}

/** Each column's slit centre: the darkness-weighted row against the lip. */
function slitCentres(color: Uint32Array): number[] {
  const centres: number[] = [];
  for (let x = 8; x < 40; x++) {
    let mass = 0, at = 0;
    for (let y = 0; y < H; y++) { const m = Math.max(0, lum(LIP) - lum(color[y * W + x]!)); mass += m; at += m * (y + 0.5); }
    centres.push(at / mass);
  }
  return centres;
}

const largestStep = (c: number[]) => Math.max(...c.slice(1).map((v, i) => Math.abs(v - c[i]!)));

test('a thin sloping slit steps by fractions of a pixel, not whole rows; the photo\'s own mouth keeps its edge', () => {
  // rebuilt 0: the pixels past the fan keep the lip as drawn (the photo's own mouth, its own edge)
  const kept = drawSlit(0).color;
  for (let x = 4; x < 44; x++) for (let y = 0; y < H; y++) {
    const cy = y + 0.5, top = upperAt(x + 0.5);
    if (cy < top - 1 || cy > top + TALL + 1) assert.equal(kept[y * W + x], LIP, `rebuilt 0 changed (${x}, ${y})`);
  }
  const covered = slitCentres(drawSlit(1).color);
  assert.ok(largestStep(covered) < 0.3, `covered: largest step ${largestStep(covered).toFixed(2)} px`);
  // and it follows the line: its centre moves 1 px in 10 columns, evenly
  const residual = covered.map((c, k) => c - (upperAt(8 + k + 0.5) + TALL / 2));
  const mean = residual.reduce((s, v) => s + v, 0) / residual.length;
  const spread = Math.sqrt(residual.reduce((s, v) => s + (v - mean) ** 2, 0) / residual.length);
  assert.ok(spread < 0.12, `covered centre off its line by ${spread.toFixed(3)} px RMS`);
});

test('where a nearer lip triangle covers the fan past the line, the lip there is left as drawn', () => {
  // the upper lip drawn over the slit's top row in columns 20-27 (as a funnel's pushed-out lip does)
  const over = (x: number, y: number) => x >= 20 && x < 28 && y === Math.floor(upperAt(x + 0.5) + 0.5);
  const { color } = drawSlit(1, over);
  for (let x = 20; x < 28; x++) {
    const y = Math.floor(upperAt(x + 0.5) + 0.5) - 1;
    assert.equal(color[y * W + x], LIP, `column ${x}: the row over the covered one is the lip as drawn`);
  }
});

test('pixel shares and the pixel-averaged smoothstep', () => {
  const s = pixelShares(10, [10.25, 10.25], [10.75, 10.75]);
  assert.ok(Math.abs(s.above - 0.25) < 1e-9 && Math.abs(s.open - 0.5) < 1e-9 && Math.abs(s.below - 0.25) < 1e-9);
  // a closed sample is all lip
  assert.equal(pixelShares(10, [10.6], [10.4]).open, 0);
  // the average of smoothstep over the footprint, by a fine sum
  for (const x of [-0.3, 0.1, 0.45, 0.9]) {
    let sum = 0; const n = 2000;
    for (let k = 0; k < n; k++) sum += smoothstep(0.2, 0.7, x - 0.5 + (k + 0.5) / n);
    assert.ok(Math.abs(pixelSmoothstep(0.2, 0.7, x, 1) - sum / n) < 1e-4, `at ${x}`);
  }
});
