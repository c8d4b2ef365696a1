// s47 (paintturn47): a turned face's proportions read back by the face mesh, on renders and on a real driver's frames
// alike (image files: PNG / JPG), against the driver's [real] frame at the same turn: per image the mesh's yaw / roll,
// and, with IOD the 3D iris distance, ratio = far / near half width at the nose tip's row (nose tip to the oval's
// outline either side), noseFar = nose tip to the far outline, near = nose tip to the near outline, mouthFar = the far
// mouth corner to the far outline at its own row, widthEye = the oval's width at the eyes' row (all IOD). Never asserts.
//   node --import tsx bench/turnProportions.ts frame1.png frame2.png ...
import path from 'node:path';
import { detectFaces } from '../src/face/detect.ts';
import { loadImage } from '../src/io/image.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';

type P = [number, number, number];
/** FACE_OVAL from the top (10) down the image-right side to the chin (152), and from the chin up the image-left side. */
const RIGHT_HALF = FACE_OVAL.slice(0, FACE_OVAL.indexOf(152) + 1);
const LEFT_HALF = [...FACE_OVAL.slice(FACE_OVAL.indexOf(152)), FACE_OVAL[0]!];

/** The outline polyline's x where it crosses image row y (NaN if it does not). */
function xAtRow(L: P[], ids: number[], y: number): number {
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = L[ids[i]!]!, b = L[ids[i + 1]!]!;
    if ((a[1] - y) * (b[1] - y) <= 0 && a[1] !== b[1]) return a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
  }
  return NaN;
}

export function turnProportions(L: P[]) {
  const iod = Math.hypot(L[468]![0] - L[473]![0], L[468]![1] - L[473]![1], L[468]![2] - L[473]![2]);
  const nose = L[1]!;
  const xr = xAtRow(L, RIGHT_HALF, nose[1]), xl = xAtRow(L, LEFT_HALF, nose[1]);
  const farRight = xr - nose[0] < nose[0] - xl;
  const far = farRight ? xr - nose[0] : nose[0] - xl, near = farRight ? nose[0] - xl : xr - nose[0];
  const [a, b] = [L[61]!, L[291]!];
  const corner = farRight ? (a[0] > b[0] ? a : b) : (a[0] < b[0] ? a : b);
  const xo = xAtRow(L, farRight ? RIGHT_HALF : LEFT_HALF, corner[1]);
  const eyeY = (L[33]![1] + L[263]![1]) / 2;
  const r3 = (v: number) => +v.toFixed(3);
  return {
    far: farRight ? 'image right' : 'image left', ratio: r3(far / near), noseFar: r3(far / iod), near: r3(near / iod),
    mouthFar: r3((farRight ? xo - corner[0] : corner[0] - xo) / iod),
    widthEye: r3((xAtRow(L, RIGHT_HALF, eyeY) - xAtRow(L, LEFT_HALF, eyeY)) / iod),
  };
}

for (const f of process.argv.slice(2)) {
  const face = (await detectFaces(await loadImage(f), { embedding: false }))[0];
  if (!face) { console.log(path.basename(f), 'no face'); continue; }
  console.log(path.basename(f).padEnd(32), `yaw ${face.pose.yaw.toFixed(1).padStart(6)} roll ${face.pose.roll.toFixed(1).padStart(6)}`, JSON.stringify(turnProportions(face.landmarks as P[])));
}
