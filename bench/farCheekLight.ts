// The far cheek's own light on a turn (issue #15, s52 farcheek52): per portrait and yaw, the cheek the
// turn shows (a fixed set of face-mesh triangles, eye to jaw, outside the nose) as rendered against the
// photo's same triangles. Per triangle: the render's mean luma over its pixels (alpha >= 250) and the
// photo's mean luma over its texels (its texture footprint; the texel at its centroid where the footprint
// holds none). Prints: offset = render - photo luma (pixel-weighted mean), r = Pearson correlation of the
// two over the triangles (pixel-weighted: does the render stay darker where the photo's cheek is darker),
// sdR / sdP = the spread of the triangles' luma in render / photo (a flat mask: sdR << sdP), n = pixels.
// Never asserts.
//   node --import tsx bench/farCheekLight.ts [--root DIR] [--yaws -25,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { faceTopology } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { farCheekTriangles, cheekLight } from '../src/eval/cheekLight.ts';

const { root, yaws, names } = turnArgs('-25,25', ['lp_s10.jpg', 'lp_s12.jpg', 'mt_man.png', 'st_art_1.png', 'lp_s42.jpg']);
for await (const r of turnRenderers(root, names)) {
  const cells: string[] = [];
  for (const yaw of yaws) {
    const frame = turnedFrame(r, yaw), img = r.render(frame, { background: null }), lm = r.landmarks(frame);
    // +yaw shows the image-left half (the subject's right cheek) more squarely
    const tris = farCheekTriangles(faceTopology(), yaw > 0 ? 'right' : 'left');
    const f = cheekLight(img, lm, tris, r.avatar.texture, r.avatar.uv);
    cells.push(`${yaw > 0 ? '+' : ''}${yaw}: offset ${f.offset.toFixed(1)} r ${f.r.toFixed(2)} sdR ${f.sdRender.toFixed(1)} sdP ${f.sdPhoto.toFixed(1)} n ${f.pixels}`);
  }
  console.log(root.split('/').pop()!.padEnd(12), r.name.padEnd(13), cells.join(' | '));
}
process.exit(0);
