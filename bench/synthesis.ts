// Exemplar synthesis cost (prints figures; never asserts):
//   node --import tsx bench/synthesis.ts
// On the old framings of lp_s42 and st_happy (30% and 57% of the crop past the photo, the worst
// cases): the crop extension (extend.ts) and the background plate (inpaint.ts), CPU ms per call
// (median of 3; CPU time, since the shared machine's load inflates wall time).
import path from 'node:path';
import { loadImage } from '../src/io/image.ts';
import { extractCrop, fadePadding, cropBoxForFace } from '../src/analyze/crop.ts';
import { extendPastPhoto, type Extended } from '../src/analyze/extend.ts';
import { inpaintBackground } from '../src/analyze/inpaint.ts';
import { detectFaces } from '../src/face/detect.ts';
import { personMatte } from '../src/face/matte.ts';
import { faceOvalMask } from '../src/analyze/regions.ts';
import type { GrayImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const cpuMs = (f: () => void) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

for (const name of ['lp_s42.jpg', 'st_happy.png']) {
  const img = await loadImage(path.join(DATA, name));
  const face = (await detectFaces(img, { embedding: false }))[0]!;
  // the framing before issue 15 (a crop 3.2 face lengths wide, centred), to exercise large invented areas
  const box0 = cropBoxForFace(face.landmarks, img.width, img.height);
  const top = face.landmarks[10]!, chin = face.landmarks[152]!;
  const side = Math.round(Math.hypot(chin[0] - top[0], chin[1] - top[1]) * 3.2);
  const box = { x: Math.round((top[0] + chin[0]) / 2 - side / 2), y: Math.round((top[1] + chin[1]) / 2 - side / 2), side };
  const { image, valid } = await extractCrop(img, box, 512);
  fadePadding(image, valid);
  const k = 512 / box.side;
  const lm = face.landmarks.map(([x, y, z]) => [(x - box.x) * k, (y - box.y) * k, z * k]);
  const matte: GrayImage = await personMatte(image);
  const oval = faceOvalMask(lm, 512, 512);
  let invented = 0;
  const extendT: number[] = [], plateT: number[] = [];
  for (let r = 0; r < 3; r++) {
    let e: Extended = { image, matte, invented: new Uint8Array(0) };
    extendT.push(cpuMs(() => { e = extendPastPhoto(image, matte, valid, lm, oval, Math.ceil(3 * Math.max(1, 512 / box.side)) + 1); }));
    plateT.push(cpuMs(() => inpaintBackground(e.image, e.matte, { invented: e.invented })));
    invented = e.invented.reduce((a, b) => a + b, 0) / e.invented.length;
  }
  console.log(`${name}: the framing before issue 15 (side ${box.side} px, ours ${box0.side}), invented ${(invented * 100).toFixed(0)}%: extend ${median(extendT).toFixed(0)} ms cpu, plate ${median(plateT).toFixed(0)} ms cpu`);
}
process.exit(0);
