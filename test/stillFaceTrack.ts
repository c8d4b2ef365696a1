// A synthetic driver track for the eye rules (winks.test.ts, farEye.test.ts): a still face with lp_d6's first frame's
// measures whose eyes are drawn by their corners only, each eye's opening a share of its rest per frame.
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';

/** The rest openings the shares are of (lp_d6's first frame). */
export const STILL_FACE_REST = { eyeLeft: 0.117, eyeRight: 0.133 };

/**
 * Frames of a still face whose mesh eye corners 33/133 are `px33` wide and 263/362 `px263` wide (frame pixels), each
 * frame's [left, right] eye openings `shares` of rest, the head turned `yawDeg`.
 */
export function stillFaceTrack(px33: number, px263: number, shares: [number, number][], yawDeg = 0): RawFaceFrame[] {
  const rest = STILL_FACE_REST;
  const lm = new Float32Array(478 * 3);
  for (const [a, b, x, w] of [[33, 133, 150, px33], [263, 362, 300, px263]] as const) {
    lm[a * 3] = x; lm[a * 3 + 1] = 200;
    lm[b * 3] = x + w; lm[b * 3 + 1] = 200;
  }
  return shares.map(([l, r]) => ({
    m: {
      lipGap: 0, jaw: 0.73, mouthWidth: 0.5, upperLip: 0.21, lowerLip: 0.35, lipThickness: 0.19, cornerLiftLeft: -0.01, cornerLiftRight: -0.02,
      eyeLeft: l * rest.eyeLeft, eyeRight: r * rest.eyeRight, browLeft: 0.32, browRight: 0.4, browInnerLeft: 0.41, browInnerRight: 0.5,
      gaze: [0, 0], roll: 0, scale: 150, centre: [230, 265],
    },
    angles: { yaw: yawDeg, pitch: 0, roll: 0 },
    score: 1,
    box: [50, 100, 360, 360],
    lm,
  })) as RawFaceFrame[];
}
