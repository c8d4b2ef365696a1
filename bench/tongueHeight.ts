// How high and how bright the tongue stands in an open mouth, real and ours (issue #13, critic27: lp_s5 <- lp_d10
// f93, a pink tongue filling a dark open mouth; `view --expr jawOpen=.5`, a tall lit tongue at every yaw). Read
// down the opening's middle columns (motion/driverCavity.ts openingMiddle; real frames: the face mesh read off them,
// ours: the rig's own landmarks, where the render draws the lips; a read-back lost turned heads and took the tongue for lip):
// the dark share, the tongue's height (the lit run up from the lower lip, a share of the opening's height), its
// luma and the cavity's over the lips'. Real frames (--real), a portrait driven by a saved motion at chosen frames
// per --root checkout (before/after), with the count of frames that differ between the first two roots over the
// whole motion (--count), and plain jawOpen views (--jaw, --yaw; held still as `view --expr` holds them). A sheet driver | root... at 4x. Never asserts.
//   node --import tsx bench/tongueHeight.ts --real lp_d10.mp4:93,46
//   node --import tsx bench/tongueHeight.ts --portrait lp_s5.jpg --motion m.json --frames 93 --driver v8.mp4 --root BEFORE,. [--count] [--out x.jpg]
//   node --import tsx bench/tongueHeight.ts --portrait mt_man.png --jaw 0.5 --yaw -25,0,25 --root BEFORE,. [--out x.jpg]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { STILL_MOUTH } from '../src/rig/mouthBase.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { geometry, videoFrameAt, type Lm } from './openLowerLipFigures.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { cavityFigures, cavityText } from './cavityProfile.ts';
import { cachedPortrait } from './portraitCache.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const list = (name: string) => opt(name, '').split(',').filter(Boolean);
const DATA = SHARED_DATA;
const media = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(DATA, dir, f));
const SIZE = 512, TILE = 320, ZOOM = 4;
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : ' -- ');

/** The frame's reading: lip gap (IOD, read back), the middle's dark share, tongue height @ luma, cavity luma (over the lips'). */
async function reading(img: RgbaImage, known?: Lm): Promise<{ text: string; lm: Lm | null }> {
  const face = known ? null : (await detectFaces(img, { embedding: false }))[0];
  if (!known && !face) return { text: 'no face', lm: null };
  const lm = known ?? (face!.landmarks as Lm), flat = Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat()), m = openingMiddle(img, flat);
  const g = geometry(lm).gap;
  return { lm, text: `gap ${g.toFixed(3)} ${m ? `dark ${f2(m.dark)} tongue ${f2(m.tongue)}@${f2(m.tongueLight)} cavity @${f2(m.cavityLight)} | ${cavityText(cavityFigures(img, flat))}` : 'shut'}` };
}

/** A 4x tile round the mouth (box from `lm`, else the frame's centre). */
async function tile(img: RgbaImage, lm: Lm | null): Promise<Buffer> {
  const box = lm ? mouthBox(lm, 1.5, 0.45) : { left: img.width / 2 - 50, top: img.height / 2, side: 100 };
  box.side = Math.min(box.side, img.width - Math.max(0, box.left), img.height - Math.max(0, box.top));
  return sharp(await mouthTile(img.data, img.width, box, ZOOM)).resize(TILE, TILE).png().toBuffer();
}

const rows: Buffer[] = [];
// --real VIDEO:f,f,...[;VIDEO:f,...]: real frames at f/25 s
for (const spec of opt('--real', '').split(';').filter(Boolean)) {
  const [file, fs] = spec.split(':');
  const tiles: Buffer[] = [];
  for (const f of fs!.split(',').map(Number)) {
    const img = videoFrameAt(media(file!, 'video'), f / 25 + 0.001), r = await reading(img);
    console.log(`real ${path.basename(file!)} f${f}: ${r.text}`);
    tiles.push(await tile(img, r.lm));
  }
  rows.push(await strip(tiles, TILE));
}

const portraitName = opt('--portrait', '');
if (portraitName) {
  // (s40 corner40: the bench cache's analysis, portraitCache.ts)
  const portrait = await cachedPortrait(media(portraitName, 'portraits'));
  const roots = opt('--root', '.').split(',').map((r) => path.resolve(r));
  const motionFile = opt('--motion', '');
  const motion = motionFile ? (JSON.parse(await readFile(motionFile, 'utf8')) as { frames: MotionFrame[] }) : null;
  const renderers = await Promise.all(roots.map((r) => rendererOfRoot(r, portrait, SIZE)));
  const n = renderers[0]!.neutralFrame();
  const picks: [string, MotionFrame][] = [
    ...list('--frames').map((f) => [`f${f}`, motion!.frames[Number(f)]!] as [string, MotionFrame]),
    ...list('--jaw').flatMap((j) => (list('--yaw').length ? list('--yaw') : ['0']).map((y) => [`jaw${j} yaw${y}`, { ...n, w: { ...n.w, jawOpen: Number(j), [STILL_MOUTH]: 1 }, pose: { ...n.pose, yaw: Number(y) } }] as [string, MotionFrame])),
  ];
  const driver = opt('--driver', '');
  const columns: Buffer[][] = [];
  if (driver) {
    const tiles: Buffer[] = [];
    for (const [label] of picks) {
      const img = videoFrameAt(media(driver, 'video'), Number(label.slice(1)) / 25 + 0.001), r = await reading(img);
      console.log(`driver ${label}: ${r.text}`);
      tiles.push(await tile(img, r.lm));
    }
    columns.push(tiles);
  }
  for (const [k, r] of renderers.entries()) {
    const tiles: Buffer[] = [];
    for (const [label, f] of picks) {
      const img = r.render(f), copy = { width: SIZE, height: SIZE, data: Uint8ClampedArray.from(img.data) } as RgbaImage, rd = await reading(copy, r.landmarks(f));
      console.log(`${path.basename(roots[k]!)} ${label}: ${rd.text}`);
      tiles.push(await tile(copy, rd.lm));
    }
    columns.push(tiles);
  }
  // frames that differ between the first two roots, over the whole motion
  if (args.includes('--count') && motion && renderers.length > 1) {
    const changed: number[] = [];
    motion.frames.forEach((f, i) => {
      const a = Uint8ClampedArray.from(renderers[0]!.render(f).data), b = renderers[1]!.render(f).data;
      let d = 0;
      for (let q = 0; q < a.length; q++) if (a[q] !== b[q]) { d++; break; }
      if (d) changed.push(i);
    });
    console.log(`frames changed ${changed.length}/${motion.frames.length}: ${changed.join(',')}`);
  }
  // one row per pick: driver | root...
  for (let p = 0; p < picks.length; p++) rows.push(await strip(columns.map((c) => c[p]!), TILE));
}

const out = opt('--out', '');
if (out && rows.length) {
  const width = Math.max(...(await Promise.all(rows.map(async (r) => (await sharp(r).metadata()).width!))));
  await sharp({ create: { width, height: rows.length * (TILE + 4), channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 4) }))).jpeg({ quality: 85 }).toFile(out);
  console.log(`wrote ${out}`);
}
