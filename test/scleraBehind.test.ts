// The white shown behind a moved iris is each row's white from beside the iris (render/scleraBehind.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowWhiteBehind, rowWhites } from '../src/render/scleraBehind.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

// A 40 x 20 eye: iris (radius 6) at (20, 10); the white beside it light, its top rows in the lid's
// shadow; a pink corner at the left end; lashes (dark) along the top edge.
const W = 40, H = 20;
function eye(): { width: number; height: number; data32: Uint32Array } {
  const data32 = new Uint32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const iris = Math.hypot(x + 0.5 - 20, y + 0.5 - 10) < 6;
    data32[y * W + x] = y < 2 ? pack(40, 30, 25) : iris ? pack(70, 45, 30) : x < 4 ? pack(200, 120, 120) : y < 5 ? pack(150, 140, 135) : pack(225, 222, 215);
  }
  return { width: W, height: H, data32 };
}
const opening: [number, number][] = [[0, 0], [40, 0], [40, 20], [0, 20]];

test('each row\'s white is the white beside the iris: not the iris, lashes or pink corner; the lid\'s shadow kept', () => {
  const rows = rowWhites(eye(), opening, { cx: 20, cy: 10, iris: 6 }, 0, H);
  const middle = rows[10]!, shaded = rows[3]!;
  assert.ok(middle[0]! > 215 && middle[1]! > 212, `middle row white ${middle.map(Math.round)}`);
  assert.ok(shaded[0]! < 170, `a row in the lid's shadow stays shaded: ${shaded.map(Math.round)}`);
});

test('the fill behind the disc is light in the middle, shaded under the lid, and meets the membrane at the disc\'s edge', () => {
  const grey = pack(110, 100, 95);
  const size = 18, x0 = 11, y0 = 1;
  const membrane = new Uint32Array(size * size).fill(grey);
  const out = rowWhiteBehind(eye(), opening, { cx: 20, cy: 10, radius: 8.5, iris: 6 }, { x0, y0, size, white: membrane });
  const at = (x: number, y: number) => out[(y - y0) * size + (x - x0)]!;
  assert.ok(lum(at(20, 10)) > 200, `the disc's middle is white: ${lum(at(20, 10)).toFixed(0)}`);
  assert.ok(lum(at(20, 4)) < lum(at(20, 10)) - 30, `under the lid shaded: ${lum(at(20, 4)).toFixed(0)} vs ${lum(at(20, 10)).toFixed(0)}`);
  // just inside the disc's edge (8.5 px from the centre) the membrane still dominates
  assert.ok(Math.abs(lum(at(28, 10)) - lum(grey)) < 60, `at the disc's edge near the membrane: ${lum(at(28, 10)).toFixed(0)}`);
  assert.equal(at(12, 2), grey, 'outside the disc: the membrane unchanged');
});
