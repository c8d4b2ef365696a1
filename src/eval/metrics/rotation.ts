// Head rotations as 3x3 matrices and (yaw, pitch, roll) in degrees.
//
// Conventions (shared with types.ts HeadPose): x right, y down, z toward the camera negative;
// +yaw turns the head to the viewer's right, +pitch tilts the chin down, +roll is clockwise.

/** 3x3 row-major rotation matrix. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/**
 * Rotation of a head by (yaw, pitch, roll) degrees: R = Rz(roll) * Ry(yaw) * Rx(pitch), with the
 * signs chosen so that +yaw moves the face's +x axis toward +z, +pitch its +y (down) axis toward
 * +z, and +roll turns +x toward +y (clockwise on screen, y down).
 */
export function rotationFromEuler(pose: { yaw: number; pitch: number; roll: number }): Mat3 {
  const cy = Math.cos(pose.yaw * D2R);
  const sy = Math.sin(pose.yaw * D2R);
  const cp = Math.cos(pose.pitch * D2R);
  const sp = Math.sin(pose.pitch * D2R);
  const cr = Math.cos(pose.roll * D2R);
  const sr = Math.sin(pose.roll * D2R);
  // Ry * Rx with Ry = [[cy,0,-sy],[0,1,0],[sy,0,cy]], Rx = [[1,0,0],[0,cp,-sp],[0,sp,cp]]
  const a: Mat3 = [cy, -sy * sp, -sy * cp, 0, cp, -sp, sy, cy * sp, cy * cp];
  // Rz * a with Rz = [[cr,-sr,0],[sr,cr,0],[0,0,1]]
  return [
    cr * a[0] - sr * a[3],
    cr * a[1] - sr * a[4],
    cr * a[2] - sr * a[5],
    sr * a[0] + cr * a[3],
    sr * a[1] + cr * a[4],
    sr * a[2] + cr * a[5],
    a[6],
    a[7],
    a[8],
  ];
}

/** Inverse of rotationFromEuler (degrees). */
export function eulerFromRotation(R: Mat3): { yaw: number; pitch: number; roll: number } {
  return {
    yaw: Math.asin(Math.max(-1, Math.min(1, R[6]))) * R2D,
    pitch: Math.atan2(R[7], R[8]) * R2D,
    roll: Math.atan2(R[3], R[0]) * R2D,
  };
}

/** The rotation of a unit quaternion (w, x, y, z). */
export function rotationFromQuaternion(q0: number, qx: number, qy: number, qz: number): Mat3 {
  return [
    q0 * q0 + qx * qx - qy * qy - qz * qz,
    2 * (qx * qy - q0 * qz),
    2 * (qx * qz + q0 * qy),
    2 * (qy * qx + q0 * qz),
    q0 * q0 - qx * qx + qy * qy - qz * qz,
    2 * (qy * qz - q0 * qx),
    2 * (qz * qx - q0 * qy),
    2 * (qz * qy + q0 * qx),
    q0 * q0 - qx * qx - qy * qy + qz * qz,
  ];
}
