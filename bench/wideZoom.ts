// Wide eyes and raised brows as rendered and as read back: per portrait, the photo | eyeWide 1 |
// browInnerUp 1 | browOuterUp 1 | all three, cropped around both eyes and brows (zoomed), and the face
// mesh's reading of each render: the eye opening over the photo's (eval/eyes.ts eyeOpenings, mean of
// both eyes) and how far the brows rose over the eye corners (inner / outer brow points, in
// corner-to-corner eye widths, against the photo), and the weights the rig fit reads back (as
// bench/cross.ts scores: the photo as neutral). A driver's wide eyes read about 1.3-1.5x open and
// a strong brow raise about 0.1-0.2 eye widths. --root renders with another checkout. Never asserts.
//   node --import tsx bench/wideZoom.ts [--root /work/main] [--sheet out.png] lp_s42.jpg,mt_man.png,...
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { fitRig, type Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const sheet = arg('--sheet');
const list = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')).at(-1);
if (!list) throw new Error('usage: node --import tsx bench/wideZoom.ts [--root dir] [--sheet out.png] a.jpg,b.png');
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const DATA = SHARED_DATA;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
type Lm = ArrayLike<ArrayLike<number>>;

/** Brow heights over the eye corners' line (eye widths, + = up): inner and outer brow points, both sides averaged. */
function browHeights(lm: Lm): { inner: number; outer: number } {
  const h = (brow: number, c0: number, c1: number) => {
    const a = lm[c0]!, b = lm[c1]!, p = lm[brow]!;
    const w = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
    // distance from the corner line, up positive (image y down)
    const nx = (b[1]! - a[1]!) / w, ny = -(b[0]! - a[0]!) / w;
    const d = ((p[0]! - a[0]!) * nx + (p[1]! - a[1]!) * ny) / w;
    return ny < 0 ? d : -d;
  };
  return {
    inner: (h(107, 33, 133) + h(336, 263, 362)) / 2,
    outer: (h(70, 33, 133) + h(300, 263, 362)) / 2,
  };
}

const POSES: [string, Record<string, number>][] = [
  ['eyeWide 1', { eyeWideLeft: 1, eyeWideRight: 1 }],
  ['browInnerUp 1', { browInnerUp: 1 }],
  ['browOuterUp 1', { browOuterUpLeft: 1, browOuterUpRight: 1 }],
  ['all three', { eyeWideLeft: 1, eyeWideRight: 1, browInnerUp: 1, browOuterUpLeft: 1, browOuterUpRight: 1 }],
];
const rows: GridCell[][] = [];
console.log(`root ${root}: read back against the photo: eye opening ratio | brow rise inner / outer (eye widths)`);
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  const fp = (await detectFaces(portrait.image, { embedding: false }))[0];
  if (!fp) continue;
  const o = eyeOpenings(fp.landmarks), ob = browHeights(fp.landmarks);
  const xs = [33, 133, 263, 362, 70, 300].map((i) => lm[i]![0]!);
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const browTop = Math.min(...[70, 63, 105, 66, 107, 336, 296, 334, 293, 300].map((i) => lm[i]![1]!));
  const lidLow = Math.max(lm[145]![1]!, lm[374]![1]!);
  const x = Math.max(0, Math.round(Math.min(...xs) - 0.15 * iod)), y = Math.max(0, Math.round(browTop - 0.3 * iod));
  const box: [number, number, number, number] = [x, y, Math.min(portrait.image.width - x, Math.round(Math.max(...xs) - Math.min(...xs) + 0.3 * iod)), Math.min(portrait.image.height - y, Math.round(lidLow - browTop + 0.45 * iod))];
  const row: GridCell[] = [{ label: `${file} photo`, image: cropImage(portrait.image, box) }];
  const cells: string[] = [];
  for (const [name, w] of POSES) {
    const img = copy(r.render({ ...n, w: { ...n.w, ...w } }));
    const f = (await detectFaces(img, { embedding: false }))[0];
    let txt = '—';
    if (f) {
      const e = eyeOpenings(f.landmarks), b = browHeights(f.landmarks);
      // the weights the rig fit (as bench/cross.ts scores) reads off the render, the photo as neutral
      const fw = fitRig(f.landmarks as Landmarks, { neutral: fp.landmarks as Landmarks }).weights as Record<string, number>;
      const rb = `wide ${(((fw.eyeWideLeft ?? 0) + (fw.eyeWideRight ?? 0)) / 2).toFixed(2)} in ${(fw.browInnerUp ?? 0).toFixed(2)} out ${(((fw.browOuterUpLeft ?? 0) + (fw.browOuterUpRight ?? 0)) / 2).toFixed(2)}`;
      txt = `${((e.left / o.left + e.right / o.right) / 2).toFixed(2)}x | ${(b.inner - ob.inner).toFixed(3)} / ${(b.outer - ob.outer).toFixed(3)} | ${rb}`;
    }
    cells.push(`${name}: ${txt}`);
    row.push({ label: `${name}: ${txt.split(" | ")[0]}`, image: cropImage(img, box) });
  }
  console.log(`${file.padEnd(16)} ${cells.join('   ')}`);
  rows.push(row);
}
if (sheet) {
  await writeFile(sheet, await labelledGrid(rows, { title: `photo | eyeWide | browInnerUp | browOuterUp | all (${path.basename(root)}; read back: opening x, brow rise inner/outer)`, cellW: 300, cellH: 150 }));
  console.log(`sheet: ${sheet}`);
}
