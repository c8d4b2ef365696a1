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
import { pathToFileURL } from 'node:url';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { irisCut, readIris } from './irisShape.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'))[0]!.split(',');
const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];

for (const root of roots) {
  const imp = (p: string) => import(pathToFileURL(path.join(root, p)).href);
  const { cachedPortrait } = await imp('bench/portraitCache.ts');
  const { buildAvatar } = await imp('src/avatar/build.ts');
  const { GAZE_SHIFT_X, faceTextures } = await imp('src/render/faceTextures.ts');
  for (const file of files) {
    const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
    const ft = faceTextures(avatar), gi = ft.gazeWarp, tex = ft.eyeTex, uv = avatar.uv, iod = avatar.head.iod;
    for (let e = 0; e < 2; e++) {
      const d = gi.discs[e]!, ring = (d.radius - 1.5) / 1.3;
      const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i: number) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
      const cut = irisCut((x, y) => tex.data32[y * tex.width + x]!, poly, d.cx, d.cy, ring);
      const rest = readIris((x, y) => tex.data32[y * tex.width + x]!, poly, d.cx, d.cy, ring, cut);
      const cells = [`rest col ${rest.col.map((v) => v.toFixed(0)).join('/')} rag ${rest.rag.toFixed(2)} far ${rest.far.toFixed(2)}`];
      for (const gx of [-1, 1]) {
        gi.set(gx * GAZE_SHIFT_X * iod, 0);
        const [sx, sy] = gi.shiftOf(e), sh = gi.shaders[e];
        const r = readIris((x, y) => (sh ? sh(0, 0, x + 0.5, y + 0.5) : tex.data32[y * tex.width + x]!), poly, d.cx + sx, d.cy + sy, ring, cut);
        const dc = Math.hypot(r.col[0]! - rest.col[0]!, r.col[1]! - rest.col[1]!, r.col[2]! - rest.col[2]!);
        cells.push(`g${gx > 0 ? '+' : '-'}1 sx ${sx.toFixed(1)} col ${r.col.map((v) => v.toFixed(0)).join('/')} dCol ${dc.toFixed(0)} rag ${r.rag.toFixed(2)} far ${r.far.toFixed(2)}`);
      }
      gi.set(0, 0);
      console.log(`${path.basename(root).padEnd(9)} ${file} eye ${e}: ${cells.join(' | ')}`);
    }
  }
}
