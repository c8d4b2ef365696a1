// Synthetic head shapes for the avatar's edge tests (hair shell, back band).
import type { HeadShape } from '../src/avatar/shape.ts';

/** A head shape with a circular skull of radius r around (c, c), the ear line at earY. */
export function circleHead(c: number, r: number, earY: number): HeadShape {
  return {
    iod: 0.5 * r, faceWidth: 1.6 * r, faceH: 1.8 * r, cx: c, earY, chinY: c + r, zc: 0,
    equatorZ: () => 0,
    silhouetteDistance(x, y, dx, dy) {
      const px = x - c, py = y - c, B = 2 * (px * dx + py * dy), C = px * px + py * py - r * r;
      return C >= 0 ? 0 : (-B + Math.sqrt(B * B - 4 * C)) / 2;
    },
    neckZ: () => 0,
    headWeightAt: () => 1,
  };
}
