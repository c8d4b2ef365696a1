// The white filled in behind a moved iris (render/scleraBehind.ts) against the photo's own white, per eye:
//   row dL / dC: per patch row, the fill's mean luminance / chroma (Cb, Cr distance) minus the photo's visible
//                white on that row (opening pixels outside the disc, whiter half by whiteness); median over rows
//   seam: mean |luminance step| from the fill SEAM_IN px inside the disc's edge to the photo SEAM_OUT px outside
//         it, over the edge's points inside the opening (a hard-edged patch has a large step). Never asserts.
//   node --import tsx bench/scleraSeam.ts lp_s42.jpg,lp_s1.jpg,...
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { irisDiscs } from '../src/render/irisDisc.ts';
import { packedView, type TextureSource } from '../src/render/textureSample.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { distanceToOutline, insidePolygon } from '../src/math/polygon.ts';
import { whiteness } from '../src/render/mouth/eyeWhite.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const SEAM_IN = 3, SEAM_OUT = 1, INSET = 1;
const rgb = (c: number): [number, number, number] => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
const lum = (c: number) => { const [r, g, b] = rgb(c); return 0.299 * r + 0.587 * g + 0.114 * b; };
const chroma = (c: number) => { const [r, g, b] = rgb(c), y = lum(c); return [0.564 * (b - y), 0.713 * (r - y)] as const; };
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const list = process.argv[2];
if (!list) throw new Error('usage: node --import tsx bench/scleraSeam.ts lp_s42.jpg,...');
console.log('portrait eye | row dL | row dC | seam');
const all: number[][] = [[], [], []];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const avatar = buildAvatar(portrait);
  const tex: TextureSource = { width: avatar.eyeTexture.width, height: avatar.eyeTexture.height, data32: packedView(avatar.eyeTexture.data) };
  irisDiscs(avatar.uv, tex).forEach((d, e) => {
    const poly = [EYE_L_LOOP, EYE_R_LOOP][e]!.map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
    const inside = (x: number, y: number) => insidePolygon(x, y, poly) && distanceToOutline(x, y, poly) >= INSET;
    const fillAt = (x: number, y: number) => d.white[(Math.floor(y) - d.y0) * d.size + Math.floor(x) - d.x0]!;
    const texAt = (x: number, y: number) => tex.data32[Math.floor(y) * tex.width + Math.floor(x)]!;
    const dL: number[] = [], dC: number[] = [];
    for (let j = 0; j < d.size; j++) {
      const y = d.y0 + j + 0.5, fill: number[] = [], seen: number[] = [];
      for (let x = d.x0 - d.size + 0.5; x < d.x0 + 2 * d.size; x++) {
        if (!inside(x, y)) continue;
        const r = Math.hypot(x - d.cx, y - d.cy);
        if (r < d.radius - 1) fill.push(fillAt(x, y)); else if (r > d.radius + 1) seen.push(texAt(x, y));
      }
      if (fill.length < 2 || seen.length < 4) continue;
      const white = seen.sort((a, b) => whiteness(rgb(b)) - whiteness(rgb(a))).slice(0, seen.length >> 1);
      const mean = (v: number[], f: (c: number) => number) => v.reduce((s, c) => s + f(c), 0) / v.length;
      dL.push(mean(fill, lum) - mean(white, lum));
      dC.push(Math.hypot(mean(fill, (c) => chroma(c)[0]) - mean(white, (c) => chroma(c)[0]), mean(fill, (c) => chroma(c)[1]) - mean(white, (c) => chroma(c)[1])));
    }
    const seam: number[] = [];
    for (let a = 0; a < 64; a++) {
      const ux = Math.cos(a * Math.PI / 32), uy = Math.sin(a * Math.PI / 32);
      const ix = d.cx + ux * (d.radius - SEAM_IN), iy = d.cy + uy * (d.radius - SEAM_IN), ox = d.cx + ux * (d.radius + SEAM_OUT), oy = d.cy + uy * (d.radius + SEAM_OUT);
      if (inside(ix, iy) && inside(ox, oy)) seam.push(Math.abs(lum(fillAt(ix, iy)) - lum(texAt(ox, oy))));
    }
    const row = [median(dL), median(dC), seam.reduce((s, v) => s + v, 0) / Math.max(1, seam.length)];
    row.forEach((v, k) => { if (!Number.isNaN(v)) all[k]!.push(k === 0 ? Math.abs(v) : v); });
    console.log(`${path.basename(file)} ${e} | ${row[0]!.toFixed(1)} | ${row[1]!.toFixed(1)} | ${row[2]!.toFixed(1)}`);
  });
}
console.log(`median over eyes | |dL| ${median(all[0]!).toFixed(1)} | dC ${median(all[1]!).toFixed(1)} | seam ${median(all[2]!).toFixed(1)}`);
