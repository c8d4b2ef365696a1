import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
const [out, list, wj] = process.argv.slice(2);
const w = JSON.parse(wj!);
const rows: GridCell[][] = [];
for (const file of list!.split(',')) {
  const p = await cachedPortrait(path.join('/work/shared/data/portraits', file));
  const r = createRenderer(buildAvatar(p), { width: p.image.width, height: p.image.height });
  const n = r.neutralFrame();
  const img = r.render({ ...n, w: { ...n.w, ...w } }); const copy = { ...img, data: new Uint8ClampedArray(img.data) };
  const lm = p.cropLandmarks;
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = lm[168]![0]!, cy = lm[105]![1]!;
  const box: [number, number, number, number] = [Math.round(cx - 0.45 * iod), Math.round(cy - 0.15 * iod), Math.round(0.9 * iod), Math.round(0.5 * iod)];
  rows.push([{ label: `${file} photo`, image: cropImage(p.image, box) }, { label: wj!, image: cropImage(copy, box) }]);
}
await writeFile(out!, await labelledGrid(rows, { title: 'eye+brow zoom', cellW: 480, cellH: 280 }));
