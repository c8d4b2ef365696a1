// s55 (cut55): the lips' corner wedges at a wide opening (critic54 worst #4, lp_s42 <- christie f6/f34/f109: "a straight
// dark diagonal cutting through the lower lip at the image-left corner"). Per checkout (--root a,b) a saved motion's
// frames rendered at 512, and per side (image-left L, image-right R) of the lower lip:
//   wedge  the mean redness (R - G) / (R + G + B) of the rendered pixels between the inner line and the outer contour
//          from the corner to the lip's second column (78-95-88 / 61-146-91 and mirrored), over the same on the
//          lip's body (its middle five columns): 1 = as red as the lip, lp_s42's pale corner .55-.65.
//   node --import tsx bench/cornerWedge.ts --motion m.json --portrait lp_s42.jpg --frames 6,34,109 [--root a,b]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { polygonMask } from '../src/eval/masks.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const frames = arg('--frames', '').split(',').filter(Boolean).map(Number);
const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s42.jpg')));
const WEDGES = { L: [78, 95, 88, 89, 90, 91, 146, 61], R: [308, 324, 318, 319, 320, 321, 375, 291] } as const;
const redness = (d: ArrayLike<number>, o: number) => (d[o]! - d[o + 1]!) / Math.max(1, d[o]! + d[o + 1]! + d[o + 2]!);
function meanRed(img: RgbaImage, poly: [number, number][]): number {
  const m = polygonMask(poly, img.width, img.height);
  let s = 0, n = 0;
  for (let q = 0; q < m.length; q++) if (m[q]) { s += redness(img.data, q * 4); n++; }
  return n ? s / n : NaN;
}
for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  for (const i of frames) {
    const img: RgbaImage = r.render(motion.frames[i]!);
    const mv = r.meshVertices(motion.frames[i]!) as { x: Float32Array; y: Float32Array };
    const P = (k: number): [number, number] => [mv.x[k]!, mv.y[k]!];
    // the lip body: between the inner line's middle columns and the outer contour's
    const body = meanRed(img, [...[178, 87, 14, 317, 402].map(P), ...[405, 314, 17, 84, 181].map(P)]);
    const cols = (['L', 'R'] as const).map((s) => {
      const wedge = meanRed(img, WEDGES[s].map(P));
      return `${s} wedge ${(wedge / body).toFixed(2)}`;
    });
    console.log(`f${String(i).padEnd(4)} ${path.basename(root).padEnd(8)} body ${body.toFixed(3)} ${cols.join('  ')}`);
  }
}
