// Per portrait and eye: the iris disc the renderer moves (render/gazeIris.ts) -- the eye's half width,
// the face mesh's iris ring radius and the radius used, the reach of the iris's centre toward each
// corner (px and share of the half width), and the shift a gaze of 1 asks (renderer GAZE_SHIFT_X * iod)
// with what the tanh easing gives of it. Separates what the renderer can draw from what a tracker
// reads back. Never asserts.
//   node --import tsx bench/gazeReachProbe.ts st_art_1.png,lp_s2.jpg,...
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { GazeIris, easeInto } from '../src/render/gazeIris.ts';
import { EYE_L_UPPER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const list = (process.argv[2] ?? 'st_art_1.png,lp_s2.jpg,lp_s12.jpg,lp_s42.jpg').split(',');
const f1 = (v: number) => v.toFixed(1), f2 = (v: number) => v.toFixed(2);
for (const file of list) {
  const avatar = buildAvatar(await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file)));
  const uv = avatar.uv, iod = avatar.head.iod;
  const tex = { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) };
  const gi = new GazeIris(uv, tex);
  gi.discs.forEach((d, e) => {
    const upper = e === 0 ? EYE_L_UPPER : EYE_R_UPPER;
    const halfW = Math.abs(uv[upper.at(-1)! * 2]! - uv[upper[0]! * 2]!) / 2;
    const centre = e === 0 ? 468 : 473;
    let ring = 0;
    for (let k = 1; k <= 4; k++) ring += Math.hypot(uv[(centre + k) * 2]! - uv[centre * 2]!, uv[(centre + k) * 2 + 1]! - uv[centre * 2 + 1]!) / 4;
    const ask = 0.2 * iod;
    console.log(`${file} eye ${e}: halfW ${f1(halfW)} px, ring ${f1(ring)} (${f2(ring / halfW)} hw), disc r ${f1(d.radius)}; reach -x ${f1(d.reach[0])} (${f2(d.reach[0] / halfW)}) +x ${f1(d.reach[1])} (${f2(d.reach[1] / halfW)}) y ${f1(d.reach[2])}; gaze 1 asks ${f1(ask)} px (${f2(ask / halfW)} hw) -> ${f1(easeInto(ask, d.reach[1]))} / gaze .5 -> ${f1(easeInto(ask / 2, d.reach[1]))}`);
  });
}
