// Triangle rasterizer over typed arrays: pixel-centre sampling, z-buffer on 1/Z (larger = nearer),
// perspective-correct texture coordinates, bilinear sampling of a premultiplied RGBA texture.
// Nothing is allocated per triangle or per pixel. Texture sampling is in textureSample.ts, the target
// and its row extents in rasterTarget.ts, the far side's mirror and under passes in rasterFarSide.ts.
// (The setup and the mesh's pixel loops stay in one module, their arrays and helpers unexported: an
// exported or imported binding is a module cell V8 loads and checks on each use, and the split that
// exported them cost a frame 3-7 % more, bench/README.md. rasterFarSide.ts reads them through farSide.)
import { samplePacked, type TextureSource } from './textureSample.ts';
import type { RasterTarget, RowExtents } from './rasterTarget.ts';
import type { MeshVertices, PixelShader } from './rasterInputs.ts';
import { affineEnough, uvInside } from './rasterAffine.ts';

export { createRowExtents, clearRowExtents, widenRow, type RasterTarget, type RowExtents } from './rasterTarget.ts';
export type { MeshVertices, PixelShader } from './rasterInputs.ts';

/** A hair of overlap on shared edges (and T-junctions): no pixel falls between two triangles. */
const EDGE_EPS = -1e-3;
/** Pixels a row span is widened by against rounding in the solved bounds (see rowSpan). */
const SPAN_SLACK = 1e-4;

/**
 * The current triangle's setup, shared by both rasterizers (module scope: nothing allocated per
 * triangle): its pixel bounds [minX, maxX, minY, maxY] clipped to the target (integers: the pixel
 * loops stay in small-integer arithmetic), and the barycentric planes b_k = A_k px + B_k py + C_k
 * as [A0, B0, C0, A1, B1, C1, A2, B2, C2].
 */
const bounds = new Int32Array(4);
const tri = new Float64Array(9);
/** The current row's pixel span [lo, hi] (set by rowSpan). */
const span = new Int32Array(2);
/** The current target's row extents (set by setupTriangle), widened by rowSpan. */
let drawnRows: RowExtents | null = null;
/**
 * Where each edge of the set-up triangle crosses a row, linear in the row's centre cy: pixel column
 * P_k cy + Q_k (the centre column whose edge function is EDGE_EPS), as [P0, Q0, P1, Q1, P2, Q2], so a
 * row's span costs multiply-adds, not divisions (NaN for an edge parallel to the rows).
 */
const cross = new Float64Array(6);

/**
 * The triangle's corners in screen pixels [x0, y0, x1, y1, x2, y2], written by the caller before
 * setupTriangle (doubles passed as arguments to a call V8 does not inline are boxed as heap numbers:
 * 6 per triangle, most of the rasterizer's allocation).
 */
const corners = new Float64Array(6);

/** Corners of mesh triangle (ia, ib, ic) of screen positions (x, y) into `corners`. */
function meshCorners(x: Float32Array, y: Float32Array, ia: number, ib: number, ic: number): void {
  corners[0] = x[ia]!; corners[1] = y[ia]!; corners[2] = x[ib]!; corners[3] = y[ib]!; corners[4] = x[ic]!; corners[5] = y[ic]!;
}

/** Fills `tri` for the triangle in `corners` (screen pixels of target t); false when it is degenerate or off the target. */
function setupTriangle(t: RasterTarget): boolean {
  const W = t.width, H = t.height;
  const x0 = corners[0]!, y0 = corners[1]!, x1 = corners[2]!, y1 = corners[3]!, x2 = corners[4]!, y2 = corners[5]!;
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (area > -1e-9 && area < 1e-9) return false;
  let minX = Math.floor(Math.min(x0, x1, x2)), maxX = Math.ceil(Math.max(x0, x1, x2));
  let minY = Math.floor(Math.min(y0, y1, y2)), maxY = Math.ceil(Math.max(y0, y1, y2));
  if (minX < 0) minX = 0;
  if (minY < 0) minY = 0;
  if (maxX > W - 1) maxX = W - 1;
  if (maxY > H - 1) maxY = H - 1;
  if (minX > maxX || minY > maxY) return false;
  const inv = 1 / area;
  bounds[0] = minX; bounds[1] = maxX; bounds[2] = minY; bounds[3] = maxY;
  // Barycentric weight of vertex k at (px, py) = edge function of the opposite edge / area.
  // b0 = ((x1 - px)(y2 - py) - (x2 - px)(y1 - py)) / area, linear: b0 = A0 px + B0 py + C0.
  tri[0] = (y1 - y2) * inv; tri[1] = (x2 - x1) * inv; tri[2] = (x1 * y2 - x2 * y1) * inv;
  tri[3] = (y2 - y0) * inv; tri[4] = (x0 - x2) * inv; tri[5] = (x2 * y0 - x0 * y2) * inv;
  tri[6] = (y0 - y1) * inv; tri[7] = (x1 - x0) * inv; tri[8] = (x0 * y1 - x1 * y0) * inv;
  // b_k = EDGE_EPS at column px + 0.5 = (EDGE_EPS - B_k cy - C_k) / A_k
  for (let k = 0; k < 3; k++) {
    const A = tri[k * 3]!;
    cross[k * 2] = A === 0 ? NaN : -tri[k * 3 + 1]! / A;
    cross[k * 2 + 1] = A === 0 ? NaN : (EDGE_EPS - tri[k * 3 + 2]!) / A - 0.5;
  }
  drawnRows = t.extents ?? null;
  return true;
}

/**
 * Span of pixel row py (centre cy = py + 0.5) inside all three edges of the set-up triangle, into `span`; false when the
 * row has no pixel of the triangle. Pixel px is inside edge k when A_k (px + 0.5) + B_k cy + C_k >= EDGE_EPS;
 * the bound (cross) is widened by SPAN_SLACK px, so rounding can only add a pixel the
 * per-pixel test (the texturing loops' end trim) then refuses, never drop one it would keep.
 */
function rowSpan(py: number): boolean {
  // the row index, not its centre, is the argument: an integer passes unboxed, a double as a heap number
  const cy = py + 0.5;
  let lo = bounds[0]!, hi = bounds[1]!;
  for (let k = 0; k < 3; k++) {
    const A = tri[k * 3]!;
    if (A > 0) { const b = Math.ceil(cross[k * 2]! * cy + cross[k * 2 + 1]! - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A < 0) { const b = Math.floor(cross[k * 2]! * cy + cross[k * 2 + 1]! + SPAN_SLACK); if (b < hi) hi = b; }
    else if (tri[k * 3 + 1]! * cy + tri[k * 3 + 2]! < EDGE_EPS) return false;
  }
  if (lo > hi) return false;
  span[0] = lo; span[1] = hi;
  // rasterTarget.ts widenRow, spelled out: the imported call per row cost ~3 % of a frame
  if (drawnRows !== null) { if (lo < drawnRows.lo[py]!) drawnRows.lo[py] = lo; if (hi > drawnRows.hi[py]!) drawnRows.hi[py] = hi; }
  return true;
}

/**
 * The current triangle's per-vertex attributes (module scope, as `tri`): 1/Z, u, v and gain of each
 * vertex as [iz0, iz1, iz2, u0, u1, u2, v0, v1, v2, g0, g1, g2].
 */
const attr = new Float64Array(12);

/**
 * Rasterizes one triangle. Screen positions (x, y) in output pixels, iz = 1/Z, (u, v) texture pixels.
 * With `shader` set the texture is not sampled and the shader writes the colour. g0..g2: per-vertex
 * brightness gains in 1/128, at most 128 (a turned head's shading, render/turn.ts turnShade).
 */
export function rasterTriangle(
  t: RasterTarget,
  x0: number, y0: number, iz0: number, u0: number, v0: number,
  x1: number, y1: number, iz1: number, u1: number, v1: number,
  x2: number, y2: number, iz2: number, u2: number, v2: number,
  tex: TextureSource,
  shader: PixelShader | null,
  g0 = 128, g1 = 128, g2 = 128,
): void {
  corners[0] = x0; corners[1] = y0; corners[2] = x1; corners[3] = y1; corners[4] = x2; corners[5] = y2;
  if (!setupTriangle(t)) return;
  attr[0] = iz0; attr[1] = iz1; attr[2] = iz2; attr[3] = u0; attr[4] = u1; attr[5] = u2;
  attr[6] = v0; attr[7] = v1; attr[8] = v2; attr[9] = g0; attr[10] = g1; attr[11] = g2;
  drawSetUp(t, tex, shader);
}

/**
 * rasterTriangle for mesh triangle (ia, ib, ic) of `m`, its 1/Z scaled by izScale (the eyeball's depth
 * bias), shaded by `m.shade` when `lit` (else a gain of 128: unchanged). The renderer's path: the
 * per-vertex values are read here, not passed as 15 arguments V8 boxes as heap numbers on each call.
 */
export function rasterMeshTriangle(t: RasterTarget, m: MeshVertices, ia: number, ib: number, ic: number, izScale: number, tex: TextureSource, shader: PixelShader | null, lit: boolean): void {
  meshCorners(m.x, m.y, ia, ib, ic);
  if (!setupTriangle(t)) return;
  const iz = m.iz, uv = m.uv;
  attr[0] = iz[ia]! * izScale; attr[1] = iz[ib]! * izScale; attr[2] = iz[ic]! * izScale;
  attr[3] = uv[ia * 2]!; attr[4] = uv[ib * 2]!; attr[5] = uv[ic * 2]!;
  attr[6] = uv[ia * 2 + 1]!; attr[7] = uv[ib * 2 + 1]!; attr[8] = uv[ic * 2 + 1]!;
  attr[9] = lit ? m.shade[ia]! : 128; attr[10] = lit ? m.shade[ib]! : 128; attr[11] = lit ? m.shade[ic]! : 128;
  drawSetUp(t, tex, shader);
}

/**
 * Draws the set-up triangle (tri, attr). Two pixel loops, so the texturing one (most pixels) has no
 * shader call in it: that call site meets several shaders, and V8 deoptimised the shared loop at each.
 */
function drawSetUp(t: RasterTarget, tex: TextureSource, shader: PixelShader | null): void {
  if (shader !== null) shadeTriangle(t, shader);
  else textureTriangle(t, tex);
}

/** The set-up triangle's pixels, coloured by `shader` at their texture position (attr), depth-tested. */
function shadeTriangle(t: RasterTarget, shader: PixelShader): void {
  const W = t.width;
  const minY = bounds[2]!, maxY = bounds[3]!;
  const A0 = tri[0]!, B0 = tri[1]!, C0 = tri[2]!, A1 = tri[3]!, B1 = tri[4]!, C1 = tri[5]!, A2 = tri[6]!, B2 = tri[7]!, C2 = tri[8]!;
  const iz0 = attr[0]!, iz1 = attr[1]!, iz2 = attr[2]!, u0 = attr[3]!, u1 = attr[4]!, u2 = attr[5]!, v0 = attr[6]!, v1 = attr[7]!, v2 = attr[8]!;
  const affine = affineEnough(attr, bounds);
  const uz0 = u0 * iz0, uz1 = u1 * iz1, uz2 = u2 * iz2;
  const vz0 = v0 * iz0, vz1 = v1 * iz1, vz2 = v2 * iz2;
  const color = t.color, depth = t.depth;
  const eps = EDGE_EPS;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5;
    if (!rowSpan(py)) continue;
    const lo = span[0]!, hi = span[1]!;
    const cx0 = lo + 0.5;
    let b0 = A0 * cx0 + (B0 * cy + C0);
    let b1 = A1 * cx0 + (B1 * cy + C1);
    let b2 = A2 * cx0 + (B2 * cy + C2);
    let row = py * W + lo;
    for (let px = lo; px <= hi; px++, row++, b0 += A0, b1 += A1, b2 += A2) {
      if (b0 < eps || b1 < eps || b2 < eps) continue;
      const iz = b0 * iz0 + b1 * iz1 + b2 * iz2;
      if (iz <= depth[row]!) continue;
      let u: number, v: number;
      if (affine) {
        u = b0 * u0 + b1 * u1 + b2 * u2;
        v = b0 * v0 + b1 * v1 + b2 * v2;
      } else {
        const rz = 1 / iz;
        u = (b0 * uz0 + b1 * uz1 + b2 * uz2) * rz;
        v = (b0 * vz0 + b1 * vz1 + b2 * vz2) * rz;
      }
      depth[row] = iz;
      color[row] = shader(px, py, u, v);
    }
  }
}

// The texturing loops narrow rowSpan's span (a superset by rounding) to the pixels the per-pixel edge
// test keeps: inside a convex triangle they are one run, so only its two ends need the test and the
// pixel loops test nothing (spelled out in each loop on its locals).

/**
 * The set-up triangle's pixels, bilinearly textured (attr: 1/Z, texture position, gain), depth-tested.
 * 1/Z, the gain and the texture position (or its perspective numerators u/Z, v/Z) are linear along a
 * row: one add each per pixel.
 */
function textureTriangle(t: RasterTarget, tex: TextureSource): void {
  const W = t.width;
  const minY = bounds[2]!, maxY = bounds[3]!;
  const A0 = tri[0]!, A1 = tri[3]!, A2 = tri[6]!;
  const iz0 = attr[0]!, iz1 = attr[1]!, iz2 = attr[2]!, g0 = attr[9]!, g1 = attr[10]!, g2 = attr[11]!;
  const affine = affineEnough(attr, bounds);
  // what is interpolated: u, v themselves (affine) or u/Z, v/Z (perspective, divided by 1/Z per pixel)
  const pu0 = affine ? attr[3]! : attr[3]! * iz0, pu1 = affine ? attr[4]! : attr[4]! * iz1, pu2 = affine ? attr[5]! : attr[5]! * iz2;
  const pv0 = affine ? attr[6]! : attr[6]! * iz0, pv1 = affine ? attr[7]! : attr[7]! * iz1, pv2 = affine ? attr[8]! : attr[8]! * iz2;
  const izStep = A0 * iz0 + A1 * iz1 + A2 * iz2, gStep = A0 * g0 + A1 * g1 + A2 * g2;
  const puStep = A0 * pu0 + A1 * pu1 + A2 * pu2, pvStep = A0 * pv0 + A1 * pv1 + A2 * pv2;
  const color = t.color, depth = t.depth;
  const tw = tex.width, th = tex.height, td = tex.data32;
  const lit = g0 !== 128 || g1 !== 128 || g2 !== 128;
  if (affine && uvInside(attr, tw, th)) {
    textureTriangleAffineInside(t, tex, lit);
    return;
  }
  // rowSpan and the end trim spelled out on locals, as in textureTriangleAffineInside (the same arithmetic)
  const B0 = tri[1]!, C0 = tri[2]!, B1 = tri[4]!, C1 = tri[5]!, B2 = tri[7]!, C2 = tri[8]!;
  const P0 = cross[0]!, Q0 = cross[1]!, P1 = cross[2]!, Q1 = cross[3]!, P2 = cross[4]!, Q2 = cross[5]!;
  const xMin = bounds[0]!, xMax = bounds[1]!, eps = EDGE_EPS;
  const rows = drawnRows, rowLo = rows === null ? null : rows.lo, rowHi = rows === null ? null : rows.hi;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5;
    let lo = xMin, hi = xMax;
    if (A0 > 0) { const b = Math.ceil(P0 * cy + Q0 - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A0 < 0) { const b = Math.floor(P0 * cy + Q0 + SPAN_SLACK); if (b < hi) hi = b; }
    else if (B0 * cy + C0 < eps) continue;
    if (A1 > 0) { const b = Math.ceil(P1 * cy + Q1 - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A1 < 0) { const b = Math.floor(P1 * cy + Q1 + SPAN_SLACK); if (b < hi) hi = b; }
    else if (B1 * cy + C1 < eps) continue;
    if (A2 > 0) { const b = Math.ceil(P2 * cy + Q2 - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A2 < 0) { const b = Math.floor(P2 * cy + Q2 + SPAN_SLACK); if (b < hi) hi = b; }
    else if (B2 * cy + C2 < eps) continue;
    if (lo > hi) continue;
    if (rowLo !== null && rowHi !== null) { if (lo < rowLo[py]!) rowLo[py] = lo; if (hi > rowHi[py]!) rowHi[py] = hi; }
    const cx = lo + 0.5;
    let b0 = A0 * cx + (B0 * cy + C0), b1 = A1 * cx + (B1 * cy + C1), b2 = A2 * cx + (B2 * cy + C2);
    while (lo <= hi && (b0 < eps || b1 < eps || b2 < eps)) { lo++; b0 += A0; b1 += A1; b2 += A2; }
    if (lo > hi) continue;
    let n = hi - lo;
    while (A0 * n + b0 < eps || A1 * n + b1 < eps || A2 * n + b2 < eps) n--;
    hi = lo + n;
    let iz = b0 * iz0 + b1 * iz1 + b2 * iz2;
    let pu = b0 * pu0 + b1 * pu1 + b2 * pu2, pv = b0 * pv0 + b1 * pv1 + b2 * pv2;
    let gain = b0 * g0 + b1 * g1 + b2 * g2 + 0.5;
    for (let row = py * W + lo, end = py * W + hi; row <= end; row++, iz += izStep, pu += puStep, pv += pvStep, gain += gStep) {
      if (iz <= depth[row]!) continue;
      const rz = affine ? 1 : 1 / iz;
      const u = pu * rz, v = pv * rz;
      if (u < 0.5 || v < 0.5 || u > tw - 0.5 || v > th - 0.5) {
        // past the texture's border (rare): the slow path (sampleInto)
        const packed = samplePacked(td, tw, th, tex.past, u, v);
        if (packed >>> 24 < 128) {
          if (color[row]! >>> 24 >= packed >>> 24) continue;
        } else {
          depth[row] = iz;
        }
        color[row] = packed;
        continue;
      }
      // bilinear, texel centres at integer + 0.5; integer weights in 1/128 summing to 128, two 8-bit
      // channels per int32 (r|b, g|a): each 16-bit lane sums to <= 255 * 128 + 64 (no carry into the
      // next) and the total stays below 2^31 (int32 arithmetic in V8, ~20 % faster than floats)
      const fx = u - 0.5, fy = v - 0.5;
      const ix = fx | 0, iy = fy | 0;
      const ax = ((fx - ix) * 128 + 0.5) | 0, ay = ((fy - iy) * 128 + 0.5) | 0;
      const ix1 = ix + 1 < tw ? ix + 1 : ix, iy1 = iy + 1 < th ? iy + 1 : iy;
      const t00 = td[iy * tw + ix]!, t10 = td[iy * tw + ix1]!, t01 = td[iy1 * tw + ix]!, t11 = td[iy1 * tw + ix1]!;
      const w11 = (ax * ay) >> 7, w10 = ax - w11, w01 = ay - w11, w00 = 128 - w10 - w01 - w11;
      const rb = ((t00 & 0xff00ff) * w00 + (t10 & 0xff00ff) * w10 + (t01 & 0xff00ff) * w01 + (t11 & 0xff00ff) * w11 + 0x400040) >>> 7;
      const ga = (((t00 >>> 8) & 0xff00ff) * w00 + ((t10 >>> 8) & 0xff00ff) * w10 + ((t01 >>> 8) & 0xff00ff) * w01 + ((t11 >>> 8) & 0xff00ff) * w11 + 0x400040) >>> 7;
      const a = (ga >>> 16) & 255;
      // Mostly transparent fragments (matte fringe, background parts of the sheet) never occlude:
      // they keep no depth and only paint where nothing more opaque is already drawn.
      if (a < 128) {
        if (color[row]! >>> 24 >= a) continue;
      } else {
        depth[row] = iz;
      }
      if (lit) {
        // r, g, b scaled by the interpolated gain (each lane <= 255 * 128 + 64: no carry), alpha kept
        const g = gain | 0;
        const rbl = (((rb & 0xff00ff) * g + 0x400040) >>> 7) & 0xff00ff;
        const gl = (((ga & 255) * g + 64) >>> 7) & 255;
        color[row] = (rbl | (gl << 8) | (a << 24)) >>> 0;
        continue;
      }
      color[row] = ((rb & 0xff00ff) | ((ga & 0xff00ff) << 8)) >>> 0;
    }
  }
}

/** Fixed-point texture positions in the affine fast path: 16 fractional bits (a texture under 32768 texels wide). */
const FIX = 65536;

/**
 * textureTriangle where depth barely varies and every sample is inside the texture (most of the
 * skin): no per-pixel division, border test or clamp, and the texture position steps in 16.16 fixed
 * point, so the bilinear's texel and weights are a shift and a mask (the weights may round to the
 * other 1/128 where the float path sat on a half: at most one level, rarely).
 */
function textureTriangleAffineInside(t: RasterTarget, tex: TextureSource, lit: boolean): void {
  const W = t.width;
  const minY = bounds[2]!, maxY = bounds[3]!;
  const A0 = tri[0]!, A1 = tri[3]!, A2 = tri[6]!;
  const iz0 = attr[0]!, iz1 = attr[1]!, iz2 = attr[2]!, g0 = attr[9]!, g1 = attr[10]!, g2 = attr[11]!;
  const u0 = attr[3]!, u1 = attr[4]!, u2 = attr[5]!, v0 = attr[6]!, v1 = attr[7]!, v2 = attr[8]!;
  const izStep = A0 * iz0 + A1 * iz1 + A2 * iz2, gStep = A0 * g0 + A1 * g1 + A2 * g2;
  const uStep = Math.round((A0 * u0 + A1 * u1 + A2 * u2) * FIX), vStep = Math.round((A0 * v0 + A1 * v1 + A2 * v2) * FIX);
  const color = t.color, depth = t.depth;
  const tw = tex.width, td = tex.data32;
  // rowSpan and the end trim spelled out on locals (the same arithmetic, so the same pixels): V8 reloads the
  // module's typed arrays (tri, cross, bounds) on every row, as the pixel stores might alias them
  const B0 = tri[1]!, C0 = tri[2]!, B1 = tri[4]!, C1 = tri[5]!, B2 = tri[7]!, C2 = tri[8]!;
  const P0 = cross[0]!, Q0 = cross[1]!, P1 = cross[2]!, Q1 = cross[3]!, P2 = cross[4]!, Q2 = cross[5]!;
  const xMin = bounds[0]!, xMax = bounds[1]!, eps = EDGE_EPS;
  const rows = drawnRows, rowLo = rows === null ? null : rows.lo, rowHi = rows === null ? null : rows.hi;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5;
    let lo = xMin, hi = xMax;
    if (A0 > 0) { const b = Math.ceil(P0 * cy + Q0 - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A0 < 0) { const b = Math.floor(P0 * cy + Q0 + SPAN_SLACK); if (b < hi) hi = b; }
    else if (B0 * cy + C0 < eps) continue;
    if (A1 > 0) { const b = Math.ceil(P1 * cy + Q1 - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A1 < 0) { const b = Math.floor(P1 * cy + Q1 + SPAN_SLACK); if (b < hi) hi = b; }
    else if (B1 * cy + C1 < eps) continue;
    if (A2 > 0) { const b = Math.ceil(P2 * cy + Q2 - SPAN_SLACK); if (b > lo) lo = b; }
    else if (A2 < 0) { const b = Math.floor(P2 * cy + Q2 + SPAN_SLACK); if (b < hi) hi = b; }
    else if (B2 * cy + C2 < eps) continue;
    if (lo > hi) continue;
    if (rowLo !== null && rowHi !== null) { if (lo < rowLo[py]!) rowLo[py] = lo; if (hi > rowHi[py]!) rowHi[py] = hi; }
    const cx = lo + 0.5;
    let b0 = A0 * cx + (B0 * cy + C0), b1 = A1 * cx + (B1 * cy + C1), b2 = A2 * cx + (B2 * cy + C2);
    while (lo <= hi && (b0 < eps || b1 < eps || b2 < eps)) { lo++; b0 += A0; b1 += A1; b2 += A2; }
    if (lo > hi) continue;
    let n = hi - lo;
    while (A0 * n + b0 < eps || A1 * n + b1 < eps || A2 * n + b2 < eps) n--;
    hi = lo + n;
    let iz = b0 * iz0 + b1 * iz1 + b2 * iz2;
    // texel-centre positions (u - 0.5) in 16.16, rounded to nearest
    let fu = ((b0 * u0 + b1 * u1 + b2 * u2 - 0.5) * FIX + 0.5) | 0, fv = ((b0 * v0 + b1 * v1 + b2 * v2 - 0.5) * FIX + 0.5) | 0;
    let gain = b0 * g0 + b1 * g1 + b2 * g2 + 0.5;
    for (let row = py * W + lo, end = py * W + hi; row <= end; row++, iz += izStep, fu += uStep, fv += vStep, gain += gStep) {
      if (iz <= depth[row]!) continue;
      // as textureTriangle's bilinear: weights in 1/128 rounded to nearest, two channels per int32
      const ax = ((fu & 0xffff) + 256) >> 9, ay = ((fv & 0xffff) + 256) >> 9;
      const at = (fv >> 16) * tw + (fu >> 16);
      const t00 = td[at]!, t10 = td[at + 1]!, t01 = td[at + tw]!, t11 = td[at + tw + 1]!;
      const w11 = (ax * ay) >> 7, w10 = ax - w11, w01 = ay - w11, w00 = 128 - w10 - w01 - w11;
      const rb = ((t00 & 0xff00ff) * w00 + (t10 & 0xff00ff) * w10 + (t01 & 0xff00ff) * w01 + (t11 & 0xff00ff) * w11 + 0x400040) >>> 7;
      const ga = (((t00 >>> 8) & 0xff00ff) * w00 + ((t10 >>> 8) & 0xff00ff) * w10 + ((t01 >>> 8) & 0xff00ff) * w01 + ((t11 >>> 8) & 0xff00ff) * w11 + 0x400040) >>> 7;
      const a = (ga >>> 16) & 255;
      if (a < 128) {
        if (color[row]! >>> 24 >= a) continue;
      } else {
        depth[row] = iz;
      }
      if (lit) {
        const g = gain | 0;
        const rbl = (((rb & 0xff00ff) * g + 0x400040) >>> 7) & 0xff00ff;
        const gl = (((ga & 255) * g + 64) >>> 7) & 255;
        color[row] = rbl | (gl << 8) | (a << 24);
        continue;
      }
      color[row] = (rb & 0xff00ff) | ((ga & 0xff00ff) << 8);
    }
  }
}

/**
 * The setup for rasterFarSide.ts (its loops are a small share of a frame): the triangle's arrays, set
 * up from mesh triangle (ia, ib, ic) by `setup`, and row py's span (into `span`) by `row`.
 */
export const farSide = {
  bounds, tri, span, edgeEps: EDGE_EPS,
  setup(t: RasterTarget, x: Float32Array, y: Float32Array, ia: number, ib: number, ic: number): boolean {
    meshCorners(x, y, ia, ib, ic);
    return setupTriangle(t);
  },
  row: (py: number): boolean => rowSpan(py),
};
