// A lid line as the closed-eye passes hold it: points (u, v) in the eye frame, u ascending.
import type { EyeFrame } from './frame.ts';

/** A lid line's v at x (straight between its points, held past the ends; u ascending). */
export function lidLineAt(u: readonly number[], v: readonly number[], x: number): number {
  let k = 0;
  while (k + 2 < u.length && x > u[k + 1]!) k++;
  const t = Math.max(0, Math.min(1, (x - u[k]!) / (u[k + 1]! - u[k]! || 1)));
  return v[k]! + t * (v[k + 1]! - v[k]!);
}

/** The pixel box [x0, x1, y0, y1] of the opening between two lid lines (eye frame f), clamped to the target, `padY` rows more above and below. */
export function openingBox(f: EyeFrame, upper: { u: number[]; v: number[] }, lower: { u: number[]; v: number[] }, width: number, height: number, padY = 0): [number, number, number, number] {
  const pts = [...upper.u.map((u, k) => [u, upper.v[k]!]), ...lower.u.map((u, k) => [u, lower.v[k]!])].map(([u, v]) => [f.ox + u! * f.ux + v! * f.vx, f.oy + u! * f.uy + v! * f.vy]);
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  return [Math.max(0, Math.floor(Math.min(...xs))), Math.min(width - 1, Math.ceil(Math.max(...xs))), Math.max(0, Math.floor(Math.min(...ys)) - padY), Math.min(height - 1, Math.ceil(Math.max(...ys)) + padY)];
}
