// Teeth or a pale tongue in a driver's opening (issue #13, tongueread40): per frame of a tracked driver (its cached track's
// landmarks, no face detection), the pixels motion/mouthDark.ts isTeethPixel counts, split by where they sit down the
// opening's columns (upper half / lower half), with their median saturation and the share the tongue test takes back
// (mouthDark.ts paleTongueMask). Sheet: the mouth at 4x, then the same with old teeth pixels cyan and those read as tongue magenta.
//   node --import tsx bench/tongueTeethRead.ts --video lp_d11.mp4 --fps 25 --frames 160,165 --out x.png
// Never asserts.
import path from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { isTeethPixel, lipReference, teethShare, tongueRowOf } from '../src/motion/mouthDark.ts';
import { saturation } from '../src/math/colour.ts';
import { videoFrameAt } from './openLowerLipFigures.ts';
import { lowerMass, paleTongueWeight } from '../src/motion/paleTongue.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const CACHE = process.env.REAL3D_CACHE ?? '';
const video = opt('--video', 'lp_d11.mp4'), fps = Number(opt('--fps', '25')), TILE = 240;
const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const dir = path.join(CACHE, 'tracks'), prefix = `${video}.${fps}fps.`;
const file = readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
const track = JSON.parse(readFileSync(file, "utf8")) as ({ lm: number[][] } | null)[];
const rows: Buffer[] = [];
for (const f of frames) {
  const t = track[f];
  if (!t) { console.log(`f${f}: no face`); continue; }
  const img = videoFrameAt(path.join(DATA, "video", video), f / fps + 0.001) as RgbaImage, lm = Float32Array.from(t.lm.flat());
  const { light, sat: lipSat } = lipReference(img, lm);
  const lipHue = (() => { let a = 0, b = 0; for (const [o, n] of [[0, 13], [37, 82], [267, 312], [17, 14], [84, 87], [314, 317]] as const) { const x = Math.round((lm[o * 3]! + lm[n * 3]!) / 2), y = Math.round((lm[o * 3 + 1]! + lm[n * 3 + 1]!) / 2), i = (y * img.width + x) * 4, [, A, B] = labOf(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!); a += A; b += B; } return (Math.atan2(b, a) * 180) / Math.PI; })();
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const tongueFrom = tongueRowOf(img, poly, light, lipSat);
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const up: number[] = [], low: number[] = [], xs: number[] = [], feat: Record<string, number[]> = { uL: [], lL: [], ua: [], la: [], ub: [], lb: [] };
  const over = Uint8ClampedArray.from(img.data);
  let taken = 0; const tex: number[] = [], texW: number[] = [], lowRows = new Set<number>(), lowXs: number[] = [];
  for (let y = Math.ceil(y0); y <= Math.floor(y1); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.ceil(xs[k]!); x < xs[k + 1]!; x++) {
        const i = (y * img.width + x) * 4, d = img.data;
        if (!isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, light, lipSat)) continue;
        const s = saturation(d[i]!, d[i + 1]!, d[i + 2]!);
        if ((y - y0) / (y1 - y0) >= 0.5) {
          const Lx = (xx: number) => { const j = (y * img.width + xx) * 4; return 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!; };
          tex.push(Math.abs(2 * Lx(x) - Lx(x - 1) - Lx(x + 1)) / light); texW.push(Math.abs(2 * Lx(x) - Lx(x - 2) - Lx(x + 2)) / light);
          lowRows.add(y); lowXs.push(x);
        }
        const isUp = (y - y0) / (y1 - y0) < 0.5, [, A, B] = labOf(d[i]!, d[i + 1]!, d[i + 2]!);
        (isUp ? up : low).push(s);
        feat[isUp ? 'uL' : 'lL']!.push((0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / light);
        feat[isUp ? 'ua' : 'la']!.push(A); feat[isUp ? 'ub' : 'lb']!.push(B);
        const tg = y >= tongueFrom;
        if (tg) taken++;
        over.set(tg ? [255, 0, 255] : [0, 255, 255], i);
      }
  }
  const pc = (v: number[], q: number) => (v.length ? [...v].sort((a, b) => a - b)[Math.floor(q * (v.length - 1))]!.toFixed(2) : '--');
  const med = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1]!.toFixed(2) : '--');
  const n = up.length + low.length;
  console.log(`f${f}: share ${teethShare(img, lm)?.toFixed(3)} lipSat ${lipSat.toFixed(2)} up ${up.length} sat ${med(up)} low ${low.length} sat ${med(low)} tongueTaken ${n ? (taken / n).toFixed(2) : '--'} weight ${paleTongueWeight(lowerMass(img, poly, (r, g, b) => isTeethPixel(r, g, b, light, lipSat), light)).toFixed(2)} | p10 sat ${pc(up, 0.1)}/${pc(low, 0.1)} p5 ${pc(up, 0.05)}/${pc(low, 0.05)} | tex ${(tex.reduce((a, b) => a + b, 0) / Math.max(1, tex.length)).toFixed(3)} texW ${(texW.reduce((a, b) => a + b, 0) / Math.max(1, texW.length)).toFixed(3)} rows ${lowRows.size} w ${lowXs.length ? Math.max(...lowXs) - Math.min(...lowXs) + 1 : 0} mouthW ${Math.abs(lm[308 * 3]! - lm[78 * 3]!).toFixed(0)} gap ${(y1 - y0).toFixed(0)} | lipH ${lipHue.toFixed(0)} hue ${(Math.atan2(+med(feat.ub!), +med(feat.ua!)) * 180 / Math.PI).toFixed(0)}/${(Math.atan2(+med(feat.lb!), +med(feat.la!)) * 180 / Math.PI).toFixed(0)} | L ${med(feat.uL!)}/${med(feat.lL!)} a ${med(feat.ua!)}/${med(feat.la!)} b ${med(feat.ub!)}/${med(feat.lb!)}`);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, cy = (y0 + y1) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) * 0.75;
  const side = Math.round(2 * half), left = Math.max(0, Math.round(cx - half)), top = Math.max(0, Math.round(cy - half));
  const crop = async (data: Uint8ClampedArray) => sharp(Buffer.from(data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: Math.min(side, img.width - left), height: Math.min(side, img.height - top) }).resize(TILE, TILE, { kernel: 'nearest' }).png().toBuffer();
  const label = Buffer.from(`<svg width="${TILE}" height="20"><rect width="100%" height="100%" fill="black"/><text x="4" y="15" fill="yellow" font-size="14">${video} f${f}</text></svg>`);
  rows.push(await sharp({ create: { width: TILE * 2, height: TILE + 20, channels: 3, background: '#000' } })
    .composite([{ input: label, left: 0, top: 0 }, { input: await crop(img.data as Uint8ClampedArray), left: 0, top: 20 }, { input: await crop(over), left: TILE, top: 20 }]).png().toBuffer());
}
const out = opt('--out', '');
if (out && rows.length) {
  const perRow = 3, R = Math.ceil(rows.length / perRow);
  await sharp({ create: { width: TILE * 2 * perRow + 8 * perRow, height: R * (TILE + 24), channels: 3, background: '#222' } })
    .composite(rows.map((input, q) => ({ input, left: (q % perRow) * (TILE * 2 + 8), top: Math.floor(q / perRow) * (TILE + 24) }))).png().toFile(out);
  console.log(`wrote ${out}`);
}
