// Does the tongue show? (issue #13, critic18: "no tongue ever")
// 1. Portraits at a row of motion jawOpen values, per --root checkout (before/after): the share of
//    the opening the tongue layer changes (drawn against the same frame without it) and its median
//    luma over the lips', and the colour-found tongue-like share (as on real frames); a 3x sheet.
// 2. --videos: real talking frames (every 5th of the first --seconds), by lip gap (13-14 over the
//    eye-corner IOD): the same colour-found tongue-like share and luma over the lips'.
// Never asserts.
//   node --import tsx bench/tongueShow.ts [--portraits a.jpg,...] [--jaw 0.2,0.35,0.5,0.7,1] [--root a,b] [--videos lp_d6.mp4,...] [--seconds 10] [--out x.jpg]
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { loadImage } from '../src/io/image.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { RgbaImage } from '../src/types.ts';
import { mouthBox, mouthTile, strip } from './mouthTiles.ts';
import { tongueDrawn, tongueLike, type TongueFigures } from './tongueFigures.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const portraits = opt('--portraits', 'lp_s42.jpg,lp_s1.jpg,st_happy.png,mt_man.png,lp_s2.jpg').split(',').filter(Boolean);
const jaws = opt('--jaw', '0.2,0.35,0.5,0.7,1').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const videos = opt('--videos', '').split(',').filter(Boolean);
const seconds = Number(opt('--seconds', '10'));
const out = opt('--out', '/tmp/tongueShow.jpg');
const SIZE = 512, ZOOM = 3, TILE = 300;
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const fmt = (t: TongueFigures | null) => (t ? `${t.share.toFixed(2)}@${t.light.toFixed(2)}` : 'shut');
type Lm = ArrayLike<ArrayLike<number>>;
const gapOf = (lm: Lm) => Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
/** lip gap bins (iod) for the medians */
const BINS = [0.12, 0.2, 0.3, 0.45, 9];
const binOf = (g: number) => BINS.findIndex((b) => g < b);
const binName = (k: number) => (k === 0 ? `<${BINS[0]}` : `${BINS[k - 1]}-${BINS[k] === 9 ? '' : BINS[k]}`);

/** A renderer from the checkout at `root`; without its library tongue (alpha 0) when `tongue` is false. */
async function rendererOf(root: string, portrait: unknown, tongue: boolean) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const { teethLibrary } = await import(path.join(root, 'src/render/mouth/library.ts'));
  const t = teethLibrary().tongue;
  const saved = t ? Float32Array.from(t.data) : null;
  if (t && !tongue) for (let o = 3; o < t.data.length; o += 4) t.data[o] = 0;
  try { return createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE }); } finally { if (t && saved) t.data.set(saved); }
}

const rows: Buffer[] = [];
const byBin = roots.map(() => BINS.map(() => ({ share: [] as number[], light: [] as number[], like: [] as number[], likeLight: [] as number[] })));
for (const name of portraits) {
  const portrait = await analyzePortrait(await loadImage(name.startsWith('/') ? name : path.join(DATA, 'portraits', name)));
  let box = { side: 0, left: 0, top: 0 };
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOf(root, portrait, true), bare = await rendererOf(root, portrait, false);
    const n = r.neutralFrame();
    if (ri === 0) box = mouthBox(r.landmarks(n), 1.4, 0.42);
    const tiles: Buffer[] = [], figs: string[] = [];
    for (const j of jaws) {
      const f = { ...n, w: { ...n.w, jawOpen: j } };
      const img = r.render(f), lm = r.landmarks(f);
      const without = bare.render(f).data;
      tiles.push(await sharp(await mouthTile(img.data, SIZE, box, ZOOM)).resize(TILE, TILE).png().toBuffer());
      const drawn = tongueDrawn(img.data, without, lm, SIZE, SIZE), like = tongueLike(img.data, lm, SIZE, SIZE), gap = gapOf(lm);
      figs.push(`${j} gap ${gap.toFixed(2)}: ${fmt(drawn)} like ${fmt(like)}`);
      const b = byBin[ri]![binOf(gap)]!;
      if (drawn) { b.share.push(drawn.share); b.light.push(drawn.light); }
      if (like) { b.like.push(like.share); b.likeLight.push(like.light); }
    }
    console.log(`${path.basename(name).padEnd(14)} ${path.basename(root).padEnd(9)} ${figs.join(' | ')}`);
    rows.push(await strip(tiles, TILE));
  }
}
for (const [ri, root] of roots.entries()) {
  for (const [k, b] of byBin[ri]!.entries()) {
    if (!b.share.length) continue;
    console.log(`median ${path.basename(root).padEnd(9)} gap ${binName(k).padEnd(9)} tongue ${median(b.share).toFixed(2)} luma/lip ${median(b.light).toFixed(2)} | like ${median(b.like).toFixed(2)} luma/lip ${median(b.likeLight).toFixed(2)} (n ${b.share.length})`);
  }
}

/** Every 5th frame of the first `seconds` of a video (RGBA). */
function videoFrames(file: string): RgbaImage[] {
  const probe = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim().split(',').map(Number);
  const [w, h] = probe as [number, number];
  const raw = execFileSync('ffmpeg', ['-loglevel', 'error', '-t', String(seconds), '-i', file, '-vf', 'select=not(mod(n\\,5))', '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 30 });
  const frames: RgbaImage[] = [];
  for (let o = 0; o + w * h * 4 <= raw.length; o += w * h * 4) frames.push({ width: w, height: h, data: new Uint8ClampedArray(raw.subarray(o, o + w * h * 4)) } as RgbaImage);
  return frames;
}

for (const v of videos) {
  const bins = BINS.map(() => ({ like: [] as number[], light: [] as number[] }));
  for (const img of videoFrames(path.isAbsolute(v) ? v : path.join(DATA, 'video', v))) {
    const face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) continue;
    const lm = face.landmarks as Lm;
    const t = tongueLike(img.data, lm, img.width, img.height);
    if (!t) continue;
    const b = bins[binOf(gapOf(lm))]!;
    b.like.push(t.share); b.light.push(t.light);
  }
  for (const [k, b] of bins.entries()) {
    if (b.like.length) console.log(`real   ${path.basename(v).padEnd(22)} gap ${binName(k).padEnd(9)} like ${median(b.like).toFixed(2)} luma/lip ${median(b.light).toFixed(2)} (n ${b.like.length})`);
  }
}

if (rows.length) {
  const W = TILE * jaws.length, gap = 4;
  await sharp({ create: { width: W, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) })))
    .jpeg({ quality: 85 }).toFile(out);
  console.log(`wrote ${out} (per portrait rows: ${roots.map((r) => path.basename(r)).join(', ')}; jawOpen ${jaws.join(', ')})`);
}
