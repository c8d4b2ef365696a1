// The white behind a moved iris in the colour of the white the photo shows (wide36, render/scleraHue.ts): the
// fill's membrane under the lid (a violet-grey here, as the lid margin and lashes make it) takes the visible
// white's colour at its own luminance; the luminance (the lid's shadow) is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowWhiteBehind } from '../src/render/scleraBehind.ts';
import { toWhiteColour, visibleWhiteColour } from '../src/render/scleraHue.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
const ch = (c: number) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

// a 40 x 20 eye: a warm white (230, 215, 205), the iris (radius 6) at (20, 10), dark lashes on the top two rows
const W = 40, H = 20;
const data32 = new Uint32Array(W * H);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  data32[y * W + x] = y < 2 ? pack(40, 30, 25) : Math.hypot(x + 0.5 - 20, y + 0.5 - 10) < 6 ? pack(70, 45, 30) : pack(230, 215, 205);
}
const tex = { width: W, height: H, data32 };
const opening: [number, number][] = [[0, 0], [40, 0], [40, 20], [0, 20]];
const disc = { cx: 20, cy: 10, radius: 8.5, iris: 6 };
const size = 18, x0 = 11, y0 = 1;

test('the visible white is the warm white outside the disc, not the lashes or the iris', () => {
  const w = visibleWhiteColour(tex, opening, disc)!;
  assert.ok(Math.abs(w[0]! - 230) < 3 && Math.abs(w[1]! - 215) < 3 && Math.abs(w[2]! - 205) < 3, `${w.map(Math.round)}`);
});

test('a colour takes the white\'s hue at its own luminance', () => {
  const c = [120, 110, 140];
  const l0 = 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
  toWhiteColour(c, [230, 215, 205], 1);
  assert.ok(Math.abs(0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]! - l0) < 1e-9);
  assert.ok(c[0]! > c[1]! && c[1]! > c[2]!, `warm now: ${c.map(Math.round)}`);
});

test('the fill near the disc\'s edge is no longer violet-grey: its blue not over its green, as in the white', () => {
  // the membrane (what the fill goes over to at the disc's and the opening's edges, and under the lid) a violet grey
  const out = rowWhiteBehind(tex, opening, disc, { x0, y0, size, white: new Uint32Array(size * size).fill(pack(120, 110, 140)) });
  // a pixel 0.6 px inside the disc's edge: half membrane (before: 174,162,172, blue over green)
  const c = out[(5 - y0) * size + (13 - x0)]!;
  const [r, g, b] = ch(c);
  assert.ok(b! <= g! + 3 && r! > g!, `fill at the disc's edge ${ch(c)}`);
  assert.ok(lum(c) < 200, 'darker than the white (the membrane\'s share) as before');
});
