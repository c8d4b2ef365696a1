// A big painted iris's parts that do not move with the gaze (hook42, critic41 #3: lp_s7 <- lp_d10 ghost half-discs,
// C-hooks). Per eye, over the photo's blue texels in the opening (b - r > 15: lp_s7's iris; its white is b - r < -20):
// `moves` the share the gaze disc's matte carries (>= .5), `left` the share a moved iris leaves showing blue (outside
// the disc, or the white shown behind it blue); the disc's radius, its reach to each side, the raised lid's iris radius.
// No renders, never asserts.
//   node --import tsx bench/bigIris.ts PHOTO [--root CHECKOUT (default this one)]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';

const args = process.argv.slice(2);
const photo = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))!;
const ri = args.indexOf('--root'), root = ri >= 0 ? args[ri + 1]! : path.resolve(import.meta.dirname, '..');
const mod = (p: string) => import(pathToFileURL(path.join(root, p)).href);
const avatar = (await mod('src/avatar/build.ts')).buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo)));
const t = (await mod('src/render/faceTextures.ts')).faceTextures(avatar);
const tex = t.eyeTex, W = tex.width;
const blue = (c: number) => ((c >>> 16) & 255) - (c & 255) > 15;
const out = [0, 1].map((e) => {
  const disc = t.gazeWarp.discs[e]!, poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  let n = 0, moves = 0, left = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
    if (!insidePolygon(x + 0.5, y + 0.5, poly) || !blue(tex.data32[y * W + x]!)) continue;
    n++;
    const i = x - disc.x0, j = y - disc.y0, inPatch = i >= 0 && j >= 0 && i < disc.size && j < disc.size;
    const inDisc = inPatch && Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy) < disc.radius - 1.5;
    if (inPatch && disc.matte[j * disc.size + i]! >= 0.5) moves++;
    if (!inDisc || blue(disc.white[j * disc.size + i]!)) left++;
  }
  const raised = t.wideEyes.openings[e]?.model.iris;
  return `eye ${e}: blue ${n} moves ${(moves / Math.max(1, n)).toFixed(2)} left ${(left / Math.max(1, n)).toFixed(2)} disc r ${disc.radius.toFixed(1)} reach ${disc.reach.slice(0, 2).map((r: number) => r.toFixed(1)).join('/')} raised iris r ${raised ? raised.r.toFixed(1) : '-'}`;
});
console.log(`${photo} (${path.basename(root)}): ${out.join(' | ')}`);
