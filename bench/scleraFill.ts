// The white shown behind a moved iris against the photo's visible white on the same eye (render/scleraBehind.ts):
// per eye, the fill's mean luminance, its spread and its fine grain, each over the visible white's.
// Visible white: the opening's pixels outside the iris's disc, at least INSET px inside the outline, the
// whiter half of them by whiteness (lashes, limbus, pink corner out). Fill: the disc's white patch
// inside the opening (at least INSET px in, and from the disc's edge). Grain: luminance minus its 3x3 mean.
// wide36: the colour of each, its mean (R-G, B-G) at a luminance of 200 (a grey-violet fill has B-G over the white's),
// and "dC" the distance between the two. Never asserts.
//   node --import tsx bench/scleraFill.ts /abs/frame.png,lp_s42.jpg,...
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { irisDiscs } from '../src/render/irisDisc.ts';
import { packedView, type TextureSource } from '../src/render/textureSample.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { distanceToOutline, insidePolygon } from '../src/math/polygon.ts';
import { whiteness } from '../src/render/mouth/eyeWhite.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

/** Pixels this far (px) inside the outline and the disc's edge count: the grain measure is not the lid's or the disc's edge. */
const INSET = 1.5;
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);
const meanStd = (v: number[]) => { const m = v.reduce((s, x) => s + x, 0) / v.length; return [m, Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length)] as const; };
/** luminance minus its 3x3 mean at (x, y) of a packed image read by `at`. */
const highPass = (at: (x: number, y: number) => number, x: number, y: number) => {
  let s = 0; for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += lum(at(x + dx, y + dy));
  return lum(at(x, y)) - s / 9;
};
/** The mean colour of packed pixels as (R-G, B-G) scaled to a luminance of 200. */
const chroma = (px: number[]) => {
  const m = [0, 8, 16].map((sh) => px.reduce((t, c) => t + ((c >>> sh) & 255), 0) / px.length);
  const k = 200 / Math.max(1, 0.299 * m[0]! + 0.587 * m[1]! + 0.114 * m[2]!);
  return [k * (m[0]! - m[1]!), k * (m[2]! - m[1]!)];
};
const list = process.argv[2];
if (!list) throw new Error('usage: node --import tsx bench/scleraFill.ts lp_s42.jpg,...');
console.log('portrait eye | visible white: lum std grain | fill: lum std grain | fill/visible: lum std grain');
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const avatar = buildAvatar(portrait);
  const tex: TextureSource = { width: avatar.eyeTexture.width, height: avatar.eyeTexture.height, data32: packedView(avatar.eyeTexture.data) };
  const discs = irisDiscs(avatar.uv, tex);
  [EYE_L_LOOP, EYE_R_LOOP].forEach((loop, e) => {
    const d = discs[e]!;
    const poly = loop.map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const texAt = (x: number, y: number) => tex.data32[y * tex.width + x]!;
    const fillAt = (x: number, y: number) => {
      const i = x - d.x0, j = y - d.y0;
      return Math.hypot(x + 0.5 - d.cx, y + 0.5 - d.cy) < d.radius && i >= 0 && j >= 0 && i < d.size && j < d.size ? d.white[j * d.size + i]! : texAt(x, y);
    };
    const visible: { w: number; l: number; g: number; c: number }[] = [], fill: number[] = [], fillGrain: number[] = [], fillC: number[] = [];
    for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      const px = x + 0.5, py = y + 0.5;
      if (!insidePolygon(px, py, poly) || distanceToOutline(px, py, poly) < INSET) continue;
      const c = texAt(x, y);
      if (Math.hypot(px - d.cx, py - d.cy) >= d.radius) visible.push({ w: whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]), l: lum(c), g: highPass(texAt, x, y), c });
      else if (Math.hypot(px - d.cx, py - d.cy) < d.radius - INSET) { fill.push(lum(fillAt(x, y))); fillGrain.push(highPass(fillAt, x, y)); fillC.push(fillAt(x, y)); }
    }
    visible.sort((a, b) => b.w - a.w);
    const white = visible.slice(0, Math.round(visible.length / 2));
    if (white.length < 4 || fill.length < 4) { console.log(`${path.basename(file)} ${e} | too few pixels`); return; }
    const [vl, vs] = meanStd(white.map((p) => p.l)), [, vg] = meanStd(white.map((p) => p.g));
    const [fl, fs] = meanStd(fill), [, fg] = meanStd(fillGrain);
    const [wc, fc] = [chroma(white.map((p) => p.c)), chroma(fillC)];
    console.log(`${path.basename(file)} ${e} | ${vl.toFixed(0)} ${vs.toFixed(1)} ${vg.toFixed(1)} | ${fl.toFixed(0)} ${fs.toFixed(1)} ${fg.toFixed(1)} | ${(fl / vl).toFixed(2)} ${(fs / vs).toFixed(2)} ${(fg / vg).toFixed(2)} | colour R-G,B-G white ${wc.map((v) => v.toFixed(0)).join(',')} fill ${fc.map((v) => v.toFixed(0)).join(',')} dC ${Math.hypot(wc[0]! - fc[0]!, wc[1]! - fc[1]!).toFixed(1)}`);
  });
}
