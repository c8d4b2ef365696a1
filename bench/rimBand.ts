// The pale band between cheek and ear on a turn, as a number (prints figures; never asserts):
//   REAL3D_CACHE=/tmp/e7cache node --import tsx bench/rimBand.ts [--root DIR]... [names...]
// Per checkout, per portrait: on the side a turn reveals (yaw -25: image-right; +25: image-left),
// at each outline point on the cheek's side (FACE_OVAL points whose way to the face centre runs
// mostly across), the mean luminance of the band 0.015-0.06 face widths inside the rendered
// outline minus the cheek's 0.1-0.15 face widths inside, averaged over the points. A light rim
// stretched by the turn scores high; rest ("0") is the photo's own rim on both sides, the reference.
// Uses cached analyses (bench/portraitCache.ts), so every checkout renders the same analysis.
import path from 'node:path';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import { cachedPortrait } from './portraitCache.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [];
const names: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--root') roots.push(path.resolve(args[++i]!)); else names.push(args[i]!);
if (roots.length === 0) roots.push(HERE);
if (names.length === 0) names.push('lp_s42.jpg', 'st_happy.png', 'lp_s12.jpg', 'lp_s10.jpg', 'mt_man.png', 'st_art_1.png', 'lp_s7.jpg');

/** Band-over-cheek luminance excess at the outline points of one side (side -1: image-left, +1: image-right, 0: both). */
function bandExcess(img: RgbaImage, lm: [number, number, number][], fw: number, side: number): number {
  const w = img.width;
  const lum = (x: number, y: number) => {
    const xi = Math.min(w - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
    const o = (yi * w + xi) * 4;
    return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!;
  };
  let cx = 0, cy = 0;
  for (const i of FACE_OVAL) { cx += lm[i]![0]; cy += lm[i]![1]; }
  cx /= FACE_OVAL.length; cy /= FACE_OVAL.length;
  const mean = (x: number, y: number, ix: number, iy: number, from: number, to: number) => {
    let s = 0, n = 0;
    for (let d = from; d <= to; d++) { s += lum(x + ix * d, y + iy * d); n++; }
    return s / n;
  };
  let sum = 0, count = 0;
  for (const i of FACE_OVAL) {
    const [x, y] = lm[i]!;
    const d = Math.hypot(cx - x, cy - y) || 1, ix = (cx - x) / d, iy = (cy - y) / d;
    if (Math.abs(ix) < 0.6 || (side !== 0 && Math.sign(x - cx) !== side)) continue;
    const e = mean(x, y, ix, iy, Math.round(0.015 * fw), Math.round(0.06 * fw)) - mean(x, y, ix, iy, Math.round(0.1 * fw), Math.round(0.15 * fw));
    if (process.env.RIMBAND_DEBUG) console.log(i, e.toFixed(0));
    sum += e;
    count++;
  }
  return count ? sum / count : 0;
}

for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  for (const name of names) {
    const portrait = await cachedPortrait(path.join(DATA, name));
    const avatar = buildAvatar(portrait);
    const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
    const nf: MotionFrame = r.neutralFrame();
    const fig: Record<string, number> = {};
    for (const yaw of [-25, 0, 25]) {
      const frame = { ...nf, pose: { ...nf.pose, yaw } };
      const v = bandExcess(r.render(frame), r.landmarks(frame) as [number, number, number][], avatar.head.faceWidth, yaw < 0 ? 1 : yaw > 0 ? -1 : 0);
      fig[yaw] = Math.round(v * 10) / 10;
    }
    console.log(`${path.basename(root)} ${name}: band over cheek -25 ${fig[-25]} / rest ${fig[0]} / +25 ${fig[25]}`);
  }
}
process.exit(0);
