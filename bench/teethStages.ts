// Which stage of readyMouth (layers.ts) draws a library-row defect: the upper and lower rows after each
// stage (ready, matched, rows, levelled, tips, relief, look, photo) over a dark cavity, zoomed, one
// strip per portrait, plus the rendered mouth at a few jawOpen values; per stage the rows' figures
// (teethFigures.ts: contrast, vertical-line share). Never asserts.
//   node --import tsx bench/teethStages.ts [--portraits st_art_1.png,lp_s1.jpg] [--jaw 0.3,0.6] [--stages ready,relief,look] [--tile 150] [--out x.jpg]
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { mouthBox, mouthTile } from './mouthTiles.ts';
import { layerFigures } from './teethFigures.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
const portraits = opt('--portraits', 'st_art_1.png,lp_s1.jpg,lp_s12.jpg').split(',');
const jaws = opt('--jaw', '0.3,0.6').split(',').map(Number);
const out = opt('--out', '/tmp/teethStages.jpg');
const shown = opt('--stages', 'ready,rows,levelled,tips,relief,look,photo').split(',');
const SIZE = 512, ZOOM = 4, TILE_H = Number(opt('--tile', '150')), CAVITY = [40, 18, 18];

/** A ready layer (premultiplied) over the cavity colour, enlarged (PNG). */
async function layerTile(l: ReadyLayer, zoom: number): Promise<Buffer> {
  const px = Buffer.alloc(l.width * l.height * 3);
  for (let k = 0; k < l.width * l.height; k++) {
    const a = l.data[k * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) px[k * 3 + ch] = Math.round(Math.min(255, l.data[k * 4 + ch]! + CAVITY[ch]! * (1 - a)));
  }
  return sharp(px, { raw: { width: l.width, height: l.height, channels: 3 } }).resize(l.width * zoom, l.height * zoom, { kernel: 'nearest' }).png().toBuffer();
}

const strips: { input: Buffer; width: number; height: number }[] = [];
for (const name of portraits) {
  const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(DATA, name));
  const avatar = buildAvatar(portrait);
  const r = createRenderer(avatar, { width: SIZE, height: SIZE });
  const tiles: { input: Buffer; width: number; height: number }[] = [];
  const pending: Promise<void>[] = [];
  readyMouth(avatar, avatar.head.iod * (SIZE / avatar.size), (stage, upper, lower) => {
    const fu = layerFigures(upper), fl = lower ? layerFigures(lower) : '(upper row only)';
    console.log(`${path.basename(name).padEnd(12)} ${stage.padEnd(9)} upper ${upper.width}x${upper.height} ${fu}  lower ${fl}`);
    if (!shown.includes(stage) || !lower) return;
    tiles.push({ input: Buffer.alloc(0), width: 0, height: 0 });
    const at = tiles.length - 1;
    pending.push(Promise.all([layerTile(upper, ZOOM), layerTile(lower, ZOOM)]).then(async ([u, lo]) => {
      const h = upper.height * ZOOM + lower.height * ZOOM + 4, w = Math.max(upper.width, lower.width) * ZOOM;
      tiles[at] = { input: await sharp({ create: { width: w, height: h, channels: 3, background: '#000' } }).composite([{ input: u, left: 0, top: 0 }, { input: lo, left: 0, top: upper.height * ZOOM + 4 }]).png().toBuffer(), width: w, height: h };
    }));
  });
  await Promise.all(pending);
  const n = r.neutralFrame();
  const box = mouthBox(r.landmarks(n), 1.4, 0.42);
  for (const j of jaws) {
    const img = r.render({ ...n, w: { ...n.w, jawOpen: j } });
    tiles.push({ input: await mouthTile(img.data, SIZE, box, 3), width: box.side * 3, height: box.side * 3 });
  }
  const scaled = await Promise.all(tiles.map(async (t) => {
    const w = Math.round((t.width * TILE_H) / t.height);
    return { input: await sharp(t.input).resize(w, TILE_H).png().toBuffer(), width: w };
  }));
  const W = scaled.reduce((s, t) => s + t.width + 4, 0);
  let x = 0;
  strips.push({ input: await sharp({ create: { width: W, height: TILE_H, channels: 3, background: '#222' } }).composite(scaled.map((t) => { const c = { input: t.input, left: x, top: 0 }; x += t.width + 4; return c; })).png().toBuffer(), width: W, height: TILE_H });
}
const W = Math.max(...strips.map((s) => s.width));
await sharp({ create: { width: W, height: strips.length * (TILE_H + 6), channels: 3, background: '#000' } })
  .composite(strips.map((s, q) => ({ input: s.input, left: 0, top: q * (TILE_H + 6) }))).png().toFile(out);
console.log(`wrote ${out} (per portrait: stages ready, matched, rows, levelled, tips, relief, look, photo; then jawOpen ${jaws.join(', ')})`);
process.exit(0);
