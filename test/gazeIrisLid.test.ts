// A moved lid's edge over the eyeball (s52 irisedge52): the raster cuts it along the landmarks' polyline in whole
// pixels, and the lid's last rows carry what the photo showed just inside its lid line. render/gazeIrisLid.ts draws
// it again along the smooth curve through the lid's points, as a ramp, the upper lid's last rows no lighter than its
// lash. Synthetic raster: dark lid (near) above an arched polyline, light eyeball (far) below, as the z-buffer cuts it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { coverLidCurve, coverMovedLids, irisRun, lidShare, movedStrength, sagRaise, sideShows } from '../src/render/gazeIrisLid.ts';
import { polylineYAt } from '../src/render/slitEdge.ts';
import { smoothLidLine } from '../src/render/smoothLidLine.ts';
import type { RasterTarget } from '../src/render/raster.ts';

const W = 64, H = 28;
const LID = 50, WHITE = 210, IRIS = 120, FLECK = 170;
// the iris's columns (the eyeball darker than its white): where the pass redraws; the white beside it is left
const eyeAt = (x: number) => (x >= 14 && x < 50 ? IRIS : WHITE);
const pack = (v: number) => (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
// an upper lid's arch, corner to corner (a few points: the raster's polyline kinks at each)
const lx = [2, 10, 20, 31, 42, 52, 61], ly = [18, 13.4, 10.2, 9.3, 10.6, 13.9, 18.5];

/** The raster's cut: lid where the pixel centre lies on its side of the polyline (above, or below for `below`). */
function raster(below = false, fleckCols: number[] = []): RasterTarget {
  const color = new Uint32Array(W * H), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const yl = polylineYAt(lx, ly, x + 0.5);
    const lid = below ? y + 0.5 > yl : !(y + 0.5 > yl);
    // the lid's last two raster rows light at a few columns (a catchlight carried down on the lid, as lp_s7's)
    const last = !below && lid && y + 2.5 > yl;
    color[y * W + x] = pack(lid ? (last && fleckCols.includes(x) ? FLECK : LID) : eyeAt(x));
    depth[y * W + x] = lid ? 1 : 0.9;
  }
  return { width: W, height: H, color, depth };
}
/** Per column, the lid's share summed down the column: where its edge lies (px from the top; from the bottom for a lower lid). */
const edgeOf = (t: RasterTarget, x: number, below = false) => {
  let s = 0;
  for (let y = 0; y < H; y++) s += (eyeAt(x) - (t.color[y * W + x]! & 255)) / (eyeAt(x) - LID);
  return below ? H - s : s;
};
const curve = smoothLidLine(lx, ly);
const middle = Array.from({ length: 34 }, (_, k) => k + 15);

test('the moved upper lid edge lies on the smooth curve through its points, not on the raster stair', () => {
  const t = raster();
  const off = (x: number) => Math.abs(edgeOf(t, x) - polylineYAt(curve.xs, curve.ys, x + 0.5));
  const before = Math.max(...middle.map(off));
  coverLidCurve(t, lx, ly, false, 0.95, 1.05, 1, 1.5, 2);
  const after = Math.max(...middle.map(off));
  assert.ok(before > 0.3, `whole pixels: up to ${before} px off the curve`);
  assert.ok(after < 0.1, `redrawn: ${after} px off the curve`);
  // a ramp, not a cut: some column has two partly covered rows
  const partial = middle.some((x) => { let n = 0; for (let y = 0; y < H; y++) { const v = t.color[y * W + x]! & 255; if (v > LID + 5 && v < IRIS - 5) n++; } return n >= 2; });
  assert.ok(partial);
  // the white beside the iris keeps the raster's cut (the older covers' there)
  const w = raster();
  for (const x of [6, 7, 54, 55]) for (let y = 0; y < H; y++) assert.equal(t.color[y * W + x], w.color[y * W + x]);
});

test('a lower lid the same, with the lid below its line', () => {
  const t = raster(true);
  const off = (x: number) => Math.abs(edgeOf(t, x, true) - polylineYAt(curve.xs, curve.ys, x + 0.5));
  const before = Math.max(...middle.map(off));
  coverLidCurve(t, lx, ly, true, 0.95, 1.05, 1, 1.5, 0);
  const after = Math.max(...middle.map(off));
  assert.ok(before > 0.3 && after < 0.1, `${before} -> ${after}`);
});

test('light pixels the lid carries on its last rows over the eyeball take the lash colour; none without the inset', () => {
  const flecks = [24, 25, 26, 36];
  // light pixels wholly on the lid's side of the curve (past the ramp's half width)
  const lightOnLid = (t: RasterTarget) => flecks.filter((x) => {
    const yc = polylineYAt(curve.xs, curve.ys, x + 0.5);
    for (let y = 0; y + 0.5 < yc - 0.75; y++) if ((t.color[y * W + x]! & 255) > LID + 20) return true;
    return false;
  }).length;
  const kept = raster(false, flecks);
  coverLidCurve(kept, lx, ly, false, 0.95, 1.05, 1, 1.5, 0);
  assert.ok(lightOnLid(kept) >= 3, 'inset 0: the lid keeps its own last row');
  const t = raster(false, flecks);
  coverLidCurve(t, lx, ly, false, 0.95, 1.05, 1, 1.5, 2);
  assert.equal(lightOnLid(t), 0);
});

test('nothing changes at strength 0, over a nearer surface, or where the lids have not moved', () => {
  const t = raster(), before = Uint32Array.from(t.color);
  coverLidCurve(t, lx, ly, false, 0.95, 1.05, 0);
  assert.deepEqual(t.color, before);
  // a nose in front over the middle columns: those columns are left as the raster drew them
  const n = raster();
  for (let y = 0; y < H; y++) for (let x = 28; x < 34; x++) n.depth[y * W + x] = 2;
  const nb = Uint32Array.from(n.color);
  coverLidCurve(n, lx, ly, false, 0.95, 1.05, 1);
  for (let y = 0; y < H; y++) for (let x = 28; x < 34; x++) assert.equal(n.color[y * W + x], nb[y * W + x]);
  // the frame's own lids at the photo's place: no travel, the rest frame stays the photo
  const sx = new Float32Array(478), sy = new Float32Array(478), siz = new Float32Array(478).fill(1);
  const upper = [0, 1, 2, 3, 4, 5, 6], lower = [0, 7, 8, 9, 10, 11, 6];
  upper.forEach((i, q) => { sx[i] = lx[q]!; sy[i] = ly[q]!; });
  lower.forEach((i, q) => { if (q > 0 && q < 6) { sx[i] = lx[q]!; sy[i] = 25; } });
  const r = raster(), rb = Uint32Array.from(r.color);
  coverMovedLids(r, [{ upper, lower, closureSide: 0 }], sx, sy, siz, new Float64Array(478 * 3), 1, [1, 1]);
  assert.deepEqual(r.color, rb);
  // the upper lid lowered by 2 px over the eyeball: redrawn
  const disp = new Float64Array(478 * 3);
  for (const i of upper.slice(1, -1)) disp[i * 3 + 1] = 2;
  coverMovedLids(r, [{ upper, lower, closureSide: 0 }], sx, sy, Float32Array.from(siz, () => 1), disp, 1, [1, 1]);
  assert.notDeepEqual(r.color, rb);
});

test('the ramp and the strength by travel', () => {
  assert.equal(lidShare(0, 1.5), 0.5);
  assert.equal(lidShare(1, 1.5), 1);
  assert.equal(lidShare(-1, 1.5), 0);
  assert.ok(Math.abs(lidShare(0.5, 1) - 1) < 1e-9 && Math.abs(lidShare(-0.25, 1) - 0.25) < 1e-9);
  assert.equal(movedStrength(0), 0);
  assert.equal(movedStrength(0.5), 0.5);
  assert.equal(movedStrength(3), 1);
});

// s53 (chord53): a gazed iris slid along a straight lower lid is cut in a chord; the cut over the iris's run is
// raised along an arc toward the run's ends (lid colour over iris pixels), never lowered, and only when gazed.
test('sagRaise: 0 mid-run, growing toward the ends, held past them and capped; irisRun skips a shaded white', () => {
  assert.equal(sagRaise(0, 9, 22), 0);
  assert.ok(sagRaise(4, 9, 22) > 0 && sagRaise(4, 9, 22) < sagRaise(8, 9, 22));
  assert.equal(sagRaise(30, 9, 22), sagRaise(9, 9, 22));
  assert.ok(sagRaise(9, 9, 22) <= 2 && sagRaise(20, 30, 22) === 2);
  assert.equal(sagRaise(5, 9, 0), 0);
  // shaded white (130-140) beside the iris (70-80) and the white (190): the run is the iris's columns only
  const lights = [190, 135, 130, 140, 75, 72, 70, 74, 80, 190], cuts = lights.map(() => 5);
  cuts[6] = -1; // a column without a cut neither ends the run nor counts
  const [a, b, th] = irisRun(cuts, lights, 190);
  assert.deepEqual([a, b], [4, 8]);
  // the iris's side shows past its ends (the white, the shaded white lighter than halfway), not where nothing is cut
  // within 2 columns past it, nor where the column past it is dark (a corner's shadow)
  assert.ok(sideShows(cuts, lights, b, 1, th) && sideShows(cuts, lights, a, -1, th));
  assert.ok(!sideShows([-1, -1, -1, 5, 5], [190, 190, 190, 70, 70], 3, -1, th));
  assert.ok(!sideShows([5, 5, 5], [70, 60, 70], 1, 1, th));
});

test('a straight lower lid under a gazed iris: its cut raised toward the iris run\'s ends, the middle kept', () => {
  const sy = [17, 17, 17, 17, 17, 17, 17];
  const make = () => {
    const color = new Uint32Array(W * H), depth = new Float32Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const lid = y + 0.5 > 17;
      color[y * W + x] = pack(lid ? LID : eyeAt(x));
      depth[y * W + x] = lid ? 1 : 0.9;
    }
    return { width: W, height: H, color, depth } as RasterTarget;
  };
  const flat = make(), arc = make();
  coverLidCurve(flat, lx, sy, true, 0.95, 1.05, 1, 1.5, 0, 0);
  coverLidCurve(arc, lx, sy, true, 0.95, 1.05, 1, 1.5, 0, 1);
  const lidRows = (t: RasterTarget, x: number) => { let s = 0; for (let y = 0; y < H; y++) s += (eyeAt(x) - (t.color[y * W + x]! & 255)) / (eyeAt(x) - LID); return s; };
  // without the arc the cut is straight over the iris
  assert.ok(Math.abs(lidRows(flat, 15) - lidRows(flat, 31)) < 0.05);
  // with it the run's ends carry more lid than the middle (raised by about the arc's 2 px cap), the middle as before
  assert.ok(lidRows(arc, 15) > lidRows(arc, 31) + 1, `${lidRows(arc, 15)} vs ${lidRows(arc, 31)}`);
  assert.ok(Math.abs(lidRows(arc, 31) - lidRows(flat, 31)) < 0.1);
  // never lowered: every column carries at least the lid it had
  for (let x = 0; x < W; x++) assert.ok(lidRows(arc, x) >= lidRows(flat, x) - 1e-9);
  // the white beside the iris is left as the raster cut it
  for (const x of [6, 55]) for (let y = 0; y < H; y++) assert.equal(arc.color[y * W + x], flat.color[y * W + x]);
});
