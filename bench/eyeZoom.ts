// Eyes zoomed (about 3x): per portrait and eye, photo | blink 1 | blink 0.5 (--half) | blink 1 with
// the lids the face mesh reads back (green upper, red lower) and the closed/open ratio of that eye.
// For looking at shut eyes as a critic would (bench/blink.ts gives the table). Never asserts.
//   node --import tsx bench/eyeZoom.ts out.png lp_s42.jpg,st_happy.png,... [--half 0.5]
import path from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, labelledGrid, markLids, eyeOpenings, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const [out, list] = process.argv.slice(2);
const halfAt = Number(process.argv[process.argv.indexOf('--half') + 1] ?? NaN);
const HALF = process.argv.includes('--half') && halfAt > 0 ? halfAt : 0.5;
if (!out || !list) throw new Error('usage: node --import tsx bench/eyeZoom.ts out.png file1,file2,... (portraits in ../shared/data/portraits)');
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const half = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: HALF, eyeBlinkRight: HALF } }));
  const shutFace = (await detectFaces(shut, { embedding: false }))[0];
  const photoFace = (await detectFaces(portrait.image, { embedding: false }))[0];
  if (!shutFace || !photoFace) { console.log(`${file}: no face found`); continue; }
  const o = eyeOpenings(photoFace.landmarks), s = eyeOpenings(shutFace.landmarks);
  const lm = photoFace.landmarks;
  const row: GridCell[] = [];
  for (const [a, b] of [[33, 133], [362, 263]] as const) {
    const w = Math.hypot(lm[b]![0]! - lm[a]![0]!, lm[b]![1]! - lm[a]![1]!);
    const cx = (lm[a]![0]! + lm[b]![0]!) / 2, cy = (lm[a]![1]! + lm[b]![1]!) / 2;
    const x = Math.max(0, Math.round(cx - w)), y = Math.max(0, Math.round(cy - 0.6 * w));
    const box: [number, number, number, number] = [x, y, Math.min(portrait.image.width - x, Math.round(2 * w)), Math.min(portrait.image.height - y, Math.round(1.2 * w))];
    const ratio = a === 33 ? s.right / o.right : s.left / o.left;
    row.push(
      { label: `${file} photo`, image: cropImage(portrait.image, box) },
      { label: `blink 1 (ratio ${ratio.toFixed(2)})`, image: cropImage(shut, box) },
      { label: `blink ${HALF}`, image: cropImage(half, box) },
      { label: 'read back', image: cropImage(markLids(shut, shutFace.landmarks), box) },
    );
  }
  rows.push(row);
}
await writeFile(out + '.tmp', await labelledGrid(rows, { title: `eyes zoomed, each eye: photo | blink 1 | blink ${HALF} | lids read back (green upper, red lower)`, cellW: 240, cellH: 144 }));
await rename(out + '.tmp', out);
console.log(`sheet: ${out}`);
