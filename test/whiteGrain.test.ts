// whitepatch50: the white a raised lid uncovers takes the photo's white's grain and, on a lit (stareWhite.ts) eye, a
// shade band under the lid (render/whiteGrain.ts, wired in wideEyes.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grainAt, grainScatterSetting, lidBandShade, scatterIndex, whiteGrainField, whiteGrainSetting } from '../src/render/whiteGrain.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { EYE_L_UPPER } from '../src/rig/topology.ts';
import { oneEyeLandmarks, withIrises } from './oneEye.ts';

const lum = (c: number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
const sd = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / v.length; return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length); };
/** A fixed noise in -1..1 by position. */
const noise = (x: number, y: number) => ((((x * 73856093) ^ (y * 19349663)) >>> 0) % 1000) / 500 - 1;

test('whiteGrainField reads the white\'s grain below the lid\'s shade, outside the iris, clipped; flat white none; no white null', () => {
  const size = 40, tex = (f: (x: number, y: number) => number) => {
    const data = new Uint8ClampedArray(size * size * 4);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) { const v = f(x, y); data.set([v, v, v, 255], (y * size + x) * 4); }
    return { width: size, height: size, data };
  };
  const columns = Array.from({ length: 20 }, (_, k) => ({ x: 10 + k, top: 10, bottom: 30 }));
  const disc = { cx: 20, cy: 20, r: 4 };
  const grainy = tex((x, y) => (Math.hypot(x + 0.5 - 20, y + 0.5 - 20) < 4.8 ? 30 : 150 + 12 * noise(x, y)));
  const f = whiteGrainField(grainy, columns, disc, 2)!;
  assert.equal(f.length, columns.length);
  const all = f.flatMap((c) => [...c]);
  assert.ok(sd(all) > 3, `grain sd ${sd(all)}`);
  // clipped: no iris edge (a 120-luma step) taken as grain
  assert.ok(Math.max(...all.map(Math.abs)) < 40);
  // a flat white has no grain; an eye all iris none
  assert.ok(whiteGrainField(tex(() => 150), columns, disc, 2)!.every((c) => c.every((g) => g === 0)));
  assert.equal(whiteGrainField(tex(() => 150), columns, { cx: 20, cy: 20, r: 30 }, 2), null);
  // columns the iris fills borrow the nearest white column's grain, each turned differently (no streak of equal columns)
  const big = { cx: 20, cy: 20, r: 8 };
  const g = whiteGrainField(tex((x, y) => (Math.hypot(x + 0.5 - 20, y + 0.5 - 20) < 9.6 ? 30 : 150 + 12 * noise(x, y))), columns, big, 2)!;
  const mid = 20 - columns[0]!.x;
  assert.ok(g[mid]!.length >= 8 && g[mid - 3]!.length >= 8, "a column by the iris takes its neighbours' rows too");
  assert.notDeepEqual([...g[mid - 3]!], [...g[mid - 4]!]);
  // wrapping down the column, and off
  assert.equal(grainAt(f, 0, f[0]!.length), grainAt(f, 0, 0));
  whiteGrainSetting.on = false;
  try { assert.equal(grainAt(f, 0, 0), 0); assert.equal(lidBandShade(0, 10), 1); } finally { whiteGrainSetting.on = true; }
});

test('lidBandShade: band at the lid, none from width diameters down, scaled by the share', () => {
  assert.ok(Math.abs(lidBandShade(0, 20) - whiteGrainSetting.band) < 1e-9);
  assert.equal(lidBandShade(whiteGrainSetting.width * 20, 20), 1);
  const mid = lidBandShade(whiteGrainSetting.width * 10, 20);
  assert.ok(mid > whiteGrainSetting.band && mid < 1);
  assert.equal(lidBandShade(0, 20, 0), 1);
  assert.ok(Math.abs(lidBandShade(0, 20, 0.5) - (1 - 0.5 * (1 - whiteGrainSetting.band))) < 1e-9);
});

/** The synthetic narrowed eye of stareWhite.test.ts (lid row 40, lower 57, iris r 7 at (48, 49)), its white `white(x, y)`, raised by eyeWide 1. */
async function raised(white: (x: number, y: number) => number[], skinLum: number, on: boolean) {
  const { WideEyes } = await import('../src/render/wideEyes.ts');
  const size = 96, IRIS = [30, 22, 20];
  const eye = new Uint8ClampedArray(size * size * 4), skin = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const c = Math.hypot(x + 0.5 - 48, y + 0.5 - 49) < 7 ? IRIS : y < 40 ? [150, 120, 110] : white(x, y);
    eye.set([c[0]!, c[1]!, c[2]!, 255], (y * size + x) * 4);
    skin.set([skinLum, skinLum, skinLum, 255], (y * size + x) * 4);
  }
  const xy = withIrises(oneEyeLandmarks());
  const lift = (k: number, i: number) => (k === CONTROL_INDEX.eyeWideLeft && EYE_L_UPPER.includes(i) ? 8 : 0);
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  w[CONTROL_INDEX.eyeWideLeft] = 1;
  whiteGrainSetting.on = on;
  try {
    const wide = new WideEyes({ width: size, height: size, data: new Uint8ClampedArray(eye) }, (i) => xy.get(i) ?? [0, 0], lift, { width: size, height: size, data: skin });
    wide.update(w, rest);
    return (x: number, y: number) => [0, 1, 2].map((c) => wide.data[(y * size + x) * 4 + c]!);
  } finally { whiteGrainSetting.on = true; }
}

test('wide eyes: the uncovered white takes the photo\'s grain, and a lit eye a shade under the raised lid', async () => {
  // a dim, grainy white (stareWhite lights it: skin luma 190)
  const grainy = (x: number, y: number) => { const v = 70 + 10 * noise(x, y); return [v + 2, v - 2, v - 4]; };
  const off = await raised(grainy, 190, false), on = await raised(grainy, 190, true);
  // the rows the photo never showed (over its lid line 40), beside the iris
  const rowsOf = (px: (x: number, y: number) => number[], y: number) => [30, 32, 34, 36, 38, 58, 60, 62].map((x) => lum(px(x, y)));
  const uncOn = [35, 36, 37].flatMap((y) => rowsOf(on, y)), uncOff = [35, 36, 37].flatMap((y) => rowsOf(off, y));
  assert.ok(sd(uncOn) > sd(uncOff) + 1.5, `grain: sd ${sd(uncOn).toFixed(2)} against ${sd(uncOff).toFixed(2)}`);
  // the band: the row right under the raised lid (row 32) darker against the rows lower down than without it
  const m = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const dropOn = m(rowsOf(on, 33)) / m(rowsOf(on, 38)), dropOff = m(rowsOf(off, 33)) / m(rowsOf(off, 38));
  assert.ok(dropOn < dropOff - 0.05, `band: ${dropOn.toFixed(3)} against ${dropOff.toFixed(3)}`);
});

test('wide eyes: a clear, flat white (gain 1, no grain) draws as before', async () => {
  const flat = () => [200, 196, 192];
  const off = await raised(flat, 190, false), on = await raised(flat, 190, true);
  for (let y = 28; y < 58; y++) for (let x = 20; x < 76; x++) assert.deepEqual(on(x, y), off(x, y), `(${x}, ${y})`);
});

test('a small white\'s borrowed grain is scattered, not a lattice of shifted columns (s51)', (t) => {
  // a large iris in a small opening: the columns by it borrow their neighbours' few rows (st_happy's eyes)
  const size = 40, data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) { const v = Math.hypot(x + 0.5 - 20, y + 0.5 - 20) < 9.6 ? 30 : 150 + 12 * noise(x, y); data.set([v, v, v, 255], (y * size + x) * 4); }
  const tex = { width: size, height: size, data };
  const columns = Array.from({ length: 20 }, (_, k) => ({ x: 10 + k, top: 10, bottom: 30 }));
  const disc = { cx: 20, cy: 20, r: 8 };
  // the largest share of rows one column shares with its neighbour at some row shift: 1 = column k + 1 is column k shifted
  const lattice = (g: Float32Array[]) => {
    let worst = 0;
    for (let k = 0; k + 1 < g.length; k++) {
      const a = g[k]!, b = g[k + 1]!;
      if (a.length < 8 || b.length < 8) continue;
      for (let d = 0; d < b.length; d++) {
        let same = 0;
        for (let r = 0; r < 24; r++) if (Math.abs(a[r % a.length]! - b[(r + d) % b.length]!) < 1e-6) same++;
        worst = Math.max(worst, same / 24);
      }
    }
    return worst;
  };
  const on = whiteGrainField(tex, columns, disc, 2)!;
  grainScatterSetting.on = false;
  t.after(() => { grainScatterSetting.on = true; });
  const off = whiteGrainField(tex, columns, disc, 2)!;
  assert.ok(lattice(off) > 0.85, `the s50 turn: each column its neighbour shifted (${lattice(off)})`);
  assert.ok(lattice(on) < 0.75, `scattered: ${lattice(on)}`);
  // the same grain values (the pool's), only placed differently
  const pool = new Set(off.flatMap((c) => [...c]).map((v) => v.toFixed(4)));
  assert.ok(on.flatMap((c) => [...c]).every((v) => pool.has(v.toFixed(4))));
  // scatterIndex stays in range and spreads
  const seen = new Set<number>();
  for (let k = 0; k < 10; k++) for (let i = 0; i < 10; i++) { const j = scatterIndex(k, i, 7); assert.ok(j >= 0 && j < 7); seen.add(j); }
  assert.equal(seen.size, 7);
});
