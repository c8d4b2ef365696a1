// Brows at each driver's frown and brow-raise peaks (by the driver's own fit, as bench/cross.ts picks
// them), zoomed on the brows and forehead: writes one PNG cell per (photo, driver, peak, tag) into a
// folder, so a run on the branch before a change and one after can be paired into a sheet
// driver | before | after (--combine). Never asserts.
//   node --import tsx bench/browPeaks.ts --tag before [--photos lp_s42.jpg,mt_man.png] [--only lp_d6.mp4,...] [--at lp_d6:1.9,lp_d0:2.3:smile,...] [--dir /tmp/browPeaks] [--box brows|face|eyes|mouth]
// --no-peaks: only the --at frames. --box face: the whole face (any expression: smiles, puckers); eyes: the eyes and the cheeks under them (a smile's squint and cheek raise); mouth: the mouth, its corners and folds.
//   node --import tsx bench/browPeaks.ts --combine out.jpg [--match lp_s42] [--dir /tmp/browPeaks]
import path from 'node:path';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { eyeRegion, cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { browRaise, browFrown } from './browMeasure.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const dir = arg('--dir', '/tmp/browPeaks');
const FPS = 10;
const PEAKS = [['frown', browFrown], ['browsUp', browRaise]] as const;

/** eyeRegion with the forehead above the brows (where raised brows fold it). */
function browBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const [x, y, bw, bh] = eyeRegion(lm, w, h);
  const up = Math.min(y, Math.round(0.45 * bh));
  return [x, y - up, bw, bh + up];
}
/** The whole face (brows to chin), or the eyes with the cheeks under them. */
function faceBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const xs = lm.map((p) => p[0]!), ys = lm.map((p) => p[1]!);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), y0 = Math.max(0, Math.floor(Math.min(...ys)));
  return [x0, y0, Math.min(w - x0, Math.ceil(Math.max(...xs)) - x0), Math.min(h - y0, Math.ceil(Math.max(...ys)) - y0)];
}
function eyesBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const [x, y, bw, bh] = eyeRegion(lm, w, h);
  return [x, y, bw, Math.min(h - y, Math.round(1.7 * bh))];
}
/** The mouth and its surround (corners, cheeks' folds, chin), 1.9 rest mouth widths across. */
function mouthBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const cx = (lm[61]![0]! + lm[291]![0]!) / 2, cy = (lm[13]![1]! + lm[14]![1]!) / 2;
  const side = 1.9 * Math.hypot(lm[61]![0]! - lm[291]![0]!, lm[61]![1]! - lm[291]![1]!) * 1.2;
  const bw = Math.min(w, Math.round(side)), bh = Math.min(h, Math.round(0.75 * side));
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
}
const boxKind = arg('--box', 'brows');
const boxOf = boxKind === 'face' ? faceBox : boxKind === 'eyes' ? eyesBox : boxKind === 'mouth' ? mouthBox : browBox;
const toPng = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer();
const fromPng = async (file: string): Promise<RgbaImage> => { const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true }); return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) }; };

if (process.argv.includes('--combine')) {
  const out = arg('--combine', 'brows.jpg');
  const match = arg('--match', '');
  const files = (await readdir(dir)).filter((f) => f.endsWith('-driver.png') && f.includes(match)).sort();
  const rows: GridCell[][] = [];
  for (const f of files) {
    const stem = f.replace(/-driver\.png$/, '');
    const cell = async (tag: string) => ({ label: `${stem.split('~').slice(1).join(' ')} ${tag}`, image: await fromPng(path.join(dir, `${stem}-${tag}.png`)) });
    rows.push([{ label: stem.split('~').slice(0, 3).join(' '), image: await fromPng(path.join(dir, f)) }, await cell('before'), await cell('after')]);
  }
  const title = arg('--title', 'brows at driver peaks: driver | before | after (brows and forehead zoomed)');
  const [cellW, cellH] = arg('--cell', '330x170').split('x').map(Number) as [number, number];
  const png = await labelledGrid(rows, { title, cellW, cellH });
  await writeFile(out, out.endsWith(".png") ? png : await sharp(png).jpeg({ quality: 80 }).toBuffer());
  console.log(`sheet ${out} (${rows.length} rows)`);
} else {
  const tag = arg('--tag', 'now');
  const photos = arg('--photos', 'lp_s42.jpg,mt_man.png').split(',');
  const only = arg('--only', 'lp_d6.mp4,lp_d10.mp4,lp_d11.mp4,WDA_KatieHill_000.mp4').split(',');
  const extra = arg('--at', 'lp_d6:1.9,lp_d6:2.9').split(',');
  await mkdir(dir, { recursive: true });
  for (const photo of photos) {
    const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
    const size = portrait.image.width;
    const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
    const box = boxOf(portrait.cropLandmarks as Landmarks, size, size);
    for (const video of only) {
      const raw = await cachedTrack(video, FPS);
      const { frames } = motionFramesFromRaw(raw, FPS, true);
      const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
      const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
      const drv = lms.map((lm) => (lm ? fitRig(lm, { neutral }).weights as Record<string, number> : null));
      const picks = process.argv.includes('--no-peaks') ? [] : PEAKS.map(([name, score]) => [name, drv.reduce((b, w, i) => (w && (b < 0 || score(w) > score(drv[b]!)) ? i : b), -1)] as const);
      // frames already picked for this pair (a before run) are kept: the picks follow the basis's fit
      const prefix = `${path.parse(photo).name}~${path.parse(video).name}~`;
      const earlier = (await readdir(dir)).filter((f) => f.startsWith(prefix) && f.endsWith('-driver.png')).map((f) => f.slice(prefix.length, -'-driver.png'.length).split('~'));
      const want = new Map<number, string>(earlier.length ? earlier.map(([n, t]) => [Math.round(Number(t!.slice(2, -1)) * FPS), n!]) : picks.map(([n, i]) => [i, n]));
      // extra frames named on the command line (video:seconds), e.g. the critic's
      for (const a of extra) { const [v, t, name] = a.split(':'); if (v === path.parse(video).name) want.set(Math.round(Number(t) * FPS), name ?? 'at'); }
      let i = 0;
      for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 512, maxFrames: frames.length })) {
        const name = want.get(i);
        if (name) {
          const stem = `${path.parse(photo).name}~${path.parse(video).name}~${name}~t=${(i / FPS).toFixed(1)}s`;
          await writeFile(path.join(dir, `${stem}-driver.png`), await toPng(cropImage(f, boxOf(lms[i]!, f.width, f.height))));
          const img = renderer.render(frames[i]!);
          const res = { ...img, data: new Uint8ClampedArray(img.data) };
          // the box follows the rendered head (the frame's pose moves it off the photo's)
          const seen = (await detectFaces(res, { embedding: false }))[0];
          const at = seen ? boxOf(seen.landmarks as Landmarks, size, size) : box;
          await writeFile(path.join(dir, `${stem}-${tag}.png`), await toPng(cropImage(res, at)));
        }
        i++;
      }
    }
  }
  console.log(`cells in ${dir}`);
}
