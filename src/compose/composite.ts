// Layer compositing: the person layer (premultiplied RGBA, alpha = matte) over a background,
// or alone with straight alpha for transparent output.
import type { RowExtents } from '../render/raster.ts';

/**
 * out = person + (1 - alpha) * background. All buffers width*height*4. With `drawn`, pixels outside
 * each row's extent are taken as empty person pixels without being read (the background copied).
 * `opaqueBackground`: every background alpha is 255 already, so those copies are block copies.
 */
export function compositeOver(person: Uint8ClampedArray, background: Uint8ClampedArray, out: Uint8ClampedArray, drawn?: RowExtents, opaqueBackground = false): void {
  const n = person.length;
  // Whole-pixel copies through u32 views where the person is fully opaque or absent (most pixels).
  const p32 = person.byteOffset % 4 === 0 ? new Uint32Array(person.buffer, person.byteOffset, n >> 2) : null;
  const b32 = background.byteOffset % 4 === 0 ? new Uint32Array(background.buffer, background.byteOffset, n >> 2) : null;
  const o32 = out.byteOffset % 4 === 0 ? new Uint32Array(out.buffer, out.byteOffset, n >> 2) : null;
  if (p32 !== null && b32 !== null && o32 !== null) {
    const rows = drawn ? drawn.lo.length : 1, W = p32.length / rows;
    // an opaque background is the output wherever the person is absent: one block copy, then only
    // the drawn pixels that show the person are written
    if (opaqueBackground) o32.set(b32);
    for (let y = 0, start = 0; y < rows; y++, start += W) {
      let lo = 0, hi = W - 1;
      if (drawn) {
        lo = Math.max(0, drawn.lo[y]!); hi = Math.min(W - 1, drawn.hi[y]!);
        if (hi < lo) { lo = W; hi = W - 1; }
      }
      if (!opaqueBackground) for (let i = start; i < start + lo; i++) o32[i] = (b32[i]! | 0xff000000) >>> 0;
      for (let i = start + lo; i <= start + hi; i++) {
        const p = p32[i]!, a = p >>> 24;
        if (a === 255) o32[i] = p;
        else if (a === 0) { if (!opaqueBackground) o32[i] = (b32[i]! | 0xff000000) >>> 0; }
        else o32[i] = overOpaque(p, b32[i]!, a);
      }
      if (!opaqueBackground) for (let i = start + hi + 1; i < start + W; i++) o32[i] = (b32[i]! | 0xff000000) >>> 0;
    }
    return;
  }
  for (let o = 0; o < n; o += 4) blendPixel(person, background, out, o, person[o + 3]!);
}

/**
 * blendPixel on packed pixels (person p of alpha a over background b; the result opaque, as an int32): one store,
 * not four clamped byte stores. A channel's person + k background is rounded half up and held at 255, which is
 * what the clamped store's half-to-even rounding gives: its exact value is an integer plus j/255, never a half
 * (test/compositeOver.test.ts checks every person, alpha and background byte).
 */
export function overOpaque(p: number, b: number, a: number): number {
  const k = (255 - a) / 255;
  const r = (p & 255) + k * (b & 255), g = ((p >>> 8) & 255) + k * ((b >>> 8) & 255), bl = ((p >>> 16) & 255) + k * ((b >>> 16) & 255);
  return (r >= 255 ? 255 : (r + 0.5) | 0) | (g >= 255 ? 255 : (g + 0.5) | 0) << 8 | (bl >= 255 ? 255 : (bl + 0.5) | 0) << 16 | 0xff000000;
}

/** Premultiplied person pixel at byte o over the background pixel: out = person + (1 - a) background. */
function blendPixel(person: Uint8ClampedArray, background: Uint8ClampedArray, out: Uint8ClampedArray, o: number, a: number): void {
  const k = (255 - a) / 255;
  out[o] = person[o]! + k * background[o]!;
  out[o + 1] = person[o + 1]! + k * background[o + 1]!;
  out[o + 2] = person[o + 2]! + k * background[o + 2]!;
  out[o + 3] = 255;
}

/** Straight (un-premultiplied) RGBA of the person alone: for video with an alpha channel. */
export function unpremultiply(person: Uint8ClampedArray, out: Uint8ClampedArray): void {
  const n = person.length;
  for (let o = 0; o < n; o += 4) {
    const a = person[o + 3]!;
    if (a === 0) { out[o] = 0; out[o + 1] = 0; out[o + 2] = 0; out[o + 3] = 0; continue; }
    const k = 255 / a;
    out[o] = person[o]! * k; out[o + 1] = person[o + 1]! * k; out[o + 2] = person[o + 2]! * k; out[o + 3] = a;
  }
}

/** Bilinear resize of an RGBA image into a new buffer (used once per renderer for the plate). */
export function resizeRgbaBilinear(src: { width: number; height: number; data: Uint8ClampedArray }, width: number, height: number, scale: number, offsetX: number, offsetY: number): Uint8ClampedArray {
  // Output pixel (x, y) shows source point ((x + 0.5 - offsetX) / scale, (y + 0.5 - offsetY) / scale).
  const out = new Uint8ClampedArray(width * height * 4);
  const sw = src.width, sh = src.height, sd = src.data;
  for (let y = 0; y < height; y++) {
    let fy = (y + 0.5 - offsetY) / scale - 0.5;
    fy = Math.min(sh - 1, Math.max(0, fy));
    const iy = Math.floor(fy), ay = fy - iy, iy1 = Math.min(sh - 1, iy + 1);
    for (let x = 0; x < width; x++) {
      let fx = (x + 0.5 - offsetX) / scale - 0.5;
      fx = Math.min(sw - 1, Math.max(0, fx));
      const ix = Math.floor(fx), ax = fx - ix, ix1 = Math.min(sw - 1, ix + 1);
      const o = (y * width + x) * 4;
      for (let ch = 0; ch < 4; ch++) {
        const a0 = sd[(iy * sw + ix) * 4 + ch]! * (1 - ax) + sd[(iy * sw + ix1) * 4 + ch]! * ax;
        const a1 = sd[(iy1 * sw + ix) * 4 + ch]! * (1 - ax) + sd[(iy1 * sw + ix1) * 4 + ch]! * ax;
        out[o + ch] = a0 * (1 - ay) + a1 * ay;
      }
    }
  }
  return out;
}
