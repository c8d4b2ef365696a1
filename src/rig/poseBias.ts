// The face mesh reads head pose as expression: its landmarks do not rotate consistently with a
// pitched or tilted head, so a neutral face at pitch -20 / roll 7 fits mouthStretchRight ~0.9 (docs/eyes
// README, "Why Katie fails"). The bias is measured on neutral renders over a pose grid
// (tools/pose-bias-table.ts -> poseBiasTable.ts) as a quadratic in the pose the fit reads; here it is
// looked up and subtracted from a fit's weights (clamped at 0).
import { POSE_BIAS, POSE_RANGE } from './poseBiasTable.ts';

export const POSE_FEATURES = ['1', 'yaw', 'pitch', 'roll', 'yaw²', 'pitch²', 'roll²', 'yaw·pitch', 'yaw·roll', 'pitch·roll'];

/** Quadratic pose features, angles in units of 10 degrees. */
export function poseFeatures(yaw: number, pitch: number, roll: number): number[] {
  const y = yaw / 10, p = pitch / 10, r = roll / 10;
  return [1, y, p, r, y * y, p * p, r * r, y * p, y * r, p * r];
}

/** Weight a neutral face reads for each control at this pose, above what it reads at pose 0 (pose clamped to the measured range). */
export function poseBias(yaw: number, pitch: number, roll: number): Record<string, number> {
  const [cy, cp, cr] = [yaw, pitch, roll].map((v, a) => Math.min(POSE_RANGE[a]![1], Math.max(POSE_RANGE[a]![0], v)));
  const f = poseFeatures(cy!, cp!, cr!), f0 = poseFeatures(0, 0, 0);
  const out: Record<string, number> = {};
  for (const [control, coef] of Object.entries(POSE_BIAS)) {
    const at = (x: number[]) => x.reduce((s, v, j) => s + v * coef[j]!, 0);
    out[control] = Math.max(0, at(f) - Math.max(0, at(f0)));
  }
  return out;
}

/** Weights with the pose's reading removed (clamped at 0). */
export function removePoseBias(weights: Record<string, number>, pose: { yaw: number; pitch: number; roll: number }): Record<string, number> {
  const bias = poseBias(pose.yaw, pose.pitch, pose.roll);
  const out: Record<string, number> = { ...weights };
  for (const [control, b] of Object.entries(bias)) if (control in out) out[control] = Math.max(0, out[control]! - b);
  return out;
}
