// A driver's frown, worried brows and cheek puff on a photo, read back (issue #14, face25): chosen
// times of a video-driven motion (10 fps track, as bench/cross.ts) rendered and read by the face mesh
// in the head frame (canonical units, eye-corner distances), against the driver's own move over its
// median frame: the brows' drop over the eye corners (browDrop.ts), the inner brow heads' height and
// their gap (a frown draws them down and together, worry lifts them), and the puff: the lower cheeks'
// width (the face outline at 132/361 and 58/288) over rest. Ours is against the photo's rest render.
// Saves each face crop (--out DIR, tag) for sheets: --sheet TAGS composes driver | TAG... per time.
//   node --import tsx bench/drivenPeaks.ts --photo lp_s42.jpg --video lp_d6.mp4 --at 11.4,33.0 --tag before --out DIR
//   node --import tsx bench/drivenPeaks.ts ... --sheet before,after   (after both tags were rendered); --fps 25: a 25 fps track (bench/driverTracks.ts --fps 25)
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { coverResize } from '../src/pipeline/layout.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg'), video = arg('--video', 'lp_d6.mp4');
const times = arg('--at', '11.4').split(',').map(Number);
const tag = arg('--tag', 'now'), outDir = arg('--out', '/tmp/drivenPeaks');
const FPS = Number(arg('--fps', '10')), CELL = 300;
const stem = (t: number) => `${path.parse(video).name}-${path.parse(photo).name}-${t.toFixed(1)}`;

/** The measures (canonical, head frame): brow drop L/R, inner heads' height, inner gap, lower-cheek width. */
export interface Read { brows: [number, number]; innerHeight: number; outerHeight: number; innerGap: number; cheeks: number }
export function readFace(lm: Landmarks): Read {
  const c = toCanonical(lm, fitRig(lm, { robust: true }));
  const x = (i: number) => c[i * 3]!, y = (i: number) => c[i * 3 + 1]!;
  const corners = (y(33) + y(133) + y(263) + y(362)) / 4;
  return {
    brows: browHeights(c),
    innerHeight: corners - (y(55) + y(285) + y(107) + y(336)) / 4,
    outerHeight: corners - (y(46) + y(276) + y(70) + y(300)) / 4,
    innerGap: Math.abs(x(55) - x(285)),
    cheeks: (Math.abs(x(132) - x(361)) + Math.abs(x(58) - x(288))) / 2,
  };
}
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const delta = (r: Read, rest: Read) =>
  `brows ${(((r.brows[0] + r.brows[1]) - (rest.brows[0] + rest.brows[1])) / 2).toFixed(3)} inner ${(r.innerHeight - rest.innerHeight).toFixed(3)} outer ${(r.outerHeight - rest.outerHeight).toFixed(3)} gap ${(r.innerGap - rest.innerGap).toFixed(3)} cheeks ${((r.cheeks / rest.cheeks - 1) * 100).toFixed(1)}%`;
const pngOf = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer();
async function load(file: string): Promise<RgbaImage> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) } as RgbaImage;
}
function faceBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const xs = lm.map((p) => p[0]), ys = lm.map((p) => p[1]);
  const side = Math.min(w, h, Math.round(1.15 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))));
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return [Math.max(0, Math.min(w - side, Math.round(cx - side / 2))), Math.max(0, Math.min(h - side, Math.round(cy - side / 2))), side, side];
}

/** The band from above the brows to under the eyes, as wide as the outer eye corners plus a margin. */
function browBand(lm: Landmarks): [number, number, number, number] {
  const cx = (lm[33]![0] + lm[263]![0]) / 2, iod = Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]);
  return [Math.round(cx - 0.8 * iod), Math.round(lm[9]![1] - 0.45 * iod), Math.round(1.6 * iod), Math.round(0.8 * iod)];
}
const zoom3 = (img: RgbaImage, box: [number, number, number, number]) => { const c = cropImage(img, box); return coverResize(c, 3 * c.width, 3 * c.height); };

await mkdir(outDir, { recursive: true });
const raw = await cachedTrack(video, FPS);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));

if (process.argv.includes('--sheet')) {
  const tags = arg('--sheet', 'before,after').split(',');
  const rows: GridCell[][] = [];
  for (const t of times) {
    for (const part of ['', 'brows-']) {
      if (!existsSync(path.join(outDir, `driver-${part}${stem(t)}.png`))) continue;
      const cells: GridCell[] = [{ label: `${video} ${t.toFixed(1)} s${part ? ', brows 3x' : ''}`, image: await load(path.join(outDir, `driver-${part}${stem(t)}.png`)) }];
      for (const tg of tags) if (existsSync(path.join(outDir, `${tg}-${part}${stem(t)}.png`))) cells.push({ label: tg, image: await load(path.join(outDir, `${tg}-${part}${stem(t)}.png`)) });
      if (cells.length > 1) rows.push(cells);
    }
  }
  const file = path.join(outDir, `sheet-${path.parse(video).name}-${path.parse(photo).name}.png`);
  await writeFile(file, await labelledGrid(rows, { title: `${photo} driven by ${video}: driver | ${tags.join(' | ')} (face crops; brows and eyes 3x)`, cellW: 420, cellH: CELL }));
  console.log(`sheet ${file}`);
} else {
  const restLms = lms.filter((l): l is Landmarks => !!l).map(readFace);
  const drvRest: Read = {
    brows: [median(restLms.map((r) => r.brows[0])), median(restLms.map((r) => r.brows[1]))],
    innerHeight: median(restLms.map((r) => r.innerHeight)), outerHeight: median(restLms.map((r) => r.outerHeight)), innerGap: median(restLms.map((r) => r.innerGap)), cheeks: median(restLms.map((r) => r.cheeks)),
  };
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: portrait.image.height });
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const read = async (img: RgbaImage) => { const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0]; return g ? g.landmarks as Landmarks : null; };
  const restLm = (await read(r.render(r.neutralFrame())))!;
  const ourRest = readFace(restLm);
  const box = faceBox(restLm, size, portrait.image.height);
  const want = new Map(times.map((t) => [Math.round(t * FPS), t]));
  let i = 0;
  for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 720, maxFrames: Math.max(...want.keys()) + 1 })) {
    const t = want.get(i);
    if (t !== undefined && lms[i] && frames[i]) {
      const img = r.render(frames[i]!);
      const lm = await read(img);
      const w = frames[i]!.w;
      const weights = ['browDownLeft', 'browDownRight', 'browInnerUp', 'cheekPuff', 'mouthPucker'].map((c) => `${c} ${(w[c] ?? 0).toFixed(2)}`).join(' ');
      console.log(`${video} ${t.toFixed(1)} s [${tag}] ${weights}\n  driver ${delta(readFace(lms[i]!), drvRest)}\n  ours   ${lm ? delta(readFace(lm), ourRest) : 'no face'}`);
      await writeFile(path.join(outDir, `driver-${stem(t)}.png`), await pngOf(coverResize(cropImage(f, faceBox(lms[i]!, f.width, f.height)), CELL, CELL)));
      await writeFile(path.join(outDir, `${tag}-${stem(t)}.png`), await pngOf(coverResize(cropImage(img, box), CELL, CELL)));
      // the brows and eyes 3x (a band from above the brows to under the eyes)
      await writeFile(path.join(outDir, `driver-brows-${stem(t)}.png`), await pngOf(zoom3(f, browBand(lms[i]!))));
      await writeFile(path.join(outDir, `${tag}-brows-${stem(t)}.png`), await pngOf(zoom3(img, browBand(restLm))));
    }
    i++;
  }
}
