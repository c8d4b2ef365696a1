// eyeWide as read back, this checkout against another (--base): per portrait, the neutral frame and
// eyeWide 0.5 / 1 (both eyes) rendered at 512 and read by the face mesh; each eye's opening
// (eval/eyes.ts eyeOpenings) over that checkout's own rest render. A driver's wide eyes read
// 1.24-1.28 of its median opening (s24). --sheet: both eyes about 3x, rest | base wide 1 | wide 1
// per portrait. Never asserts.
//   node --import tsx bench/wideRead.ts [--base OTHER_CHECKOUT] [--sheet out.png] lp_s42.jpg,lp_s1.jpg
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { Landmarks } from '../src/motion/measures.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { eyesBox } from './eyeBox.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const here = path.resolve(import.meta.dirname, '..');
const base = arg('--base');
const sheet = arg('--sheet');
const list = (process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')).at(-1) ?? 'lp_s42.jpg,lp_s1.jpg').split(',');
const roots = base ? [path.resolve(base), here] : [here];
const WIDE = [0.5, 1];
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const read = async (img: RgbaImage) => (await detectFaces(img, { embedding: false }))[0]?.landmarks as Landmarks | undefined;


const makers = await Promise.all(roots.map(async (root) => ({
  root,
  buildAvatar: (await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href)).buildAvatar,
  createRenderer: (await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href)).createRenderer,
})));
const rows: GridCell[][] = [];
for (const file of list) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const row: GridCell[] = [];
  const out: string[] = [];
  for (const [k, m] of makers.entries()) {
    const r = m.createRenderer(m.buildAvatar(portrait), { width: 512, height: 512 });
    const n: MotionFrame = r.neutralFrame();
    const restImg = copy(r.render(n));
    const rest = await read(restImg);
    if (!rest) { out.push('no face at rest'); continue; }
    const box = eyesBox(rest, restImg.width, restImg.height);
    if (k === 0) row.push({ label: `${file} rest`, image: cropImage(restImg, box) });
    const o0 = eyeOpenings(rest);
    const cells: string[] = [];
    for (const w of WIDE) {
      const img = copy(r.render({ ...n, w: { ...n.w, eyeWideLeft: w, eyeWideRight: w } }));
      const lm = await read(img);
      const o = lm ? eyeOpenings(lm) : null;
      const txt = o ? `${(o.left / o0.left).toFixed(2)}/${(o.right / o0.right).toFixed(2)} (mean ${((o.left / o0.left + o.right / o0.right) / 2).toFixed(2)})` : 'none';
      cells.push(`wide ${w}: ${txt}`);
      if (w === 1) row.push({ label: `${k === 0 && base ? 'base' : 'this'} wide 1: ${txt}`, image: cropImage(img, box) });
    }
    out.push(`${k === 0 && base ? 'base' : 'this'} ${cells.join(' | ')}`);
  }
  console.log(`${file.padEnd(14)} ${out.join('   ')}`);
  rows.push(row);
}
if (sheet) await writeFile(sheet, await labelledGrid(rows, { title: `rest | ${base ? 'base eyeWide 1 | ' : ''}eyeWide 1 (opening over rest, each eye)`, cellW: 480, cellH: 160 }));
