// Whether a rendered brow move reads back the same on a nodding head: per portrait, a full raise
// (browInnerUp + both browOuterUp) and a full frown rendered at pitch offsets from the photo's, read
// back by the face mesh in the head frame (browHeights, pose removed by the rig fit) and in the image
// (brows over the eye corners / eye-corner distance), each against the neutral render at that pitch.
// A read-back that collapses at some pitch while the brows visibly move (look at the render) is the
// face mesh losing the brows, not the rig. Prints; never asserts.
//   node --import tsx bench/browPitch.ts [--pitch -6,-3,0,3,6] [--weights 0.5,1] lp_s42.jpg mt_man.png
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const pitches = arg('--pitch', '-6,-3,0,3,6').split(',').map(Number);
const weights = arg('--weights', '1').split(',').map(Number);
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const mean = (lm: Landmarks, ids: number[]) => ids.reduce((s, i) => s + lm[i]![1]!, 0) / ids.length;

/** [head frame, image] brow height over the eye corners, eye-corner distances. */
async function heights(img: RgbaImage): Promise<[number, number]> {
  const g = (await detectFaces(img, { embedding: false }))[0];
  if (!g) return [NaN, NaN];
  const lm = g.landmarks as Landmarks;
  const [a, b] = browHeights(toCanonical(lm, fitRig(lm)));
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  return [(a + b) / 2, (mean(lm, [263, 362, 33, 133]) - mean(lm, [334, 296, 105, 66])) / iod];
}

const moves = (v: number) => [
  ['up', { browInnerUp: v, browOuterUpLeft: v, browOuterUpRight: v }],
  ['down', { browDownLeft: v, browDownRight: v }],
] as const;
console.log('portrait  pitch  move weight: head frame | image (against the neutral render at that pitch, eye-corner distances)');
for (const file of files) {
  const p = await cachedPortrait(path.join(DATA, file));
  const r = createRenderer(buildAvatar(p), { width: p.image.width, height: p.image.height });
  const n = r.neutralFrame();
  for (const dp of pitches) {
    const pose = { ...n.pose, pitch: n.pose.pitch + dp };
    const [h0, i0] = await heights(r.render({ ...n, pose }));
    const out: string[] = [];
    for (const v of weights) for (const [name, w] of moves(v)) {
      const [h, i] = await heights(r.render({ ...n, pose, w: { ...n.w, ...w } }));
      out.push(`${name} ${v}: ${(h - h0).toFixed(3)} | ${(i - i0).toFixed(3)}`);
    }
    console.log(`${file.padEnd(12)} ${String(dp).padStart(3)}  ${out.join('   ')}`);
  }
}
