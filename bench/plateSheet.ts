// Sheet of background plates before/after at the person's hole border (the ghost outline):
// per portrait, photo | plate before | plate after at half size, then the same three at 3x around
// the hole's left border a quarter of the way down (the hair's side). Plates from bench/plateSeam.ts.
//   node --import tsx bench/plateSheet.ts --out docs/edges/plate/sheet.jpg (or .png) [names...]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { personHole } from '../src/analyze/inpaint.ts';

const args = process.argv.slice(2);
const o = args.indexOf('--out');
const out = o >= 0 ? args.splice(o, 2)[1]! : '/tmp/plate-seam/sheet.png';
const names = args.length ? args : ['lp_s1', 'lp_s0', 'lp_s12', 'lp_s42', 'mt_man', 'st_art_1'];
const ROOT = '/tmp/plate-seam';
const S = 512, HALF = 256, WIN = 64, ZOOM = 3;

/** The hole's left border a quarter of the way down its height. */
function borderPoint(hole: Uint8Array): [number, number] {
  let top = S, bottom = 0;
  for (let i = 0; i < hole.length; i++) if (hole[i]) { top = Math.min(top, Math.floor(i / S)); bottom = Math.max(bottom, Math.floor(i / S)); }
  const y = Math.round(top + (bottom - top) * 0.25);
  let x = 0;
  while (x < S - 1 && !hole[y * S + x]) x++;
  return [x, y];
}

const composites: { input: Buffer; left: number; top: number }[] = [];
for (const [row, name] of names.entries()) {
  const mb = await readFile(`${ROOT}/cache/${name}.matte.f32`);
  const hole = personHole({ width: S, height: S, data: new Float32Array(mb.buffer, mb.byteOffset, S * S) });
  const [bx, by] = borderPoint(hole);
  const left = Math.max(0, Math.min(S - WIN, bx - WIN / 2)), top = Math.max(0, Math.min(S - WIN, by - WIN / 2));
  const files = [`${ROOT}/cache/${name}.crop.png`, `${ROOT}/before/${name}.plate.png`, `${ROOT}/after/${name}.plate.png`];
  for (const [k, f] of files.entries()) {
    composites.push({ input: await sharp(f).resize(HALF, HALF).png().toBuffer(), left: k * HALF, top: row * HALF });
    composites.push({ input: await sharp(f).extract({ left, top, width: WIN, height: WIN }).resize(WIN * ZOOM, WIN * ZOOM, { kernel: 'nearest' }).png().toBuffer(), left: 3 * HALF + k * WIN * ZOOM, top: row * HALF + 32 });
  }
  const label = Buffer.from(`<svg width="${3 * HALF}" height="20"><text x="4" y="15" font-size="14" fill="red">${name}: photo | before | after; 3x at (${bx},${by})</text></svg>`);
  composites.push({ input: label, left: 0, top: row * HALF });
}
await sharp({ create: { width: 3 * HALF + 3 * WIN * ZOOM, height: names.length * HALF, channels: 3, background: '#000' } })
  .composite(composites)[out.endsWith('.png') ? 'png' : 'jpeg']({ quality: 85 }).toFile(path.resolve(out));
console.log(out);
