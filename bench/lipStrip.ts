// Mouth strips over a stretch of frames: one row per run (the real speaker, then bench/audioMouth.ts
// runs made with --strip), one 3x close-up per frame, each labelled with its frame, lip gap and mouth
// width (IOD units) read back by the face mesh. How docs/lipsync/audio-s16*.jpg were made.
//   node --import tsx bench/lipStrip.ts --out OUT.jpg --case obama1 --rows real,/tmp/runs/before,/tmp/runs/after [--from 0] [--to 48] [--step 2] [--tile 120]
// (real = the close-ups the first run saved in its parent folder, strip_real_<case>/; a row DIR#other reads case `other` of that run)
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

const argv = process.argv.slice(2);
const arg = (n: string, d?: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const out = arg('--out'), name = arg('--case'), rows = arg('--rows')?.split(',');
if (!out || !name || !rows) throw new Error('usage: bench/lipStrip.ts --out OUT.jpg --case NAME --rows real,DIR1,DIR2 [--from 0] [--to 48] [--step 2] [--tile 120]');
const from = Number(arg('--from', '0')), to = Number(arg('--to', '48')), step = Number(arg('--step', '2')), T = Number(arg('--tile', '120'));
const runs = rows.filter((r) => r !== 'real');
if (!runs.length) throw new Error('lipStrip: give at least one run folder');
interface Fig { gap: (number | null)[]; realGap: (number | null)[]; width?: (number | null)[]; realWidth?: (number | null)[]; db: number[] }
/** a row's run folder and case (DIR#case: another case of that run, e.g. the same sound on another photo) */
const rowOf = (row: string) => (row.includes('#') ? (row.split('#') as [string, string]) : ([row, name] as [string, string]));
const figOf = (row: string) => { const [dir, c] = rowOf(row); return JSON.parse(readFileSync(path.join(dir, c, 'figures.json'), 'utf8')) as Fig; };
const frames: number[] = [];
for (let i = from; i <= to; i += step) frames.push(i);
const L = 110, H = 16;
const text = (s: string, w: number, h: number, size = 13) => Buffer.from(`<svg width="${w}" height="${h}"><style>text{font:${size}px sans-serif;fill:#fff}</style>${s.split('\n').map((l, k) => `<text x="4" y="${size + k * (size + 3)}">${l}</text>`).join('')}</svg>`);
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(2));
const tiles: OverlayOptions[] = [];
const first = figOf(runs[0]!);
frames.forEach((f, k) => tiles.push({ input: text(`f${f} ${first.db[f] !== undefined ? `${first.db[f]!.toFixed(0)}dB` : ''}`, T, H), left: L + k * T, top: 0 }));
for (const [r, row] of rows.entries()) {
  const real = row === 'real';
  const dir = real ? path.join(rowOf(runs[0]!)[0], '..', `strip_real_${name}`) : path.join(...rowOf(row), 'strip');
  const fig = real ? first : figOf(row);
  tiles.push({ input: text(real ? 'real' : path.basename(row).replace('#', '\n'), L, T, 15), left: 0, top: H + r * (T + H) });
  for (const [k, f] of frames.entries()) {
    const file = path.join(dir, `${String(f).padStart(4, '0')}.png`);
    if (!existsSync(file)) continue;
    tiles.push({ input: await sharp(file).resize(T, T).toBuffer(), left: L + k * T, top: H + r * (T + H) });
    const gap = real ? fig.realGap[f] : fig.gap[f], width = real ? fig.realWidth?.[f] : fig.width?.[f];
    tiles.push({ input: text(`gap ${fmt(gap)} w ${fmt(width)}`, T, H, 12), left: L + k * T, top: H + r * (T + H) + T });
  }
}
await sharp({ create: { width: L + frames.length * T, height: H + rows.length * (T + H), channels: 3, background: '#1a1a1a' } }).composite(tiles).jpeg({ quality: 82 }).toFile(out);
console.log(`${out}: ${rows.length} rows x ${frames.length} frames`);
