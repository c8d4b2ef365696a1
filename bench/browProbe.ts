// What a rendered brow control reads back as: per portrait, the neutral frame with browDown (both)
// or the raise (inner + both outer) at 0.5 and 1, read back by the face mesh: the fitted weight
// (photo as neutral) and the brows' height over the upper lids against the photo (iod, as
// bench/browGain.ts). The driver side of the same comparison is bench/browGain.ts. Never asserts.
//   node --import tsx bench/browProbe.ts [lp_s42.jpg,mt_man.png,...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { fitRig, type Landmarks } from '../src/rig/fit.ts';
import { browHeight, browRaise, browFrown } from './browMeasure.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const list = (process.argv[2] ?? 'lp_s42.jpg,mt_man.png,lp_s2.jpg').split(',');
console.log('portrait      control   weight | read back: fitted weight, brows over lids (iod) against the photo');
for (const file of list) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const photoLm = (await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks;
  const base = browHeight(photoLm);
  for (const [name, w, score] of [['frown', (v: number) => ({ browDownLeft: v, browDownRight: v }), browFrown], ['raise', (v: number) => ({ browInnerUp: v, browOuterUpLeft: v, browOuterUpRight: v }), browRaise]] as const) {
    for (const v of [0.5, 1]) {
      const g = (await detectFaces(r.render({ ...n, w: { ...n.w, ...w(v) } }), { embedding: false }))[0];
      if (!g) { console.log(`${file.padEnd(14)}${name} ${v}: no face`); continue; }
      const lm = g.landmarks as Landmarks;
      console.log(`${file.padEnd(14)}${name.padEnd(6)} ${v.toFixed(1)}  | ${score(fitRig(lm, { neutral: photoLm }).weights).toFixed(2)}  ${(browHeight(lm) - base).toFixed(3)}`);
    }
  }
}
