// The iris left behind by a moved iris (iris41, critic40 #5: lp_s7 <- lp_d10 f84-91, a blue hook under the moved
// iris of a cartoon eye). Sheet: per frame a row, driver | base checkout | this (| this with a variant), both eyes
// at --zoom of the 512 render. Figures (rimFigures, no gaze needed): on the photo's light iris rim, how much the gaze
// disc's matte moves and how much of the white shown behind it is blue, base and this. Never asserts.
//   node --import tsx bench/irisHook.ts PHOTO DRIVER.mp4 F1,F2,... OUT.png --base CHECKOUT [--zoom 3] [--seconds 5] [--variant 'gaze 0'] [--figures-only] [--this CHECKOUT (default: this one)]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { eyesBox } from './eyeBox.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const [photo, driver, list, out] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as [string, string, string, string];
const seconds = Number(opt('--seconds') ?? 5), base = opt('--base')!, zoom = Number(opt('--zoom') ?? 3), variant = opt('--variant');
const want = list.split(',').map(Number);
const SIZE = 512, TOP = 18, GAP = 4, FPS = 25;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const png = (img: RgbaImage, w: number, h: number) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).resize(w, h, { kernel: 'lanczos3' }).png().toBuffer();
const label = (s: string, w: number) => Buffer.from(`<svg width="${w}" height="${TOP}"><text x="4" y="14" font-size="12" fill="#ddd" font-family="sans-serif">${s}</text></svg>`);
function varied(m: MotionFrame, name: string): MotionFrame {
  const [k, v] = name.split(/\s+/) as [string, string];
  if (k === 'gaze') return { ...m, gaze: [0, 0], vergence: 0 };
  if (k === 'wide') return { ...m, w: { ...m.w, eyeWideLeft: Number(v), eyeWideRight: Number(v) } };
  if (k === 'blink') return { ...m, blink: Number(v), w: { ...m.w, eyeBlinkLeft: 0, eyeBlinkRight: 0 } };
  throw new Error(`unknown variant ${name}`);
}

const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
const frames = motionFramesFromRaw(raw, FPS, true).frames;
const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo));
const here = opt('--this') ?? path.resolve(import.meta.dirname, '..');
const sides = await Promise.all([base, here].map(async (root) => {
  const mod = (p: string) => import(pathToFileURL(path.join(root, p)).href);
  const avatar = (await mod('src/avatar/build.ts')).buildAvatar(portrait);
  const renderer = (await mod('src/render/renderer.ts')).createRenderer(avatar, { width: SIZE, height: SIZE });
  const textures = (await mod('src/render/faceTextures.ts')).faceTextures(avatar);
  const FT = await mod('src/render/faceTextures.ts');
  return { avatar, renderer, textures, shiftX: FT.GAZE_SHIFT_X as number, shiftY: FT.GAZE_SHIFT_Y as number };
}));

/**
 * Per eye, on the photo's iris rim (texels .85-1.05 of the base disc's ring from its centre, under the centre row, inside
 * the opening, lighter than luma 120: a cartoon iris's light rim): `moved` the disc matte's mean there (1: moves with
 * the iris), `blue` the share of those texels whose white shown behind the moved iris is blue (b - r > 20).
 */
function rimFigures(side: (typeof sides)[number]): string {
  const { avatar, textures } = side, uv = avatar.uv, tex = textures.eyeTex;
  return [EYE_L_LOOP, EYE_R_LOOP].map((loop, e) => {
    const poly = loop.map((i) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
    const disc = textures.gazeWarp.discs[e]!, ref = sides[0]!.textures.gazeWarp.discs[e]!, ring = (ref.radius - 1.5) / 1.3;
    let n = 0, moved = 0, blue = 0;
    for (let j = 0; j < disc.size; j++) for (let i = 0; i < disc.size; i++) {
      const x = disc.x0 + i, y = disc.y0 + j, d = Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
      if (d < 0.85 * ring || d > 1.05 * ring || y + 0.5 < disc.cy + 2 || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      const p = tex.data32[y * tex.width + x]!;
      if (0.299 * (p & 255) + 0.587 * ((p >>> 8) & 255) + 0.114 * ((p >>> 16) & 255) < 120) continue;
      const w = disc.white[j * disc.size + i]!;
      n++; moved += disc.matte[j * disc.size + i]!;
      if (((w >>> 16) & 255) - (w & 255) > 20) blue++;
    }
    return n ? `rim ${n} moved ${(moved / n).toFixed(2)} blue ${(blue / n).toFixed(2)}` : 'rim 0';
  }).join(' | ');
}
for (const [k, s] of sides.entries()) console.log(`${photo} ${k ? 'this' : 'base'}: eye 0 (image right) | eye 1: ${rimFigures(s)}`);
// the gaze discs (matte, white shown) byte for byte: the only thing this change touches
const same = sides[0]!.textures.gazeWarp.discs.every((d: { matte: Float32Array; white: Uint32Array }, e: number) => {
  const o = sides[1]!.textures.gazeWarp.discs[e]!;
  return d.matte.length === o.matte.length && d.matte.every((v, k) => v === o.matte[k]) && d.white.every((v, k) => v === o.white[k]);
});
console.log(`${photo}: gaze discs ${same ? 'identical to' : 'differ from'} base`);

if (args.includes('--figures-only')) process.exit(0);
const driverImgs = new Map<number, RgbaImage>();
let k = 0;
for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', driver), { fps: FPS, maxSide: 720, maxFrames: Math.max(...want) + 1 })) { if (want.includes(k)) driverImgs.set(k, copy(img)); k++; }
const layers: OverlayOptions[] = [];
let cw = 0, ch = 0;
for (const [row, f] of want.entries()) {
  const m = frames[f]!;
  const box = eyesBox(sides[1]!.renderer.landmarks(m), SIZE, SIZE);
  cw = box[2] * zoom; ch = box[3] * zoom;
  const y = row * (ch + TOP + GAP);
  const cells: [string, RgbaImage][] = [];
  const dl = raw[f]?.lm, dImg = driverImgs.get(f);
  if (dImg && dl) cells.push([`driver f${f}`, cropImage(dImg, eyesBox(Array.from({ length: dl.length / 3 }, (_, i) => [dl[i * 3]!, dl[i * 3 + 1]!]), dImg.width, dImg.height))]);
  cells.push([`base f${f}`, cropImage(copy(sides[0]!.renderer.render(m)), box)]);
  cells.push([`this f${f}`, cropImage(copy(sides[1]!.renderer.render(m)), box)]);
  if (variant) cells.push([`this, ${variant}`, cropImage(copy(sides[1]!.renderer.render(varied(m, variant))), box)]);
  for (const [col, [txt, img]] of cells.entries()) layers.push({ input: label(txt, cw), left: col * (cw + GAP), top: y }, { input: await png(img, cw, ch), left: col * (cw + GAP), top: y + TOP });
  console.log(`f${f} gaze ${m.gaze.map((g) => g.toFixed(2))} wide ${m.w.eyeWideLeft?.toFixed(2)}/${m.w.eyeWideRight?.toFixed(2)} blink ${(m.blink ?? 0).toFixed(2)}`);
}
const ncol = 3 + (variant ? 1 : 0);
await sharp({ create: { width: ncol * (cw + GAP) - GAP, height: want.length * (ch + TOP + GAP) - GAP, channels: 3, background: '#1c1c1c' } }).composite(layers).png().toFile(out);
console.log(`wrote ${out}`);
