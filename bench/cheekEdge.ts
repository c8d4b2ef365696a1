// The cheek's edge on a turn (issue #15, session 15): before | after at given portrait:yaw cases,
// per case the face (~1x) and each cheek's edge 3x (image-left = landmark 234's side, image-right =
// 454's), the "before" rendered by the checkout at --root (e.g. an export of the older commit).
// Also prints, per case and checkout, the mean luminance of the 6 px just outside the face mesh's
// silhouette on each side (50 rows from landmark 234's / 454's height down): a doubled pale cheek
// band outside the outline raises it (lp_s9 at +18: the hair beside it is ~40-60).
//   node --import tsx bench/cheekEdge.ts --root /tmp/before --out FILE.jpg [lp_s9.jpg:18 lp_s12.jpg:25 ...]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, ovalBox, squareCell } from './headCells.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const HERE = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const VALUED = ['--out', '--root'];
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const out = arg('--out', '/tmp/cheekEdge.jpg');
const root = path.resolve(arg('--root', HERE));
const cases = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1] ?? ''));
if (!cases.length) cases.push('lp_s9.jpg:18', 'lp_s12.jpg:25', 'lp_s12.jpg:-11', 'lp_s42.jpg:-11');
const CELL = 240, LABEL = 130;

const label = (s: string, w: number, h: number) => Buffer.from(`<svg width="${w}" height="${h}"><style>text{font:14px sans-serif;fill:#fff}</style>${s.split('\n').map((l, i) => `<text x="6" y="${18 + i * 17}">${l}</text>`).join('')}</svg>`);
type R = Awaited<ReturnType<typeof checkoutRenderer>>['renderer'];
/** Mean luminance of the `STRIP` px just outside the face mesh's leftmost (side -1) or rightmost (+1) vertex, over 50 rows from landmark `id`'s height. */
function stripLuminance(renderer: R, f: Parameters<R['render']>[0], img: { width: number; data: Uint8ClampedArray }, id: number, side: -1 | 1): number {
  const W = img.width, d = img.data, { x, y } = renderer.meshVertices(f), y0 = Math.round(renderer.landmarks(f)[id]![1]);
  let sum = 0, n = 0;
  for (let r = y0 - 10; r < y0 + 40; r++) {
    let sil = side < 0 ? Infinity : -Infinity;
    for (let v = 0; v < 468; v++) if (Math.abs(y[v]! - r) < 4) sil = side < 0 ? Math.min(sil, x[v]!) : Math.max(sil, x[v]!);
    if (!Number.isFinite(sil)) continue;
    for (let k = 1; k <= STRIP; k++) {
      const px = Math.round(sil) + side * k;
      if (px < 0 || px >= W || r < 0 || r >= img.data.length / 4 / W) continue;
      const o = (r * W + px) * 4;
      sum += (d[o]! + d[o + 1]! + d[o + 2]!) / 3; n++;
    }
  }
  return n ? sum / n : NaN;
}
const STRIP = 6;
const tiles: OverlayOptions[] = [];
const heads = ['before', 'after', 'before 234 3x', 'after 234 3x', 'before 454 3x', 'after 454 3x'];
heads.forEach((h, k) => tiles.push({ input: label(h, CELL, 24), left: LABEL + k * CELL, top: 0 }));
let row = 0;
for (const c of cases) {
  const [name, yawText] = c.split(':');
  const yaw = Number(yawText);
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', name!));
  const cells: Buffer[][] = [[], [], []];
  for (const r of [root, HERE]) {
    const { renderer, neutral } = await checkoutRenderer(r, portrait);
    const f = { ...neutral, pose: { ...neutral.pose, yaw } };
    const img = renderer.render(f), lm = renderer.landmarks(f), box = ovalBox(lm);
    console.log(`${name} yaw ${yaw} ${r === HERE ? 'after ' : 'before'}: outside-silhouette strip luminance 234 side ${stripLuminance(renderer, f, img, 234, -1).toFixed(1)}, 454 side ${stripLuminance(renderer, f, img, 454, 1).toFixed(1)}`);
    cells[0]!.push(await squareCell(img, box.cx, box.cy, box.extent * 1.3, CELL));
    for (const [k, id] of [[1, 234], [2, 454]] as const) {
      const p = lm[id]!;
      cells[k]!.push(await squareCell(img, p[0], p[1] + box.extent * 0.1, (box.extent * 1.3) / 3, CELL));
    }
  }
  const top = 24 + row * CELL;
  tiles.push({ input: label(`${name}\nyaw ${yaw}`, LABEL, CELL), left: 0, top });
  cells.flat().forEach((input, k) => tiles.push({ input, left: LABEL + k * CELL, top }));
  row++;
}
await sharp({ create: { width: LABEL + heads.length * CELL, height: 24 + row * CELL, channels: 3, background: '#222' } }).composite(tiles).jpeg({ quality: 88 }).toFile(out);
console.log(out);
