// Library teeth on chosen frames of saved motions, per --root checkout (before/after): the mouth at 3x,
// one row per case and root, and the rendered teeth's figures (teethFigures.ts renderedTeeth: teeth
// share of the inner-lip polygon, their contrast, the vertical-line share and line energy of the
// row's gradient). Cases: portrait:motion.json:frame,frame,... (motions from `real3d motion` or a
// review's m_*.json). Never asserts.
//   node --import tsx bench/teethLook.ts --case lp_s1.jpg:/path/m.json:176,199 [--case ...] [--root before,after] [--out x.jpg]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { renderedTeeth } from './teethFigures.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
const cases = args.flatMap((a, i) => (args[i - 1] === '--case' ? [a] : []));
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/teethLook.jpg');
const SIZE = 512, ZOOM = 3, TILE = 300;
type Lm = ArrayLike<ArrayLike<number>>;

/** The skin's median luma and warmth (R-B)/luma between the lower lip (17) and the chin (152). */
function skinTone(d: ArrayLike<number>, lm: Lm): { l: number; warm: number } {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const cx = (lm[17]![0]! + lm[152]![0]!) / 2, cy = (lm[17]![1]! + lm[152]![1]!) / 2, h = 0.08 * iod;
  const ls: number[] = [], ws: number[] = [];
  for (let y = Math.round(cy - h); y <= cy + h; y++) for (let x = Math.round(cx - 2 * h); x <= cx + 2 * h; x++) {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) continue;
    const o = (y * SIZE + x) * 4;
    const l = 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
    ls.push(l); ws.push((d[o]! - d[o + 2]!) / Math.max(1, l));
  }
  const mid = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1];
  return { l: mid(ls) ?? 128, warm: mid(ws) ?? 0 };
}

const rows: Buffer[] = [];
const totals = roots.map(() => new Map<string, number[]>());
let width = 0;
for (const c of cases) {
  const [name, motionPath, frameList] = c.split(':');
  const motion = JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: unknown[] };
  const frames = frameList!.split(',').map(Number);
  const portrait = await analyzePortrait(await loadImage(name!.startsWith('/') ? name! : path.join(DATA, name!)));
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOfRoot(root, portrait, SIZE);
    const tiles: Buffer[] = [], figs: string[] = [];
    for (const i of frames) {
      const f = motion.frames[Math.min(motion.frames.length - 1, i)] as Parameters<typeof r.render>[0];
      const img = r.render(f), lm = r.landmarks(f);
      tiles.push(await sharp(await mouthTile(img.data, SIZE, mouthBox(lm, 1.4, 0.42), ZOOM)).resize(TILE, TILE).png().toBuffer());
      const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
      const skin = skinTone(img.data, lm);
      const t = renderedTeeth(img.data, SIZE, SIZE, polygonMask(poly, SIZE, SIZE), skin.l, skin.warm);
      if (!t) { figs.push(`f${i} shut`); continue; }
      figs.push(`f${i} share ${t.share.toFixed(2)} contr ${t.contrast.toFixed(3)} vline ${t.vline.toFixed(2)} lineE ${t.lineEnergy.toFixed(3)} cold ${t.cold.toFixed(2)}`);
      for (const [k, v] of Object.entries(t)) if (Number.isFinite(v)) totals[ri]!.set(k, [...(totals[ri]!.get(k) ?? []), v]);
    }
    console.log(`${path.basename(name!).padEnd(12)} ${path.basename(root).padEnd(8)} ${figs.join(' | ')}`);
    rows.push(await strip(tiles, TILE));
    width = Math.max(width, TILE * frames.length);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;
for (const [ri, root] of roots.entries()) {
  console.log(`median ${path.basename(root).padEnd(8)} ${[...totals[ri]!].map(([k, v]) => `${k} ${median(v).toFixed(3)}`).join('  ')}`);
}
await sharp({ create: { width, height: rows.length * (TILE + 4), channels: 3, background: '#000' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 4) })))
  .jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out} (per case, rows: ${roots.map((r) => path.basename(r)).join(', ')})`);
process.exit(0);
