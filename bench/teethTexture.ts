// The drawn teeth's look along the rows (teethTextureFigures.ts: the front pair over the laterals, the lower row's beads) on
// a driver's real frames and on each --root's render of a saved motion's frames; sheet: driver | roots, mouth at --zoom x.
// (issue #13, teethtex52: lp_s9 <- lp_d11's lower row a comb of beads, mt_man + ls3's bright front pair.) Never asserts.
//   node --import tsx bench/teethTexture.ts --photo lp_s9.jpg --motion m.json [--video lp_d11.mp4] --frames 76,165 [--root a,b] [--zoom 4] [--out x.jpg]
//   node --import tsx bench/teethTexture.ts --video /abs/clip.mp4 --frames 10,20   (real frames only)
//   --vs render/mouth/rowFlat.ts:rowFlatSetting.upper=true (repeatable; '+' joins several): one more row, the first root with those settings (s53 beads53)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { dist, type Lm } from './readBack.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { teethTexture, teethTextureText, type TeethTexture } from './teethTextureFigures.ts';
import { applySettingSpec } from './settingSpec.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', ''), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '23').split(',').map(Number);
const vsSpecs = process.argv.flatMap((a, i) => (a === '--vs' ? [process.argv[i + 1]!] : []));
const roots = photo ? opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r)) : [];
const zoom = Number(opt('--zoom', '4')), out = opt('--out', '/tmp/teethTexture.jpg');
const SIZE = Number(opt('--size', '512'));

function mouthCrop(img: RgbaImage, lm: Lm): RgbaImage {
  const mw = dist(lm, 61, 291), w = Math.round(1.3 * mw), h = Math.round(0.6 * mw);
  const cx = (lm[61]![0] + lm[291]![0]) / 2, cy = (lm[13]![1] + lm[14]![1]) / 2;
  const x = Math.max(0, Math.min(img.width - w, Math.round(cx - w / 2))), y = Math.max(0, Math.min(img.height - h, Math.round(cy - h / 2)));
  return cropImage(img, [x, y, w, h]);
}
const rows: GridCell[][] = [], labels: string[] = [], sums = new Map<string, TeethTexture[]>();
const add = (tag: string, t: TeethTexture | null) => { if (t) sums.set(tag, [...(sums.get(tag) ?? []), t]); };
let cellW = 0;
if (video) {
  const cells: GridCell[] = [];
  for await (const { k, img, lm } of driverPicks(video.startsWith('/') ? video : video, picks)) {
    const t = lm ? teethTexture(img, lm) : null;
    console.log(`driver     f${k}: ${teethTextureText(t)}`);
    add('driver', t);
    if (lm) { const c = mouthCrop(img, lm); cellW = Math.max(cellW, Math.min(480, c.width * zoom)); cells.push({ label: `driver f${k}`, image: c }); }
  }
  rows.push(cells); labels.push('driver');
}
if (photo) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  const runs = [...roots.map((root) => ({ root, spec: '' })), ...vsSpecs.map((spec) => ({ root: roots[0]!, spec }))];
  for (const [n, { root, spec }] of runs.entries()) {
    const undo = spec ? await applySettingSpec(spec, path.join(root, 'src')) : () => {};
    const r = await rendererOfRoot(root, portrait, SIZE), tag = spec ? `vs${n - roots.length + 1}` : path.basename(root), cells: GridCell[] = [];
    if (spec) console.log(`${tag} = ${path.basename(root)} with ${spec}`);
    for (const i of picks) {
      const { img, meshLm: lm } = renderedPick(r, motion.frames, i);
      const t = teethTexture(img, lm);
      console.log(`${tag.padEnd(10)} f${i}: ${teethTextureText(t)}`);
      add(tag, t);
      const c = mouthCrop(img, lm);
      cellW = Math.max(cellW, c.width * zoom);
      cells.push({ label: `${tag} f${i}`, image: c });
    }
    undo();
    rows.push(cells); labels.push(tag);
  }
}
for (const [tag, v] of sums) {
  const mean = (k: keyof TeethTexture) => { const f = v.map((t) => t[k]).filter(Number.isFinite); return f.length ? (f.reduce((a, b) => a + b, 0) / f.length).toFixed(3) : '-'; };
  console.log(`mean ${tag.padEnd(10)} front ${mean('front')} bead ${mean('bead')} beads/.1iod ${mean('beadsPer')} teeth/lip ${(v.reduce((a, t) => a + t.upperLight / t.lip, 0) / v.length).toFixed(3)} teeth/cheek ${(v.reduce((a, t) => a + t.upperLight / t.cheek, 0) / v.length).toFixed(3)} picket ${mean('picket')} (n ${v.length}, lower read on ${v.filter((t) => Number.isFinite(t.bead)).length})`);
}
const png = await labelledGrid(rows, { title: `${photo || ''} <- ${video || path.basename(motionPath)} (teeth texture; mouth ${zoom}x)`, cellW, cellH: Math.round(cellW * 0.46), rowLabels: labels });
await sharp(png).png().toFile(out);
console.log(`wrote ${out}`);
process.exit(0);
