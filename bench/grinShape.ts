// A grin against an "O" (s58, grin58: critic57's lp_s11 <- andrew1 "round dark O where the driver grins"): per frame
// of a video (the driver's, or a rendered out.mp4: `--video a.mp4,b.mp4`) or of a saved motion rendered on a portrait
// per checkout (`--motion m.json --portrait p.jpg --root a,b`), read back with the face mesh, in the eyes' frame
// (rotated so the eye line is level), over the IOD:
//   width   the inner corners' distance (78-308)
//   gap     the inner lips' middle gap (13-14)
//   w/h     width over the opening's tallest column (the inner-lip polygon's mask): a grin ~3-5, an "O" ~1-1.5
//   lift    the inner corners above the gap's middle (+ = corners up, a smile), milli-IOD
//   bright  the opening's share lit over .8 of the chin skin's median (teeth)
//   upper   of those lit pixels, the share above each column's middle line (a grin's upper row: near 1;
//           a lower crescent: near 0)
//   dark    the opening's share under .35 of the chin skin
// Sheet: OUT/<tag>_f<i>.png, the mouth at 3x.
//   node --import tsx bench/grinShape.ts OUT --frames 0,91 [--video v.mp4,...] [--motion m.json --portrait p --root a,b]
import path from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2]!;
const frames = arg('--frames', '').split(',').filter(Boolean).map(Number);
const { default: sharp } = await import('sharp');
await mkdir(out, { recursive: true });
type Lm = [number, number][];
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

async function readBack(img: RgbaImage): Promise<Lm | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  return f ? (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]) : null;
}

export interface GrinFigures { width: number; gap: number; wh: number; lift: number; bright: number; upper: number; dark: number }

/** The figures above for one image and its landmarks. */
export function grinFigures(img: RgbaImage, lm: Lm): GrinFigures {
  const W = img.width, H = img.height;
  const ex = lm[263]![0] - lm[33]![0], ey = lm[263]![1] - lm[33]![1], iod = Math.hypot(ex, ey);
  const c = ex / iod, s = ey / iod;
  // the eyes' frame: u along the eye line, v down the face
  const v = (p: [number, number]) => -s * p[0] + c * p[1];
  const P = (k: number) => lm[k]!;
  const width = Math.hypot(P(308)[0] - P(78)[0], P(308)[1] - P(78)[1]) / iod;
  const gap = Math.hypot(P(13)[0] - P(14)[0], P(13)[1] - P(14)[1]) / iod;
  const lift = (0.5 * (v(P(13)) + v(P(14))) - 0.5 * (v(P(78)) + v(P(308)))) / iod;
  // chin skin
  const sx = (P(17)[0] + P(152)[0]) / 2, sy = (P(17)[1] + P(152)[1]) / 2, h = 0.08 * iod, sk: number[] = [];
  for (let y = Math.round(sy - h); y <= sy + h; y++) for (let x = Math.round(sx - 2 * h); x <= sx + 2 * h; x++) if (x >= 0 && y >= 0 && x < W && y < H) sk.push(luma(img.data, (y * W + x) * 4));
  sk.sort((a, b) => a - b);
  const skin = sk[sk.length >> 1] ?? 128;
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, H);
  // per column the mask's top and bottom (image columns: the roll is small at these frames; the middle line per column)
  const top = new Float64Array(W).fill(Infinity), bot = new Float64Array(W).fill(-Infinity);
  for (let q = 0; q < mask.length; q++) if (mask[q]) { const x = q % W, y = (q / W) | 0; top[x] = Math.min(top[x]!, y); bot[x] = Math.max(bot[x]!, y); }
  let tall = 0;
  for (let x = 0; x < W; x++) if (bot[x]! >= top[x]!) tall = Math.max(tall, bot[x]! - top[x]! + 1);
  let n = 0, lit = 0, up = 0, dark = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    const x = q % W, y = (q / W) | 0, l = luma(img.data, q * 4);
    n++;
    if (l > 0.8 * skin) { lit++; if (y + 0.5 < 0.5 * (top[x]! + bot[x]! + 1)) up++; }
    if (l < 0.35 * skin) dark++;
  }
  return { width, gap, wh: tall > 0 ? (width * iod) / tall : NaN, lift: lift * 1000, bright: n ? lit / n : NaN, upper: lit ? up / lit : NaN, dark: n ? dark / n : NaN };
}

const fmt = (g: GrinFigures) => `width ${g.width.toFixed(3)} gap ${g.gap.toFixed(3)} w/h ${g.wh.toFixed(2).padStart(5)} lift ${g.lift.toFixed(0).padStart(4)} bright ${g.bright.toFixed(2)} upper ${g.upper.toFixed(2)} dark ${g.dark.toFixed(2)}`;

async function saveMouth(img: RgbaImage, lm: Lm, file: string): Promise<void> {
  const iod = Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
  const cx = 0.5 * (lm[78]![0] + lm[308]![0]), cy = 0.5 * (lm[13]![1] + lm[14]![1]);
  const side = Math.round(Math.max(48, 0.9 * iod));
  const left = Math.max(0, Math.min(img.width - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(img.height - side, Math.round(cy - side / 2)));
  await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(216, 216, { kernel: 'lanczos3' }).png().toFile(file);
}

const rows: string[] = [];
for (const video of arg('--video', '').split(',').filter(Boolean)) {
  const tag = path.basename(path.dirname(video)).slice(-10) + '/' + path.basename(video, path.extname(video)).slice(0, 12);
  let i = 0;
  for await (const fr of decodeVideoFrames(video, { fps: 25, maxSide: 512, maxFrames: Math.max(...frames) + 1 }) as AsyncGenerator<RgbaImage>) {
    if (frames.includes(i)) {
      const lm = await readBack(fr);
      if (lm) { await saveMouth(fr, lm, path.join(out, `${tag.replace(/\W/g, '_')}_f${i}.png`)); rows.push(`f${String(i).padEnd(4)} ${tag.padEnd(24)} ${fmt(grinFigures(fr, lm))}`); }
      else rows.push(`f${String(i).padEnd(4)} ${tag.padEnd(24)} no face`);
    }
    i++;
  }
}
const motionFile = arg('--motion', '');
if (motionFile) {
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const motion = JSON.parse(await readFile(motionFile, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s11.jpg')));
  for (const root of arg('--root', '.').split(',').map((r) => path.resolve(r))) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
    const tag = path.basename(root);
    for (const i of frames) {
      const img: RgbaImage = r.render(motion.frames[i]!);
      const lm = await readBack(img);
      if (lm) { await saveMouth(img, lm, path.join(out, `${tag}_f${i}.png`)); rows.push(`f${String(i).padEnd(4)} ${tag.padEnd(24)} ${fmt(grinFigures(img, lm))}`); }
      else rows.push(`f${String(i).padEnd(4)} ${tag.padEnd(24)} no face`);
    }
  }
}
for (const row of rows.sort()) console.log(row);
