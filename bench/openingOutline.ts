// The open mouth's outline hardness (s42, mouthshape42: critic41's "hard hexagon / trapezoid" openings): per
// checkout (--root before,after) chosen frames of a saved motion on a portrait, rendered at 512 as the product
// does, and per frame:
//   turn   the largest turning (degrees) of the drawn opening's edge (the shader's lip lines as drawn: the
//          rounded line, never outside the mesh polygon) over any 0.03 IOD of its length, the corners' last
//          0.03 IOD left out (a hexagon's vertex turns 30-50 degrees within a pixel or two);
//   mesh   the same on the raw mesh polygon (the inner-lip landmarks, corner to corner);
//   corner the opening angle (degrees) at each corner between the upper and lower edge's last 0.03 IOD;
//   cdark  the share of the read-back opening's outer pixels (past .6 of its half width) darker than .35 of the
//          chin skin: the corners closing in the lips' lining (low) or a dark wedge to the tips (high);
//   grid   the critic's grid-lock of the read-back inner lines (src/eval/gridLock.ts; real video ~.2).
// --video v.mp4 reads the driver's frames [real]: `mesh` and `corner` on its face-mesh inner lip polygon
// (a polygon through points of the real curve: its vertex turning is what a smooth curve spreads over
// the span between two points) and its grid-lock. Saves each frame's mouth 4x (nearest) as OUT/<tag>_f<i>.png.
//   node --import tsx bench/openingOutline.ts OUT --motion m.json --portrait lp_s7.jpg --frames 57,91 [--root a,b] [--video d.mp4]
import path from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { gridLock } from '../src/eval/gridLock.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { outlineTurn, outlineTurnAt, cornerAngles } from '../src/eval/outlineTurn.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2]!;
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const frames = arg('--frames', '').split(',').filter(Boolean).map(Number);
const zoom = Number(arg('--zoom', '4'));
const { default: sharp } = await import('sharp');
await mkdir(out, { recursive: true });
type Lm = [number, number][];
const iodOf = (lm: ArrayLike<ArrayLike<number>>) => Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);

/** The mouth box (3x the inner width wide, square) cut from img and zoomed nearest-neighbour. */
async function saveMouth(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, file: string): Promise<void> {
  const cx = 0.5 * (lm[78]![0]! + lm[308]![0]!), cy = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  const side = Math.round(Math.max(48, 0.9 * iodOf(lm)));
  const left = Math.max(0, Math.min(img.width - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(img.height - side, Math.round(cy - side / 2)));
  await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(side * zoom, side * zoom, { kernel: 'nearest' }).png().toFile(file);
}

async function readBack(img: RgbaImage): Promise<Lm | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  return f ? (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]) : null;
}

/** Inner (78-308) and outer (61-291) mouth widths over IOD: the opening must not get narrower than the driver's. */
const widths = (lm: ArrayLike<ArrayLike<number>>) => [[78, 308], [61, 291]].map(([a, b]) => (Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!) / iodOf(lm)).toFixed(3)).join('/');
/**
 * s43 (lens43): the mesh opening's gap (13-14) and inner width over the IOD, and where its corners sit: the upper
 * lip's middle over the corners' chord (78-308) and the lower's under it, in inner half widths (lp_d10's real
 * mouth .32 / .75 at f57: corners at the top third; a hexagon's corners at mid-height read ~.66 / .66).
 */
function meshShape(lm: ArrayLike<ArrayLike<number>>): string {
  const iod = iodOf(lm), P = (k: number) => [lm[k]![0]!, lm[k]![1]!] as const;
  const [ax, ay] = P(78), [bx, by] = P(308), half = Math.hypot(bx - ax, by - ay) / 2;
  // signed distance from the chord (down positive in image y for a level chord)
  const off = (k: number) => { const [x, y] = P(k); return ((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / (2 * half); };
  return `mgap ${(Math.hypot(P(13)[0] - P(14)[0], P(13)[1] - P(14)[1]) / iod).toFixed(3)} mwidth ${(2 * half / iod).toFixed(3)} sag ${(off(13) / half).toFixed(2)}/${(-off(14) / half).toFixed(2)}`;
}
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
/** Dark share of the read-back opening's outer pixels (lateral > .6), luma under .35 of the chin skin's median. */
function cornerDark(img: RgbaImage, lm: Lm): number {
  const W = img.width, H = img.height, iod = iodOf(lm);
  const sx = (lm[17]![0] + lm[152]![0]) / 2, sy = (lm[17]![1] + lm[152]![1]) / 2, h = 0.08 * iod, v: number[] = [];
  for (let y = Math.round(sy - h); y <= sy + h; y++) for (let x = Math.round(sx - 2 * h); x <= sx + 2 * h; x++) if (x >= 0 && y >= 0 && x < W && y < H) v.push(luma(img.data, (y * W + x) * 4));
  v.sort((a, b) => a - b);
  const skin = v[v.length >> 1] ?? 128;
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, H);
  const cx = 0.5 * (lm[78]![0] + lm[308]![0]), half = 0.5 * Math.abs(lm[308]![0] - lm[78]![0]);
  let n = 0, dark = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q] || Math.abs((q % W) + 0.5 - cx) < 0.6 * half) continue;
    n++; if (luma(img.data, q * 4) < 0.35 * skin) dark++;
  }
  return n > 8 ? dark / n : NaN;
}

/** The polygon's figures: upper / lower lines corner to corner. */
function polyFigures(lm: ArrayLike<ArrayLike<number>>, unit: number): string {
  const ux = LIPS_INNER_UPPER.map((i) => lm[i]![0]!), uy = LIPS_INNER_UPPER.map((i) => lm[i]![1]!);
  const lx = LIPS_INNER_LOWER.map((i) => lm[i]![0]!), ly = LIPS_INNER_LOWER.map((i) => lm[i]![1]!);
  const t = Math.max(outlineTurn(ux, uy, unit), outlineTurn(lx, ly, unit));
  const c = cornerAngles(ux, uy, lx, ly, unit);
  return `mesh ${t.toFixed(0).padStart(3)} corner ${c.map((v) => v.toFixed(0)).join('/')}`;
}

const rows: string[] = [];
const video = arg('--video', '');
if (video) {
  let i = 0;
  for await (const fr of decodeVideoFrames(video, { fps: 25, maxSide: 512, maxFrames: Math.max(...frames) + 1 }) as AsyncGenerator<RgbaImage>) {
    if (frames.includes(i)) {
      const lm = await readBack(fr);
      if (lm) {
        await saveMouth(fr, lm, path.join(out, `real_f${i}.png`));
        const lines = { upper: LIPS_INNER_UPPER.map((k) => lm[k]!), lower: LIPS_INNER_LOWER.map((k) => lm[k]!) };
        rows.push(`f${String(i).padEnd(4)} real      ${polyFigures(lm, iodOf(lm))} ${meshShape(lm)} gap ${(Math.hypot(lm[13]![0] - lm[14]![0], lm[13]![1] - lm[14]![1]) / iodOf(lm)).toFixed(3)} width ${widths(lm)} cdark ${cornerDark(fr, lm).toFixed(2)} grid ${gridLock(fr, lines).toFixed(2)}`);
      }
    }
    i++;
  }
}
const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s7.jpg')));
for (const root of roots) {
  const { MouthShader } = await import(path.join(root, 'src/render/mouth/shader.ts'));
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  // the drawn lines: the shader as the frame left it (setLips, then an O's fold)
  let shader: { upperY: Float32Array; lowerY: Float32Array; upperRaw: Float32Array; lowerRaw: Float32Array; place: { unit: number } } | null = null;
  const set = MouthShader.prototype.setLips;
  MouthShader.prototype.setLips = function (this: typeof shader, ...a: unknown[]) { shader = this; return set.apply(this, a); };
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const tag = path.basename(root);
  for (const i of frames) {
    const img: RgbaImage = r.render(motion.frames[i]!);
    const s = shader!, unit = s.place.unit;
    const lm = r.landmarks(motion.frames[i]!);
    await saveMouth(img, lm, path.join(out, `${tag}_f${i}.png`));
    // the drawn edge: per column the line as the shader draws it (the rounded line, inside the raw one)
    const ux: number[] = [], uy: number[] = [], lx: number[] = [], ly: number[] = [];
    for (let x = 0; x < s.upperY.length; x++) {
      const t = Math.max(s.upperY[x]!, s.upperRaw[x]!), b = Math.min(s.lowerY[x]!, s.lowerRaw[x]!);
      if (!(t === t && b === b)) continue;
      ux.push(x + 0.5); uy.push(Math.min(t, b)); lx.push(x + 0.5); ly.push(Math.max(t, b));
    }
    const tu = outlineTurnAt(ux, uy, unit), tl = outlineTurnAt(lx, ly, unit);
    const turn = Math.max(tu[0], tl[0]), where = tu[0] >= tl[0] ? `upper@${tu[1].toFixed(2)}` : `lower@${tl[1].toFixed(2)}`;
    const corner = cornerAngles(ux, uy, lx, ly, unit);
    const back = await readBack(img);
    const grid = back ? gridLock(img, { upper: LIPS_INNER_UPPER.map((k) => back[k]!), lower: LIPS_INNER_LOWER.map((k) => back[k]!) }) : NaN;
    rows.push(`f${String(i).padEnd(4)} ${tag.padEnd(9)} ${polyFigures(lm, unit)} ${meshShape(lm)} | drawn turn ${turn.toFixed(0).padStart(3)} ${where} corner ${corner.map((v) => v.toFixed(0)).join('/')} gap ${back ? (Math.hypot(back[13]![0] - back[14]![0], back[13]![1] - back[14]![1]) / iodOf(back)).toFixed(3) : '-'} width ${back ? widths(back) : '-'} cdark ${back ? cornerDark(img, back).toFixed(2) : '-'} grid ${grid.toFixed(2)}`);
  }
  MouthShader.prototype.setLips = set;
}
for (const row of rows.sort()) console.log(row);
