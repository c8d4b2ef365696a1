// Gaze zoomed (about 3x): per portrait, both eyes at gaze x -1, -0.47, 0, +0.47, +1 (the audio
// generator's range is about +-0.5), for looking at the eye whites as the iris moves. Never asserts.
//   node --import tsx bench/gazeZoom.ts out.png lp_s42.jpg,mt_man.png,...
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { cachedPortrait } from './portraitCache.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'portraits');
const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/gazeZoom.ts out.png lp_s42.jpg,...');
const GAZES = [-1, -0.47, 0, 0.47, 1];
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
  rows.push(GAZES.map((g) => {
    const img = r.render({ ...n, gaze: [g, n.gaze[1]] });
    return { label: `${file} gaze ${g}`, image: cropImage({ ...img, data: new Uint8ClampedArray(img.data) }, box) };
  }));
}
await writeFile(out + '.tmp', await labelledGrid(rows, { title: 'gaze x -1 | -0.47 | 0 | +0.47 | +1 (both eyes, about 3x)', cellW: 300, cellH: 110 }));
await rename(out + '.tmp', out);
console.log('sheet:', out);
