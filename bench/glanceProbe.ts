// Texture-space look at the gaze's iris per eye (gazeIris.ts): rest | white behind | matte | gaze -1 | gaze +1,
// zoomed, plus per-eye figures. node --import tsx bench/glanceProbe.ts lp_s2.jpg,lp_s0.jpg <outDir>
import path from 'node:path';
import fs from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { GazeIris, irisOverWhite } from '../src/render/gazeIris.ts';
import { GAZE_SHIFT_X } from '../src/render/faceTextures.ts';
import { encodePng } from '../src/io/image.ts';
import { luminance } from '../src/math/colour.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { lineAt, openingAt } from '../src/render/gazeCorner.ts';

const list = (process.argv[2] ?? 'lp_s0.jpg,lp_s2.jpg').split(',');
const out = process.argv[3] ?? '/tmp';
const Z = 8;
const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
for (const file of list) {
  const avatar = buildAvatar(await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file)));
  const uv = avatar.uv, iod = avatar.head.iod;
  const tex = { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) };
  const gi = new GazeIris(uv, tex);
  for (let e = 0; e < 2; e++) {
    const d = gi.discs[e]!;
    const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const bx = Math.floor(Math.min(...xs)) - 4, by = Math.floor(Math.min(...ys)) - 6;
    const bw = Math.ceil(Math.max(...xs)) + 4 - bx, bh = Math.ceil(Math.max(...ys)) + 6 - by;
    const panels: ((u: number, v: number) => number)[] = [
      (u, v) => tex.data32[Math.floor(v) * tex.width + Math.floor(u)]!,
      (u, v) => irisOverWhite(tex, { ...d, matte: new Float32Array(d.matte.length) }, u, v, 0, 0),
      (u, v) => { const i = Math.floor(u) - d.x0, j = Math.floor(v) - d.y0; const m = i >= 0 && j >= 0 && i < d.size && j < d.size ? d.matte[j * d.size + i]! : 0; const g = Math.round(m * 255); return (0xff000000 | g | (g << 8) | (g << 16)) >>> 0; },
    ];
    for (const g of [-1, 1]) {
      gi.set(g * GAZE_SHIFT_X * iod, 0);
      const [sx, sy] = gi.shiftOf(e);
      panels.push((u, v) => irisOverWhite(tex, d, u + 0.5, v + 0.5, sx, sy));
    }
    const W = panels.length * (bw * Z + 4), H = bh * Z;
    const img = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
    panels.forEach((f, p) => {
      for (let j = 0; j < bh; j++) for (let i = 0; i < bw; i++) {
        const c = f(bx + i, by + j);
        for (let yy = 0; yy < Z; yy++) for (let xx = 0; xx < Z; xx++) {
          const o = ((j * Z + yy) * W + p * (bw * Z + 4) + i * Z + xx) * 4;
          img.data[o] = c & 255; img.data[o + 1] = (c >>> 8) & 255; img.data[o + 2] = (c >>> 16) & 255; img.data[o + 3] = 255;
        }
      }
    });
    fs.writeFileSync(path.join(out, `tex_${path.basename(file, '.jpg')}_e${e}.png`), await encodePng(img as never));
    // figures: matte mass vs the iris disc's area; iris luma vs the white behind at the core
    let mass = 0, irisL = 0, whiteL = 0, n = 0;
    for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) {
      mass += d.matte[j * d.size + i]!;
      const x = d.x0 + i, y = d.y0 + j;
      if (Math.hypot(x + 0.5 - d.cx, y + 0.5 - d.cy) < 0.5 * d.radius) { irisL += lum(tex.data32[y * tex.width + x]!); whiteL += lum(d.white[j * d.size + i]!); n++; }
    }
    const halfW = (Math.max(...xs) - Math.min(...xs)) / 2;
    console.log(`${file} eye ${e}: halfW ${halfW.toFixed(1)} radius ${d.radius.toFixed(1)} reach ${d.reach.map((r) => r.toFixed(1))} open ${d.open?.map((r) => r.toFixed(1))} matte mass ${mass.toFixed(0)} (disc area ${(Math.PI * d.radius ** 2).toFixed(0)}) core luma ${(irisL / n).toFixed(0)} white ${(whiteL / n).toFixed(0)} ring light ${d.solid?.lightShare.toFixed(2)} opening ${d.opening ? openingAt(d.opening, d.cx).toFixed(1) : '-'} centre down ${d.opening ? ((d.cy - lineAt(d.opening.upper, d.cx)) / openingAt(d.opening, d.cx)).toFixed(2) : '-'} darkShare ${d.solid?.darkShare.toFixed(2)} solid ${d.solid?.strength.toFixed(2)}`);
  }
}
