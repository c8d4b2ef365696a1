// A saved motion's frames on a portrait, per --root checkout (before/after): the mouth cut out at 3x
// at chosen times, one row per root, and each frame's mid-opening figures (bench/midOpeningFigures.ts:
// gap, dark share, the dark band's height down the middle columns, the lit share of the lower third).
// For the clips a review named (lp_s0 + imagine.wav at 1.8, 3.2, 5.0 s). Never asserts.
//   node --import tsx bench/clipFrames.ts --portrait lp_s0.jpg --motion /tmp/m.json --times 1.8,3.2,5 [--root a,b] [--out x.jpg]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { midFigures } from './midOpeningFigures.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
const name = opt('--portrait', 'lp_s0.jpg');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { fps: number; frames: { w: Record<string, number> }[] };
const times = opt('--times', '1.8,3.2,5').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/clipFrames.jpg');
const SIZE = 512, ZOOM = 3, TILE = 300;

// (s39: the bench cache's analysis, portraitCache.ts)
const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(DATA, name));
const rows: Buffer[] = [];
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE);
  const tiles: Buffer[] = [], figs: string[] = [];
  for (const t of times) {
    const i = Math.min(motion.frames.length - 1, Math.round(t * (motion.fps || 25)));
    const f = motion.frames[i]! as Parameters<typeof r.render>[0];
    const img = r.render(f), lm = r.landmarks(f);
    tiles.push(await sharp(await mouthTile(img.data, SIZE, mouthBox(lm, 1.4, 0.42), ZOOM)).resize(TILE, TILE).png().toBuffer());
    const m = midFigures(img.data, lm, SIZE, SIZE);
    figs.push(`f${i}: ${m ? `gap ${m.gap.toFixed(2)} d ${m.dark.toFixed(2)} run ${m.darkRun.toFixed(2)} low ${m.lowerLit.toFixed(2)} upper ${m.upper.toFixed(2)}` : 'shut'}`);
  }
  console.log(`${path.basename(name).padEnd(12)} ${path.basename(root).padEnd(10)} ${figs.join(' | ')}`);
  rows.push(await strip(tiles, TILE));
}
const W = TILE * times.length, gap = 4;
await sharp({ create: { width: W, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) })))
  .jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out} (rows: ${roots.map((r) => path.basename(r)).join(', ')}; times ${times.join(', ')} s)`);
