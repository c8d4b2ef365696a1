// The lip texture's slide off the photo's slit (lipTexture.ts): each lip's rows keep their order and
// spacing as they move toward the outer contour, so the lip's own shading (a diagonal shadow edge,
// a highlight) survives the opening instead of one texture row being drawn tall (vertical streaks,
// mt_man's hard seam across his lower lip, round 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lipSlideShares, slideLipTexture } from '../src/render/mouth/lipTexture.ts';
import { LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER, LANDMARK_COUNT } from '../src/rig/topology.ts';

/** Texture coordinates with each lip's rows evenly spaced from the inner line (row 0) to the outer (row 3). */
function evenLips(): Float32Array {
  const uv = new Float32Array(LANDMARK_COUNT * 2);
  for (const [lip, dir] of [[LIP_COLUMNS_UPPER, -1], [LIP_COLUMNS_LOWER, 1]] as const) {
    for (let row = 0; row < 4; row++) {
      lip[row]!.forEach((v, c) => { uv[v * 2] = 100 + 10 * c; uv[v * 2 + 1] = 200 + dir * 6 * row; });
    }
  }
  return uv;
}

test('a full opening moves every lip row off the slit, in order, none onto the next row', () => {
  const uv = evenLips(), now = Float32Array.from(uv);
  slideLipTexture(uv, now, 1);
  for (const lip of [LIP_COLUMNS_UPPER, LIP_COLUMNS_LOWER]) {
    for (let c = 0; c < lip[0]!.length; c++) {
      const y = (row: number) => now[lip[row]![c]! * 2 + 1]!, rest = (row: number) => uv[lip[row]![c]! * 2 + 1]!;
      const spacing = Math.abs(rest(1) - rest(0));
      // off the photo's slit: the inner row samples at least a quarter of the lip out from its line
      assert.ok(Math.abs(y(0) - rest(0)) >= 0.25 * Math.abs(rest(3) - rest(0)), `column ${c}: inner row ${y(0)} still on the slit`);
      for (let row = 0; row < 3; row++) {
        const step = Math.abs(y(row + 1) - y(row));
        // rows stay apart: at least half their rest spacing (0 drew one texture row tall)
        assert.ok(step >= 0.5 * spacing, `column ${c}: rows ${row} and ${row + 1} ${step.toFixed(2)} apart (rest ${spacing})`);
        assert.ok(Math.sign(y(row + 1) - y(row)) === Math.sign(rest(3) - rest(0)), `column ${c}: rows ${row}, ${row + 1} out of order`);
      }
    }
  }
});

test('at the photo\'s own opening the lip texture is the photo\'s', () => {
  const uv = evenLips(), now = new Float32Array(uv.length);
  now.set(uv);
  slideLipTexture(uv, now, 0);
  assert.deepEqual(Array.from(now), Array.from(uv));
});

test('the lower lip keeps its outer half\'s texture in place (mt_man: slid whole, the photo\'s soft shadow edge was drawn twice as steep)', () => {
  const uv = evenLips(), now = Float32Array.from(uv);
  slideLipTexture(uv, now, 1);
  // (not the end columns: they slide off the photo's dark corners, CORNER_ROWS)
  for (let c = 1; c < LIP_COLUMNS_LOWER[0].length - 1; c++) {
    const v = LIP_COLUMNS_LOWER[2][c]!;
    // the middle row nearest the outer contour (rest 12 px out of 18) samples within 1 px of its own texel
    assert.ok(Math.abs(now[v * 2 + 1]! - uv[v * 2 + 1]!) < 1, `column ${c}: ${(now[v * 2 + 1]! - uv[v * 2 + 1]!).toFixed(2)} px`);
  }
});

test('a lip column slides only as far as the photo\'s dark slit reaches (lp_s10: a red inner lip slid whole drew a hard seam)', () => {
  const uv = evenLips();
  // lips of luminance 150 (18 px tall); the lower lip's inner 8 px under its line dark (40) on its left columns (x < 145) only
  const W = 300, H = 300, data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, c = y >= 201 && y < 209 && x < 145 ? 40 : 150;
    data[o] = c; data[o + 1] = c; data[o + 2] = c; data[o + 3] = 255;
  }
  const [upper, lower] = lipSlideShares({ width: W, height: H, data }, uv);
  assert.ok(lower[0]! > 0.95 && lower[2]! > 0.95, `slit columns ${lower[0]!.toFixed(2)}, ${lower[2]!.toFixed(2)}`);
  assert.ok(lower[8]! < 0.05 && upper.every((v) => v < 0.05), `no slit: lower ${lower[8]!.toFixed(2)}, upper max ${Math.max(...upper).toFixed(2)}`);
  // and in between no jump from one column to the next larger than half the slide
  for (let c = 1; c < lower.length; c++) assert.ok(Math.abs(lower[c]! - lower[c - 1]!) <= 0.5, `columns ${c - 1}-${c}`);
  // the slid texture: a slit column's inner row moves out, a clean one stays
  const now = Float32Array.from(uv);
  slideLipTexture(uv, now, 1, [upper, lower]);
  const v0 = LIP_COLUMNS_LOWER[0][0], v8 = LIP_COLUMNS_LOWER[0][8];
  assert.ok(now[v0 * 2 + 1]! - uv[v0 * 2 + 1]! > 0.25 * 18, 'slit column slid');
  assert.ok(Math.abs(now[v8 * 2 + 1]! - uv[v8 * 2 + 1]!) < 0.5, 'clean column kept');
});

test('in an "O" the inner corners take the lower lip beside them, not the skin past the outer corner (a grey wedge at each corner of lp_s42\'s O)', () => {
  const uv = evenLips();
  // the corners as in a face: inner corners 78 / 308 on the lip line, outer corners 61 / 291 beyond them
  for (const [v, x] of [[78, 85], [308, 195], [61, 75], [291, 205]] as const) { uv[v * 2] = x; uv[v * 2 + 1] = 200; }
  const open = Float32Array.from(uv), round = Float32Array.from(uv);
  slideLipTexture(uv, open, 1);
  slideLipTexture(uv, round, 1, null, 1);
  // wide open the inner corner samples past the outer one (the photo's slit drew spikes)
  assert.ok(open[78 * 2]! < 75, `open: inner corner at x ${open[78 * 2]!.toFixed(1)}`);
  // main: round, it samples the lower lip's slid inner row end, inside the lip
  const end = LIP_COLUMNS_LOWER[0][0];
  assert.ok(Math.abs(round[78 * 2]! - open[end * 2]!) < 0.5 && Math.abs(round[78 * 2 + 1]! - open[end * 2 + 1]!) < 0.5, `round: inner corner at ${round[78 * 2]!.toFixed(1)}, ${round[78 * 2 + 1]!.toFixed(1)}`);
  const endR = LIP_COLUMNS_LOWER[0][8];
  assert.ok(Math.abs(round[308 * 2]! - open[endR * 2]!) < 0.5, `round: right inner corner at x ${round[308 * 2]!.toFixed(1)}`);
});
