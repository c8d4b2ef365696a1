// Small openings (motion jawOpen .05-.15) on portraits, per --root checkout (before/after): inside
// the inner-lip polygon, how much of the parting is a cold mid-grey (neither a dark slit nor lit
// teeth: critic17's "blue-grey line", `partingFigures`), its luma over the skin's at the 90th
// percentile (a lit teeth edge) and the mean blue shift of its mid-tones. A 3x mouth sheet, one row
// per portrait and root. Never asserts.
//   node --import tsx bench/smallParting.ts [--portraits a.jpg,/abs/b.png] [--jaw 0.05,0.08,0.1,0.12,0.15] [--root a,b] [--out x.jpg]
import path from 'node:path';
import sharp from 'sharp';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { partingFigures } from './partingFigures.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
const portraits = opt('--portraits', 'lp_s1.jpg,lp_s2.jpg,lp_s11.jpg,st_happy.png,st_art_1.png').split(',');
const jaws = opt('--jaw', '0.05,0.08,0.1,0.12,0.15').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/smallParting.jpg');
const SIZE = 512, ZOOM = 3, TILE = 3 * 100;
const rows: Buffer[] = [];
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const all = roots.map(() => ({ grey: [] as number[], top: [] as number[], blue: [] as number[] }));

for (const name of portraits) {
  const portrait = await analyzePortrait(await loadImage(name.startsWith('/') ? name : path.join(DATA, name)));
  let box = { side: 0, left: 0, top: 0 };
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOfRoot(root, portrait, SIZE);
    const n = r.neutralFrame();
    if (ri === 0) box = mouthBox(r.landmarks(n), 1.4, 0.42);
    const tiles: Buffer[] = [], figs: string[] = [];
    for (const j of jaws) {
      const f = { ...n, w: { ...n.w, jawOpen: j } };
      const img = r.render(f);
      tiles.push(await sharp(await mouthTile(img.data, SIZE, box, ZOOM)).resize(TILE, TILE).png().toBuffer());
      const s = partingFigures(img.data, SIZE, r.landmarks(f));
      if (!s) { figs.push(`${j}: shut`); continue; }
      all[ri]!.grey.push(s.grey); all[ri]!.top.push(s.top); all[ri]!.blue.push(s.blue);
      figs.push(`${j}: grey ${s.grey.toFixed(2)} top ${s.top.toFixed(2)} blue ${s.blue.toFixed(2)}`);
    }
    console.log(`${path.basename(name).padEnd(14)} ${path.basename(root).padEnd(9)} ${figs.join(' | ')}`);
    rows.push(await strip(tiles, TILE));
  }
}
for (const [ri, root] of roots.entries()) {
  const a = all[ri]!;
  console.log(`median ${path.basename(root).padEnd(9)} grey ${median(a.grey).toFixed(3)} top ${median(a.top).toFixed(3)} blue ${median(a.blue).toFixed(3)} (n ${a.grey.length})`);
}
const W = TILE * jaws.length, gap = 4;
await sharp({ create: { width: W, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) })))
  .jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out} (per portrait rows: ${roots.map((r) => path.basename(r)).join(', ')}; jawOpen ${jaws.join(', ')})`);
