// Diagnosis: per portrait and eye, the photo's iris (avatar.texture) | the gaze disc's matte | the moved iris at a hard
// glance each way (the renderer's own gaze shaders, texture space), 8x. Never asserts.
//   node --import tsx bench/irisKeepProbe.ts lp_s10.jpg,lp_s12.jpg out.png [--off]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { roundIrisSetting } from '../src/render/roundIris.ts';

const [files, out] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// --off: the darkness matte alone (as before s46)
if (process.argv.includes('--off')) roundIrisSetting.on = false;
const Z = 8;
const tiles: OverlayOptions[] = [];
let top = 0, width = 0;
for (const file of files!.split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
  const ft = faceTextures(avatar), gi = ft.gazeWarp, tex = ft.eyeTex, uv = avatar.uv;
  const photo = avatar.texture;
  for (let e = 0; e < 2; e++) {
    const d = gi.discs[e]!;
    const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const bx0 = Math.floor(Math.min(...xs)) - 2, by0 = Math.floor(Math.min(...ys)) - 4;
    const W = Math.ceil(Math.max(...xs)) + 2 - bx0, H = Math.ceil(Math.max(...ys)) + 4 - by0;
    let left = 0;
    const put = async (col: (x: number, y: number) => number) => {
      const img = Buffer.alloc(W * H * 3);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) { const c = col(bx0 + x, by0 + y), k = (y * W + x) * 3; img[k] = c & 255; img[k + 1] = (c >>> 8) & 255; img[k + 2] = (c >>> 16) & 255; }
      tiles.push({ input: await sharp(img, { raw: { width: W, height: H, channels: 3 } }).resize(W * Z, H * Z, { kernel: 'nearest' }).png().toBuffer(), left, top });
      left += W * Z + 4;
    };
    const px = (x: number, y: number) => { const o = (y * photo.width + x) * 4; return photo.data[o]! | (photo.data[o + 1]! << 8) | (photo.data[o + 2]! << 16); };
    await put(px);
    // the eye texture the shader reads, the rest opening's outline in red
    const onLine = (x: number, y: number) => { const a = insidePolygon(x + 0.5, y + 0.5, poly); return a !== insidePolygon(x + 1.5, y + 0.5, poly) || a !== insidePolygon(x + 0.5, y + 1.5, poly); };
    await put((x, y) => (onLine(x, y) ? 0xff : tex.data32[y * tex.width + x]!));
    const r = d.round;
    if (r) await put((x, y) => { const i = x - d.x0, j = y - d.y0; const m = i >= 0 && j >= 0 && i < d.size && j < d.size ? r.matte[j * d.size + i]! : 0; const g = Math.round(255 * m); return g | (g << 8) | (g << 16); });
    await put((x, y) => { const i = x - d.x0, j = y - d.y0; const m = i >= 0 && j >= 0 && i < d.size && j < d.size ? d.matte[j * d.size + i]! : 0; const g = Math.round(255 * m); return g | (g << 8) | (g << 16); });
    const iod = avatar.head.iod;
    for (const gx of [-1, 1]) {
      gi.set(gx * 0.2 * iod, 0);
      const sh = gi.shaders[e];
      await put((x, y) => (onLine(x, y) ? 0xff : sh ? sh(0, 0, x + 0.5, y + 0.5) : tex.data32[y * tex.width + x]!));
    }
    gi.set(0, 0);
    console.log(`${file} eye ${e}: cx ${d.cx.toFixed(1)} cy ${d.cy.toFixed(1)} radius ${d.radius.toFixed(1)} open ${d.open?.map((v) => v.toFixed(1))} hidden ${d.hidden ? "yes" : "no"} round ${d.round ? d.round.r.toFixed(1) + "@" + d.round.cx.toFixed(1) : "-"} solid ${(d.solid?.strength ?? 0).toFixed(2)}`);
    width = Math.max(width, left); top += H * Z + 6;
  }
}
await sharp({ create: { width, height: top, channels: 3, background: '#202020' } }).composite(tiles).toFile(out!);
