// Round 14: the photo's own teeth laid over the library's. Teeth too dim to be lit as the face's
// (lp_s42's, in her lips' shade) keep only their brightest pixels: their grey line drew a dark dash
// across the upper row in every wide frame (lp_s42 <- lp_d6); a photo's teeth-together gap ends the
// upper piece (the lower row's tips beyond it are not the upper teeth).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDark, keepShares } from '../src/render/mouth/photoTeeth.ts';
import { rowGapAt } from '../src/render/mouth/atlas.ts';

/** 40 x 30 grey teeth (150), with a darker line (118) on rows 14-15: lp_s42's piece in numbers. */
function dimPiece() {
  const W = 40, H = 30, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, c = y === 14 || y === 15 ? 118 : 150;
    data[o] = c; data[o + 1] = c; data[o + 2] = 0.95 * c; data[o + 3] = 1;
  }
  return { width: W, height: H, anchorX: 20, anchorY: 5, data };
}

test('dim own teeth lose their grey line (lp_s42: a dark dash over the library\'s upper row)', () => {
  const W = 40;
  const out = withoutDark(dimPiece(), 232 / 1.25);
  const a = (y: number) => out.data[(y * W + 20) * 4 + 3]!;
  assert.ok(a(14) < 0.1, `grey line kept ${a(14).toFixed(2)}`);
  assert.ok(a(25) > 0.2, `the piece's bright teeth kept ${a(25).toFixed(2)}`);
  // teeth as bright as the face's light keep the old shares: the same line at 0.79 of them stays
  const lit = withoutDark(dimPiece());
  assert.ok(lit.data[(14 * W + 20) * 4 + 3]! > 0.9);
});

test('the keep shares: unchanged for teeth lit as the face\'s, stricter for dimmer ones', () => {
  assert.deepEqual(keepShares(1.2), [0.5, 0.7]);
  assert.deepEqual(keepShares(1), [0.5, 0.7]);
  const [lo, hi] = keepShares(0.75);
  assert.ok(Math.abs(lo - 0.7) < 1e-9 && Math.abs(hi - 0.9) < 1e-9);
});

test('a grey line between bright rows is a row gap; a gap between neighbouring teeth is not', () => {
  const rows = [200, 205, 210, 150, 140, 200, 210, 205];
  assert.equal(rowGapAt((k) => rows[Math.min(rows.length - 1, k)]!, 4, 3), true);
  assert.equal(rowGapAt((k) => rows[Math.min(rows.length - 1, k)]!, 1, 3), false);
  // down an interdental gap the column is dark throughout
  const gapCol = [120, 118, 115, 112, 110, 112, 115, 118];
  assert.equal(rowGapAt((k) => gapCol[Math.min(gapCol.length - 1, k)]!, 4, 3), false);
  // a dark cavity beyond the teeth (no row under it) ends nothing here
  const open = [200, 205, 210, 60, 40, 30, 30, 30];
  assert.equal(rowGapAt((k) => open[Math.min(open.length - 1, k)]!, 4, 3), false);
});

test('an "O" is a dark red hole with depth: its cavity warmer than the library\'s, its middle darker than its rim (lp_s42 <- lp_d6: a flat black ellipse)', async () => {
  const { FrameLight } = await import('../src/render/mouth/frameLight.ts');
  const { cavityInto, sideLight } = await import('../src/render/mouth/interior.ts');
  const place = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.15, photoGap: 0, rebuilt: 1 };
  const empty = { width: 2, height: 2, anchorX: 1, anchorY: 1, data: new Float32Array(16) };
  const layers = { upper: empty, lower: empty, tongue: null, cavity: [20, 20, 24] as [number, number, number], fromPhoto: false };
  const lip = [140, 60, 55], edge = [180, 100, 90];
  const slot = new FrameLight(), o = new FrameLight();
  slot.set(place, layers, null, null, lip, edge);
  o.set({ ...place, rounding: 0.7 }, layers, null, null, lip, edge);
  assert.ok(o.cavityNow[0] > slot.cavityNow[0] + 10 && o.cavityNow[0] > o.cavityNow[2] + 10, `O cavity ${o.cavityNow.map((v) => v.toFixed(0))}`);
  const rim = { cx: 32, cy: 11, top: 10, bottom: 25, lateral: 0 }, middle = { ...rim, cy: 17.5 };
  const cavity = (light: InstanceType<typeof FrameLight>, q: typeof rim) => { const out = new Float64Array(3); cavityInto(q, place, light, out); return out; };
  const c = (light: InstanceType<typeof FrameLight>, q: typeof rim) => cavity(light, q)[0]!;
  // the O's middle is darker than its rim (session 21: the lips' inner lining, lipSurface.ts
  // roundLining, carries most of its depth; the cavity itself is a dark red, not grey-black)
  assert.ok(c(o, middle) / c(o, rim) < 0.8, `O middle / rim ${(c(o, middle) / c(o, rim)).toFixed(2)}`);
  const deep = cavity(o, middle);
  assert.ok(deep[0]! > 2 * deep[1]!, `O middle ${Array.from(deep, (v) => v.toFixed(0))}`);
  // a small O hides its teeth (session 21, frameLight.ts roundTeethShown); a wide one shows them, least in its middle
  assert.equal(sideLight(middle, o), 0);
  const wide = new FrameLight();
  wide.set({ ...place, gap: 0.32, rounding: 0.7 }, layers, null, null, lip, edge);
  assert.ok(sideLight(middle, wide) < 0.8 * sideLight(rim, wide));
  assert.equal(sideLight(middle, slot), sideLight({ ...middle, cy: 11 }, slot));
});
