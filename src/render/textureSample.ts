// Texture sampling for the rasterizers: bilinear samples of a packed premultiplied RGBA texture, and
// what shows past its border (the mesh reaches a little beyond the crop). Nothing is allocated per call.

/** Per-pixel colour source for a triangle: samples a texture, or a procedural shader. */
export interface TextureSource {
  width: number;
  height: number;
  /** packed RGBA texels (little-endian u32: r | g<<8 | b<<16 | a<<24) */
  data32: Uint32Array;
  /** optional: what shows past the border, precomputed (pastBorder.ts; else sampleInto computes a sharp mirror) */
  past?: PastBorder;
}

/**
 * The texture with a band of `margin` texels all around it holding what shows past its border
 * (samplePastBorder), packed like the texture, (width + 2 margin) x (height + 2 margin).
 */
export interface PastBorder {
  data32: Uint32Array;
  margin: number;
}

/** A u32 view of an RGBA byte buffer (copied when the buffer is not 4-byte aligned). */
export function packedView(data: Uint8ClampedArray | Uint8Array): Uint32Array {
  if (data.byteOffset % 4 === 0) return new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
  const copy = new Uint8Array(data.length);
  copy.set(data);
  return new Uint32Array(copy.buffer);
}

/**
 * A texel-centre coordinate f (texel k's centre at k) folded into [0, n - 1] by mirroring about
 * the first and last texel centres (sampleInto: what the mesh shows past the crop). Inside the
 * texture it is the identity.
 */
export function mirrorIntoTexture(f: number, n: number): number {
  const last = n - 1;
  if (f < 0) f = -f;
  if (f > last) f = 2 * last - f;
  // beyond a whole texture's width (never in practice): the nearest edge
  return f < 0 ? 0 : f > last ? last : f;
}

/** Bilinear sample of a packed texture at texel-centre position (fx, fy), inside it, into `out` (r, g, b, a as floats). */
export function bilinearInto(td: Uint32Array, tw: number, th: number, fx: number, fy: number, out: Float64Array): void {
  texel[0] = fx; texel[1] = fy;
  bilinearAt(td, tw, th, texel, out);
}

/** bilinearInto at the texel-centre position held in `f` ([fx, fy]): see sampleAt. */
function bilinearAt(td: Uint32Array, tw: number, th: number, f: Float64Array, out: Float64Array): void {
  const fx = f[0]!, fy = f[1]!;
  const ix = fx | 0, iy = fy | 0;
  const ax = fx - ix, ay = fy - iy;
  const ix1 = ix + 1 < tw ? ix + 1 : ix, iy1 = iy + 1 < th ? iy + 1 : iy;
  const t00 = td[iy * tw + ix]!, t10 = td[iy * tw + ix1]!, t01 = td[iy1 * tw + ix]!, t11 = td[iy1 * tw + ix1]!;
  const w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
  out[0] = (t00 & 255) * w00 + (t10 & 255) * w10 + (t01 & 255) * w01 + (t11 & 255) * w11;
  out[1] = ((t00 >>> 8) & 255) * w00 + ((t10 >>> 8) & 255) * w10 + ((t01 >>> 8) & 255) * w01 + ((t11 >>> 8) & 255) * w11;
  out[2] = ((t00 >>> 16) & 255) * w00 + ((t10 >>> 16) & 255) * w10 + ((t01 >>> 16) & 255) * w01 + ((t11 >>> 16) & 255) * w11;
  out[3] = (t00 >>> 24) * w00 + (t10 >>> 24) * w10 + (t01 >>> 24) * w01 + (t11 >>> 24) * w11;
}

/** the texel-centre position bilinearAt reads (module scope: nothing allocated per sample) */
const texel = new Float64Array(2);

const edgeSample = new Float64Array(4);

/**
 * Bilinear sample of a packed texture into `out` (r, g, b, a as floats, premultiplied). Past the
 * border (the mesh reaches a little beyond the crop: the torso under the frame's bottom, the
 * shoulders past its sides, shown when the torso moves up or sideways) it shows samplePastBorder:
 * the mirror image of the texture just inside (mirrorIntoTexture), going over to a blurred copy
 * with the distance (PAST_BORDER_BLUR_REACH), at the border's own coverage: the cloth goes on as
 * receding cloth, the outline as it left the crop. Read from `past`, the texture padded with it
 * once per renderer (pastBorder.ts): one lookup, as inside. A clamp stretched the last row or
 * column into stripes; a sharp mirror drew chevrons where a strand crossed the border; mirroring
 * the coverage too turned a sloping shoulder back up (a notch or a horn).
 */
export function sampleInto(td: Uint32Array, tw: number, th: number, past: PastBorder | undefined, u: number, v: number, out: Float64Array): void {
  const fx = u - 0.5, fy = v - 0.5;
  if (fx >= 0 && fy >= 0 && fx <= tw - 1 && fy <= th - 1) {
    bilinearInto(td, tw, th, fx, fy, out);
    return;
  }
  if (past) {
    const m = past.margin, px = fx + m, py = fy + m;
    if (px >= 0 && py >= 0 && px <= tw + 2 * m - 1 && py <= th + 2 * m - 1) {
      bilinearInto(past.data32, tw + 2 * m, th + 2 * m, px, py, out);
      return;
    }
  }
  samplePastBorder(td, tw, th, undefined, fx, fy, out);
}

/**
 * sampleInto at the texture position held in `at` ([u, v]) for the per-pixel loops (rasterFarSide.ts,
 * stretchCrossBlur.ts, stretchGrain.ts): a double passed as an argument to a call V8 does not inline is
 * boxed as a heap number, two per sample, most of a turned frame's allocation (bench/renderProfile.ts
 * --heap); read from a Float64Array it stays unboxed. The same arithmetic as sampleInto, so the same texels.
 */
export function sampleAt(td: Uint32Array, tw: number, th: number, past: PastBorder | undefined, at: Float64Array, out: Float64Array): void {
  let fx = at[0]! - 0.5, fy = at[1]! - 0.5, d = td, w = tw, h = th;
  if (!(fx >= 0 && fy >= 0 && fx <= tw - 1 && fy <= th - 1)) {
    // past the border: the padded copy (pastBorder.ts) where it reaches, else computed
    const m = past ? past.margin : 0, px = fx + m, py = fy + m;
    if (!past || !(px >= 0 && py >= 0 && px <= tw + 2 * m - 1 && py <= th + 2 * m - 1)) {
      samplePastBorder(td, tw, th, undefined, fx, fy, out);
      return;
    }
    d = past.data32; w = tw + 2 * m; h = th + 2 * m; fx = px; fy = py;
  }
  // bilinearAt spelled out (the same arithmetic): V8 did not inline the call, up to 9 a pixel on a turned far side
  const ix = fx | 0, iy = fy | 0;
  const ax = fx - ix, ay = fy - iy;
  const ix1 = ix + 1 < w ? ix + 1 : ix, iy1 = iy + 1 < h ? iy + 1 : iy;
  const t00 = d[iy * w + ix]!, t10 = d[iy * w + ix1]!, t01 = d[iy1 * w + ix]!, t11 = d[iy1 * w + ix1]!;
  const w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
  out[0] = (t00 & 255) * w00 + (t10 & 255) * w10 + (t01 & 255) * w01 + (t11 & 255) * w11;
  out[1] = ((t00 >>> 8) & 255) * w00 + ((t10 >>> 8) & 255) * w10 + ((t01 >>> 8) & 255) * w01 + ((t11 >>> 8) & 255) * w11;
  out[2] = ((t00 >>> 16) & 255) * w00 + ((t10 >>> 16) & 255) * w10 + ((t01 >>> 16) & 255) * w01 + ((t11 >>> 16) & 255) * w11;
  out[3] = (t00 >>> 24) * w00 + (t10 >>> 24) * w10 + (t01 >>> 24) * w01 + (t11 >>> 24) * w11;
}

/** What shows past the texture's border at texel-centre position (fx, fy), `beyond` its blurred copy (see sampleInto); the coverage stays the border's own at (fx, fy). */
export function samplePastBorder(td: Uint32Array, tw: number, th: number, beyond: Uint32Array | undefined, fx: number, fy: number, out: Float64Array, runX = 0, runY = 0): void {
  // (runX, runY: a shift of the mirror image along the border, pastBorder.ts borderRuns)
  const mx = mirrorIntoTexture(fx + runX, tw), my = mirrorIntoTexture(fy + runY, th);
  const k = beyond ? Math.min(1, Math.max(-fx, fx - (tw - 1), -fy, fy - (th - 1)) / (PAST_BORDER_BLUR_REACH * tw)) : 0;
  if (k >= 1) {
    bilinearInto(beyond!, tw, th, mx, my, out);
  } else {
    bilinearInto(td, tw, th, mx, my, out);
    if (k > 0) {
      bilinearInto(beyond!, tw, th, mx, my, edgeSample);
      for (let ch = 0; ch < 4; ch++) out[ch] += k * (edgeSample[ch]! - out[ch]!);
    }
  }
  const a = bilinearAlpha(td, tw, th, Math.min(tw - 1, Math.max(0, fx)), Math.min(th - 1, Math.max(0, fy)));
  if (out[3]! > 0.5) {
    // the mirrored colour, unpremultiplied, at the border's coverage
    const s = a / out[3]!;
    out[0] *= s; out[1] *= s; out[2] *= s; out[3] = a;
  } else {
    // nothing to mirror (the mirror image is background): the border's own texel
    bilinearInto(td, tw, th, Math.min(tw - 1, Math.max(0, fx)), Math.min(th - 1, Math.max(0, fy)), out);
  }
}

/** Channel-wise mix of packed RGBA colours p, q, r by weights summing to 1 (alpha too), rounded and clamped. */
export function mix3(p: number, wp: number, q: number, wq: number, r: number, wr: number): number {
  let out = 0;
  for (let s = 0; s < 32; s += 8) {
    const v = ((p >>> s) & 255) * wp + ((q >>> s) & 255) * wq + ((r >>> s) & 255) * wr;
    out |= Math.min(255, Math.round(v)) << s;
  }
  return out >>> 0;
}

/** Float r, g, b, a (0-255) as one packed texel, each rounded. */
export function packRounded(c: Float64Array): number {
  return (((c[0]! + 0.5) | 0) | (((c[1]! + 0.5) | 0) << 8) | (((c[2]! + 0.5) | 0) << 16) | (((c[3]! + 0.5) | 0) << 24)) >>> 0;
}

/** sampleInto as one packed premultiplied texel (rounded). */
export function samplePacked(td: Uint32Array, tw: number, th: number, past: PastBorder | undefined, u: number, v: number): number {
  sampleInto(td, tw, th, past, u, v, packSample);
  return packRounded(packSample);
}

const packSample = new Float64Array(4);

/** Bilinear alpha of a packed texture at texel-centre position (fx, fy), inside it. */
function bilinearAlpha(td: Uint32Array, tw: number, th: number, fx: number, fy: number): number {
  const ix = fx | 0, iy = fy | 0;
  const ax = fx - ix, ay = fy - iy;
  const ix1 = ix + 1 < tw ? ix + 1 : ix, iy1 = iy + 1 < th ? iy + 1 : iy;
  const top = (td[iy * tw + ix]! >>> 24) * (1 - ax) + (td[iy * tw + ix1]! >>> 24) * ax;
  const bottom = (td[iy1 * tw + ix]! >>> 24) * (1 - ax) + (td[iy1 * tw + ix1]! >>> 24) * ax;
  return top * (1 - ay) + bottom * ay;
}

/** How far past the border (share of the texture's width) the mirror image is wholly the blurred copy. */
export const PAST_BORDER_BLUR_REACH = 0.025;
