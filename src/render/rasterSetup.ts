// The triangle setup every rasterizer of raster.ts shares: the target, each row's drawn extent, the
// current triangle's pixel bounds and barycentric planes, and its row spans. Module-scope state, so
// nothing is allocated per triangle or per row.

export interface RasterTarget {
  width: number;
  height: number;
  /** premultiplied RGBA of the person layer, one little-endian u32 per pixel (r | g<<8 | b<<16 | a<<24) */
  color: Uint32Array;
  /** 1/Z of the nearest surface so far (0 = empty) */
  depth: Float32Array;
  /** Optional: each row's drawn extent, widened by every rasterizer (see RowExtents). */
  extents?: RowExtents;
}

/**
 * Per row y, the columns [lo[y], hi[y]] that anything was drawn into this frame (lo > hi: none):
 * a superset of the non-empty pixels, so the full-frame passes (edge passes, compositing) can skip
 * the empty margins, about half of a head-and-shoulders frame.
 */
export interface RowExtents {
  lo: Int32Array;
  hi: Int32Array;
}

export function createRowExtents(height: number): RowExtents {
  return { lo: new Int32Array(height), hi: new Int32Array(height) };
}

/** Empties every row (start of a frame). */
export function clearRowExtents(e: RowExtents, width: number): void {
  e.lo.fill(width);
  e.hi.fill(-1);
}

/** Widens row y's extent to cover columns [lo, hi]. */
export function widenRow(e: RowExtents, y: number, lo: number, hi: number): void {
  if (lo < e.lo[y]!) e.lo[y] = lo;
  if (hi > e.hi[y]!) e.hi[y] = hi;
}

/** A shader returns the packed premultiplied RGBA for screen pixel (x, y) with texture coordinate (u, v). */
export type PixelShader = (x: number, y: number, u: number, v: number) => number;

/** A hair of overlap on shared edges (and T-junctions): no pixel falls between two triangles. */
export const EDGE_EPS = -1e-3;
/** Pixels a row span is widened by against rounding in the solved bounds (see rowSpan). */
const SPAN_SLACK = 1e-4;

/**
 * The current triangle's setup, shared by both rasterizers (module scope: nothing allocated per
 * triangle): its pixel bounds [minX, maxX, minY, maxY] clipped to the target (integers: the pixel
 * loops stay in small-integer arithmetic), and the barycentric planes b_k = A_k px + B_k py + C_k
 * as [A0, B0, C0, A1, B1, C1, A2, B2, C2].
 */
export const bounds = new Int32Array(4);
export const tri = new Float64Array(9);
/** The current row's pixel span [lo, hi] (set by rowSpan). */
export const span = new Int32Array(2);
/** The current target's row extents (set by setupTriangle), widened by rowSpan. */
let drawnRows: RowExtents | null = null;

/** Fills `tri` for a triangle in screen pixels of target t; false when it is degenerate or off the target. */
export function setupTriangle(t: RasterTarget, x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): boolean {
  const W = t.width, H = t.height;
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
  drawnRows = t.extents ?? null;
  return true;
}

/**
 * Span of pixel row py (centre cy = py + 0.5) inside all three edges of the set-up triangle, into `span`; false when the
 * row has no pixel of the triangle. Pixel px is inside edge k when A_k (px + 0.5) + r_k >= EDGE_EPS;
 * the bound is solved for px and widened by SPAN_SLACK px, so rounding can only add a pixel the
 * per-pixel test then refuses, never drop one it would keep.
 */
export function rowSpan(py: number): boolean {
  // the row index, not its centre, is the argument: an integer passes unboxed, a double as a heap number
  const cy = py + 0.5;
  let lo = bounds[0]!, hi = bounds[1]!;
  const A0 = tri[0]!, A1 = tri[3]!, A2 = tri[6]!;
  const r0 = tri[1]! * cy + tri[2]!, r1 = tri[4]! * cy + tri[5]!, r2 = tri[7]! * cy + tri[8]!;
  if (A0 > 0) { const b = Math.ceil((EDGE_EPS - r0) / A0 - 0.5 - SPAN_SLACK); if (b > lo) lo = b; } else if (A0 < 0) { const b = Math.floor((EDGE_EPS - r0) / A0 - 0.5 + SPAN_SLACK); if (b < hi) hi = b; } else if (r0 < EDGE_EPS) return false;
  if (A1 > 0) { const b = Math.ceil((EDGE_EPS - r1) / A1 - 0.5 - SPAN_SLACK); if (b > lo) lo = b; } else if (A1 < 0) { const b = Math.floor((EDGE_EPS - r1) / A1 - 0.5 + SPAN_SLACK); if (b < hi) hi = b; } else if (r1 < EDGE_EPS) return false;
  if (A2 > 0) { const b = Math.ceil((EDGE_EPS - r2) / A2 - 0.5 - SPAN_SLACK); if (b > lo) lo = b; } else if (A2 < 0) { const b = Math.floor((EDGE_EPS - r2) / A2 - 0.5 + SPAN_SLACK); if (b < hi) hi = b; } else if (r2 < EDGE_EPS) return false;
  if (lo > hi) return false;
  span[0] = lo; span[1] = hi;
  if (drawnRows !== null) widenRow(drawnRows, py, lo, hi);
  return true;
}
