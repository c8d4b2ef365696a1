// The head's overall shape measured on the photo's landmarks and matte: the proportions every
// other avatar part is sized by, and the ellipsoid the skull and hair sheet recede on.
import type { GrayImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';

export interface HeadShape {
  /** inter-ocular distance, face width (ear to ear) and height (forehead to chin), crop px */
  iod: number;
  faceWidth: number;
  faceH: number;
  /** face centre x, ear line y, chin y, and the depth of the head's equator */
  cx: number;
  earY: number;
  chinY: number;
  zc: number;
  /** depth of the head's equator (where the sheet reaches the ears and the hair's outline) at column x */
  equatorZ(x: number): number;
  /** distance from (x, y) along (dx, dy) to the head ellipse's outline (0 if already outside) */
  silhouetteDistance(x: number, y: number, dx: number, dy: number): number;
  /** depth of the rounded neck/torso at column x */
  neckZ(x: number): number;
  /** 1 on the head, 0 on the torso, a smooth blend over the neck */
  headWeightAt(y: number): number;
}

/** Measures the head from the flattened landmarks (x, y, z in crop px) and the person matte. */
export function measureHead(flat: Float64Array, matte: GrayImage): HeadShape {
  const size = matte.width;
  const P = (i: number) => [flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!] as const;
  const dist2 = (a: number, b: number) => Math.hypot(flat[a * 3]! - flat[b * 3]!, flat[a * 3 + 1]! - flat[b * 3 + 1]!);
  const iod = Math.max(4, dist2(33, 263));
  const faceWidth = Math.max(6, dist2(234, 454));
  const faceH = Math.max(6, dist2(10, 152));
  const cx = (P(234)[0] + P(454)[0]) / 2;
  const earY = (P(234)[1] + P(454)[1]) / 2;
  const chinY = P(152)[1];
  const zc = (P(234)[2] + P(454)[2]) / 2 + 0.05 * faceWidth;
  // A photo turned by some yaw has its ears at different depths, on the line through the face's
  // sides (234, 454): the equator follows that line, so the near side's ear and hair are not set
  // back to the far side's depth. A flat equator put lp_s12's near (image-right) side, turned 10°
  // toward the camera, 24 px deep over its 40 px band from cheek to hair: a turn away squeezed the
  // ear and temple hair into a few pixels (at +30, 0.37 of their width) and left a straight cheek
  // edge where they were (the critic's "flat card"). The slope is capped at that of a 30° turn.
  const earSlope = Math.max(-0.58, Math.min(0.58, (P(454)[2] - P(234)[2]) / Math.max(1, P(454)[0] - P(234)[0])));
  // Head ellipsoid: width from the face sides (ears, hair), top from the matte above the forehead.
  const a = faceWidth * 0.58;
  let topY = P(10)[1] - 0.3 * faceH;
  {
    const col = Math.round(Math.min(size - 1, Math.max(0, (P(10)[0] + P(9)[0]) / 2)));
    let y = Math.round(P(10)[1]);
    while (y > 0 && matte.data[(y - 1) * size + col]! > 0.5) y--;
    if (y < P(10)[1] - 0.05 * faceH) topY = Math.max(y, P(10)[1] - 0.8 * faceH);
  }
  const cy = earY - 0.12 * faceH;
  const b = Math.max(0.3 * faceH, cy - topY);
  return {
    iod, faceWidth, faceH, cx, earY, chinY, zc,
    equatorZ: (x) => zc + earSlope * (x - cx),
    silhouetteDistance(x, y, dx, dy) {
      const px = (x - cx) / a, py = (y - cy) / b, qx = dx / a, qy = dy / b;
      const A = qx * qx + qy * qy, B = 2 * (px * qx + py * qy), C = px * px + py * py - 1;
      if (C >= 0) return 0;
      return (-B + Math.sqrt(B * B - 4 * A * C)) / (2 * A);
    },
    neckZ: (x) => zc - 0.3 * faceWidth * Math.exp(-(((x - cx) / (0.5 * faceWidth)) ** 2)),
    headWeightAt: (y) => 1 - smoothstep(chinY - 0.05 * faceH, chinY + 0.55 * faceH, y),
  };
}
