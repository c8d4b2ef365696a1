// Two synthetic almond eyes for the gaze tests: 36 px wide, 14 px tall, at x 130 (left eye) and 50
// (right eye), y 100, on a 200 px texture; the landmarks' texture positions (lid lines, iris centre
// and its four rim points, radius 5 at each eye's middle).
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER, LANDMARK_COUNT } from '../src/rig/topology.ts';

export const EYE_TEXTURE_SIZE = 200;
/** [upper lid, lower lid, left x, iris landmark] per eye */
export const ALMOND_EYES = [[EYE_L_UPPER, EYE_L_LOWER, 130, 468], [EYE_R_UPPER, EYE_R_LOWER, 50, 473]] as const;

/** Texture positions of every landmark (those of the two eyes set, the rest 0). */
export function almondEyeUv(): Float32Array {
  const uv = new Float32Array(LANDMARK_COUNT * 2);
  for (const [upper, lower, x0, iris] of ALMOND_EYES) {
    const n = upper.length;
    upper.forEach((i, q) => { uv[i * 2] = x0 + (36 * q) / (n - 1); uv[i * 2 + 1] = 100 - 7 * Math.sin((Math.PI * q) / (n - 1)); });
    lower.forEach((i, q) => { uv[i * 2] = x0 + (36 * q) / (n - 1); uv[i * 2 + 1] = 100 + 7 * Math.sin((Math.PI * q) / (n - 1)); });
    uv[iris * 2] = x0 + 18; uv[iris * 2 + 1] = 100;
    [[5, 0], [0, -5], [-5, 0], [0, 5]].forEach(([dx, dy], k) => { uv[(iris + 1 + k) * 2] = x0 + 18 + dx!; uv[(iris + 1 + k) * 2 + 1] = 100 + dy!; });
  }
  return uv;
}
