// The iris matte (render/irisDisc.ts irisMatte): what moves with the gaze is the iris inside the eye's
// opening, never the texture's lid or lash pixels outside it (s18: a dark vertical streak above lp_s42's
// iris at gaze y +1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { irisMatte } from '../src/render/irisDisc.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;

test('dark pixels of the disc outside the opening do not move with the iris', () => {
  // 30 x 30: dark lash columns above y = 8 (outside the opening), white below, an iris of radius 5 at (15, 12)
  const W = 30, data32 = new Uint32Array(W * W);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    data32[y * W + x] = y < 8 ? pack(50, 40, 35) : Math.hypot(x + 0.5 - 15, y + 0.5 - 12) < 5 ? pack(70, 50, 40) : pack(220, 215, 210);
  }
  const opening: [number, number][] = [[0, 8], [30, 8], [30, 30], [0, 30]];
  const size = 20, x0 = 5, y0 = 2;
  const patch = { x0, y0, size, white: new Uint32Array(size * size).fill(pack(220, 215, 210)) };
  const matte = irisMatte({ width: W, height: W, data32 }, patch, 15, 12, 4, 9, opening);
  const at = (x: number, y: number) => matte[(y - y0) * size + (x - x0)]!;
  assert.ok(at(15, 5) < 0.05, `a lash pixel 3 px above the opening: matte ${at(15, 5).toFixed(2)}`);
  assert.ok(at(15, 12) > 0.95 && at(17, 14) > 0.95, 'the iris inside the opening moves');
});
