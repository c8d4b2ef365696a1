// Brows zoomed (about 3x): per portrait, photo | brows up 0.5 | brows up 1 (browInnerUp and both
// browOuterUp at that weight), cropped around one eye and its brow with room above for the raise.
// For looking at raised brows as a critic would (the skin between brow and lid should stretch
// smoothly, the crease stay). Never asserts.
//   node --import tsx bench/browZoom.ts out.png lp_s2.jpg,st_art_1.png,... [title] [--dir other/photos] [--frown]
import path from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const dirAt = process.argv.indexOf('--dir');
const dir = dirAt > 0 ? path.resolve(process.argv[dirAt + 1]!) : path.join(DATA, 'portraits');
const [out, list, title] = process.argv.slice(2).filter((_, k, a) => a[k] !== '--dir' && a[k - 1] !== '--dir' && a[k] !== '--frown');
if (!out || !list) throw new Error('usage: node --import tsx bench/browZoom.ts out.png file1,file2,... [title] (portraits in ../shared/data/portraits)');
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const rows: GridCell[][] = [];
// --frown: browDownLeft/Right instead of the raise
const frown = process.argv.includes('--frown');
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(dir, file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const raised = (v: number) => copy(r.render({ ...n, w: { ...n.w, ...(frown ? { browDownLeft: v, browDownRight: v } : { browInnerUp: v, browOuterUpLeft: v, browOuterUpRight: v }) } }));
  const half = raised(0.5), full = raised(1);
  const lm = portrait.cropLandmarks;
  const row: GridCell[] = [];
  // both eyes and brows: from above the brows to below the lower lids
  const xs = [33, 133, 263, 362, 70, 300].map((i) => lm[i]![0]!);
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const browTop = Math.min(...[70, 63, 105, 66, 107, 336, 296, 334, 293, 300].map((i) => lm[i]![1]!));
  const lidLow = Math.max(lm[145]![1]!, lm[374]![1]!);
  const x = Math.max(0, Math.round(Math.min(...xs) - 0.15 * iod)), y = Math.max(0, Math.round(browTop - 0.35 * iod));
  const w = Math.min(portrait.image.width - x, Math.round(Math.max(...xs) - Math.min(...xs) + 0.3 * iod));
  const h = Math.min(portrait.image.height - y, Math.round(lidLow - browTop + 0.5 * iod));
  const box: [number, number, number, number] = [x, y, w, h];
  row.push(
    { label: `${file} photo`, image: cropImage(portrait.image, box) },
    { label: `brows ${frown ? 'down' : 'up'} 0.5`, image: cropImage(half, box) },
    { label: `brows ${frown ? 'down' : 'up'} 1`, image: cropImage(full, box) },
  );
  rows.push(row);
}
await writeFile(out + '.tmp', await labelledGrid(rows, { title: title ?? (frown ? 'brows zoomed: photo | brows down 0.5 | brows down 1' : 'brows zoomed: photo | brows up 0.5 | brows up 1 (inner + outer)'), cellW: 420, cellH: 210 }));
await rename(out + '.tmp', out);
console.log(`sheet: ${out}`);
