// A nearly shut slit drawn as an even line, not a row of dots (s57 speckle57, s58 seam58; render/mouth/thinSlit.ts): a sloping
// dark core a pixel tall, cut by whole-pixel area coverage, is one dark pixel where it sits on a row and two half-dark ones
// where it straddles two (st_happy + japanese.wav f37 / f39: beads every few columns). With each column's darkness gathered
// into its darkest row, the darkest pixel per column varies much less, no column's darkest pixel is lighter (s57's averaging
// filter lifted it: mt_man's 1.3 px parting 22 -> 45) and each column keeps its darkness.
import test from 'node:test';
import assert from 'node:assert/strict';
import { gatherCover, softenThinSlit, tallestColumn, thinSlitSetting, thinSlitStrength, THIN_SLIT_PX } from '../src/render/mouth/thinSlit.ts';
import { rowShare, softLine } from '../src/render/mouth/slitProfile.ts';

const W = 64, H = 32, LIP = 120, CORE = 20;
const pack = (v: number) => ((0xff << 24) | (v << 16) | (v << 8) | v) >>> 0;
const centre = (x: number) => 14 + 0.13 * x;

/** the slit: per column a core 1 px tall at centre(x), each row taking it by the share of the row it covers */
function slit(): { color: Uint32Array; lines: { upperY: Float32Array; lowerY: Float32Array; upperRaw: Float32Array; lowerRaw: Float32Array } } {
  const color = new Uint32Array(W * H).fill(pack(LIP));
  const upperY = new Float32Array(W).fill(NaN), lowerY = new Float32Array(W).fill(NaN);
  for (let x = 4; x < W - 4; x++) {
    const c = centre(x);
    upperY[x] = c - 1.1; lowerY[x] = c + 1.1;
    for (let p = Math.floor(c) - 1; p <= Math.floor(c) + 1; p++) {
      const share = Math.max(0, Math.min(p + 1, c + 0.5) - Math.max(p, c - 0.5));
      color[p * W + x] = pack(Math.round(LIP + (CORE - LIP) * share));
    }
  }
  return { color, lines: { upperY, lowerY, upperRaw: upperY.slice(), lowerRaw: lowerY.slice() } };
}

/** per column from 8 to W - 9: the darkest luma and the darkness summed down the column (LIP - luma) */
function columns(color: Uint32Array): { darkest: number[]; ink: number[] } {
  const darkest: number[] = [], ink: number[] = [];
  for (let x = 8; x < W - 8; x++) {
    let least = 255, sum = 0;
    for (let y = 0; y < H; y++) { const v = color[y * W + x]! & 255; least = Math.min(least, v); sum += LIP - v; }
    darkest.push(least); ink.push(sum);
  }
  return { darkest, ink };
}
const spread = (a: number[]) => Math.max(...a) - Math.min(...a);

/** the setting on for fn (on by default since s58; kept explicit so the tests hold whatever the default); soft: s59's soft line
 *  (on by default) or seam58's gathering into the darkest row */
function withOn<T>(fn: () => T, soft = false): T {
  const was = thinSlitSetting.on, wasSoft = thinSlitSetting.soft;
  thinSlitSetting.on = true; thinSlitSetting.soft = soft;
  try { return fn(); } finally { thinSlitSetting.on = was; thinSlitSetting.soft = wasSoft; }
}

/** per column from 8 to W - 9: the darkness (LIP - luma) centroid (px, rows' centres at y + .5) and how hard the line is:
 *  (darkest row's darkness - the next darkest's) / the darkest's (1: a hard 1-px line; a soft band ~0) */
function middles(color: Uint32Array): { middle: number[]; hard: number[] } {
  const middle: number[] = [], hard: number[] = [];
  for (let x = 8; x < W - 8; x++) {
    let ink = 0, m = 0, top = 0, second = 0;
    for (let y = 0; y < H; y++) { const d = LIP - (color[y * W + x]! & 255); ink += d; m += d * (y + 0.5); if (d > top) { second = top; top = d; } else if (d > second) second = d; }
    middle.push(m / ink); hard.push((top - second) / top);
  }
  return { middle, hard };
}

test('thin slit (seam58, soft off): the darkest pixel per column evens out, each column keeps its darkness', () => withOn(() => {
  const { color, lines } = slit();
  const before = columns(color);
  assert.ok(spread(before.darkest) > 40, `the cut slit is beaded (darkest per column spread ${spread(before.darkest)})`);
  const tallest = tallestColumn(lines);
  assert.ok(Math.abs(tallest - 2.2) < 1e-5);
  const s = thinSlitStrength(tallest, 1);
  assert.equal(s, 1);
  softenThinSlit({ width: W, height: H, color, depth: new Float32Array(W * H) } as never, lines, s);
  const after = columns(color);
  assert.ok(spread(after.darkest) < 0.5 * spread(before.darkest), `beads evened: spread ${spread(before.darkest)} -> ${spread(after.darkest)}`);
  for (let k = 0; k < after.ink.length; k++) assert.ok(Math.abs(after.ink[k]! - before.ink[k]!) <= 0.12 * before.ink[k]!, `column ${k + 8} keeps its darkness: ${before.ink[k]} -> ${after.ink[k]}`);
  for (let k = 0; k < after.darkest.length; k++) assert.ok(after.darkest[k]! <= before.darkest[k]!, `column ${k + 8}'s darkest pixel not lifted: ${before.darkest[k]} -> ${after.darkest[k]}`);
  assert.ok(Math.max(...after.darkest) <= CORE + 10, `every column as dark as the beads: ${Math.max(...after.darkest)}`);
}));

test('thin slit (seam58, soft off): a level slit on one row (no beads, each column whole) is left alone', () => withOn(() => {
  const W2 = 40, color = new Uint32Array(W2 * 20).fill(pack(LIP));
  for (let x = 0; x < W2; x++) color[10 * W2 + x] = pack(CORE);
  const line = (v: number) => new Float32Array(W2).fill(v);
  const lines = { upperY: line(9.4), lowerY: line(11.6), upperRaw: line(9.4), lowerRaw: line(11.6) };
  const copy = color.slice();
  softenThinSlit({ width: W2, height: 20, color, depth: new Float32Array(W2 * 20) } as never, lines, thinSlitStrength(tallestColumn(lines), 1));
  assert.deepEqual(color, copy);
}));

test('thin slit: a taller opening, the photo\'s own mouth and the setting off leave the pixels alone', () => withOn(() => {
  assert.equal(thinSlitStrength(THIN_SLIT_PX[1], 1), 0);
  assert.equal(thinSlitStrength(1.5, 0), 0);
  assert.equal(thinSlitStrength(0.4, 1), 0, 'lips a fraction of a pixel apart: no slit to even');
  assert.ok(thinSlitStrength(3, 1) > 0 && thinSlitStrength(3, 1) < 1);
  thinSlitSetting.on = false;
  assert.equal(thinSlitStrength(1.5, 1), 0);
  thinSlitSetting.on = true;
  const { color, lines } = slit(), copy = color.slice();
  softenThinSlit({ width: W, height: H, color, depth: new Float32Array(W * H) } as never, lines, 0);
  assert.deepEqual(color, copy);
}));

test('thin slit: gathering a column\'s cover keeps its sum, never lowers the darkest row, never goes below 0', () => {
  const out = gatherCover([0.1, 0.45, 0.55, 0.05], 1);
  assert.ok(Math.abs(out.reduce((a, b) => a + b, 0) - 1.15) < 1e-9);
  assert.ok(Math.abs(out[2]! - 1) < 1e-9, `the darkest row whole: ${out[2]}`);
  assert.ok(out.every((v) => v >= -1e-12));
  assert.deepEqual(gatherCover([0, 1, 0.3], 1), [0, 1, 0.3], 'a whole row takes nothing');
  const half = gatherCover([0.5, 0.5], 0.5);
  assert.ok(half[0]! >= 0.5 && Math.abs(half[0]! + half[1]! - 1) < 1e-9);
});

// s59 edge59: gathered into its darkest row, the sloping slit stepped a whole row every 8 columns (critic58's staircase, st_happy
// f37-39 hard .33-.43 in bench/lipSpeckle.ts); the soft line lays each column's ink as a band 2 px tall at its sub-pixel middle.
test('thin slit soft line: follows the slit\'s sub-pixel middle, no hard 1-px steps, beads evened, darkest kept', () => withOn(() => {
  const { color, lines } = slit();
  const before = columns(color);
  softenThinSlit({ width: W, height: H, color, depth: new Float32Array(W * H) } as never, lines, thinSlitStrength(tallestColumn(lines), 1));
  const after = columns(color), mid = middles(color);
  for (let k = 0; k < mid.middle.length; k++) {
    const want = centre(k + 8);
    assert.ok(Math.abs(mid.middle[k]! - want) < 0.2, `column ${k + 8}'s middle ${mid.middle[k]!.toFixed(2)} follows the slope (${want.toFixed(2)})`);
    assert.ok(mid.hard[k]! < 0.6, `column ${k + 8} a soft band, not a hard 1-px line: ${mid.hard[k]!.toFixed(2)}`);
  }
  // the middle moves smoothly: no column-to-column jump near a row (the gathered line's middle jumped ~.5-1 px at each step)
  for (let k = 1; k < mid.middle.length; k++) assert.ok(Math.abs(mid.middle[k]! - mid.middle[k - 1]! - 0.13) < 0.12, `middle step at column ${k + 8}: ${(mid.middle[k]! - mid.middle[k - 1]!).toFixed(2)}`);
  assert.ok(spread(after.darkest) < 0.5 * spread(before.darkest), `beads evened: spread ${spread(before.darkest)} -> ${spread(after.darkest)}`);
  assert.ok(Math.max(...after.darkest) <= CORE + 10, `every column as dark as the beads: ${Math.max(...after.darkest)}`);
}, true));

test('thin slit soft line: seam58\'s gathering (soft off) steps, the soft line does not (the fix undone fails here)', () => {
  const run = (soft: boolean) => withOn(() => {
    const { color, lines } = slit();
    softenThinSlit({ width: W, height: H, color, depth: new Float32Array(W * H) } as never, lines, thinSlitStrength(tallestColumn(lines), 1));
    return middles(color).hard;
  }, soft);
  const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
  assert.ok(mean(run(false)) > 0.6, `gathered: a hard 1-px line (${mean(run(false)).toFixed(2)})`);
  assert.ok(mean(run(true)) < 0.3, `soft line: graded (${mean(run(true)).toFixed(2)})`);
});

test('thin slit soft line: the darkest row\'s share does not depend on the sub-pixel phase; ink kept; no row over 1', () => {
  const ys = [8, 9, 10, 11, 12];
  const cover = [0, 0.3, 0.5, 0.2, 0];
  for (const middle of [10.5, 10.75, 11, 11.3]) {
    const out = softLine(ys, cover, middle, 1);
    assert.ok(Math.abs(out.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'ink kept');
    assert.ok(Math.abs(Math.max(...out) - 0.5) < 1e-9, `at middle ${middle} the darkest row holds half the ink: ${Math.max(...out)}`);
  }
  assert.ok(Math.abs(rowShare(10, 10.5, 2) - 0.5) < 1e-12 && Math.abs(rowShare(9, 10.5, 2) - 0.25) < 1e-12);
  const heavy = softLine(ys, [0.2, 0.9, 1, 0.9, 0.2], 10.5, 1);
  assert.ok(heavy.every((v) => v <= 1 + 1e-12), 'no row over 1');
  assert.ok(Math.abs(heavy.reduce((a, b) => a + b, 0) - 3.2) < 1e-6, 'ink kept when a row fills');
  // a floor: the darkest row raised to it (a thin core's ink laid 2 px tall would read a light line)
  assert.ok(Math.abs(Math.max(...softLine(ys, cover, 10.5, 1, 1, 1)) - 1) < 1e-9);
  assert.deepEqual(softLine(ys, cover, 10.5, 0), cover, 'strength 0: as it was');
});
