// How far a rendered frown (browDown L+R at 0.5, 0.75, 1) and a full raise move the brows, read back
// by the face mesh on the render (browHeights, head frame, eye-corner distances) against the neutral
// render, and raises of 0.25, 0.5 and 1 (all three raise controls). Prints per portrait; never asserts.
//   node --import tsx bench/browReadBack.ts mt_man.png lp_s42.jpg
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
for (const file of process.argv.slice(2)) {
  const p = await cachedPortrait(path.isAbsolute(file) ? file : path.join(path.resolve(import.meta.dirname, "..", "..", "shared", "data", "portraits"), file));
  const r = createRenderer(buildAvatar(p), { width: p.image.width, height: p.image.height });
  const n = r.neutralFrame();
  const h = async (w: Record<string, number>) => {
    const g = (await detectFaces(r.render({ ...n, w: { ...n.w, ...w } }), { embedding: false }))[0]!;
    const lm = g.landmarks as Landmarks; const [a, b] = browHeights(toCanonical(lm, fitRig(lm)));
    return (a + b) / 2;
  };
  const h0 = await h({});
  const out = [];
  for (const v of [0.5, 0.75, 1]) out.push(`down ${v}: ${(await h({ browDownLeft: v, browDownRight: v }) - h0).toFixed(3)}`);
  out.push(`up 0.25: ${(await h({ browInnerUp: 0.25, browOuterUpLeft: 0.25, browOuterUpRight: 0.25 }) - h0).toFixed(3)}`);
  out.push(`up 0.5: ${(await h({ browInnerUp: 0.5, browOuterUpLeft: 0.5, browOuterUpRight: 0.5 }) - h0).toFixed(3)}`);
  out.push(`up 1: ${(await h({ browInnerUp: 1, browOuterUpLeft: 1, browOuterUpRight: 1 }) - h0).toFixed(3)}`);
  console.log(file, out.join('  '));
}
