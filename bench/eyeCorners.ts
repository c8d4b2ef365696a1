// The eyes' corners under expression (the outside critic's "white flecks at the eye corners", review
// s13: Fei-Fei #89/#104, st_happy #16/#111): per portrait, both eyes at rest | eyeSquint 1 | cheekSquint
// + smile 1 | all, cropped around each outer eye corner (a quarter of the eye distance, enlarged).
// For looking, not measuring.   node --import tsx bench/eyeCorners.ts [--out F.png] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { squareCell, writeSheet } from './headCells.ts';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1]! : '/tmp/eyeCorners.png';
const names = args.length > 0 ? args : ['lp_s42.jpg', 'mt_man.png', 'st_happy.png'];
const SQUINT = { eyeSquintLeft: 1, eyeSquintRight: 1 };
const CHEEK_SMILE = { cheekSquintLeft: 1, cheekSquintRight: 1, mouthSmileLeft: 1, mouthSmileRight: 1 };
const WEIGHTS = [{}, SQUINT, CHEEK_SMILE, { ...SQUINT, ...CHEEK_SMILE }];
const CELL = 200;
const rows: Buffer[][] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'portraits', name));
  const renderer = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const neutral = renderer.neutralFrame();
  const lm = portrait.cropLandmarks;
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const row: Buffer[] = [];
  for (const w of WEIGHTS) {
    const img = renderer.render({ ...neutral, w: { ...neutral.w, ...w } });
    const frame = { ...img, data: new Uint8ClampedArray(img.data) };
    // landmarks 33 and 263: the outer corners of the image-left and image-right eyes
    for (const corner of [33, 263]) row.push(await squareCell(frame, lm[corner]![0]!, lm[corner]![1]!, 0.25 * iod, CELL));
  }
  rows.push(row);
}
await writeSheet(rows, CELL, out);
console.log(out);
