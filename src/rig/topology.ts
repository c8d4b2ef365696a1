// MediaPipe FaceMesh topology: the triangulation and canonical UV layout come from the installed
// @vladmandic/human package at runtime; the named index groups below are the standard contours
// of the 478-point mesh (468 = iris centre of the IMAGE-right eye, 473 = image-left eye).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODELS_DIR, packageDir } from '../face/runtime.ts';
import { FACE_MIRROR } from './faceMirror.ts';

export const LANDMARK_COUNT = 478;
export const MESH_POINT_COUNT = 468;

// Lips (from the image-left mouth corner 61/78 to the image-right corner 291/308).
export const LIPS_OUTER_UPPER = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291];
export const LIPS_OUTER_LOWER = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291];
export const LIPS_INNER_UPPER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308];
export const LIPS_INNER_LOWER = [78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308];
/**
 * Each lip's columns, corner to corner without the corners: inner contour, the two middle rows,
 * outer contour (MediaPipe's lip mesh).
 */
export const LIP_COLUMNS_UPPER = [
  [191, 80, 81, 82, 13, 312, 311, 310, 415],
  [183, 42, 41, 38, 12, 268, 271, 272, 407],
  [184, 74, 73, 72, 11, 302, 303, 304, 408],
  [185, 40, 39, 37, 0, 267, 269, 270, 409],
] as const;
export const LIP_COLUMNS_LOWER = [
  [95, 88, 178, 87, 14, 317, 402, 318, 324],
  [96, 89, 179, 86, 15, 316, 403, 319, 325],
  [77, 90, 180, 85, 16, 315, 404, 320, 307],
  [146, 91, 181, 84, 17, 314, 405, 321, 375],
] as const;
/** Inner lip contour as a closed loop (upper lip left to right, then lower lip right to left). */
export const MOUTH_LOOP = [...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER.slice(1, -1).reverse()];

// Eyes: "R" = the subject's right eye = IMAGE left; "L" = subject's left = image right.
export const EYE_R_UPPER = [33, 246, 161, 160, 159, 158, 157, 173, 133];
export const EYE_R_LOWER = [33, 7, 163, 144, 145, 153, 154, 155, 133];
export const EYE_L_UPPER = [263, 466, 388, 387, 386, 385, 384, 398, 362];
export const EYE_L_LOWER = [263, 249, 390, 373, 374, 380, 381, 382, 362];
/** Second ring above/below each eye (lid crease / lower lid skin). */
export const EYE_R_UPPER2 = [130, 247, 30, 29, 27, 28, 56, 190, 243];
export const EYE_R_LOWER2 = [130, 25, 110, 24, 23, 22, 26, 112, 243];
export const EYE_L_UPPER2 = [359, 467, 260, 259, 257, 258, 286, 414, 463];
export const EYE_L_LOWER2 = [359, 255, 339, 254, 253, 252, 256, 341, 463];
export const EYE_R_LOOP = [...EYE_R_UPPER, ...EYE_R_LOWER.slice(1, -1).reverse()];
export const EYE_L_LOOP = [...EYE_L_UPPER, ...EYE_L_LOWER.slice(1, -1).reverse()];
export const IRIS_R = [473, 474, 475, 476, 477]; // image-left eye
export const IRIS_L = [468, 469, 470, 471, 472]; // image-right eye

// Brows, inner end first.
export const BROW_R = [107, 66, 105, 63, 70, 55, 65, 52, 53, 46];
export const BROW_L = [336, 296, 334, 293, 300, 285, 295, 282, 283, 276];
export const BROW_R_INNER = [107, 66, 55, 65];
export const BROW_L_INNER = [336, 296, 285, 295];
export const BROW_R_OUTER = [70, 63, 46, 53];
export const BROW_L_OUTER = [300, 293, 276, 283];

/** Face oval, clockwise in the image from the forehead top (10). */
export const FACE_OVAL = [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109];
/** The nose's ridge, bridge to tip. */
export const NOSE_RIDGE = [168, 6, 197, 195, 5, 4, 1];
/** The nose's points: its ridge, the subnasale and the wings. */
export const NOSE_POINTS = [...NOSE_RIDGE, 2, 98, 327, 129, 358, 64, 294, 48, 278];

/** Points that do not move with expressions: used to solve head pose. */
export const RIGID_POINTS = [
  10, 151, 9, 8, 168, 6, 197, 195, 5, 4, 1, 19, 94, 2, 98, 327, 64, 294,
  33, 133, 362, 263, 130, 359, 243, 463,
  234, 454, 127, 356, 93, 323, 162, 389, 21, 251, 54, 284, 103, 332, 67, 297, 109, 338,
  116, 345, 123, 352, 117, 346, 118, 347, 100, 329, 47, 277,
];

/** Eye corners used for the inter-ocular distance (outer corners). */
export const OUTER_EYE_CORNERS: [number, number] = [33, 263];

/** The outer eye corners' distance (the inter-ocular distance, IOD) of flat x, y, z landmarks; `dims` 2 ignores z. */
export function eyeCornerDistance(flat: ArrayLike<number>, dims: 2 | 3 = 3): number {
  const [a, b] = OUTER_EYE_CORNERS;
  const dx = flat[b * 3]! - flat[a * 3]!, dy = flat[b * 3 + 1]! - flat[a * 3 + 1]!;
  return dims === 2 ? Math.hypot(dx, dy) : Math.hypot(dx, dy, flat[b * 3 + 2]! - flat[a * 3 + 2]!);
}

interface HumanStatic {
  faceTriangulation: number[];
  faceUVMap: number[][];
}

let topologyCache: { triangles: Uint16Array; uv: Float32Array; mirror: Int16Array } | null = null;

/**
 * The 468-point triangulation (holes at the mouth only; Human also fills the eyes) and the
 * canonical UV map, read from the installed Human library, plus the left/right mirror map
 * (derived from the UV map's symmetry, shipped as a table: faceMirror.ts).
 */
export function faceTopology(): { triangles: Uint16Array; uv: Float32Array; mirror: Int16Array } {
  if (topologyCache) return topologyCache;
  const require = createRequire(import.meta.url);
  const mod = require(path.join(packageDir('@vladmandic/human'), 'dist', 'human.node-wasm.js'));
  const Human = mod.Human ?? mod.default;
  // Human's constructor copies its config's model base into a module-wide setting every later model load
  // reads: given the default (file://models/), a runtime still loading its models (blazeface, the matte's)
  // in this process would fail. Same base as src/face/runtime.ts, so the order of the two never matters.
  const human = new Human({ backend: 'wasm', debug: false, modelBasePath: pathToFileURL(MODELS_DIR).href + '/' }) as HumanStatic;
  const tri = human.faceTriangulation;
  const uvList = human.faceUVMap;
  if (!Array.isArray(tri) || tri.length % 3 !== 0 || !Array.isArray(uvList) || uvList.length < MESH_POINT_COUNT) {
    throw new Error('The installed @vladmandic/human does not expose faceTriangulation/faceUVMap: reinstall it');
  }
  const triangles = Uint16Array.from(tri);
  const uv = new Float32Array(MESH_POINT_COUNT * 2);
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    uv[i * 2] = uvList[i]![0]!;
    uv[i * 2 + 1] = uvList[i]![1]!;
  }
  // the mirror map is the shipped table (faceMirror.ts: the browser has no package to derive it from); test/faceMirror.test.ts
  // checks it equals mirrorFromUv of this uv map
  topologyCache = { triangles, uv, mirror: FACE_MIRROR };
  return topologyCache;
}

/**
 * Human reports landmark z in the face-mesh model's own input units (it scales x and y to image
 * pixels but not z), so depth must be rescaled by the face's size in the image. Calibrated on
 * video frames of a turning head (a rigid 3D fit is best at scale 2 for a 297 px face), this makes
 * z the same unit as x and y whatever the face size.
 */
export const DEPTH_REFERENCE_SIZE = 150;

/** Factor that converts raw landmark z to image pixels, from the landmarks' 2D extent. */
export function landmarkDepthScale(lm: ArrayLike<ArrayLike<number>>): number {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    const p = lm[i]!;
    if (p[0]! < x0) x0 = p[0]!;
    if (p[0]! > x1) x1 = p[0]!;
    if (p[1]! < y0) y0 = p[1]!;
    if (p[1]! > y1) y1 = p[1]!;
  }
  return Math.max(x1 - x0, y1 - y0) / DEPTH_REFERENCE_SIZE;
}
