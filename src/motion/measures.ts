// Simple geometric measures of a face from its 478 MediaPipe landmarks, normalised by a rigid
// face size (so they do not change with distance to the camera). Used by the video path and to
// make training targets for the audio model.

export type Landmarks = ArrayLike<ArrayLike<number>>;

/** Landmark indices (MediaPipe FaceMesh). */
export const LM = {
  upperLipInner: 13,
  lowerLipInner: 14,
  upperLipOuter: 0,
  lowerLipOuter: 17,
  mouthLeft: 61,
  mouthRight: 291,
  noseTip: 1,
  noseBase: 2,
  chin: 152,
  eyeOuterL: 33,
  eyeOuterR: 263,
  eyeInnerL: 133,
  eyeInnerR: 362,
  lidTopL: 159,
  lidBottomL: 145,
  lidTopR: 386,
  lidBottomR: 374,
  browInnerL: 105,
  browInnerR: 334,
  browMidL: 66,
  browMidR: 296,
  cheekL: 234,
  cheekR: 454,
  forehead: 10,
  irisL: 468,
  irisR: 473,
} as const;

function dist(lm: Landmarks, a: number, b: number): number {
  const p = lm[a]!;
  const q = lm[b]!;
  const dx = p[0]! - q[0]!;
  const dy = p[1]! - q[1]!;
  const dz = (p[2] ?? 0) - (q[2] ?? 0);
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/**
 * Per-frame measures, dimensionless (divided by the 3D eye-corner distance). Left/Right are the
 * SUBJECT's sides (as in the rig's ARKit names): the subject's right eye is on the image left.
 */
export interface FaceMeasures {
  /** inner-lip gap */
  lipGap: number;
  /** nose base to chin: follows the jaw */
  jaw: number;
  /** mouth corner to corner */
  mouthWidth: number;
  /** upper lip (outer) to nose base */
  upperLip: number;
  /** lower lip (outer) to chin */
  lowerLip: number;
  /** lip thickness sum (outer gap - inner gap): shrinks when lips are pressed */
  lipThickness: number;
  /** height of each mouth corner above the mouth centre, along the face's up axis */
  cornerLiftLeft: number;
  cornerLiftRight: number;
  /** eyelid gaps */
  eyeLeft: number;
  eyeRight: number;
  /** brow (middle) to outer eye corner */
  browLeft: number;
  browRight: number;
  /** inner brow to inner eye corner */
  browInnerLeft: number;
  browInnerRight: number;
  /** iris position inside the eye opening, about -1..1 (x image right, y down) */
  gaze: [number, number];
  /** roll of the eye line in degrees (clockwise in the image positive) */
  roll: number;
  /** size of the face in pixels (eye-corner distance, 3D) */
  scale: number;
  /**
   * the head's turning centre as seen in the image: midway between the face's sides at ear level
   * (landmarks 234/454). The nose tip would also move when the head only rotates, and the renderer
   * adds that rotation itself about its own pivot, so using the nose would count it twice.
   */
  centre: [number, number];
}

/** Iris offset inside an eye: x relative to the corners, y relative to the lids. */
function irisOffset(lm: Landmarks, iris: number, outer: number, inner: number, top: number, bottom: number): [number, number] {
  const o = lm[outer]!;
  const i = lm[inner]!;
  const cx = (o[0]! + i[0]!) / 2;
  const half = Math.abs(i[0]! - o[0]!) / 2 || 1;
  const t = lm[top]!;
  const b = lm[bottom]!;
  const cy = (t[1]! + b[1]!) / 2;
  const p = lm[iris]!;
  return [(p[0]! - cx) / half, (p[1]! - cy) / half];
}

/**
 * Each eye's iris offset (1 = half that eye's width; x image right, y down), in the renderer's eye
 * order: [image right (corners 263/362, iris 468), image left (33/133, iris 473)]. The measures'
 * `gaze` is their mean, which cancels crossed eyes (both toward the nose).
 */
export function eyeGazes(lm: Landmarks): [[number, number], [number, number]] {
  return [
    irisOffset(lm, LM.irisL, LM.eyeOuterR, LM.eyeInnerR, LM.lidTopR, LM.lidBottomR),
    irisOffset(lm, LM.irisR, LM.eyeOuterL, LM.eyeInnerL, LM.lidTopL, LM.lidBottomL),
  ];
}

export function faceMeasures(lm: Landmarks): FaceMeasures {
  const iod = dist(lm, LM.eyeOuterL, LM.eyeOuterR) || 1;
  // 468 is the subject's left iris (image right, beside corners 263/362); 473 the other one
  const [gB, gA] = eyeGazes(lm);
  const a = lm[LM.eyeOuterL]!;
  const b = lm[LM.eyeOuterR]!;
  const ex = b[0]! - a[0]!;
  const ey = b[1]! - a[1]!;
  const en = Math.hypot(ex, ey) || 1;
  // face "down" axis in the image, perpendicular to the eye line
  const dx = -ey / en;
  const dy = ex / en;
  const up = lm[LM.upperLipInner]!;
  const lo = lm[LM.lowerLipInner]!;
  const mx = (up[0]! + lo[0]!) / 2;
  const my = (up[1]! + lo[1]!) / 2;
  const lift = (k: number) => ((mx - lm[k]![0]!) * dx + (my - lm[k]![1]!) * dy) / iod;
  const lipGap = dist(lm, LM.upperLipInner, LM.lowerLipInner) / iod;
  return {
    lipGap,
    jaw: dist(lm, LM.noseBase, LM.chin) / iod,
    mouthWidth: dist(lm, LM.mouthLeft, LM.mouthRight) / iod,
    upperLip: dist(lm, LM.upperLipOuter, LM.noseBase) / iod,
    lowerLip: dist(lm, LM.lowerLipOuter, LM.chin) / iod,
    lipThickness: dist(lm, LM.upperLipOuter, LM.lowerLipOuter) / iod - lipGap,
    cornerLiftLeft: lift(LM.mouthRight),
    cornerLiftRight: lift(LM.mouthLeft),
    eyeLeft: dist(lm, LM.lidTopR, LM.lidBottomR) / iod,
    eyeRight: dist(lm, LM.lidTopL, LM.lidBottomL) / iod,
    browLeft: dist(lm, LM.browMidR, LM.eyeOuterR) / iod,
    browRight: dist(lm, LM.browMidL, LM.eyeOuterL) / iod,
    browInnerLeft: dist(lm, LM.browInnerR, LM.eyeInnerR) / iod,
    browInnerRight: dist(lm, LM.browInnerL, LM.eyeInnerL) / iod,
    gaze: [(gA[0] + gB[0]) / 2, (gA[1] + gB[1]) / 2],
    roll: (Math.atan2(ey, ex) * 180) / Math.PI,
    scale: iod,
    centre: [(lm[LM.cheekL]![0]! + lm[LM.cheekR]![0]!) / 2, (lm[LM.cheekL]![1]! + lm[LM.cheekR]![1]!) / 2],
  };
}

/**
 * Head rotation (degrees) from a rigid frame built on landmarks that do not move with the jaw:
 * X along the outer eye corners, Y from forehead (10) to nose base (2), Z = X x Y.
 * Conventions as HeadPose: +yaw turns to the viewer's right, +pitch chin down, +roll clockwise.
 */
export function headAngles(lm: Landmarks): { yaw: number; pitch: number; roll: number } {
  const p = (k: number) => lm[k]!;
  const a = p(LM.eyeOuterL);
  const b = p(LM.eyeOuterR);
  let X = [b[0]! - a[0]!, b[1]! - a[1]!, (b[2] ?? 0) - (a[2] ?? 0)];
  const t = p(LM.forehead);
  const u = p(LM.noseBase);
  let Y = [u[0]! - t[0]!, u[1]! - t[1]!, (u[2] ?? 0) - (t[2] ?? 0)];
  const norm = (v: number[]) => {
    const n = Math.hypot(v[0]!, v[1]!, v[2]!) || 1;
    return v.map((c) => c / n);
  };
  X = norm(X);
  // Gram-Schmidt: make Y orthogonal to X
  const d = X[0]! * Y[0]! + X[1]! * Y[1]! + X[2]! * Y[2]!;
  Y = norm([Y[0]! - d * X[0]!, Y[1]! - d * X[1]!, Y[2]! - d * X[2]!]);
  const R2D = 180 / Math.PI;
  return {
    yaw: Math.asin(Math.max(-1, Math.min(1, X[2]!))) * R2D,
    pitch: Math.asin(Math.max(-1, Math.min(1, Y[2]!))) * R2D,
    roll: Math.atan2(X[1]!, X[0]!) * R2D,
  };
}
