// Mid openings (lip gap 0.08-0.26 IOD; issue #13, the dark crescent under the upper teeth): real
// talking frames against renders, by gap bin (bench/midOpeningFigures.ts): dark share, the dark band's
// height down the middle columns (darkRun, over the opening's), the lit share of the opening's lower
// third (lowerLit: lower teeth's edge or tongue). Portraits at a row of motion jawOpen values per
// --root checkout (before/after), and a 3x sheet (rows: per portrait and root; last: real frames).
// Never asserts.
//   node --import tsx bench/midOpening.ts [--portraits lp_s0.jpg,...] [--jaw 0.15,0.2,0.25,0.3,0.35] [--root a,b] [--videos a.mp4,...] [--seconds 10] [--out x.jpg]
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { RgbaImage } from '../src/types.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { gapOf, midFigures, type MidFigures } from './midOpeningFigures.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const portraits = opt('--portraits', 'lp_s0.jpg,lp_s9.jpg,lp_s1.jpg').split(',').filter(Boolean);
const jaws = opt('--jaw', '0.15,0.2,0.25,0.3,0.35').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const videos = opt('--videos', '').split(',').filter(Boolean);
const seconds = Number(opt('--seconds', '10'));
const out = opt('--out', '/tmp/midOpening.jpg');
const SIZE = 512, ZOOM = 3, TILE = 300;
type Lm = ArrayLike<ArrayLike<number>>;
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
/** lip gap bins (iod) */
const BINS = opt('--bins', '0.08,0.14,0.2,0.26').split(',').map(Number);
const binOf = (g: number) => { for (let k = 0; k + 1 < BINS.length; k++) if (g >= BINS[k]! && g < BINS[k + 1]!) return k; return -1; };
const binName = (k: number) => `${BINS[k]}-${BINS[k + 1]}`;
type Bin = { dark: number[]; run: number[]; low: number[]; up: number[] };
const newBins = (): Bin[] => BINS.slice(1).map(() => ({ dark: [], run: [], low: [], up: [] }));
const add = (bins: Bin[], f: MidFigures) => { const k = binOf(f.gap); if (k < 0) return; bins[k]!.dark.push(f.dark); bins[k]!.run.push(f.darkRun); bins[k]!.low.push(f.lowerLit); bins[k]!.up.push(f.upper); };
const report = (label: string, bins: Bin[]) => bins.forEach((b, k) => b.dark.length && console.log(`${label.padEnd(34)} gap ${binName(k).padEnd(10)} dark ${median(b.dark).toFixed(2)} darkRun ${median(b.run).toFixed(2)} lowerLit ${median(b.low).toFixed(2)} upper ${median(b.up).toFixed(2)} (n ${b.dark.length})`));
const fmt = (f: MidFigures | null) => (f ? `gap ${f.gap.toFixed(2)} d ${f.dark.toFixed(2)} run ${f.darkRun.toFixed(2)} low ${f.lowerLit.toFixed(2)} up ${f.upper.toFixed(2)}` : 'shut');

const rows: Buffer[] = [];
const perRoot = roots.map(newBins);
for (const name of portraits) {
  // (s39: the bench cache's analysis, portraitCache.ts)
  const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(DATA, 'portraits', name));
  let box = { side: 0, left: 0, top: 0 };
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOfRoot(root, portrait, SIZE);
    const n = r.neutralFrame();
    if (ri === 0) box = mouthBox(r.landmarks(n), 1.4, 0.42);
    const tiles: Buffer[] = [], figs: string[] = [];
    for (const j of jaws) {
      const f = { ...n, w: { ...n.w, jawOpen: j } };
      const img = r.render(f), lm = r.landmarks(f) as Lm;
      tiles.push(await sharp(await mouthTile(img.data, SIZE, box, ZOOM)).resize(TILE, TILE).png().toBuffer());
      const m = midFigures(img.data, lm, SIZE, SIZE);
      if (m) add(perRoot[ri]!, m);
      figs.push(`${j}: ${fmt(m)}`);
    }
    console.log(`${path.basename(name).padEnd(14)} ${path.basename(root).padEnd(10)} ${figs.join(' | ')}`);
    rows.push(await strip(tiles, TILE));
  }
}
roots.forEach((root, ri) => report(`median ${path.basename(root)}`, perRoot[ri]!));

/** Every 5th frame of the first `seconds` of a video (RGBA). */
function videoFrames(file: string): RgbaImage[] {
  const [w, h] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim().split(',').map(Number) as [number, number];
  const raw = execFileSync('ffmpeg', ['-loglevel', 'error', '-t', String(seconds), '-i', file, '-vf', 'select=not(mod(n\\,5))', '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 30 });
  const frames: RgbaImage[] = [];
  for (let o = 0; o + w * h * 4 <= raw.length; o += w * h * 4) frames.push({ width: w, height: h, data: new Uint8ClampedArray(raw.subarray(o, o + w * h * 4)) } as RgbaImage);
  return frames;
}

const all = newBins(), realTiles: Buffer[] = [];
for (const v of videos) {
  const bins = newBins();
  for (const img of videoFrames(path.isAbsolute(v) ? v : path.join(DATA, v))) {
    const face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) continue;
    const lm = face.landmarks as Lm, m = midFigures(img.data, lm, img.width, img.height);
    if (!m) continue;
    add(bins, m); add(all, m);
    if (binOf(m.gap) >= 1 && realTiles.length < jaws.length && img.width === img.height) {
      const b = mouthBox(lm, 1.4, 0.42), z = TILE / b.side;
      realTiles.push(await sharp(await mouthTile(img.data, img.width, b, Math.max(1, Math.round(z)))).resize(TILE, TILE).png().toBuffer());
    }
  }
  report(`real ${path.basename(v)}`, bins);
}
if (videos.length) report('median real (all clips)', all);
if (realTiles.length) rows.push(await strip(realTiles, TILE));
if (rows.length) {
  const W = TILE * jaws.length, gap = 4;
  await sharp({ create: { width: W, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) })))
    .jpeg({ quality: 85 }).toFile(out);
  console.log(`wrote ${out} (per portrait rows: ${roots.map((r) => path.basename(r)).join(', ')}; jawOpen ${jaws.join(', ')}${realTiles.length ? '; last row: real frames at gap .14-.26' : ''})`);
}
