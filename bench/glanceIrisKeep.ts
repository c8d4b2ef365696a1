// Does a glancing iris keep the photo's iris? Texture space, the renderer's own gaze shaders (faceTextures), per portrait
// and eye, at gaze x -1 / +1 against the photo at rest (gaze 0), for `--base` and this checkout:
//   col    the mean RGB over the mesh's iris ring round the (moved) centre inside the opening, and its distance to the
//          rest's (RGB units; an ink blob is far darker than the photo's iris),
//   rag    the dark disc's edge raggedness: the dark texels' (luma under half way from the rest iris to the rest white,
//          within 1.6 rings of the centre) 4-connected blob round the centre, its edge texels off the opening's outline by 1.5 px, the std of their
//          distance to the blob's centroid over its mean (a disc ~.1-.2; a wedge or a torn blob more),
//   far    the blob's texels past 1.3 rings from the moved centre (lid shade or lashes dragged along), over its count.
// Never asserts.   node --import tsx bench/glanceIrisKeep.ts lp_s10.jpg,lp_s12.jpg [--base /work/wt/before46]
import path from 'node:path';
import { forEachGlanceEye, glanceArgs } from './glanceEyes.ts';
import { irisCut, readIris } from './irisShape.ts';

const { files, roots } = glanceArgs();

await forEachGlanceEye(roots, files, ({ root, file, eye: e, disc: d, outline: poly, rest: restRead, glance }) => {
  const ring = (d.radius - 1.5) / 1.3;
  const cut = irisCut(restRead, poly, d.cx, d.cy, ring);
  const rest = readIris(restRead, poly, d.cx, d.cy, ring, cut);
  const cells = [`rest col ${rest.col.map((v) => v.toFixed(0)).join('/')} rag ${rest.rag.toFixed(2)} far ${rest.far.toFixed(2)}`];
  for (const gx of [-1, 1]) {
    const { shift: [sx, sy], read } = glance(gx);
    const r = readIris(read, poly, d.cx + sx, d.cy + sy, ring, cut);
    const dc = Math.hypot(r.col[0]! - rest.col[0]!, r.col[1]! - rest.col[1]!, r.col[2]! - rest.col[2]!);
    cells.push(`g${gx > 0 ? '+' : '-'}1 sx ${sx.toFixed(1)} col ${r.col.map((v) => v.toFixed(0)).join('/')} dCol ${dc.toFixed(0)} rag ${r.rag.toFixed(2)} far ${r.far.toFixed(2)}`);
  }
  console.log(`${path.basename(root).padEnd(9)} ${file} eye ${e}: ${cells.join(' | ')}`);
});
