// The upper row's lower edge, real against ours (issue #13, contour28): per frame, the medians over
// the middle columns of bench/teethEdge.ts's profile (fall width 90->10 %, the dip under the teeth
// over the teeth and over the lower lip, the dark's width and colour), read with the face mesh on a
// driver's frames (--video, --vframes) or a real clip's frames with teeth showing (--scan EVERY:
// every EVERY-th frame of --seconds whose opening is 0.03-0.2 IOD), and on each --root's render of
// --motion's --frames (inside the rendered mesh's own inner lips). Sheet: driver | roots, the mouth ~4x.
//   node --import tsx bench/teethEdgeProfile.ts --photo lp_s5.jpg --motion m.json --frames 130,170
//        [--video v8_lp_d10.mp4 --vframes 130,170] [--root before,after] [--out sheet.jpg] [--cell 350: ~5x]
//   node --import tsx bench/teethEdgeProfile.ts --video train/clips/styletalk_Obama_clip1.mp4 --scan 10 --seconds 12
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { readLandmarks, dist, type Lm } from './readBack.ts';
import { edgeProfiles, summary, topEdgeText, type EdgeFigures } from './teethEdge.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', ''), video = opt('--video', ''), motionPath = opt('--motion', '');
const list = (s: string) => (s ? s.split(',').map(Number) : []);
const picks = list(opt('--frames', '')), vpicks = list(opt('--vframes', opt('--frames', '')));
const scan = Number(opt('--scan', '0')), seconds = Number(opt('--seconds', '8'));
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '');
const CELL = Number(opt('--cell', '280'));

const LIP = [61, 291, 0, 17, 13, 14];
const crop = (img: RgbaImage, lm: Lm) => { const b = squareBox(LIP.map((i) => lm[i]!), 1.25, img.width, img.height); return { img: cropImage(img, b), zoom: CELL / b[2] }; };
const gapOf = (lm: Lm) => dist(lm, 13, 14) / dist(lm, 33, 263);

const rows: GridCell[][] = [], labels: string[] = [];
const pooled = new Map<string, (EdgeFigures | null)[]>();
const report = (tag: string, k: number, figs: (EdgeFigures | null)[]) => {
  pooled.set(tag, [...(pooled.get(tag) ?? []), ...figs]);
  const s = summary(figs);
  console.log(`${tag.padEnd(10)} f${k} (${s.n} cols): ${s.text}`);
};

if (video) {
  const file = video.startsWith('/') ? video : path.join(DATA, video.includes('/') ? '' : 'video', video);
  const cells: GridCell[] = [];
  const last = scan ? Math.round(seconds * 25) : Math.max(...vpicks) + 1;
  let k = 0;
  for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: last })) {
    if (scan ? k % scan === 0 : vpicks.includes(k)) {
      const lm = await readLandmarks(img);
      if (lm && (!scan || (gapOf(lm) > 0.03 && gapOf(lm) < 0.2))) {
        const figs = edgeProfiles(img, lm);
        console.log(`real       f${k} ${topEdgeText(img, lm)}`);
        if (!scan || figs.some((f) => f)) {
          report('real', k, figs);
          const c = crop(img, lm);
          if (cells.length < 8) cells.push({ label: `f${k} gap ${gapOf(lm).toFixed(3)} x${c.zoom.toFixed(1)}`, image: c.img });
        }
      }
    }
    k++;
  }
  rows.push(cells); labels.push('real');
}
if (photo) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, 512), tag = path.basename(root), cells: GridCell[] = [];
    for (const i of picks) {
      const f = motion.frames[Math.min(motion.frames.length - 1, i)]!;
      const shot = r.render(f), img = { ...shot, data: new Uint8ClampedArray(shot.data) };
      const lm = (r.landmarks(f) as number[][]).map((q) => [q[0]!, q[1]!] as [number, number]);
      report(tag, i, edgeProfiles(img, lm));
      console.log(`${tag.padEnd(10)} f${i} ${topEdgeText(img, lm)}`);
      const c = crop(img, lm);
      cells.push({ label: `f${i} gap ${gapOf(lm).toFixed(3)} x${c.zoom.toFixed(1)}`, image: c.img });
    }
    rows.push(cells); labels.push(tag);
  }
}
for (const [tag, figs] of pooled) { const s = summary(figs); console.log(`ALL ${tag.padEnd(10)} (${s.n} cols): ${s.text}`); }
if (out) {
  const png = await labelledGrid(rows, { title: `${photo || ''} ${video ? '<- ' + path.basename(video) : ''} (mouth ~${Math.round(CELL / 70)}x, nearest)`, cellW: CELL, cellH: CELL, rowLabels: labels });
  await sharp(png).jpeg({ quality: 85 }).toFile(out);
  console.log(`wrote ${out}`);
}
process.exit(0);
