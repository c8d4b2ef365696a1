// How the face detector's yaw (Human's angle, what the critic's read-back uses) compares with the rig
// fit's yaw on real video: least-squares slope of detector yaw on fitted yaw over frames. Reads
// turned renders back fairly only against this scale (a real 25° rig turn reads ~0.66 x 25 by the
// detector). Never asserts.
//   node --import tsx bench/yawScale.ts [video files...]
import path from 'node:path';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { fitRig, type Landmarks } from '../src/rig/fit.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const files = process.argv.slice(2).length ? process.argv.slice(2) : ['video/WDA_KatieHill_000.mp4', 'train/clips/styletalk_Obama_clip2.mp4', 'train/clips/pcavs_Pose_Source_00473.mp4'].map((f) => path.join(DATA, f));
for (const file of files) {
  const rows: [number, number][] = [];
  let i = 0;
  for await (const f of decodeVideoFrames(file, { fps: 2, maxSide: 512 })) {
    if (i++ > 30) break;
    const d = (await detectFaces(f, { embedding: false }))[0];
    if (d) rows.push([d.pose.yaw, fitRig(d.landmarks as Landmarks, { robust: true }).pose.yaw]);
  }
  const mh = rows.reduce((s, r) => s + r[0], 0) / rows.length, mr = rows.reduce((s, r) => s + r[1], 0) / rows.length;
  let sxy = 0, sxx = 0;
  for (const [h, r] of rows) { sxy += (h - mh) * (r - mr); sxx += (r - mr) ** 2; }
  console.log(`${path.basename(file)}: ${rows.length} frames, detector yaw / rig-fit yaw slope ${(sxy / sxx).toFixed(2)}, rig yaw ${Math.min(...rows.map((r) => r[1])).toFixed(1)}..${Math.max(...rows.map((r) => r[1])).toFixed(1)}`);
}
