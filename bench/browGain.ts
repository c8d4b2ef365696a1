// How strongly a driver's brow raises and frowns arrive on the photo: for each driver, its frames with
// the strongest brow raise (and frown) by its own fit against its neutral (the scorer's reading,
// bench/cross.ts), the motion's brow weights there, the result read back by the same fit with the
// photo as neutral, and, independent of the rig's basis, how far the brows moved from the lids
// (face mesh, iod; the driver against its median frame, the result against the photo), in the image
// and in the head's own frame (pose removed: a nod moves the projected brows over the lids).
// Prints means per driver; never asserts.
//   node --import tsx bench/browGain.ts [--photo lp_s42.jpg] [--top 8] [--only lp_d6.mp4,...]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { browHeight, browHeightHead, browRaise, browFrown } from './browMeasure.ts';
import { toCanonical } from '../src/rig/canonical.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg');
const TOP = Number(arg('--top', '8'));
const only = process.argv.includes('--only') ? arg('--only', '').split(',') : DRIVERS;
const FPS = 10;
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
const photoLm = (await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks;
const raise = browRaise, frown = browFrown;
const f2 = (v: number) => v.toFixed(2);
const photoBrow = browHeight(photoLm);
const headHeight = (lm: Landmarks) => browHeightHead(toCanonical(lm, fitRig(lm)));
const photoBrowHead = headHeight(photoLm);
console.log(`photo ${photo}: mean over each driver's ${TOP} strongest frames: driver fit | motion weight | result read back (raise = (inner + mean outer) / 2)`);
for (const video of only) {
  const raw = await cachedTrack(video, FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
  const drv = lms.map((lm) => (lm ? fitRig(lm, { neutral }).weights : null));
  const heights = lms.filter((l): l is Landmarks => !!l).map(browHeight).sort((a, b) => a - b);
  const drvBrow = heights[heights.length >> 1]!;
  const headHeights = lms.filter((l): l is Landmarks => !!l).map(headHeight).sort((a, b) => a - b);
  const drvBrowHead = headHeights[headHeights.length >> 1]!;
  for (const [name, score] of [['raise', raise], ['frown', frown]] as const) {
    const picks = drv.map((w, i) => [i, w ? score(w) : -1] as const).sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([i]) => i);
    let d = 0, m = 0, r = 0, n = 0, hd = 0, hr = 0, kd = 0, kr = 0;
    for (const i of picks) {
      const g = (await detectFaces(renderer.render(frames[i]!), { embedding: false }))[0];
      if (!g) continue;
      d += score(drv[i]!); m += score(frames[i]!.w as Record<string, number>); r += score(fitRig(g.landmarks as Landmarks, { neutral: photoLm }).weights); n++;
      hd += browHeight(lms[i]!) - drvBrow; hr += browHeight(g.landmarks as Landmarks) - photoBrow;
      kd += headHeight(lms[i]!) - drvBrowHead; kr += headHeight(g.landmarks as Landmarks) - photoBrowHead;
    }
    console.log(`${video.padEnd(22)} ${name}: driver ${f2(d / n)} | motion ${f2(m / n)} | result ${f2(r / n)}   brows over lids (iod): driver ${(hd / n).toFixed(3)} result ${(hr / n).toFixed(3)} | head frame: driver ${(kd / n).toFixed(3)} result ${(kr / n).toFixed(3)}   (${n} frames)`);
  }
}
