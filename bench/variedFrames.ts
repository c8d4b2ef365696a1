// The render benches' varied frames (bench/render.ts since session 1): jaw 0..1, smiles, yaw ±20, pitch, roll,
// a gaze sweep and a blink every 40 frames. One definition, so every bench times the same work.
import type { MotionFrame } from '../src/types.ts';

/** `count` frames over one period of each motion, from the renderer's neutral frame. */
export function variedFrames(neutral: MotionFrame, count = 120): MotionFrame[] {
  return Array.from({ length: count }, (_, i) => {
    const t = i / count;
    return {
      w: { ...neutral.w, jawOpen: 0.5 + 0.5 * Math.sin(t * 20), mouthSmileLeft: 0.3 * (1 + Math.sin(t * 7)), mouthSmileRight: 0.3 * (1 + Math.sin(t * 7)) },
      pose: { yaw: 20 * Math.sin(t * 6.28), pitch: 10 * Math.sin(t * 9), roll: 5 * Math.sin(t * 4), tx: 0, ty: 0, tz: 0 },
      gaze: [0.5 * Math.sin(t * 5), 0],
      blink: i % 40 < 4 ? 1 : 0,
    };
  });
}
