// The open mouth's style against the picture's around it (issue #13, s50 paintmouth50: "the mouth keeps the picture's style"):
// a saved motion's frames on a portrait per --root checkout, each read on our render with the rig's own landmarks:
//   grain  in / ring: the robust fine detail (1.4826 x median |L - G1 L| over the local light G3 L, floored at 24) of the
//          opening's pixels (inside the inner lip line, eroded 2 px) against a ring of the picture's lips and skin around it
//          (the box 1.3 mouth widths across, outside the inner lip line grown 3 px); split into the lit parts (teeth, a lit
//          tongue: at least .75 of the ring's median luma) and the dark ones
//   luma   the opening's and the ring's 2nd and 98th percentile luma (the tone range)
//   C      the opening's mean Lab chroma against the ring's; `h in` the hue (Lab degrees) of its mean a*, b*; `gap` the style gap, |log(grain in / ring)| of the lit parts
// A PNG sheet: driver (--driver) | root... at --zoom, and each root's tile at 1x beside. Never asserts.
//   node --import tsx bench/mouthStyle.ts --portrait lp_s9.jpg --motion m.json --frames 60,120 [--driver lp_d11_8.mp4] --root BEFORE,. --out x.png
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { detectFaces } from '../src/face/detect.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { videoFrameAt, type Lm } from './openLowerLipFigures.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { gaussianBlur } from '../src/eval/metrics/ssim.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const media = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(SHARED_DATA, dir, f));
/** a place is flat when its light smoothed at 3 px (fine cracks and grain gone) changes by under this share of itself per px */
const FLAT = 0.03;
const SIZE = 512, ZOOM = Number(opt('--zoom', '3')), TILE = Number(opt('--tile', '300'));

export interface MouthStyle { grainIn: number; grainLit: number; grainDark: number; grainRing: number; chromaIn: number; chromaRing: number; litShare: number; hueIn: number; lowIn: number; highIn: number; lowRing: number; highRing: number }

/** The style figures of an RGBA frame with its landmarks (see the header); null when the opening is under 30 px. */
export function mouthStyle(img: RgbaImage, lm: Lm): MouthStyle | null {
  const W = img.width, H = img.height, d = img.data;
  const inner = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
  const open = erode(polygonMask(inner, W, H), W, H, 2), grown = dilate(polygonMask(inner, W, H), W, H, 3);
  const box = mouthBox(lm, 1.3, 0.42);
  const L = new Float32Array(W * H);
  for (let q = 0; q < W * H; q++) L[q] = 0.299 * d[q * 4]! + 0.587 * d[q * 4 + 1]! + 0.114 * d[q * 4 + 2]!;
  const g1 = gaussianBlur(L, W, H, 1, 3), g3 = gaussianBlur(L, W, H, 3, 9);
  const ringL: number[] = [], inL: number[] = [], ring: number[] = [], rest: { q: number; v: number }[] = [];
  let cIn = 0, nIn = 0, cRing = 0, aIn = 0, bIn = 0;
  for (let y = Math.max(2, box.top); y < Math.min(H - 2, box.top + box.side); y++) for (let x = Math.max(2, box.left); x < Math.min(W - 2, box.left + box.side); x++) {
    const q = y * W + x, base = Math.max(24, g3[q]!), v = Math.abs(L[q]! - g1[q]!) / base;
    // (flat places only: an edge (a tooth's outline, the lip line) is structure, not grain)
    const flat = Math.hypot(g3[q + 1]! - g3[q - 1]!, g3[q + W]! - g3[q - W]!) / 2 / base < FLAT;
    const [, a, b] = labOf(d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!), c = Math.hypot(a, b);
    if (open[q]) { if (flat) rest.push({ q, v }); cIn += c; aIn += a; bIn += b; nIn++; inL.push(L[q]!); } else if (!grown[q]) { if (flat) ring.push(v); ringL.push(L[q]!); cRing += c; }
  }
  if (nIn < 30 || rest.length < 20 || ring.length < 30) return null;
  const lipLight = med(ringL);
  const lit = rest.filter((p) => L[p.q]! >= 0.75 * lipLight).map((p) => p.v), dark = rest.filter((p) => L[p.q]! < 0.75 * lipLight).map((p) => p.v);
  return { grainIn: 1.4826 * med(rest.map((p) => p.v)), grainLit: lit.length >= 20 ? 1.4826 * med(lit) : NaN, grainDark: dark.length >= 20 ? 1.4826 * med(dark) : NaN, grainRing: 1.4826 * med(ring), chromaIn: cIn / nIn, chromaRing: cRing / ringL.length, litShare: lit.length / rest.length, hueIn: (Math.atan2(bIn, aIn) * 180) / Math.PI, lowIn: pct(inL, 0.02), highIn: pct(inL, 0.98), lowRing: pct(ringL, 0.02), highRing: pct(ringL, 0.98) };
}

export function mouthStyleText(s: MouthStyle | null): string {
  if (!s) return 'shut';
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '  -  ');
  const gap = Number.isFinite(s.grainLit) ? Math.abs(Math.log(s.grainLit / s.grainRing)).toFixed(2) : '-';
  return `grain in ${f(s.grainIn)} lit ${f(s.grainLit)} dark ${f(s.grainDark)} ring ${f(s.grainRing)} gap ${gap} | h in ${s.hueIn.toFixed(0)} C in ${s.chromaIn.toFixed(1)} ring ${s.chromaRing.toFixed(1)} | lit ${s.litShare.toFixed(2)} | luma p2/p98 in ${s.lowIn.toFixed(0)}/${s.highIn.toFixed(0)} ring ${s.lowRing.toFixed(0)}/${s.highRing.toFixed(0)}`;
}

function pct(v: number[], p: number): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(p * (s.length - 1))] ?? NaN;
}
function med(v: number[]): number {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
function erode(m: Uint8Array, W: number, H: number, r: number): Uint8Array {
  const o = new Uint8Array(m.length);
  for (let y = r; y < H - r; y++) for (let x = r; x < W - r; x++) {
    let all = 1;
    for (let dy = -r; dy <= r && all; dy++) for (let dx = -r; dx <= r; dx++) if (!m[(y + dy) * W + x + dx]) { all = 0; break; }
    o[y * W + x] = all;
  }
  return o;
}
function dilate(m: Uint8Array, W: number, H: number, r: number): Uint8Array {
  const inv = m.map((v) => 1 - v), e = erode(inv, W, H, r);
  return e.map((v) => 1 - v);
}

async function tile(img: RgbaImage, lm: Lm, zoom: number, side: number): Promise<Buffer> {
  const box = mouthBox(lm, 1.3, 0.42);
  box.side = Math.min(box.side, img.width - Math.max(0, box.left), img.height - Math.max(0, box.top));
  return sharp(await mouthTile(img.data, img.width, box, zoom)).resize(side, side).png().toBuffer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const portrait = await cachedPortrait(media(opt('--portrait', 'lp_s9.jpg'), 'portraits'));
  const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
  const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
  const roots = opt('--root', '.').split(',').map((r) => path.resolve(r));
  const driver = opt('--driver', '');
  const columns: Buffer[][] = [];
  const blank = () => sharp({ create: { width: TILE, height: TILE, channels: 3, background: '#000' } }).png().toBuffer();
  if (driver) {
    const tiles: Buffer[] = [];
    for (const f of frames) {
      const img = videoFrameAt(media(driver, 'video'), f / 25 + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
      tiles.push(face ? await tile(img, face.landmarks as Lm, ZOOM, TILE) : await blank());
    }
    columns.push(tiles);
  }
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tiles: Buffer[] = [], ones: Buffer[] = [];
    for (const f of frames) {
      const fr = motion.frames[f]!, img = r.render(fr), copy = { width: SIZE, height: SIZE, data: Uint8ClampedArray.from(img.data) } as RgbaImage, lm = r.landmarks(fr);
      console.log(`${path.basename(root).padEnd(14)} f${f}: ${mouthStyleText(mouthStyle(copy, lm))}`);
      tiles.push(await tile(copy, lm, ZOOM, TILE));
      // (the same box at 1x, on black)
      const one = await tile(copy, lm, 1, Math.round(TILE / ZOOM));
      ones.push(await sharp({ create: { width: TILE, height: TILE, channels: 3, background: '#000' } }).composite([{ input: one, left: 0, top: 0 }]).png().toBuffer());
    }
    columns.push(tiles, ones);
  }
  const out = opt('--out', '');
  if (out) {
    const rows = await Promise.all(frames.map((_, p) => strip(columns.map((c) => c[p]!), TILE)));
    await sharp({ create: { width: TILE * columns.length, height: rows.length * (TILE + 4), channels: 3, background: '#000' } })
      .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 4) }))).png().toFile(out);
    console.log(`wrote ${out}`);
  }
}
