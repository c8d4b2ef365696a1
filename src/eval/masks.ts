// Region masks for masked metrics: the face region is the convex hull of a frame's landmarks,
// grown about its centroid so the jaw line and forehead edge are included.
import type { Landmarks } from './metrics/landmarks.ts';

/** Convex hull (Andrew's monotone chain) of 2D points, counter-clockwise in a y-up sense. */
export function convexHull(points: Landmarks): [number, number][] {
  const p = Array.from({ length: points.length }, (_, i) => [points[i]![0]!, points[i]![1]!] as [number, number]);
  p.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: [number, number][] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Fills a polygon (even-odd rule, pixel centres) into a width*height byte mask (1 inside). */
export function polygonMask(poly: [number, number][], width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  if (poly.length < 3) return mask;
  const xs: number[] = [];
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [x0, y0] = poly[j]!;
      const [x1, y1] = poly[i]!;
      if ((y0 <= cy && y1 > cy) || (y1 <= cy && y0 > cy)) xs.push(x0 + ((cy - y0) / (y1 - y0)) * (x1 - x0));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(width - 1, Math.floor(xs[k + 1]! - 0.5));
      for (let x = from; x <= to; x++) mask[y * width + x] = 1;
    }
  }
  return mask;
}

/** Face-region mask: convex hull of the landmarks scaled by `grow` about its centroid. */
export function faceRegionMask(landmarks: Landmarks, width: number, height: number, grow = 1.1): Uint8Array {
  const hull = convexHull(landmarks);
  let cx = 0;
  let cy = 0;
  for (const [x, y] of hull) {
    cx += x;
    cy += y;
  }
  cx /= hull.length || 1;
  cy /= hull.length || 1;
  const grown = hull.map(([x, y]) => [cx + (x - cx) * grow, cy + (y - cy) * grow] as [number, number]);
  return polygonMask(grown, width, height);
}

/** Number of pixels set in a mask. */
export function maskArea(mask: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]! > 0) n++;
  return n;
}

/** Pixel-wise product of two masks (undefined = everything). */
export function intersect(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}
