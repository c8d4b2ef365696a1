// Does a blink move more than the lid? A real blink leaves the brow and the skin above the lid fold
// where they are; a wince pulls them down. Per portrait and eye: how far (px and eye widths) the
// band from the brow's top down to the crease moves between blink 0 and blink 1, from the vertical
// luminance profiles of the columns over the eye's middle half (best shift, -6..+6 px in 0.25 px
// steps, + = down), and a zoomed sheet (blink 0 | blink 1, both eyes with the brows).
// --root renders with another checkout (e.g. /work/main) for the before figures. Never asserts.
//   node --import tsx bench/blinkWince.ts [--root /work/main] [--sheet out.png] lp_s1.jpg,mt_man.png,...
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const sheet = arg('--sheet');
const list = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')).at(-1);
if (!list) throw new Error('usage: node --import tsx bench/blinkWince.ts [--root dir] [--sheet out.png] a.jpg,b.png');
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const DATA = SHARED_DATA;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const lumAt = (img: RgbaImage, x: number, y: number) => {
  const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), y0 = Math.min(img.height - 2, Math.max(0, Math.floor(y))), f = y - y0;
  const l = (yy: number) => { const o = (yy * img.width + xi) * 4; return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!; };
  return (1 - f) * l(y0) + f * l(y0 + 1);
};
// per eye: upper lid (middle), crease ring (middle), brow upper contour (middle)
const EYES = [
  { corners: [33, 133], lid: 159, crease: 27, browTop: 105 },
  { corners: [263, 362], lid: 386, crease: 257, browTop: 334 },
];

/** The shift (px, + = down) of the band [top, bottom] from a to b: the best match of their column profiles. */
function bandShift(a: RgbaImage, b: RgbaImage, x0: number, x1: number, top: number, bottom: number): number {
  let best = 0, bestErr = Infinity;
  for (let s = -6; s <= 6; s += 0.25) {
    let err = 0;
    for (let x = Math.round(x0); x <= x1; x++) for (let y = top; y <= bottom; y++) err += (lumAt(a, x, y) - lumAt(b, x, y + s)) ** 2;
    if (err < bestErr) { bestErr = err; best = s; }
  }
  return best;
}

const rows: GridCell[][] = [];
console.log(`root ${root}: shift of the brow-to-crease band at blink 1 (px, eye widths; + = down)`);
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const open = copy(r.render(n));
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const lm = portrait.cropLandmarks;
  const out: string[] = [];
  for (const e of EYES) {
    const [c0, c1] = e.corners.map((i) => lm[i]!);
    const w = Math.hypot(c1![0]! - c0![0]!, c1![1]! - c0![1]!);
    const xa = Math.min(c0![0]!, c1![0]!) + 0.25 * Math.abs(c1![0]! - c0![0]!), xb = Math.max(c0![0]!, c1![0]!) - 0.25 * Math.abs(c1![0]! - c0![0]!);
    const top = Math.round(lm[e.browTop]![1]! - 0.1 * w), bottom = Math.round(lm[e.crease]![1]!);
    const s = bandShift(open, shut, xa, xb, top, bottom);
    out.push(`${s.toFixed(2)} px (${(s / w).toFixed(3)})`);
  }
  console.log(`${file.padEnd(18)} image-left eye ${out[0]}   image-right eye ${out[1]}`);
  if (sheet) {
    const box = squareBox([33, 263, 105, 334, 145, 374].map((i) => lm[i]!), 1.15, open.width, open.height);
    const half: [number, number, number, number] = [box[0], box[1], box[2], Math.round(box[3] * 0.8)];
    rows.push([{ label: `${file} blink 0`, image: cropImage(open, half) }, { label: `blink 1: band ${out.join(' / ')}`, image: cropImage(shut, half) }]);
  }
}
if (sheet) {
  await writeFile(sheet, await labelledGrid(rows, { title: `blink 0 | blink 1 (brows and eyes; ${path.basename(root)})`, cellW: 420, cellH: 336 }));
  console.log(`sheet: ${sheet}`);
}
