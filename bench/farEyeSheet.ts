// The far-eye rule on renders (winkturn55): per chosen frame the driver's eyes, ours with farEyeAsNear off and on
// (eyes cut out, scaled to one cell: 3-4x), and a second sheet of the whole face at 1x. Never asserts.
//   node --import tsx bench/farEyeSheet.ts --photo lp_s42.jpg --video /path/christie_6.mp4 --frames 34,80 --out dir/name
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { eyesBox } from './eyeBox.ts';
import { SHARED_DATA } from './sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg'), video = arg('--video', ''), out = arg('--out', '/tmp/fareye');
const shown = arg('--frames', '34').split(',').map(Number);
const SIZE = 512;
const copy = (im: RgbaImage): RgbaImage => ({ width: im.width, height: im.height, data: new Uint8ClampedArray(im.data) });
const raw = await cachedTrack(video, 25);
const runs = [false, true].map((on) => motionFramesFromRaw(raw, 25, true, { fit: { farEyeAsNear: on } }).frames);
const r = createRenderer(buildAvatar(await cachedPortrait(path.resolve(SHARED_DATA, 'portraits', photo))), { width: SIZE, height: SIZE });
const drv = new Map<number, RgbaImage>();
let k = 0;
for await (const img of decodeVideoFrames(video, { fps: 25, maxSide: 720, maxFrames: Math.max(...shown) + 1 })) { if (shown.includes(k)) drv.set(k, copy(img)); k++; }
const eyes: GridCell[][] = [], faces: GridCell[][] = [];
for (const i of shown) {
  const d = drv.get(i)!, dlm = landmarkList(raw[i]!.lm!);
  const rowE: GridCell[] = [{ label: `driver f${i}`, image: cropImage(d, eyesBox(dlm, d.width, d.height)) }];
  const rowF: GridCell[] = [{ label: `driver f${i}`, image: d }];
  for (const [j, frames] of runs.entries()) {
    const img = copy(r.render(frames[i]!));
    const face = (await detectFaces(copy(img), { embedding: false }))[0];
    const w = frames[i]!.w as Record<string, number>;
    const tag = `${j ? 'on' : 'off'} bl ${(w.eyeBlinkLeft ?? 0).toFixed(2)}/${(w.eyeBlinkRight ?? 0).toFixed(2)} b ${frames[i]!.blink.toFixed(2)} wd ${(w.eyeWideLeft ?? 0).toFixed(2)}/${(w.eyeWideRight ?? 0).toFixed(2)}`;
    if (face) rowE.push({ label: tag, image: cropImage(img, eyesBox(face.landmarks, SIZE, SIZE)) });
    rowF.push({ label: tag, image: img });
  }
  eyes.push(rowE); faces.push(rowF);
}
await writeFile(`${out}_eyes.png`, await labelledGrid(eyes, { title: `${photo} <- ${path.basename(video)}: driver | farEyeAsNear off | on`, cellW: 420, cellH: 140 }));
await writeFile(`${out}_1x.png`, await labelledGrid(faces, { title: `${photo} <- ${path.basename(video)} at 1x: driver | off | on`, cellW: 256, cellH: 256 }));
console.log('wrote', out);
