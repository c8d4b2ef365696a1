// The rasterizer's coverage (#13 speed): rows are solved once per triangle and only their two ends
// are tested per pixel (raster.ts rowSpan, trimSpan). The pixels drawn must stay those whose centre is
// inside all three edges (EDGE_EPS of overlap), the textured and shaded paths must agree, and
// neighbouring triangles must leave no hole. The edge passes' shared scan changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rasterTriangle, createRowExtents, clearRowExtents, widenRow, type RasterTarget } from '../src/render/raster.ts';
import { smoothDepthEdges, featherSilhouette, smoothAndFeather } from '../src/render/edgePasses.ts';
import type { TextureSource } from '../src/render/textureSample.ts';
import { mulberry32 } from '../src/math/random.ts';

const N = 48;
/** raster.ts's overlap on shared edges */
const EDGE_EPS = -1e-3;

function target(): RasterTarget {
  const t: RasterTarget = { width: N, height: N, color: new Uint32Array(N * N), depth: new Float32Array(N * N), extents: createRowExtents(N) };
  clearRowExtents(t.extents!, N);
  return t;
}

/** -1: pixel centre (px, py) clearly outside the triangle, 1: clearly inside, 0: within 1e-7 of an edge (either is right). */
function inside(px: number, py: number, x: number[], y: number[]): number {
  const cx = px + 0.5, cy = py + 0.5;
  const area = (x[1]! - x[0]!) * (y[2]! - y[0]!) - (x[2]! - x[0]!) * (y[1]! - y[0]!);
  let margin = Infinity;
  for (let k = 0; k < 3; k++) {
    const i = (k + 1) % 3, j = (k + 2) % 3;
    const b = ((x[i]! - cx) * (y[j]! - cy) - (x[j]! - cx) * (y[i]! - cy)) / area;
    margin = Math.min(margin, b - EDGE_EPS);
  }
  return margin > 1e-7 ? 1 : margin < -1e-7 ? -1 : 0;
}

const white: TextureSource = { width: 4, height: 4, data32: new Uint32Array(16).fill(0xffffffff) };

test('textured and shaded triangles draw exactly the pixels whose centres are inside, and the row extents cover them', () => {
  const rnd = mulberry32(26);
  let checked = 0;
  for (let n = 0; n < 400; n++) {
    // small, large, thin and nearly axis-parallel triangles, some past the target's edge
    const s = n % 4 === 0 ? 60 : n % 4 === 1 ? 6 : 25;
    const x = [0, 1, 2].map(() => rnd() * s - 6 + (n % 4 === 0 ? 0 : 10));
    const y = [0, 1, 2].map(() => rnd() * s - 6 + (n % 4 === 0 ? 0 : 10));
    if (n % 7 === 0) y[1] = y[0]! + 1e-4; // a nearly horizontal edge
    if (n % 11 === 0) x[2] = x[0]!; // a vertical edge
    const textured = target(), shaded = target();
    rasterTriangle(textured, x[0]!, y[0]!, 1, 2, 2, x[1]!, y[1]!, 1, 2, 2, x[2]!, y[2]!, 1, 2, 2, white, null);
    rasterTriangle(shaded, x[0]!, y[0]!, 1, 2, 2, x[1]!, y[1]!, 1, 2, 2, x[2]!, y[2]!, 1, 2, 2, white, () => 0xff0000ff);
    for (let py = 0; py < N; py++) for (let px = 0; px < N; px++) {
      const i = py * N + px, want = inside(px, py, x, y);
      assert.equal(textured.depth[i] !== 0, shaded.depth[i] !== 0, `paths disagree at ${px},${py} (triangle ${n})`);
      if (want === 0) continue;
      assert.equal(textured.depth[i] !== 0, want === 1, `pixel ${px},${py} of triangle ${n} (${x.map((v, k) => `${v.toFixed(3)},${y[k]!.toFixed(3)}`).join(' ')})`);
      if (want === 1) assert.ok(textured.extents!.lo[py]! <= px && px <= textured.extents!.hi[py]!, `row ${py} extent misses ${px}`);
      checked++;
    }
  }
  assert.ok(checked > 100000);
});

test('many small triangles: no pixel just outside an edge is drawn (the per-pixel test trims each row)', () => {
  // a row's solved span is widened by a hair against rounding: only the end test keeps out a centre
  // that falls in that hair, about one row end in 10^4
  const rnd = mulberry32(13);
  const t = target();
  let wrong = 0;
  for (let n = 0; n < 30000; n++) {
    const x = [0, 1, 2].map(() => 10 + rnd() * 8), y = [0, 1, 2].map(() => 10 + rnd() * 8);
    t.depth.fill(0);
    rasterTriangle(t, x[0]!, y[0]!, 1, 2, 2, x[1]!, y[1]!, 1, 2, 2, x[2]!, y[2]!, 1, 2, 2, white, null);
    for (let py = 9; py < 20; py++) for (let px = 9; px < 20; px++) {
      const want = inside(px, py, x, y);
      if (want !== 0 && (t.depth[py * N + px] !== 0) !== (want === 1)) wrong++;
    }
  }
  assert.equal(wrong, 0);
});

test('a fan of thin triangles around a point covers a disc with no hole', () => {
  const t = target();
  const cx = 24.3, cy = 23.7, r = 20;
  const spokes = 97;
  for (let k = 0; k < spokes; k++) {
    const a0 = (2 * Math.PI * k) / spokes, a1 = (2 * Math.PI * (k + 1)) / spokes;
    rasterTriangle(t, cx, cy, 1, 1, 1, cx + r * Math.cos(a0), cy + r * Math.sin(a0), 1, 1, 1, cx + r * Math.cos(a1), cy + r * Math.sin(a1), 1, 1, 1, white, null);
  }
  for (let py = 0; py < N; py++) for (let px = 0; px < N; px++) {
    if (Math.hypot(px + 0.5 - cx, py + 0.5 - cy) < r - 1) assert.notEqual(t.depth[py * N + px], 0, `hole at ${px},${py}`);
  }
});

test('smoothAndFeather (one scan) changes the same pixels the same way as smoothDepthEdges then featherSilhouette', () => {
  const rnd = mulberry32(7);
  for (let n = 0; n < 20; n++) {
    const make = () => {
      const t = target();
      // overlapping discs at several depths, some faint (matte fringe) pixels and holes
      for (let k = 0; k < 6; k++) {
        const cx = rnd() * N, cy = rnd() * N, r = 3 + rnd() * 12, z = 0.5 + rnd(), c = (rnd() * 0xffffff) | 0;
        for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
          const i = y * N + x, inDisc = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < r;
          if (!inDisc || z <= t.depth[i]!) continue;
          const faint = rnd() < 0.05;
          t.color[i] = (c | ((faint ? 40 : 255) << 24)) >>> 0;
          if (!faint) t.depth[i] = z;
          widenRow(t.extents!, y, x, x);
        }
      }
      return t;
    };
    const a = make();
    const b: RasterTarget = { ...a, color: a.color.slice(), depth: a.depth.slice(), extents: { lo: a.extents!.lo.slice(), hi: a.extents!.hi.slice() } };
    const scratch = () => [new Int32Array(N * N * 3), new Uint32Array(N * N * 3)] as const;
    const [i1, c1] = scratch(), [i2, c2] = scratch();
    smoothDepthEdges(a, 0.1, i1, c1);
    featherSilhouette(a, 0.7, i1, c1);
    smoothAndFeather(b, 0.1, 0.7, i2, c2);
    assert.deepEqual(b.color, a.color);
    assert.deepEqual(b.extents!.lo, a.extents!.lo);
    assert.deepEqual(b.extents!.hi, a.extents!.hi);
  }
});
