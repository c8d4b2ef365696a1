// A driver's rounded mouth ("O", pucker) read back: at the given times, the driver's mouth width over
// its neutral (the fit's mouthWidthRatio) against ours, the render's read by the face mesh over the
// photo's rest render, with the motion's pucker / funnel / smile / stretch / dimple. Never asserts.
//   node --import tsx bench/roundRead.ts [--photo lp_s42.jpg] [--video lp_d6.mp4] [--at 3.3,3.4]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { mouthWidthRatio } from '../src/rig/mouthPrior.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg'), video = arg('--video', 'lp_d6.mp4');
const times = arg('--at', '3.3,3.4').split(',').map(Number);
const FPS = 10;
const raw = await cachedTrack(video, FPS);
const { frames } = motionFramesFromRaw(raw, FPS, true);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
const canon = async (img: RgbaImage) => { const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0]; return g ? toCanonical(g.landmarks as Landmarks, fitRig(g.landmarks as Landmarks)) : null; };
const rest = (await canon(r.render(r.neutralFrame())))!;
for (const t of times) {
  const i = Math.round(t * FPS), lm = lms[i], f = frames[i];
  if (!lm || !f) continue;
  const drv = mouthWidthRatio(toCanonical(lm, fitRig(lm, { neutral, robust: true })), neutral);
  const ours = await canon(r.render(f));
  const w = (c: string) => (f.w[c] ?? 0).toFixed(2);
  console.log(`${video} t ${t.toFixed(1)}s: driver width ${drv.toFixed(2)} | ${photo} ${ours ? mouthWidthRatio(ours, rest).toFixed(2) : 'no face'} | pucker ${w('mouthPucker')} funnel ${w('mouthFunnel')} jaw ${w('jawOpen')} smile ${w('mouthSmileLeft')}/${w('mouthSmileRight')} stretch ${w('mouthStretchLeft')}/${w('mouthStretchRight')} dimple ${w('mouthDimpleLeft')}/${w('mouthDimpleRight')}`);
}
