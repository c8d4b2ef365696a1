// The lower lip of an open mouth, ours against a real clip at the same frames (lip33, session 33): a saved motion's
// frames on a portrait per --root, and (--real VIDEO) that video's own frames at the same indices (mt_man + mt_sun.wav
// beside mt_sun.mp4: the same speech). Every image, real or ours, is read the same way: the face found on it
// (src/eval/frames.ts detectOne), the lower lip's middle profile (bench/lowerLipFigures.ts: thickness, the inner
// rim's rise, its darkest, the five bands, a seam's dip). Sheet: real | root1 | root2 ..., mouths cut at the same
// mouth widths and shown TILE px square (about 4x at 512). Never asserts.
//   node --import tsx bench/lowerLip.ts --portrait mt_man.png --motion m.json --frames 78,154,188,68 [--real mt_sun.mp4] [--root a,b] [--out x.jpg] [--photo-row]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectOne } from '../src/eval/frames.ts';
import { rendererOfRoot, strip } from './mouthTiles.ts';
import { lowerLipColour, lowerLipProfile, type LipProfile } from './lowerLipFigures.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const name = opt('--portrait', 'mt_man.png');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: { w: Record<string, number> }[] };
const frames = opt('--frames', '78,154,188,68').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const real = opt('--real', ''), out = opt('--out', '/tmp/lowerLip.jpg');
const SIZE = 512, TILE = Number(opt('--tile', '336'));
type Lm = [number, number, number][];

/** The mouth cut out (1.4 mouth widths square, its top .42 of it over the lips' centre), TILE px square. */
function tile(img: RgbaImage, lm: Lm): Promise<Buffer> {
  const mw = Math.hypot(lm[291]![0] - lm[61]![0], lm[291]![1] - lm[61]![1]), side = Math.round(1.4 * mw);
  const left = Math.max(0, Math.min(img.width - side, Math.round((lm[61]![0] + lm[291]![0]) / 2 - side / 2)));
  const top = Math.max(0, Math.min(img.height - side, Math.round((lm[13]![1] + lm[14]![1]) / 2 - 0.42 * side)));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(TILE, TILE, { kernel: 'lanczos3' }).png().toBuffer();
}

const fmt = (f: LipProfile | null) => f
  ? `thick ${f.thick.toFixed(3)} rim ${f.rim.toFixed(2)} rimDark ${f.rimDark.toFixed(2)} bands ${f.bands.map((b) => b.toFixed(2)).join('/')} seam ${f.seam.toFixed(3)} even ${f.even.toFixed(2)} step ${f.step.toFixed(2)}`
  : 'shut';

async function read(img: RgbaImage, fallback: Lm | null): Promise<{ f: LipProfile | null; lm: Lm; c: { luma: number; red: number; thick: number } }> {
  const face = await detectOne({ ...img, data: new Uint8ClampedArray(img.data) }, false);
  const lm = (face?.landmarks as Lm | undefined) ?? fallback!;
  return { f: lowerLipProfile(img.data, img.width, img.height, lm), lm, c: lowerLipColour(img.data, img.width, img.height, lm) };
}
/** the lip body's colour: luma and R/G, and over the photo's own lip at rest when given (s34) */
const colourOf = (cs: { luma: number; red: number; thick: number }[], rest?: { luma: number; red: number; thick: number }) => {
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
  const l = med(cs.map((c) => c.luma)), r = med(cs.map((c) => c.red)), t = med(cs.map((c) => c.thick));
  return `lip body luma ${l.toFixed(0)} R/G ${r.toFixed(2)} thick ${t.toFixed(3)}` + (rest ? ` (over the photo's at rest: luma ${(l / rest.luma).toFixed(2)} R/G ${(r / rest.red).toFixed(2)} thick ${(t / rest.thick).toFixed(2)})` : '');
};

const summary = (fs: (LipProfile | null)[]) => {
  const ok = fs.filter((x): x is LipProfile => x !== null);
  const med = (k: (x: LipProfile) => number) => { const v = ok.map(k).filter(Number.isFinite).sort((a, b) => a - b); return v.length ? v[v.length >> 1]! : NaN; };
  return `median of ${ok.length}: thick ${med((x) => x.thick).toFixed(3)} rim ${med((x) => x.rim).toFixed(2)} rimDark ${med((x) => x.rimDark).toFixed(2)} bands ${[0, 1, 2, 3, 4].map((b) => med((x) => x.bands[b]!).toFixed(2)).join('/')} seam ${med((x) => x.seam).toFixed(3)} even ${med((x) => x.even).toFixed(2)} step ${med((x) => x.step).toFixed(2)}`;
};

const rows: Buffer[] = [];
if (real) {
  const want = new Set(frames), got = new Map<number, RgbaImage>();
  let i = 0;
  for await (const img of decodeVideoFrames(real.startsWith('/') ? real : path.join(SHARED_DATA, 'video', real), { fps: 25, maxSide: 1024, maxFrames: Math.max(...frames) + 1 })) {
    if (want.has(i)) got.set(i, img as RgbaImage);
    i++;
  }
  const tiles: Buffer[] = [], fs: (LipProfile | null)[] = [], cs: { luma: number; red: number; thick: number }[] = [];
  for (const n of frames) {
    const img = got.get(n)!, { f, lm, c } = await read(img, null);
    console.log(`real ${path.basename(real)} f${n}: ${fmt(f)}`);
    fs.push(f); cs.push(c);
    tiles.push(await tile(img, lm));
  }
  console.log(`real ${summary(fs)}; ${colourOf(cs)}`);
  rows.push(await strip(tiles, TILE));
}
const photo = await loadImage(name.startsWith('/') ? name : path.join(SHARED_DATA, 'portraits', name));
const portrait = await analyzePortrait(photo);
const photoRead = await read(photo as RgbaImage, null), rest = photoRead.c;
console.log(`photo at rest: ${colourOf([rest])}`);
// (--photo-row: the photo's own mouth at rest as a row of its own, first tile, s35 lowlip35)
if (args.includes('--photo-row')) rows.push(await strip([await tile(photo as RgbaImage, photoRead.lm)], TILE));
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE);
  const tiles: Buffer[] = [], fs: (LipProfile | null)[] = [], cs: { luma: number; red: number; thick: number }[] = [];
  for (const n of frames) {
    const fr = motion.frames[Math.min(n, motion.frames.length - 1)] as Parameters<typeof r.render>[0];
    const img = r.render(fr) as RgbaImage, { f, lm, c } = await read(img, r.landmarks(fr) as Lm);
    console.log(`${path.basename(root)} f${n}: ${fmt(f)}`);
    fs.push(f); cs.push(c);
    tiles.push(await tile(img, lm));
  }
  console.log(`${path.basename(root)} ${summary(fs)}; ${colourOf(cs, rest)}`);
  rows.push(await strip(tiles, TILE));
}
const gap = 4;
await sharp({ create: { width: TILE * frames.length, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) })))
  .jpeg({ quality: 80 }).toFile(out);
console.log(`wrote ${out} (rows: ${real ? 'real, ' : ''}${args.includes('--photo-row') ? 'photo, ' : ''}${roots.map((r) => path.basename(r)).join(', ')}; frames ${frames.join(',')})`);
