// Each eye of each portrait at blink 0.5 and blink 1, cropped round the analysis' eye (2 eye widths
// wide) for looking at shut eyes as a critic would: saved as PNGs in a folder, and a sheet of
// photo | base blink 0.5 | base blink 1 | blink 0.5 | blink 1 when --base names the folder of an
// earlier run (e.g. main's), so before and after sit side by side; --real dir (bench/realShutEyes.ts
// output) puts a real shut eye first in each row, taken in turn. Never asserts.
//   node --import tsx bench/shutEyeCrops.ts outDir lp_s10.jpg,st_happy.png [--lash-core] [--shadow-hue] [--base dir] [--sheet out.png] [--dir photos] [--real dir] [--shut-only]
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { lashCoreSetting } from '../src/render/closedEye/lashCore.ts';
import { shadowHueSetting } from '../src/render/closedEye/shadowHue.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { encodePng } from '../src/io/image.ts';
import type { RgbaImage } from '../src/types.ts';
import { eyeBox } from './eyeBox.ts';

const DATA = SHARED_DATA;
// --lash-core: the shut lash line's core darkened to the photo's lashes (render/closedEye/lashCore.ts, off in the product)
if (process.argv.includes('--lash-core')) lashCoreSetting.on = true;
// --shadow-hue: the shut lid's shading darker than the skin coloured as skin in shadow (render/closedEye/shadowHue.ts, off in the product)
if (process.argv.includes('--shadow-hue')) shadowHueSetting.on = true;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [outDir, list] = process.argv.slice(2);
if (!outDir || !list) throw new Error('usage: node --import tsx bench/shutEyeCrops.ts outDir file1,file2 [--base dir] [--sheet out.png] [--dir photos]');
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
const base = arg('--base'), sheetFile = arg('--sheet'), realDir = arg('--real');
// --shut-only: the sheet without the blink 0.5 columns
const shutOnly = process.argv.includes('--shut-only');
const realFiles = realDir ? readdirSync(realDir).filter((f) => f.endsWith('.png')).sort() : [];
mkdirSync(outDir, { recursive: true });
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });


/** A PNG of an earlier run as an RgbaImage (null when missing). */
async function loadPng(file: string): Promise<RgbaImage | null> {
  if (!existsSync(file)) return null;
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(await readFile(file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(dir, file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const at = (b: number) => copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: b, eyeBlinkRight: b } }));
  const shots = { half: at(0.5), shut: at(1) };
  const lm = portrait.cropLandmarks;
  for (const [side, a, b] of [['L', 33, 133], ['R', 362, 263]] as const) {
    const box = eyeBox(lm, a, b, portrait.image.width, portrait.image.height);
    const name = `${file.replace(/\.[^.]+$/, '')}-${side}`;
    const photo = cropImage(portrait.image, box), half = cropImage(shots.half, box), shut = cropImage(shots.shut, box);
    await writeFile(path.join(outDir, `${name}-half.png`), await encodePng(half));
    await writeFile(path.join(outDir, `${name}-shut.png`), await encodePng(shut));
    const row: GridCell[] = [];
    if (realFiles.length) {
      const real = realFiles[rows.length % realFiles.length]!;
      row.push({ label: real.replace(/^real-|\.png$/g, ''), image: (await loadPng(path.join(realDir!, real)))! });
    }
    row.push({ label: `${name} photo`, image: photo });
    if (base) {
      for (const [k, label] of (shutOnly ? [['shut', 'before: blink 1']] : [['half', 'base 0.5'], ['shut', 'base 1']]) as [string, string][]) {
        const img = await loadPng(path.join(base, `${name}-${k}.png`));
        if (img) row.push({ label, image: img });
      }
    }
    if (!shutOnly) row.push({ label: 'blink 0.5', image: half });
    row.push({ label: base && shutOnly ? 'after: blink 1' : 'blink 1', image: shut });
    rows.push(row);
  }
  console.log(`${file}: crops in ${outDir}`);
}
if (sheetFile) {
  await writeFile(sheetFile, await labelledGrid(rows, { title: `shut eyes, 2 eye widths wide${base ? ': photo | base 0.5 | base 1 | 0.5 | 1' : ''}`, cellW: 300, cellH: 180 }));
  console.log(`sheet: ${sheetFile}`);
}
