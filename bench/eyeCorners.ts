// The eyes' corners under expression (the outside critic's "white flecks at the eye corners", review
// s13: Fei-Fei #89/#104, st_happy #16/#111): per portrait, both eyes at rest | eyeSquint 1 | cheekSquint
// + smile 1 | all, each eye cropped corner to corner and enlarged (about 3x). With --before DIR: a row
// per checkout (DIR's src, e.g. an export of main, then this one). For looking, not measuring.
//   node --import tsx bench/eyeCorners.ts [--out F.png] [--before DIR] [names...]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer } from './headCells.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const take = (flag: string) => { const i = args.indexOf(flag); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const out = take('--out') ?? '/tmp/eyeCorners.png';
const before = take('--before');
const names = args.length > 0 ? args : ['lp_s42.jpg', 'mt_man.png', 'st_happy.png'];
const SQUINT = { eyeSquintLeft: 1, eyeSquintRight: 1 };
const CHEEK_SMILE = { cheekSquintLeft: 1, cheekSquintRight: 1, mouthSmileLeft: 1, mouthSmileRight: 1 };
const WEIGHTS: [string, Record<string, number>][] = [['rest', {}], ['squint', SQUINT], ['cheek+smile', CHEEK_SMILE], ['all', { ...SQUINT, ...CHEEK_SMILE }]];
const roots: [string, string][] = [...(before ? [['before', path.resolve(before)] as [string, string]] : []), [before ? 'after' : '', path.resolve(import.meta.dirname, '..')]];
const rows: GridCell[][] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
  for (const [label, root] of roots) {
    const { renderer, neutral } = await checkoutRenderer(root, portrait);
    const lm = portrait.cropLandmarks;
    const row: GridCell[] = [];
    for (const [wLabel, w] of WEIGHTS) {
      const img = renderer.render({ ...neutral, w: { ...neutral.w, ...w } });
      const frame = { ...img, data: new Uint8ClampedArray(img.data) };
      // each eye from outer to inner corner (33-133 image-left, 362-263 image-right), with some skin past both
      for (const [a, b] of [[33, 133], [362, 263]] as const) {
        const ew = Math.hypot(lm[b]![0]! - lm[a]![0]!, lm[b]![1]! - lm[a]![1]!);
        const cx = (lm[a]![0]! + lm[b]![0]!) / 2, cy = (lm[a]![1]! + lm[b]![1]!) / 2;
        const x = Math.max(0, Math.round(cx - 0.75 * ew)), y = Math.max(0, Math.round(cy - 0.45 * ew));
        row.push({ label: `${name} ${label} ${wLabel}`, image: cropImage(frame, [x, y, Math.min(frame.width - x, Math.round(1.5 * ew)), Math.min(frame.height - y, Math.round(0.9 * ew))]) });
      }
    }
    rows.push(row);
  }
}
await writeFile(out, await labelledGrid(rows, { title: 'eye corners: rest | eyeSquint 1 | cheekSquint + smile 1 | all, both eyes (about 3x)', cellW: 200, cellH: 120 }));
console.log(out);
