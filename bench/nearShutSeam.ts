// The lips' seam at nearly shut frames (seam38, s38; figure bench/seamFigures.ts: the darkest luma
// round the lip line over the lips', middle | corners; a real thin dark line reads low, a pale blob ~1).
// Ours: a saved motion's frames with jawOpen in --jaw lo,hi (default .01,.05; or --frames) on a portrait,
// per --root, read on the renderer's own landmarks. Real: a video's frames (--video, first --seconds)
// whose face-mesh lip gap lies in --gap lo,hi IOD (default .005,.035: what jaw .01-.05 draws), each read on
// its detected landmarks. Prints per frame and the medians. Never asserts.
//   node --import tsx bench/nearShutSeam.ts --portrait mt_man.png --motion m.json [--root a,b]
//   node --import tsx bench/nearShutSeam.ts --video WDA_KatieHill_000.mp4 [--seconds 8] [--step 2]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { RgbaImage } from '../src/types.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectOne } from '../src/eval/frames.ts';
import { lipGap } from '../src/eval/mouthRegion.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { seamContrast, type SeamFigure } from './seamFigures.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const summary = (fs: SeamFigure[]) => `n ${fs.length} seam middle ${med(fs.map((f) => f.middle)).toFixed(2)} corners ${med(fs.map((f) => f.corners)).toFixed(2)}`;
const SIZE = 512;

const video = opt('--video', '');
if (video) {
  const file = video.startsWith('/') ? video : path.join(SHARED_DATA, 'video', video);
  const [lo, hi] = opt('--gap', '0.005,0.035').split(',').map(Number) as [number, number];
  const step = Number(opt('--step', '2')), fps = Number(opt('--fps', '25'));
  const figs: SeamFigure[] = [];
  let k = 0;
  for await (const fr of decodeVideoFrames(file, { fps, maxSide: 720, maxFrames: Math.round(Number(opt('--seconds', '8')) * fps) })) {
    if (k++ % step) continue;
    const img = fr as RgbaImage;
    const face = await detectOne({ ...img, data: new Uint8ClampedArray(img.data) }, false);
    if (!face) continue;
    const lm = face.landmarks as unknown as number[][], gap = lipGap(lm as never);
    if (gap < lo || gap > hi) continue;
    const f = seamContrast(img.data, img.width, img.height, lm);
    figs.push(f);
    console.log(`f${k - 1} gap ${gap.toFixed(3)} seam ${f.middle.toFixed(2)} | ${f.corners.toFixed(2)}`);
  }
  console.log(`${path.basename(file)} real, gap ${lo}-${hi}: ${summary(figs)}`);
} else {
  const portrait = await analyzePortrait(await loadImage(path.join(SHARED_DATA, 'portraits', opt('--portrait', 'mt_man.png'))));
  const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: { w: Record<string, number> }[] };
  const [lo, hi] = opt('--jaw', '0.01,0.05').split(',').map(Number) as [number, number];
  const picked = opt('--frames', '') ? opt('--frames', '').split(',').map(Number)
    : motion.frames.flatMap((f, i) => ((f.w.jawOpen ?? 0) >= lo && (f.w.jawOpen ?? 0) <= hi ? [i] : []));
  for (const root of opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r))) {
    const r = await rendererOfRoot(root, portrait, SIZE);
    const figs: SeamFigure[] = [], line: string[] = [];
    for (const i of picked) {
      const f = motion.frames[i]! as Parameters<typeof r.render>[0];
      const img = r.render(f), s = seamContrast(img.data, SIZE, SIZE, r.landmarks(f));
      figs.push(s); line.push(`f${i} ${s.middle.toFixed(2)}|${s.corners.toFixed(2)}`);
    }
    console.log(`${path.basename(root)}: ${line.join(' ')}`);
    console.log(`${opt('--portrait', 'mt_man.png')} ${path.basename(root)} jaw ${lo}-${hi}: ${summary(figs)}`);
  }
}
