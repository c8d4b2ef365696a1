// MediaPipe FaceMesh landmark groups (indices into the 478-point mesh) used for framing, regions
// and the human-face plausibility check.

/** Face oval, clockwise from the forehead top (10) through the chin (152). */
export const FACE_OVAL = [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109];
/** Subject's right eye (image left) contour. */
export const RIGHT_EYE = [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246];
/** Subject's left eye (image right) contour. */
export const LEFT_EYE = [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466];
/** Outer lip contour. */
export const LIPS_OUTER = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185];

export const FOREHEAD_TOP = 10;
export const CHIN = 152;
export const NOSE_TIP = 1;
export const UPPER_LIP = 13;
export const LOWER_LIP = 14;
export const MOUTH_RIGHT = 61;
export const MOUTH_LEFT = 291;

type Point = readonly [number, number, ...number[]];

export function mid(a: Point, b: Point): [number, number] {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

export function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Eye centres (mean of the corner pair) of the subject's right and left eye. */
export function eyeCentres(lm: readonly Point[]): { right: [number, number]; left: [number, number] } {
  return { right: mid(lm[33]!, lm[133]!), left: mid(lm[263]!, lm[362]!) };
}

/** Polygon (flat [x0, y0, x1, y1, ...]) of the given landmark indices. */
export function polygon(lm: readonly Point[], indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length * 2);
  indices.forEach((k, i) => {
    out[i * 2] = lm[k]![0];
    out[i * 2 + 1] = lm[k]![1];
  });
  return out;
}
