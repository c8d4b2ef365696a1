// hook42 diagnostic: lp_s7-style eye texture layers per eye at a gaze shift, zoomed: photo eye texture | white
// behind (as shown) | matte | irisOverWhite at the shift. Prints the disc and the reach / raised-eye iris sizes.
//   node --import tsx bench/irisLayers.ts PHOTO SHIFT_X,SHIFT_Y OUT.png [--zoom 6] [--gaze]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { faceTextures, GAZE_SHIFT_X, GAZE_SHIFT_Y } from '../src/render/faceTextures.ts';
import { irisOverWhite } from '../src/render/gazeIris.ts';
import { irisReachOnPhoto } from '../src/render/irisReach.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';

const args = process.argv.slice(2);
const [photo, shift, out] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as [string, string, string];
const zi = args.indexOf('--zoom'), zoom = zi >= 0 ? Number(args[zi + 1]) : 6;
const [sx, sy] = shift.split(',').map(Number) as [number, number];
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo)));
const t = faceTextures(avatar), tex = t.eyeTex, W = tex.width;
// --gaze: SHIFT is a gaze (-1..1) as the motion gives it, eased into each eye's reach as the renderer does
const asGaze = args.includes('--gaze');
if (asGaze) t.gazeWarp.set(sx * GAZE_SHIFT_X * avatar.head.iod, sy * GAZE_SHIFT_Y * avatar.head.iod);
const layers: OverlayOptions[] = [];
let top = 0, width = 0;
for (const [e, disc] of t.gazeWarp.discs.entries()) {
  const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
  const ring = t.wideEyes.openings[e]?.model.iris?.r ?? 0, reach = irisReachOnPhoto(tex, poly, disc.cx, disc.cy, (disc.radius - 1.5) / 1.3);
  const model = t.wideEyes.openings[e]?.model;
  console.log(`eye ${e}: disc c ${disc.cx.toFixed(1)},${disc.cy.toFixed(1)} ring ${ring.toFixed(1)} radius ${disc.radius.toFixed(1)} reach ${disc.reach.map((r) => r.toFixed(1))} irisReach sides ${reach?.sides.map((r) => r.toFixed(1))} raised iris ${model?.iris ? `${model.iris.cx.toFixed(1)},${model.iris.cy.toFixed(1)} r ${model.iris.r.toFixed(1)}` : 'none'}`);
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.floor(Math.min(...xs)) - 3, y0 = Math.floor(Math.min(...ys)) - 3, w = Math.ceil(Math.max(...xs)) + 3 - x0, h = Math.ceil(Math.max(...ys)) + 3 - y0;
  const panels = [0, 1, 2, 3].map(() => new Uint8ClampedArray(w * h * 4));
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
    const x = x0 + i, y = y0 + j, o = (j * w + i) * 4;
    const put = (p: Uint8ClampedArray, c: number) => { p[o] = c & 255; p[o + 1] = (c >>> 8) & 255; p[o + 2] = (c >>> 16) & 255; p[o + 3] = 255; };
    put(panels[0]!, tex.data32[y * W + x]!);
    const di = x - disc.x0, dj = y - disc.y0, inD = di >= 0 && dj >= 0 && di < disc.size && dj < disc.size;
    put(panels[1]!, inD && Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy) < disc.radius ? disc.white[dj * disc.size + di]! : tex.data32[y * W + x]!);
    const m = inD ? Math.round(255 * disc.matte[dj * disc.size + di]!) : 0;
    put(panels[2]!, (m | (m << 8) | (m << 16)) >>> 0);
    const [ex, ey] = asGaze ? t.gazeWarp.shiftOf(e) : [sx, sy];
    put(panels[3]!, irisOverWhite(tex, disc, x + 0.5, y + 0.5, ex, ey));
  }
  for (const [k, p] of panels.entries()) {
    const buf = await sharp(Buffer.from(p.buffer), { raw: { width: w, height: h, channels: 4 } }).resize(w * zoom, h * zoom, { kernel: 'nearest' }).png().toBuffer();
    layers.push({ input: buf, left: k * (w * zoom + 4), top });
  }
  top += h * zoom + 4; width = Math.max(width, 4 * (w * zoom + 4));
}
await sharp({ create: { width, height: top, channels: 3, background: '#202020' } }).composite(layers).png().toFile(out);
console.log(`wrote ${out}`);
