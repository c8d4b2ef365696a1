// A photo padded by whoever made it (lp_s1: 170 columns of pure white each side) shows its strips as a frame
// in front of the picture. The analysis records them (`source.frame`, analyze/flatBorder.ts) and sets the plate
// there back to the strips' colour; over the avatar's own plate the renderer paints those plate pixels back over
// the frame, so the person slides under the strip's edge as the torso moves (no soft grey column past the photo's
// edge, where the hole's fill and the shoulder's soft outline showed). Photos without strips: no spans, no work.
import type { PortraitAnalysis } from '../types.ts';
import type { RowExtents } from './rasterTarget.ts';

/** Output pixel spans [start, end) (pixel indices, row-major) that lie in a padding strip; empty without padding. */
export function stripSpans(analysis: PortraitAnalysis | null, W: number, H: number, S: number, offX: number, offY: number): Int32Array {
  const pad = analysis?.source.frame;
  if (!pad || pad.every((p) => p <= 0) || !analysis?.crop) return new Int32Array(0);
  const { width: sw, height: sh } = analysis.source;
  const { x: cx, y: cy, side, size } = analysis.crop;
  const k = side / size / S; // source px per output px
  const inStrip = (ox: number, oy: number) => {
    const sx = cx + (ox + 0.5 - offX) * k, sy = cy + (oy + 0.5 - offY) * k;
    if (sx < 0 || sy < 0 || sx >= sw || sy >= sh) return false;
    return sx < pad[0] || sy < pad[1] || sx >= sw - pad[2] || sy >= sh - pad[3];
  };
  const spans: number[] = [];
  for (let y = 0; y < H; y++) {
    let start = -1;
    for (let x = 0; x <= W; x++) {
      const on = x < W && inStrip(x, y);
      if (on && start < 0) start = x;
      else if (!on && start >= 0) { spans.push(y * W + start, y * W + x); start = -1; }
    }
  }
  return Int32Array.from(spans);
}

/**
 * Copies the plate's RGBA over `out` in the spans (after compositing over that plate). With `drawn` (the row extents
 * compositeOver was given over that opaque plate: outside them `out` already is the plate) only each span's pixels
 * inside its row's extent are copied: the same bytes, and a padded photo's strips mostly lie outside the person.
 */
export function paintStrips(out: Uint8ClampedArray, plate: Uint8ClampedArray, spans: Int32Array, drawn?: RowExtents): void {
  if (spans.length === 0) return;
  if (out.byteOffset % 4 === 0 && plate.byteOffset % 4 === 0) {
    // whole pixels through u32 views: a subarray per span (two a row on a padded photo) was ~100 KB a frame
    const o32 = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2), p32 = new Uint32Array(plate.buffer, plate.byteOffset, plate.length >> 2);
    const W = drawn ? o32.length / drawn.lo.length : 0;
    for (let s = 0; s < spans.length; s += 2) {
      let i = spans[s]!, end = spans[s + 1]!;
      if (drawn) {
        // a span lies in one row (it may end at the row's end)
        const y = Math.floor(i / W), row = y * W;
        i = Math.max(i, row + Math.max(0, drawn.lo[y]!));
        end = Math.min(end, row + Math.min(W - 1, drawn.hi[y]!) + 1);
      }
      for (; i < end; i++) o32[i] = p32[i]!;
    }
    return;
  }
  for (let s = 0; s < spans.length; s += 2) out.set(plate.subarray(spans[s]! * 4, spans[s + 1]! * 4), spans[s]! * 4);
}
