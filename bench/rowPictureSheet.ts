// Mouths zoomed 3x: a base checkout's render | this one's, per portrait, at one expression (rowpic30:
// the no-teeth row's relief per kind of picture).
//   node --import tsx bench/rowPictureSheet.ts out.jpg lp_s1.jpg,st_art_1.png,... [--base /work/main] [--expr jawOpen=.5,...]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { skinTexture, texturedShare } from '../src/render/mouth/pictureKind.ts';
import { LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const [out, list] = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const base = opt('--base', '/work/main');
const expr = Object.fromEntries(opt('--expr', 'jawOpen=0.5,mouthSmileLeft=0.5,mouthSmileRight=0.5').split(',').map((kv) => { const [k, v] = kv.split('='); return [k!, Number(v)]; }));
if (!out || !list) throw new Error('usage: bench/rowPictureSheet.ts out.jpg p1,p2,... [--base DIR] [--expr k=v,...]');

async function renderWith(root: string, file: string): Promise<{ img: RgbaImage; lm: ArrayLike<ArrayLike<number>> }> {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, ...expr } };
  const img = r.render(f);
  return { img: { width: img.width, height: img.height, data: Uint8ClampedArray.from(img.data) }, lm: r.landmarks(f) };
}

const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const share = texturedShare(skinTexture(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)))));
  const before = await renderWith(base, file), after = await renderWith(path.resolve(import.meta.dirname, '..'), file);
  const box = squareBox([...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER].map((k) => after.lm[k]!), 1.3, 512, 512);
  rows.push([{ label: `${file} before`, image: cropImage(before.img, box) }, { label: `after (textured ${share.toFixed(2)})`, image: cropImage(after.img, box) }]);
}
const png = await labelledGrid(rows, { title: `no-teeth row: ${path.basename(base)} | this, mouth 3x`, cellW: 330, cellH: 330 });
await writeFile(out, await sharp(png).jpeg({ quality: 85 }).toBuffer());
console.log(`sheet: ${out}`);
