// Gaze, one eye per row at about 6x: per portrait both eyes at gaze x -1, -0.5, rest, +0.5, +1 and y -1, +1
// (for looking at the iris's shape and the white behind it). Never asserts.
//   node --import tsx bench/gazeEyes.ts out.png mt_man.png,lp_s42.jpg,...
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
const [out, list] = process.argv.slice(2);
const rows: GridCell[][] = [];
if (!out || !list) throw new Error('usage: node --import tsx bench/gazeEyes.ts out.png lp_s42.jpg,...');
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  for (const eye of [[33, 133, 159, 145], [263, 362, 386, 374]]) {
    const xs = [eye[0]!, eye[1]!].map((i) => lm[i]![0]!), ys = [eye[2]!, eye[3]!].map((i) => lm[i]![1]!);
    const box: [number, number, number, number] = [Math.round(Math.min(...xs) - 0.06 * iod), Math.round(Math.min(...ys) - 0.06 * iod), Math.round(Math.max(...xs) - Math.min(...xs) + 0.12 * iod), Math.round(Math.max(...ys) - Math.min(...ys) + 0.12 * iod)];
    const gz: [number, number][] = [[-1, n.gaze[1]], [-0.5, n.gaze[1]], [n.gaze[0], n.gaze[1]], [0.5, n.gaze[1]], [1, n.gaze[1]], [n.gaze[0], -1], [n.gaze[0], 1]];
    rows.push(gz.map((g) => { const img = r.render({ ...n, gaze: g }); return { label: `${file} ${g[0].toFixed(1)},${g[1].toFixed(1)}`, image: cropImage({ ...img, data: new Uint8ClampedArray(img.data) }, box) }; }));
  }
}
await writeFile(out, await labelledGrid(rows, { title: 'gaze x -1 -.5 rest .5 1 | y -1 | y 1', cellW: 220, cellH: 120 }));
