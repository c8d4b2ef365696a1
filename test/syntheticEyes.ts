// A synthetic face for the shut-eye tests: two 60 px eyes' landmarks (upper lid 16 px, lower lid
// 10 px, crease 8-30 px over the corners' line), flat skin, and each painted open eye a dark ellipse.
import { EYE_SIDES } from '../src/render/closedEye/frame.ts';

export interface PaintedEyes {
  /** the ellipses' centre row (the corners' line is row 120) */
  centreY: number;
  /** the ellipses' half height in px (half width 30) */
  halfHeight: number;
  /** the eye's colour as a share of the skin's */
  darkness: number;
  /** place the brow landmarks 45 px over the corners (else they fall back to the face's middle) */
  brow: boolean;
  /** the ellipses' half width in px (default 30, the rings' half width) */
  halfWidth?: number;
}

export function syntheticEyeFace(skin: readonly number[], painted: PaintedEyes) {
  const W = 400, H = 300;
  const pts = new Map<number, [number, number]>();
  const eyes = [{ outer: [100, 120], inner: [160, 120] }, { outer: [300, 120], inner: [240, 120] }];
  EYE_SIDES.forEach((s, side) => {
    const [ox, oy] = eyes[side]!.outer as [number, number], [ix, iy] = eyes[side]!.inner as [number, number];
    s.upper.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) - 16 * Math.sin(Math.PI * t)]); });
    s.lower.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) + 10 * Math.sin(Math.PI * t)]); });
    s.crease.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) - 8 - 22 * Math.sin(Math.PI * t)]); });
    if (painted.brow) s.brow.forEach((i, q) => { const t = q / 4; pts.set(i, [ox + t * (ix - ox), oy - 45]); });
  });
  pts.set(13, [200, 230]); pts.set(14, [200, 236]);
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    const inEye = [130, 270].some((cx) => ((x - cx) / (painted.halfWidth ?? 30)) ** 2 + ((y - painted.centreY) / painted.halfHeight) ** 2 < 1);
    for (let ch = 0; ch < 3; ch++) data[o + ch] = inEye ? skin[ch]! * painted.darkness : skin[ch]!;
    data[o + 3] = 255;
  }
  return { texture: { width: W, height: H, data }, xy: (i: number) => pts.get(i) ?? [200, 200] };
}
