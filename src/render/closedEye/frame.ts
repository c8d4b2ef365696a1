// The eye's own frame, shared by the closed-eye library (cut from video frames) and the renderer
// (which draws it on a photo): u runs from the outer corner (0) to the inner corner (1), v runs
// across, toward the cheek, in the same unit (the corner-to-corner width). Both eyes map into the
// same orientation, so one patch serves either side (the image-right eye is mirrored by its frame).

/** Extent of a patch in the eye frame: wide enough for the corners' skin, tall enough for the crease. */
export const PATCH_U0 = -0.3, PATCH_U1 = 1.3, PATCH_V0 = -0.75, PATCH_V1 = 0.45;
/** Library resolution: patch pixels per corner-to-corner width. */
export const PATCH_PPW = 48;
export const PATCH_W = Math.round((PATCH_U1 - PATCH_U0) * PATCH_PPW);
export const PATCH_H = Math.round((PATCH_V1 - PATCH_V0) * PATCH_PPW);

/** Landmark indices per eye: corners, upper lid (outer..inner), lower lid (outer..inner), crease, the brow's lower contour (outer..inner). */
export const EYE_SIDES = [
  // image-left eye (the subject's right)
  { outer: 33, inner: 133, upper: [33, 246, 161, 160, 159, 158, 157, 173, 133], lower: [33, 7, 163, 144, 145, 153, 154, 155, 133], crease: [130, 247, 30, 29, 27, 28, 56, 190, 243], brow: [46, 53, 52, 65, 55] },
  // image-right eye (the subject's left)
  { outer: 263, inner: 362, upper: [263, 466, 388, 387, 386, 385, 384, 398, 362], lower: [263, 249, 390, 373, 374, 380, 381, 382, 362], crease: [359, 467, 260, 259, 257, 258, 286, 414, 463], brow: [276, 283, 282, 295, 285] },
] as const;

/** An eye frame in an image: origin (outer corner), unit axes scaled by the width. */
export interface EyeFrame { ox: number; oy: number; ux: number; uy: number; vx: number; vy: number; width: number }

/**
 * The frame of an eye from its corners; `down` is any vector pointing from the brows toward the
 * chin (the v axis is made to agree with it, whatever the side).
 */
export function eyeFrame(outer: readonly [number, number], inner: readonly [number, number], down: readonly [number, number]): EyeFrame {
  const dx = inner[0] - outer[0], dy = inner[1] - outer[1];
  const width = Math.hypot(dx, dy) || 1;
  let vx = -dy, vy = dx;
  if (vx * down[0] + vy * down[1] < 0) { vx = -vx; vy = -vy; }
  return { ox: outer[0], oy: outer[1], ux: dx, uy: dy, vx, vy, width };
}

/** Image position of eye-frame point (u, v). */
export function toImage(f: EyeFrame, u: number, v: number): [number, number] {
  return [f.ox + u * f.ux + v * f.vx, f.oy + u * f.uy + v * f.vy];
}

/** Eye-frame coordinates of image point (x, y). */
export function toEye(f: EyeFrame, x: number, y: number): [number, number] {
  const px = x - f.ox, py = y - f.oy, w2 = f.width * f.width;
  return [(px * f.ux + py * f.uy) / w2, (px * f.vx + py * f.vy) / w2];
}

/**
 * The frame scaled by k about the middle of its corners. A point scaled the same way keeps its (u, v),
 * so an eye's lines fitted in the frame fit the scaled eye too.
 */
export function scaledFrame(f: EyeFrame, k: number): EyeFrame {
  const mx = f.ox + f.ux / 2, my = f.oy + f.uy / 2;
  return { ox: mx + k * (f.ox - mx), oy: my + k * (f.oy - my), ux: k * f.ux, uy: k * f.uy, vx: k * f.vx, vy: k * f.vy, width: k * f.width };
}
