// Per-pixel helpers of the mouth shader: sampling a rigid layer, packing a colour, and how deep the
// inner lip surface is shaded against what lies behind it.
import type { ReadyLayer } from './readyLayer.ts';
import { clamp01 } from '../../math/smooth.ts';

/** r, g, b (clamped to 0..255) as an opaque packed RGBA pixel. */
export const pack = (r: number, g: number, b: number) => ((r < 0 ? 0 : r > 255 ? 255 : r | 0) | ((g < 0 ? 0 : g > 255 ? 255 : g | 0) << 8) | ((b < 0 ? 0 : b > 255 ? 255 : b | 0) << 16) | (255 << 24)) >>> 0;

/**
 * How much of the inner lip surface's shade to lift (0: full shade, 1: the lip edge's own colour):
 * the share of the way from the shaded lip's luminance to the edge's that the interior behind it
 * reaches. Bright teeth lift it all; the dark cavity none.
 */
export function shadeLift(r: number, g: number, b: number, er: number, eg: number, eb: number, shade: readonly number[]): number {
  const edge = 0.3 * er + 0.59 * eg + 0.11 * eb;
  const shaded = 0.3 * er * shade[0]! + 0.59 * eg * shade[1]! + 0.11 * eb * shade[2]!;
  return clamp01((0.3 * r + 0.59 * g + 0.11 * b - shaded) / Math.max(1, edge - shaded));
}

/** Bilinear premultiplied sample of a layer at local offset (lx, ly) from its anchor; returns alpha, colour in out. */
export function sampleInto(l: ReadyLayer, lx: number, ly: number, out: Float32Array): number {
  const fx = lx + l.anchorX - 0.5, fy = ly + l.anchorY - 0.5;
  if (fx < 0 || fy < 0 || fx >= l.width - 1 || fy >= l.height - 1) return 0;
  const ix = fx | 0, iy = fy | 0, ax = fx - ix, ay = fy - iy;
  const d = l.data, W = l.width;
  const o00 = (iy * W + ix) * 4, o10 = o00 + 4, o01 = o00 + W * 4, o11 = o01 + 4;
  const w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
  const a = d[o00 + 3]! * w00 + d[o10 + 3]! * w10 + d[o01 + 3]! * w01 + d[o11 + 3]! * w11;
  if (a <= 0.002) return 0;
  out[0] = d[o00]! * w00 + d[o10]! * w10 + d[o01]! * w01 + d[o11]! * w11;
  out[1] = d[o00 + 1]! * w00 + d[o10 + 1]! * w10 + d[o01 + 1]! * w01 + d[o11 + 1]! * w11;
  out[2] = d[o00 + 2]! * w00 + d[o10 + 2]! * w10 + d[o01 + 2]! * w01 + d[o11 + 2]! * w11;
  return a;
}

