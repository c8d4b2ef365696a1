// s56 (posejump56): a cached 25 fps track's motion with the pose/gaze jump bridges off and on, saved as <out>_off.json / <out>_on.json
// (frames only, for bench/fleckRender.ts --motion). Never asserts.
//   node --import tsx bench/poseJumpMotions.ts christie_6.mp4 /work/look/s56/posejump56/christie
import { writeFileSync } from 'node:fs';
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
const [video, out] = process.argv.slice(2);
const raw = await cachedTrack(video!, 25);
for (const on of [false, true]) writeFileSync(`${out}_${on ? 'on' : 'off'}.json`, JSON.stringify({ fps: 25, frames: motionFramesFromRaw(raw, 25, true, { fit: { poseAtJumpBridged: on, gazeAtJumpBridged: on } }).frames }));
