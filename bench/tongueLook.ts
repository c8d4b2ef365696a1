// The lit tongue, driver beside ours (issue #13, tongue40): a saved motion's frames on a portrait per --root checkout, each
// read with bench/tongueLit.ts (real frames: the face mesh read off them; ours: the rig's own landmarks), and a PNG sheet
// driver | root... with the mouth at --zoom (default 4). Audio motions: leave out --driver. Never asserts.
//   node --import tsx bench/tongueLook.ts --portrait lp_s9.jpg --motion m.json --frames 165,166 --driver lp_d11.mp4 --root BEFORE,. --out x.png
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { detectFaces } from '../src/face/detect.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { videoFrameAt, type Lm } from './openLowerLipFigures.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { cachedPortrait } from './portraitCache.ts';
import { tongueLitFigures, tongueLitText } from './tongueLit.ts';
import { tongueTopFigures, tongueTopText } from './tongueTopRead.ts';
import { tongueReachFigures, tongueReachText } from './tongueReachRead.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const media = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(DATA, dir, f));
const SIZE = 512, ZOOM = Number(opt('--zoom', '4')), TILE = Number(opt('--tile', '360'));
const flat = (lm: Lm) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

async function tile(img: RgbaImage, lm: Lm): Promise<Buffer> {
  const box = mouthBox(lm, 1.3, 0.42);
  box.side = Math.min(box.side, img.width - Math.max(0, box.left), img.height - Math.max(0, box.top));
  return sharp(await mouthTile(img.data, img.width, box, ZOOM)).resize(TILE, TILE).png().toBuffer();
}

const portrait = await cachedPortrait(media(opt('--portrait', 'lp_s9.jpg'), 'portraits'));
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const roots = opt('--root', '.').split(',').map((r) => path.resolve(r));
const driver = opt('--driver', '');
const columns: Buffer[][] = [];
if (driver) {
  const tiles: Buffer[] = [];
  for (const f of frames) {
    const img = videoFrameAt(media(driver, 'video'), f / 25 + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) { console.log(`driver f${f}: no face`); tiles.push(await sharp({ create: { width: TILE, height: TILE, channels: 3, background: '#000' } }).png().toBuffer()); continue; }
    const lm = face.landmarks as Lm;
    console.log(`driver      f${f}: ${tongueLitText(tongueLitFigures(img, flat(lm)))} | ${tongueTopText(tongueTopFigures(img, flat(lm)))} | ${tongueReachText(tongueReachFigures(img, flat(lm)))}`);
    tiles.push(await tile(img, lm));
  }
  columns.push(tiles);
}
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE), tiles: Buffer[] = [];
  for (const f of frames) {
    const fr = motion.frames[f]!, img = r.render(fr), copy = { width: SIZE, height: SIZE, data: Uint8ClampedArray.from(img.data) } as RgbaImage, lm = r.landmarks(fr);
    console.log(`${path.basename(root).padEnd(11)} f${f}: ${tongueLitText(tongueLitFigures(copy, flat(lm)))} | ${tongueTopText(tongueTopFigures(copy, flat(lm)))} | ${tongueReachText(tongueReachFigures(copy, flat(lm)))}`);
    tiles.push(await tile(copy, lm));
  }
  columns.push(tiles);
}
const out = opt('--out', '');
if (out) {
  const rows = await Promise.all(frames.map((_, p) => strip(columns.map((c) => c[p]!), TILE)));
  await sharp({ create: { width: TILE * columns.length, height: rows.length * (TILE + 4), channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 4) }))).png().toFile(out);
  console.log(`wrote ${out}`);
}
