// The white shown behind a moved iris (render/scleraBehind.ts): each side's own white going across
// the disc, the photo's grain, the lid's shadow; not the iris, lashes or the pink corner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowWhiteBehind, sideWhites } from '../src/render/scleraBehind.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

// A 40 x 20 eye: iris (radius 6) at (20, 10); lashes (dark) along the top two rows, the lid's
// shadow on rows 2-4, a pink corner at the left end. The white is darker toward the left corner
// (left side 170, right side 225, as a shadowed eye's is) and carries a +-`grain` checker.
const W = 40, H = 20;
function eye(grain = 0, shade = true): { width: number; height: number; data32: Uint32Array } {
  const data32 = new Uint32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const iris = Math.hypot(x + 0.5 - 20, y + 0.5 - 10) < 6;
    const white = (x < 20 ? 170 : 225) + ((x + y) % 2 ? grain : -grain);
    data32[y * W + x] = y < 2 ? pack(40, 30, 25) : iris ? pack(70, 45, 30) : x < 4 ? pack(200, 120, 120) : y < 5 && shade ? pack(150, 140, 135) : pack(white, white - 3, white - 8);
  }
  return { width: W, height: H, data32 };
}
const opening: [number, number][] = [[0, 0], [40, 0], [40, 20], [0, 20]];
const grey = pack(110, 100, 95);
const size = 18, x0 = 11, y0 = 1;
function fill(grain = 0, shade = true, within = opening): (x: number, y: number) => number {
  const out = rowWhiteBehind(eye(grain, shade), within, { cx: 20, cy: 10, radius: 8.5, iris: 6 }, { x0, y0, size, white: new Uint32Array(size * size).fill(grey) });
  return (x, y) => out[(y - y0) * size + (x - x0)]!;
}

test('each side\'s white is the white beside the iris on that side: not the iris, lashes or the pink corner; the lid\'s shadow kept', () => {
  const { left, right } = sideWhites(eye(), opening, { cx: 20, cy: 10, iris: 6 }, 0, H);
  const l = left[10]!, r = right[10]!, shaded = right[3]!;
  assert.ok(Math.abs(l[0]! - 170) < 6 && Math.abs(r[0]! - 225) < 6, `left ${l.map(Math.round)}, right ${r.map(Math.round)}`);
  assert.ok(shaded[0]! < 170, `a row in the lid's shadow stays shaded: ${shaded.map(Math.round)}`);
});

test('across the disc the fill goes from the darker left white to the lighter right white (was one colour per row)', () => {
  const at = fill();
  const leftPart = lum(at(16, 12)), rightPart = lum(at(24, 12));
  assert.ok(rightPart - leftPart > 25, `left of the disc ${leftPart.toFixed(0)}, right ${rightPart.toFixed(0)}`);
  assert.ok(leftPart < 190, `the left part is not the pooled whiter white: ${leftPart.toFixed(0)}`);
});

test('the fill carries the photo\'s grain (was smooth), shaded under the upper lid, and meets the membrane at the disc\'s edge', () => {
  const at = fill(6);
  let rough = 0, n = 0;
  for (let y = 10; y <= 14; y++) for (let x = 22; x <= 25; x++) { rough += Math.abs(lum(at(x, y)) - lum(at(x + 1, y))); n++; }
  assert.ok(rough / n > 8, `neighbouring fill pixels differ by ${(rough / n).toFixed(1)} on average (photo's checker: 12)`);
  const smooth = fill(0);
  assert.ok(lum(smooth(22, 4)) < lum(smooth(22, 12)) - 30, `the photo's shaded rows stay shaded: ${lum(smooth(22, 4)).toFixed(0)} vs ${lum(smooth(22, 12)).toFixed(0)}`);
  // an opening whose top crosses the disc, no shading in the photo: the fill still darkens toward
  // the lid over a band (the lid's shadow), not only within the 1-2 px blend at its edge (a straight line)
  const lidded = fill(0, false, [[0, 3], [40, 3], [40, 20], [0, 20]]);
  assert.ok(lum(lidded(22, 4)) < lum(lidded(22, 12)) - 20, `under the lid: ${lum(lidded(22, 4)).toFixed(0)} vs ${lum(lidded(22, 12)).toFixed(0)}`);
  assert.ok(Math.abs(lum(smooth(28, 10)) - lum(grey)) < 60, `at the disc's edge near the membrane: ${lum(smooth(28, 10)).toFixed(0)}`);
  assert.equal(smooth(12, 2), grey, 'outside the disc: the membrane unchanged');
});

test('the fill meets the photo\'s white at the disc\'s edge: no pale patch with a hard outline (s18, lp_s12)', () => {
  // a pale ring hugging the iris (6-8.5 px from its centre) sets the rows' white; past the disc's
  // edge (8.5 px) the white is darker. The fill just inside the edge must be near the white just outside.
  const data32 = new Uint32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const d = Math.hypot(x + 0.5 - 20, y + 0.5 - 10), iris = d < 6;
    data32[y * W + x] = iris ? pack(70, 45, 30) : d < 8.5 ? pack(230, 226, 220) : pack(150, 146, 140);
  }
  const out = rowWhiteBehind({ width: W, height: H, data32 }, opening, { cx: 20, cy: 10, radius: 8.5, iris: 6 }, { x0, y0, size, white: new Uint32Array(size * size).fill(grey) });
  const at = (x: number, y: number) => out[(y - y0) * size + (x - x0)]!;
  for (const y of [8, 10, 12]) {
    // 3 px inside the disc's edge on either side: columns 14 and 25 (centres 14.5, 25.5)
    const steps = [Math.abs(lum(at(14, y)) - 150), Math.abs(lum(at(25, y)) - 150)];
    assert.ok(Math.max(...steps) < 30, `row ${y}: fill 3 px inside the edge ${lum(at(14, y)).toFixed(0)} / ${lum(at(25, y)).toFixed(0)} against the white outside 150`);
  }
});
