// Where a driver's brow raise is lost on a photo: at the driver's strongest raise frames (by its own
// fit, as bench/expressionGain.ts picks them) the brows' height over the eye corners read back by the
// face mesh on three renders, against the photo: the motion frame as it is, the same frame with the
// photo's pose (no nod or turn), and the photo's neutral frame with only the frame's brow weights.
// "full" far under "no pose" means the read-back, not the rig, loses the raise on that head pose
// (bench/browPitch.ts shows it per pitch). Prints; never asserts.
//   node --import tsx bench/browPoseSplit.ts [--photo lp_s42.jpg] [--only lp_d10.mp4,lp_d6.mp4] [--top 6]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { fitRig, estimateNeutral, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { browRaise } from './browMeasure.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg');
const only = arg('--only', 'lp_d10.mp4,lp_d6.mp4').split(',');
const TOP = Number(arg('--top', '6'));
const FPS = 10;
const BROWS = ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight', 'browDownLeft', 'browDownRight'];

/** Mean brow height over the eye corners, head frame (eye-corner distances). */
async function browHeight(img: RgbaImage): Promise<number> {
  const g = (await detectFaces(img, { embedding: false }))[0];
  if (!g) return NaN;
  const lm = g.landmarks as Landmarks;
  const [a, b] = browHeights(toCanonical(lm, fitRig(lm)));
  return (a + b) / 2;
}

const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
const n = r.neutralFrame();
const h0 = await browHeight(portrait.image);
console.log(`${photo}: brow rise against the photo at each driver's ${TOP} strongest raises: full | photo's pose | brows only (motion raise, pitch)`);
for (const video of only) {
  const raw = await cachedTrack(video, FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const lms = raw.map((x) => (x?.lm ? landmarkList(x.lm) : null));
  const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
  const score = lms.map((lm, i) => [i, lm ? browRaise(fitRig(lm, { neutral }).weights) : -1] as const);
  const picks = score.sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([i]) => i);
  const sums = [0, 0, 0];
  for (const i of picks) {
    const f = frames[i]!;
    const brows = Object.fromEntries(BROWS.map((c) => [c, (f.w as Record<string, number>)[c] ?? 0]));
    const h = [await browHeight(r.render(f)), await browHeight(r.render({ ...f, pose: n.pose })), await browHeight(r.render({ ...n, w: { ...n.w, ...brows } }))].map((v) => v - h0);
    h.forEach((v, k) => { sums[k] += v / picks.length; });
    console.log(`  ${video} ${(i / FPS).toFixed(1)}s  ${h.map((v) => v.toFixed(3)).join(' | ')}  (${browRaise(f.w as Record<string, number>).toFixed(2)}, ${f.pose.pitch.toFixed(1)} deg)`);
  }
  console.log(`${video.padEnd(12)} mean ${sums.map((v) => v.toFixed(3)).join(' | ')}`);
}
