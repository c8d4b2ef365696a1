// Invented pixels only, fast (prints figures; never asserts): analyze per portrait, then the
// figures of the crop past the photo and of the plate, and one PNG per portrait (crop, the crop
// over white through its matte, plate). repeat / plateRepeat: repeatedShare of the crop past the
// photo / of the plate behind the person; realRepeat: the same over the photo's own background.
//   node --import tsx bench/fill.ts [--root DIR] [--out DIR] [names...]
//   node --import tsx bench/fill.ts --rescore [--out DIR]   (figures again from the saved images)
// --root analyses with another checkout's code (e.g. a worktree of the commit before a change).
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { Portrait, RgbaImage } from '../src/types.ts';
import { streakCoherence } from '../src/eval/stretch.ts';
import { repeatedShare } from '../src/eval/repetition.ts';
import { outsidePhoto } from './outsidePhoto.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const NAMES = ['lp_s42.jpg', 'st_happy.png', 'lp_s12.jpg', 'lp_s10.jpg', 'mt_man.png', 'st_art_1.png'];
const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const outDir = path.resolve(flag('--out', '/tmp/fill-bench/' + (root === HERE ? 'after' : 'before')));
const round = (v: number) => Math.round(v * 1000) / 1000;

const png = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer();

function figures(image: RgbaImage, background: RgbaImage, outside: Uint8Array, behind: Uint8Array) {
  let inv = 0;
  for (const v of outside) inv += v;
  return {
    invented: round(inv / outside.length), streak: round(streakCoherence(image, outside).coherence),
    repeat: round(repeatedShare(image, outside)), plateRepeat: round(repeatedShare(background, behind)),
    // the reference: the photo's own background (inside the photo, not behind the person)
    realRepeat: round(repeatedShare(image, Uint8Array.from(outside, (o, i) => (o || behind[i] ? 0 : 1)))),
  };
}

async function load(file: string): Promise<RgbaImage> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

await mkdir(outDir, { recursive: true });
if (args[0] === '--rescore') {
  for (const name of NAMES) {
    const base = path.join(outDir, path.basename(name, path.extname(name)));
    if (!existsSync(`${base}.masks.png`)) continue;
    const [image, background, masks] = await Promise.all(['crop', 'plate', 'masks'].map((k) => load(`${base}.${k}.png`)));
    const n = image!.width * image!.height;
    const outside = Uint8Array.from({ length: n }, (_, i) => (masks!.data[i * 4]! > 127 ? 1 : 0));
    const behind = Uint8Array.from({ length: n }, (_, i) => (masks!.data[i * 4 + 1]! > 127 ? 1 : 0));
    console.log(JSON.stringify({ name, ...figures(image!, background!, outside, behind) }));
  }
  process.exit(0);
}
const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
for (const name of args.length ? args.map((a) => NAMES.find((n) => n.startsWith(a + '.')) ?? a) : NAMES) {
  const c0 = process.cpuUsage();
  let portrait: Portrait;
  try { portrait = await analyzePortrait(path.join(DATA, name)); } catch (err) { console.log(JSON.stringify({ name, error: (err as Error).message })); continue; }
  const cpu = process.cpuUsage(c0);
  const outside = outsidePhoto(portrait);
  const behind = Uint8Array.from(portrait.matte.data, (v) => (v > 0.02 ? 1 : 0));
  const { width: w, height: h } = portrait.image;
  const overWhite: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(portrait.image.data) };
  for (let i = 0; i < w * h; i++) for (let c = 0; c < 3; c++) overWhite.data[i * 4 + c] = portrait.image.data[i * 4 + c]! * portrait.matte.data[i]! + 255 * (1 - portrait.matte.data[i]!);
  console.log(JSON.stringify({ name, analyzeCpuMs: Math.round((cpu.user + cpu.system) / 1000), ...figures(portrait.image, portrait.background, outside, behind) }));
  const base = path.join(outDir, path.basename(name, path.extname(name)));
  const masks: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  for (let i = 0; i < w * h; i++) masks.data.set([outside[i]! * 255, behind[i]! * 255, 0, 255], i * 4);
  await Promise.all([['crop', portrait.image], ['plate', portrait.background], ['masks', masks]].map(async ([k, img]) => sharp(await png(img as RgbaImage)).toFile(`${base}.${k}.png`)));
  const cells = await Promise.all([portrait.image, overWhite, portrait.background].map(png));
  await sharp({ create: { width: w * 3, height: h, channels: 3, background: '#000' } })
    .composite(cells.map((input, k) => ({ input, left: k * w, top: 0 }))).png()
    .toFile(path.join(outDir, path.basename(name, path.extname(name)) + '.png'));
}
process.exit(0);
