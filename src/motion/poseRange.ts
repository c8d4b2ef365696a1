// A driver's head can turn further from its first frame than one photo can show. The avatar is the
// photo's face on a shallow mesh with hair and torso layers around it; past ~15-18 deg of pitch its
// forehead opens into a flat light band with a hard hairline across the brows (pitched down) or the
// face squashes under the chin (pitched up). A talking-head clip that starts with the chin raised and
// then levels (train/latentsync_demo1: raw pitch -47 -> -13 deg, so +33 relative) drove the photo far
// past that. So, in the video path, a relative pitch or yaw beyond a knee is eased toward a ceiling
// it never passes: poses inside the knee are untouched, larger ones still move, and the order of
// poses is kept (tanh is monotonic). Yaw's range is wider: the turned head is built for +-25 deg.
import type { MotionFrame } from '../types.ts';

/** Degrees beyond which a relative head angle is eased, and the ceiling it approaches. */
export const POSE_RANGE = {
  pitch: { knee: 10, most: 17 },
  yaw: { knee: 25, most: 32 },
} as const;

/** `v` unchanged within +-knee; beyond it, eased toward +-most and never past it (continuous slope 1 at the knee). */
export function easeBeyond(v: number, knee: number, most: number): number {
  const a = Math.abs(v);
  if (a <= knee) return v;
  const room = most - knee;
  return Math.sign(v) * (knee + room * Math.tanh((a - knee) / room));
}

/** Eases every frame's relative pitch and yaw into POSE_RANGE; returns how many frames it changed. */
export function keepPoseInRange(frames: MotionFrame[]): number {
  let changed = 0;
  for (const f of frames) {
    const pitch = easeBeyond(f.pose.pitch, POSE_RANGE.pitch.knee, POSE_RANGE.pitch.most);
    const yaw = easeBeyond(f.pose.yaw, POSE_RANGE.yaw.knee, POSE_RANGE.yaw.most);
    if (pitch === f.pose.pitch && yaw === f.pose.yaw) continue;
    f.pose = { ...f.pose, pitch, yaw };
    changed++;
  }
  return changed;
}
