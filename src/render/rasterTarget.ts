// The raster target: the person layer's packed premultiplied colour and its 1/Z buffer, and each row's
// drawn extent (every rasterizer widens it; the edge passes and compositing skip the empty margins).
import type { ShutEyeProbe } from './closedEye/draw.ts';

export interface RasterTarget {
  width: number;
  height: number;
  /** premultiplied RGBA of the person layer, one little-endian u32 per pixel (r | g<<8 | b<<16 | a<<24) */
  color: Uint32Array;
  /** 1/Z of the nearest surface so far (0 = empty) */
  depth: Float32Array;
  /** Optional: each row's drawn extent, widened by every rasterizer (see RowExtents). */
  extents?: RowExtents;
  /** Bench only: what the shut eye draws this frame is recorded here (RenderOptions.shutEyeProbe; closedEye/draw.ts). */
  shutEyeProbe?: ShutEyeProbe;
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
