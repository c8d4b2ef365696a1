// The open lower lip's look (issue #13, critic26: mt_man's "thick, glossy pink lower lip with the photo's hard
// diagonal shadow"), ours against the photo's own lower lip and against real men's open lower lips. Per frame,
// inside the lower lip (inner contour 78..308 over the outer 61..291): thickness 14-17 / IOD, median luma over
// the skin's (bench/mouthInterior skinLuma), gloss = share of pixels over 1.25x the lip's median luma, spread =
// (p95 - p5) / median, sides = median luma of the image-left half over the image-right half (the shadow's
// side), redness = (R - (G+B)/2) / luma at the median. Ours: the rig's landmarks on the render; real: the face
// mesh read back off video frames whose lip gap is over --gap. Never asserts.
//   node --import tsx bench/lowerLipLook.ts --portrait mt_man.png --motion m.json --frames 15,80,91,119,190 [--root a,b]
//     [--videos train/styletalk_Obama_clip1.mp4:0-12,...] [--gap 0.12]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { skinLuma } from './mouthInterior.ts';
import { videoFramesAt } from './openLowerLipFigures.ts';
import { detectFaces } from '../src/face/detect.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { LIP_COLUMNS_LOWER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

type Lm = ArrayLike<ArrayLike<number>>;
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const GLOSS = 1.25;

interface Look { thick: number; luma: number; gloss: number; spread: number; sides: number; red: number; gap: number }
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const dist = (lm: Lm, a: number, b: number) => Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
const q = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;

/** The lower lip's look on a square RGBA frame with its landmarks. */
export function lowerLipLook(d: ArrayLike<number>, size: number, lm: Lm): Look | null {
  const pt = (i: number): [number, number] => [lm[i]![0]!, lm[i]![1]!];
  const inner = [78, ...LIP_COLUMNS_LOWER[0], 308].map(pt), outer = [61, ...LIP_COLUMNS_LOWER[3], 291].map(pt);
  const poly = [...inner, ...[...outer].reverse()];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]), midX = (lm[61]![0]! + lm[291]![0]!) / 2;
  const all: number[] = [], left: number[] = [], right: number[] = [], reds: number[] = [];
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(size - 1, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(size - 1, Math.ceil(Math.max(...xs))); x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      const o = (y * size + x) * 4, L = luma(d, o);
      all.push(L); (x + 0.5 < midX ? left : right).push(L);
      reds.push((d[o]! - (d[o + 1]! + d[o + 2]!) / 2) / Math.max(1, L));
    }
  }
  if (all.length < 20) return null;
  for (const v of [all, left, right, reds]) v.sort((a, b) => a - b);
  const iod = dist(lm, 33, 263), med = q(all, 0.5);
  return {
    thick: dist(lm, 14, 17) / iod, luma: med / skinLuma(d, size, lm, iod), gloss: all.filter((v) => v > GLOSS * med).length / all.length,
    spread: (q(all, 0.95) - q(all, 0.05)) / med, sides: q(left, 0.5) / Math.max(1, q(right, 0.5)), red: q(reds, 0.5), gap: dist(lm, 13, 14) / iod,
  };
}

const f3 = (v: number) => v.toFixed(3);
const fmt = (l: Look | null) => l ? `gap ${f3(l.gap)} thick ${f3(l.thick)} luma ${f3(l.luma)} gloss ${f3(l.gloss)} spread ${f3(l.spread)} sides ${f3(l.sides)} red ${f3(l.red)}` : 'none';
function medianLook(ls: Look[]): Look {
  const m = (k: keyof Look) => q(ls.map((l) => l[k]).sort((a, b) => a - b), 0.5);
  return { thick: m('thick'), luma: m('luma'), gloss: m('gloss'), spread: m('spread'), sides: m('sides'), red: m('red'), gap: m('gap') };
}

const portraitName = opt('--portrait', '');
if (portraitName) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', portraitName));
  const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
  const frames = opt('--frames', '80').split(',').map(Number);
  for (const root of opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r))) {
    const r = await rendererOfRoot(root, portrait, 512);
    const rest = r.neutralFrame();
    console.log(`${root}: ${portraitName}`);
    console.log(`  photo  ${fmt(lowerLipLook(r.render(rest).data, 512, r.landmarks(rest)))}`);
    const looks: Look[] = [];
    for (const f of frames) {
      const l = lowerLipLook(r.render(motion.frames[f]!).data, 512, r.landmarks(motion.frames[f]!));
      if (l) looks.push(l);
      console.log(`  f${String(f).padEnd(5)}${fmt(l)}`);
    }
    if (looks.length) console.log(`  median ${fmt(medianLook(looks))}`);
  }
}
const minGap = Number(opt('--gap', '0.12'));
for (const spec of opt('--videos', '').split(',').filter(Boolean)) {
  const [file, span] = spec.split(':'), [from, to] = (span ?? '0-12').split('-').map(Number) as [number, number];
  const looks: Look[] = [];
  for (const img of videoFramesAt(path.isAbsolute(file!) ? file! : path.join(DATA, file!), from, to, 6) as RgbaImage[]) {
    const face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) continue;
    const l = lowerLipLook(img.data, img.width, face.landmarks as Lm);
    if (l && l.gap >= minGap) looks.push(l);
  }
  console.log(`${file} ${from}-${to} s: ${looks.length} frames open >= ${minGap}: median ${looks.length ? fmt(medianLook(looks)) : 'none'}`);
}
