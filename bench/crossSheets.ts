// Before/after sheets for docs: pairs the per-driver peak sheets written by bench/cross.ts (--tag
// before / --tag after, same driver frames) into one JPEG per driver: driver | result before |
// result after | driver eyes | eyes before | eyes after.
//   node --import tsx bench/crossSheets.ts [in dir] [out dir]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import { BENCH_CACHE } from './benchCache.ts';

const [inDir = path.join(BENCH_CACHE, 'cross'), outDir = 'docs/eyes/cross'] = process.argv.slice(2);
// the layout of labelledGrid in bench/cross.ts: title 30 px, cells 260 x 200 + 16 caption + 4 gap
const HEAD = 30, CW = 260, CH = 200, CAP = 16, GAP = 4;
await mkdir(outDir, { recursive: true });
for (const file of readdirSync(inDir).filter((f) => f.endsWith('-before.png')).sort()) {
  const name = file.replace(/-before\.png$/, '');
  const before = path.join(inDir, file), after = path.join(inDir, `${name}-after.png`);
  const meta = await sharp(before).metadata();
  const rows = Math.round((meta.height! - HEAD) / (CH + CAP + GAP));
  const cell = (src: string, r: number, c: number, withCaption = false) => sharp(src).extract({ left: c * (CW + GAP), top: HEAD + r * (CH + CAP + GAP), width: CW, height: CH + (withCaption ? CAP : 0) }).png().toBuffer();
  const layers: OverlayOptions[] = [];
  const cols = [[before, 0, true], [before, 1, false], [after, 1, false], [before, 2, false], [before, 3, false], [after, 3, false]] as const;
  const W = cols.length * (CW + GAP), rowH = CH + CAP + GAP;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols.length; k++) {
      const [src, c, cap] = cols[k]!;
      layers.push({ input: await cell(src, r, c, cap), left: k * (CW + GAP), top: HEAD + r * rowH });
    }
  }
  const labels = ['driver (peak)', 'result BEFORE', 'result AFTER', 'driver eyes', 'eyes BEFORE (3x)', 'eyes AFTER (3x)'];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${HEAD}"><text x="6" y="20" font-size="15" font-family="sans-serif" fill="#fff">${name}: ${labels.join(' | ')}</text></svg>`;
  layers.push({ input: Buffer.from(svg), left: 0, top: 0 });
  const jpg = await sharp({ create: { width: W, height: HEAD + rows * rowH, channels: 3, background: { r: 24, g: 24, b: 30 } } }).composite(layers).jpeg({ quality: 78 }).toBuffer();
  const out = path.join(outDir, `${name}.jpg`);
  await writeFile(out + '.tmp', jpg);
  await rename(out + '.tmp', out);
  console.log(`${out}: ${rows} peaks, ${(jpg.length / 1024).toFixed(0)} kB`);
}
