// How well a moved iris reads against the white it leaves: per eye, the fill shown where the iris's
// middle was (render/scleraBehind.ts, within 0.8 iris radii of its rest centre, 1 px inside the
// opening) as a share of the way from the iris's tone to the picture's own white (its opening's pixels
// past the iris at whiteness ranks .05-.3): 0 = as dark as the iris, 1 = the photo's whiter white.
// Built once per avatar, no rendering. Never asserts.
//   node --import tsx bench/gazeFillContrast.ts [photo,...]   (names under portraits/, or paths)
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { GazeIris } from '../src/render/gazeIris.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon, distanceToOutline } from '../src/math/polygon.ts';
import { whiteness } from '../src/render/mouth/eyeWhite.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const photos = (process.argv[2] ?? 'st_art_1.png,lp_s42.jpg,mt_man.png,lp_s0.jpg,st_happy.png').split(',');
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);

console.log('photo            eye  iris  fill  own white  contrast');
const all: number[] = [];
for (const photo of photos) {
  const av = buildAvatar(await cachedPortrait(path.resolve(DATA, 'portraits', photo)));
  const tex = { width: av.size, height: av.size, data32: new Uint32Array(av.eyeTexture.data.buffer, av.eyeTexture.data.byteOffset, av.size * av.size) };
  new GazeIris(av.uv, tex).discs.forEach((d, e) => {
    const poly = (e ? EYE_R_LOOP : EYE_L_LOOP).map((i) => [av.uv[i * 2]!, av.uv[i * 2 + 1]!] as [number, number]);
    const iris = (d.radius - 1.5) / 1.3; // the disc's radius is 1.3 iris radii plus its 1.5 px edge fade (gazeIris.ts)
    const irisL: number[] = [], fillL: number[] = [], whites: [number, number][] = [];
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly) || distanceToOutline(x + 0.5, y + 0.5, poly) < 1) continue;
      const r = Math.hypot(x + 0.5 - d.cx, y + 0.5 - d.cy), c = tex.data32[y * tex.width + x]!;
      if (r < 0.8 * iris) { irisL.push(lum(c)); fillL.push(lum(d.white[(y - d.y0) * d.size + x - d.x0]!)); }
      else if (r > 1.1 * iris) whites.push([whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]), lum(c)]);
    }
    whites.sort((a, b) => b[0] - a[0]);
    const own = mean(whites.slice(Math.floor(0.05 * whites.length), Math.max(1, Math.round(0.3 * whites.length))).map((w) => w[1]));
    const contrast = (mean(fillL) - mean(irisL)) / Math.max(1, own - mean(irisL));
    all.push(contrast);
    console.log(`${path.basename(photo).padEnd(16)} ${e}  ${mean(irisL).toFixed(0).padStart(5)} ${mean(fillL).toFixed(0).padStart(5)} ${own.toFixed(0).padStart(10)}  ${contrast.toFixed(2)}`);
  });
}
const sorted = all.slice().sort((a, b) => a - b);
console.log(`median contrast ${sorted[sorted.length >> 1]!.toFixed(2)}, lowest ${sorted[0]!.toFixed(2)}`);
