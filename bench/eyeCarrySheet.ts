// A sheet of the eyes at chosen frames: the driver | each given render of it (e.g. before | after), every
// crop the two eyes' box (1.4 eye-corner distances wide, 3:1) scaled to 390 px wide (3x on a 512 render),
// the row labelled with the frame and each eye's opening over that video's median (eval/eyes.ts
// eyeOpenings, the critic's measure; subject's left / right). Driver boxes come from its track, the
// renders' from the face mesh on each frame. Never asserts.
//   node --import tsx bench/eyeCarrySheet.ts DRIVER.mp4 F1,F2,... OUT.jpg LABEL=RENDER.mp4 ... [--seconds 8]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings, cropImage } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

type Lm = number[][];
const DATA = SHARED_DATA;
const [driver, list, out, ...rest] = process.argv.slice(2) as [string, string, string, ...string[]];
const renders = rest.filter((a) => a.includes('=')).map((a) => a.split('=') as [string, string]);
const want = list.split(',').map(Number);
const last = Math.max(...want);
const W = 390, H = 130;

const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s[s.length >> 1] ?? NaN; };
const box = (lm: Lm, w: number, h: number): [number, number, number, number] => {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const bw = Math.round(1.4 * iod), bh = Math.round(bw / 3);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
};
const png = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).resize(W, H).png().toBuffer();

/** One column: per wanted frame the eyes' crop and openings over the column's median (every frame up to the last read for the median). */
async function column(file: string, lmOf: (i: number, img: RgbaImage) => Promise<Lm | null>): Promise<{ crops: Map<number, Buffer>; text: Map<number, string> }> {
  const opens: [number, number][] = [];
  const crops = new Map<number, Buffer>(), text = new Map<number, string>();
  const keep = new Map<number, [number, number]>();
  let i = 0;
  for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: 200 })) {
    const lm = i % 2 === 0 || want.includes(i) ? await lmOf(i, img) : null; // every other frame for the median
    if (lm) {
      const o = eyeOpenings(lm);
      opens.push([o.left, o.right]);
      if (want.includes(i)) { keep.set(i, [o.left, o.right]); crops.set(i, await png(cropImage(img, box(lm, img.width, img.height)))); }
    }
    i++;
  }
  const m = [med(opens.map((o) => o[0])), med(opens.map((o) => o[1]))];
  for (const [f, o] of keep) text.set(f, `${(o[0] / m[0]!).toFixed(2)}/${(o[1] / m[1]!).toFixed(2)}`);
  return { crops, text };
}

const raw = await cachedTrack(driver, 25);
const trackLm = (i: number): Lm | null => { const lm = raw[i]?.lm; return lm ? Array.from({ length: lm.length / 3 }, (_, k) => [lm[k * 3]!, lm[k * 3 + 1]!]) : null; };
const meshLm = async (_: number, img: RgbaImage): Promise<Lm | null> => {
  const copy = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
  return ((await detectFaces(copy, { embedding: false }))[0]?.landmarks as Lm | undefined) ?? null;
};
const cols = [{ label: `driver ${path.basename(driver, '.mp4')}`, ...(await column(path.join(DATA, 'video', driver), async (i) => trackLm(i))) }];
for (const [label, file] of renders) cols.push({ label, ...(await column(file, meshLm)) });

const TOP = 22, GAP = 4;
const layers: OverlayOptions[] = [];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
want.forEach((f, r) => cols.forEach((c, k) => {
  const x = k * (W + GAP), y = r * (H + TOP + GAP);
  const label = `${c.label} f${f}: ${c.text.get(f) ?? 'no face'}`;
  layers.push({ input: Buffer.from(`<svg width="${W}" height="${TOP}"><text x="4" y="16" font-size="14" fill="#ddd" font-family="sans-serif">${esc(label)}</text></svg>`), left: x, top: y });
  const crop = c.crops.get(f);
  if (crop) layers.push({ input: crop, left: x, top: y + TOP });
}));
await sharp({ create: { width: cols.length * (W + GAP) - GAP, height: want.length * (H + TOP + GAP) - GAP, channels: 3, background: '#1c1c1c' } })
  .composite(layers).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out}`);
