// 6x eye crops for the glancing iris's tone (iristone47): per portrait and eye, the photo | ours at rest | gaze x -1 | +1
// (512 px renders, as `generate` draws), and with --base the same glances from that checkout first. Never asserts.
//   node --import tsx bench/irisToneSheet.ts out.png lp_s10.jpg,lp_s12.jpg [--base /work/wt/before47] [--gaze 1]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rename, writeFile } from 'node:fs/promises';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, list] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!out || !list) throw new Error('usage: node --import tsx bench/irisToneSheet.ts out.png lp_s10.jpg,... [--base DIR]');
const G = Number(arg('--gaze') ?? 1), SIZE = 512, Z = 6;
const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const perEye: GridCell[][] = [[], []];
  for (const [ri, root] of roots.entries()) {
    const imp = (p: string) => import(pathToFileURL(path.join(root, p)).href);
    const { cachedPortrait } = await imp('bench/portraitCache.ts');
    const { buildAvatar } = await imp('src/avatar/build.ts');
    const { createRenderer } = await imp('src/render/renderer.ts');
    const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, file));
    const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
    const n = r.neutralFrame(), k = SIZE / portrait.image.width, lm = portrait.cropLandmarks;
    const frames = [...(ri === roots.length - 1 ? [['rest', 0]] : []), ['x -' + G, -G], ['x +' + G, G]] as [string, number][];
    const imgs = frames.map(([, g]) => { const img = r.render({ ...n, gaze: [g, n.gaze[1]] }); return { ...img, data: new Uint8ClampedArray(img.data) }; });
    [[33, 133, 159, 145], [263, 362, 386, 374]].forEach((ids, e) => {
      const xs = ids.slice(0, 2).map((i) => lm[i]![0]! * k), ys = ids.slice(2).map((i) => lm[i]![1]! * k);
      const w = Math.round((Math.max(...xs) - Math.min(...xs)) * 1.5), h = Math.round(w * 0.55);
      const box: [number, number, number, number] = [Math.round((xs[0]! + xs[1]!) / 2 - w / 2), Math.round((ys[0]! + ys[1]!) / 2 - h / 2), w, h];
      if (ri === roots.length - 1) {
        const img = portrait.image, pb = box.map((v) => Math.round(v / k)) as typeof box;
        perEye[e]!.unshift({ label: `${file} eye ${e} photo`, image: cropImage({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }, pb) });
      }
      frames.forEach(([label], fi) => perEye[e]!.push({ label: `${roots.length > 1 ? (ri === 0 ? 'before ' : 'after ') : ''}${label}`, image: cropImage(imgs[fi]!, box) }));
    });
    console.log(file, path.basename(root), 'eye box w', perEye[0]!.at(-1)!.image.width);
  }
  for (const cells of perEye) rows.push(cells);
}
const w0 = Math.max(...rows.flat().map((c) => c.image.width)), h0 = Math.max(...rows.flat().map((c) => c.image.height));
await writeFile(out + '.tmp', await labelledGrid(rows, { title: `photo | ${roots.length > 1 ? 'before x-/x+ | ' : ''}rest | gaze x -${G} | +${G}, ${Z}x of 512 px renders`, cellW: w0 * Z, cellH: h0 * Z }));
await rename(out + '.tmp', out);
console.log('sheet:', out);
