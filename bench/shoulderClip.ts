// What the shoulders uncover over a whole clip (issue #15, s37 shoulder37): a saved motion's every frame
// rendered per --root checkout (each with its own analysis code, through its bench/portraitCache.ts) at
// 512 px. The band = pixels below the chin that the person covers at rest (alpha >= 128)
// and leaves to the plate in this frame (alpha < 128): what a moving torso shows of the plate's hole fill.
// Figures over the band: **coh** = the structure-tensor coherence of the shown frame (the #15 stretch
// number: smears and streaks toward 1), **colour** = mean RGB distance of the shown pixel from the
// photo's backdrop around it (a normalised box mean over 24 px of the photo's pixels that are backdrop
// at rest, alpha < 5) [ref: the same distance of those backdrop pixels themselves, within 24 px of the
// person], **px** = band size. Medians over all frames and over the 10 frames with the largest band.
// `--sheet out.jpg --frames a,b --box x,y,w,h`: per frame the frame (256 px) and the box at --zoom per root;
// `--strip out.jpg --every 4`: every n'th frame's box per root. Never asserts.
// s39 (plate39): a photo with flat padding strips (analyze/flatBorder.ts) also gets **frame** = the mean RGB distance
// of the shown strip pixels within 16 px of the strip's inner edge from the strip's own colour (the soft column a
// moving shoulder drew past the photo's edge; 0 = the strip as the photo has it) and **off** = how many of those
// pixels are more than 8 levels off it, median | max over the frames.
//   node --import tsx bench/shoulderClip.ts --portrait lp_s11.jpg --motion m.json --root /work/main,. --box 40,290,150,150
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import { streakCoherence } from '../src/eval/stretch.ts';
import { boxBlur } from '../src/analyze/raster.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { checkoutRenderer } from './headCells.ts';
import { flatBorder } from '../src/analyze/flatBorder.ts';
import { loadImage } from '../src/io/image.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const name = opt('--portrait', 'lp_s11.jpg');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const [bx, by, bw, bh] = opt('--box', '0,256,256,256').split(',').map(Number) as [number, number, number, number];
const zoom = Number(opt('--zoom', '3')), every = Number(opt('--every', '4'));
const sheetOut = opt('--sheet', ''), stripOut = opt('--strip', '');
const sheetFrames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const SIZE = 512;
const raw = { raw: { width: SIZE, height: SIZE, channels: 4 as const } };
const median = (v: number[]) => { const s = [...v].sort((p, q) => p - q); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };

/** Per pixel the photo's local backdrop colour (box mean over backdrop pixels at rest) and the backdrop mask. */
function localBackdrop(photo: RgbaImage, restAlpha: Uint8ClampedArray): { mean: Float32Array[]; weight: Float32Array; backdrop: Uint8Array } {
  const n = SIZE * SIZE;
  const backdrop = Uint8Array.from({ length: n }, (_, i) => (restAlpha[i * 4 + 3]! < 5 ? 1 : 0));
  const weight = boxBlur(Float32Array.from(backdrop), SIZE, SIZE, 24);
  const mean = [0, 1, 2].map((c) => boxBlur(Float32Array.from({ length: n }, (_, i) => backdrop[i]! * photo.data[i * 4 + c]!), SIZE, SIZE, 24));
  return { mean, weight, backdrop };
}

// pixels of the crop in a padding strip within 16 px of its inner edge, and the strip's colour (the photo's, at the strip's corner)
async function stripEdge(portrait: { analysis: { crop: { x: number; y: number; side: number; size: number } } }): Promise<{ px: number[]; colour: number[] } | null> {
  const photo = await loadImage(path.join(SHARED_PORTRAITS, name));
  const b = flatBorder(photo);
  if (b.every((v) => v === 0)) return null;
  const { x: cx, y: cy, side } = portrait.analysis.crop, k = side / SIZE;
  const px: number[] = [];
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const sx = cx + (x + 0.5) * k, sy = cy + (y + 0.5) * k;
    if (sx < 0 || sy < 0 || sx >= photo.width || sy >= photo.height) continue;
    const d = Math.max(b[0] - sx, sx - (photo.width - b[2]), b[1] - sy, sy - (photo.height - b[3]));
    if (d > 0 && d <= 16 * k) px.push(y * SIZE + x);
  }
  const j = b[0] > 0 ? 0 : b[2] > 0 ? (photo.width - 1) * 4 : 0;
  return { px, colour: [photo.data[j]!, photo.data[j + 1]!, photo.data[j + 2]!] };
}

const cells = new Map<number, Buffer[]>();
const stripRows: Buffer[] = [];
for (const root of roots) {
  const { cachedPortrait } = await import(path.join(root, 'bench/portraitCache.ts'));
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
  if (portrait.image.width !== SIZE) throw new Error(`${name}: the crop is ${portrait.image.width} px, this bench reads a 512 px crop 1:1`);
  const { renderer: r, neutral: rest } = await checkoutRenderer(root, portrait);
  const restAlpha = Uint8ClampedArray.from(r.render(rest, { background: null }).data);
  const chin = r.landmarks(rest)[152]![1];
  const { mean, weight, backdrop } = localBackdrop(portrait.image, restAlpha);
  // the reference: backdrop pixels within 24 px of the person below the chin, against their own local mean
  let refSum = 0, refN = 0;
  const nearPerson = boxBlur(Float32Array.from({ length: SIZE * SIZE }, (_, i) => (restAlpha[i * 4 + 3]! >= 128 ? 1 : 0)), SIZE, SIZE, 24);
  for (let i = Math.ceil(chin) * SIZE; i < SIZE * SIZE; i++) {
    if (!backdrop[i] || nearPerson[i]! <= 0 || weight[i]! * 49 * 49 < 60) continue;
    refSum += Math.hypot(...[0, 1, 2].map((c) => portrait.image.data[i * 4 + c]! - mean[c]![i]! / weight[i]!)); refN++;
  }
  const edge = await stripEdge(portrait);
  const frameDist: number[] = [], frameOff: number[] = [];
  const per: { i: number; px: number; coh: number; colour: number }[] = [];
  const tiles: Buffer[] = [];
  for (let i = 0; i < motion.frames.length; i++) {
    const f = motion.frames[i]!;
    const shown: RgbaImage = { width: SIZE, height: SIZE, data: Uint8ClampedArray.from(r.render(f).data) };
    const alpha = r.render(f, { background: null }).data;
    const band = new Uint8Array(SIZE * SIZE);
    let px = 0, dist = 0;
    for (let p = Math.ceil(chin) * SIZE; p < SIZE * SIZE; p++) {
      if (restAlpha[p * 4 + 3]! < 128 || alpha[p * 4 + 3]! >= 128 || weight[p]! * 49 * 49 < 60) continue;
      band[p] = 1; px++;
      dist += Math.hypot(...[0, 1, 2].map((c) => shown.data[p * 4 + c]! - mean[c]![p]! / weight[p]!));
    }
    if (edge) {
      const d = edge.px.map((p) => Math.hypot(...[0, 1, 2].map((c) => shown.data[p * 4 + c]! - edge.colour[c]!)));
      frameDist.push(d.reduce((s, v) => s + v, 0) / d.length);
      frameOff.push(d.filter((v) => v > 8).length);
    }
    per.push({ i, px, coh: px > 20 ? streakCoherence(shown, band).coherence : NaN, colour: px ? dist / px : NaN });
    const png = () => sharp(Buffer.from(shown.data.buffer), raw);
    if (sheetOut && sheetFrames.includes(i)) {
      const list = cells.get(i) ?? [];
      if (!list.length) list.push(await png().resize(256, 256).removeAlpha().png().toBuffer());
      list.push(await png().extract({ left: bx, top: by, width: bw, height: bh }).resize(bw * zoom, bh * zoom, { kernel: 'nearest' }).removeAlpha().png().toBuffer());
      cells.set(i, list);
    }
    if (stripOut && i % every === 0) tiles.push(await png().extract({ left: bx, top: by, width: bw, height: bh }).removeAlpha().png().toBuffer());
  }
  const valid = per.filter((p) => p.px > 20);
  const top = [...valid].sort((p, q) => q.px - p.px).slice(0, 10);
  const sum = (ps: typeof per) => `px ${median(ps.map((p) => p.px)).toFixed(0)} coh ${median(ps.map((p) => p.coh)).toFixed(3)} colour ${median(ps.map((p) => p.colour)).toFixed(1)}`;
  console.log(`${path.basename(root).padEnd(12)} ${name} all ${valid.length}/${per.length}: ${sum(valid)} | largest 10: ${sum(top)} [backdrop ref colour ${(refSum / Math.max(1, refN)).toFixed(1)}]`);
  if (edge) console.log(`  frame (strip edge, ${edge.px.length} px, from its colour ${edge.colour.join(',')}): median ${median(frameDist).toFixed(2)} | max ${Math.max(...frameDist).toFixed(2)}; off > 8: median ${median(frameOff)} | max ${Math.max(...frameOff)} px`);
  console.log(`  largest: ${top.map((p) => `f${p.i} ${p.px}px c${p.coh.toFixed(2)} d${p.colour.toFixed(0)}`).join('  ')}`);
  if (stripOut) stripRows.push(await sharp({ create: { width: bw * tiles.length, height: bh, channels: 3, background: '#000' } })
    .composite(tiles.map((input, k) => ({ input, left: k * bw, top: 0 }))).png().toBuffer());
}
if (sheetOut && cells.size) {
  const frames = [...cells.keys()].sort((p, q) => p - q), gap = 4;
  const rowH = Math.max(256, bh * zoom), widths = [256, ...roots.map(() => bw * zoom)];
  const parts: OverlayOptions[] = [];
  frames.forEach((f, rIdx) => { let left = 0; cells.get(f)!.forEach((input, c) => { parts.push({ input, left, top: rIdx * (rowH + gap) }); left += widths[c]! + gap; }); });
  await sharp({ create: { width: widths.reduce((p, q) => p + q + gap, 0), height: frames.length * (rowH + gap), channels: 3, background: '#333' } })
    .composite(parts).jpeg({ quality: 72 }).toFile(sheetOut);
  console.log(`wrote ${sheetOut}: rows f${frames.join(', f')}; frame | box ${zoom}x per root (${roots.map((r) => path.basename(r)).join(' | ')})`);
}
if (stripOut && stripRows.length) {
  const perRow = Math.min(13, Math.ceil(motion.frames.length / every)), n = Math.ceil(motion.frames.length / every), bands = Math.ceil(n / perRow), gap = 6;
  const parts: OverlayOptions[] = [];
  for (let b = 0; b < bands; b++) for (let q = 0; q < stripRows.length; q++) {
    const width = Math.min(perRow, n - b * perRow) * bw;
    parts.push({ input: await sharp(stripRows[q]!).extract({ left: b * perRow * bw, top: 0, width, height: bh }).toBuffer(), left: 0, top: (b * stripRows.length + q) * bh + b * gap });
  }
  await sharp({ create: { width: perRow * bw, height: bands * stripRows.length * bh + bands * gap, channels: 3, background: '#333' } })
    .composite(parts).jpeg({ quality: 70 }).toFile(stripOut);
  console.log(`wrote ${stripOut}: every ${every}th frame from 0, rows per band: ${roots.map((r) => path.basename(r)).join(' / ')}`);
}
process.exit(0);
