// Gaze zoomed (about 3x): per portrait, both eyes at gaze x -1, -0.47, 0, +0.47, +1 (the audio
// generator's range is about +-0.5), for looking at the eye whites as the iris moves. Never asserts.
//   node --import tsx bench/gazeZoom.ts out.png lp_s42.jpg,mt_man.png,... [--xy]
// --xy: gaze x -1, x +1, rest, y -1, y +1 instead (the strongest looks on both axes).
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/gazeZoom.ts out.png lp_s42.jpg,...');
const xy = process.argv.includes('--xy');
// [x, y] per column, NaN = the photo's own on that axis
const GAZES: [number, number][] = xy ? [[-1, NaN], [1, NaN], [NaN, NaN], [NaN, -1], [NaN, 1]] : [-1, -0.47, 0, 0.47, 1].map((g) => [g, NaN]);
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const xs = [33, 133, 263, 362].map((i) => lm[i]![0]!), ys = [159, 145, 386, 374].map((i) => lm[i]![1]!);
  const x = Math.max(0, Math.round(Math.min(...xs) - 0.12 * iod)), y = Math.max(0, Math.round(Math.min(...ys) - 0.12 * iod));
  const box: [number, number, number, number] = [x, y, Math.round(Math.max(...xs) - Math.min(...xs) + 0.24 * iod), Math.round(Math.max(...ys) - Math.min(...ys) + 0.24 * iod)];
  rows.push(GAZES.map(([gx, gy]) => {
    const img = r.render({ ...n, gaze: [Number.isNaN(gx) ? n.gaze[0] : gx, Number.isNaN(gy) ? n.gaze[1] : gy] });
    return { label: `${file} gaze ${!Number.isNaN(gx) ? `x ${gx}` : !Number.isNaN(gy) ? `y ${gy}` : 'rest'}`, image: cropImage({ ...img, data: new Uint8ClampedArray(img.data) }, box) };
  }));
}
await writeFile(out + '.tmp', await labelledGrid(rows, { title: xy ? 'gaze x -1 | x +1 | rest | y -1 | y +1 (both eyes, about 3x)' : 'gaze x -1 | -0.47 | 0 | +0.47 | +1 (both eyes, about 3x)', cellW: 300, cellH: 110 }));
await rename(out + '.tmp', out);
console.log('sheet:', out);
