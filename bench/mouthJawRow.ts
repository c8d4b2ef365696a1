// The mouth opening on portraits: per portrait a row of motion jawOpen values (photo's pose and
// expression otherwise; --smile adds mouthSmile), mouth cut out and zoomed 3x, one row per --root
// (a checkout: before/after). Prints the interior figures (bench/mouthInterior.ts) per root at each
// opening: dark share, teeth value / chroma / R-B, tooth-edge energy. Never asserts.
//   node --import tsx bench/mouthJawRow.ts [--portraits lp_s5.jpg,...] [--jaw 0.15,0.3,0.5,0.8] [--root a,b] [--out x.jpg]
import path from 'node:path';
import sharp from 'sharp';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { interiorStats } from './mouthInterior.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
// (mt_sun and Obama: their videos' first frames, as critic15 drove them)
const MEDIA = '/work/review/s15/media';
const portraits = opt('--portraits', `lp_s5.jpg,st_happy.png,lp_s12.jpg,${MEDIA}/mtsun_f0.png,lp_s42.jpg,lp_s1.jpg,mt_man.png,${MEDIA}/obama1_f0.png`).split(',');
const jaws = opt('--jaw', '0.15,0.3,0.5,0.8').split(',').map(Number);
const smile = Number(opt('--smile', '0'));
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/mouthJawRow.jpg');
const SIZE = 512, ZOOM = 3, TILE = 3 * 110;
const rows: Buffer[] = [];

for (const name of portraits) {
  const portrait = await analyzePortrait(await loadImage(name.startsWith('/') ? name : path.join(DATA, name)));
  let box = { side: 0, left: 0, top: 0 };
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOfRoot(root, portrait, SIZE);
    const n = r.neutralFrame();
    if (ri === 0) box = mouthBox(r.landmarks(n), 1.5, 0.42);
    const tiles: Buffer[] = [], figs: string[] = [];
    for (const j of jaws) {
      const f = { ...n, w: { ...n.w, jawOpen: j, ...(smile ? { mouthSmileLeft: smile, mouthSmileRight: smile } : {}) } };
      const img = r.render(f);
      tiles.push(await sharp(await mouthTile(img.data, SIZE, box, ZOOM)).resize(TILE, TILE).png().toBuffer());
      const s = interiorStats(img.data, SIZE, r.landmarks(f));
      figs.push(s ? `${j}: dark ${s.dark.toFixed(2)} teeth ${s.value.toFixed(0)}/${s.chroma.toFixed(0)} R-B ${s.rb.toFixed(0)} edge ${s.edge.toFixed(1)}` : `${j}: closed`);
    }
    console.log(`${path.basename(name).padEnd(14)} ${path.basename(root).padEnd(9)} ${figs.join(' | ')}`);
    rows.push(await strip(tiles, TILE));
  }
}
const W = TILE * jaws.length, gap = 4;
await sharp({ create: { width: W, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) })))
  .jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out} (per portrait rows: ${roots.map((r) => path.basename(r)).join(', ')}; jawOpen ${jaws.join(', ')})`);
