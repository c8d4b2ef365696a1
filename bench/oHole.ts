// The round "O" hole as the outside critic reads it (session 24): per checkout (--root before,after)
// the funnel still (`view --expr mouthFunnel=0.8,jawOpen=0.3` at 512x512) of each portrait, and
// chosen frames of a saved motion on a portrait (--motion m.json --portrait p --frames 190,191),
// read back with the face mesh: the lip gap and width (IOD), the lip grid-lock on the read inner lip
// lines (src/eval/gridLock.ts), the opening's bright / mid / dark shares against the chin's skin
// (critic23's figures23.py: > 1.05, .35-1.05, < .25) and interiorStats' dark share (< .35); the
// rig's own gap (landmarks 13-14 of the mesh) beside the read one. --video v.mp4 --frames ... reads
// a real clip's frames the same way. Each image is saved losslessly as OUT/<tag>/<name>.png with
// the read landmarks (.json) for sheets. Never asserts.
//   node --import tsx bench/oHole.ts OUT [--only katie_f0.png,lp_s42.jpg] [--root a,b]
//        [--motion m.json --portrait lp_s42.jpg --frames 190,191] [--video lp_d6.mp4 --frames 186,190]
import path from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { gridLock } from '../src/eval/gridLock.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { interiorStats, skinLuma } from './mouthInterior.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: node --import tsx bench/oHole.ts OUT [--only a.png,...] [--root a,b] [--motion m.json --portrait p --frames 1,2] [--video v.mp4 --frames 1,2]');
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const frames = arg('--frames', '').split(',').filter(Boolean).map(Number);
const { default: sharp } = await import('sharp');
type Lm = [number, number][];

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const dist = (lm: Lm, a: number, b: number) => Math.hypot(lm[a]![0] - lm[b]![0], lm[a]![1] - lm[b]![1]);

/** The opening's bright / mid / dark shares and median luma over the chin skin's (figures23.py interior). */
function shares(img: RgbaImage, lm: Lm): string {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, img.width, img.height);
  const sk = skinLuma(img.data, img.width, lm, dist(lm, 33, 263));
  const ls: number[] = [];
  for (let q = 0; q < mask.length; q++) if (mask[q]) ls.push(luma(img.data, q * 4) / sk);
  if (ls.length < 30) return 'shut';
  ls.sort((a, b) => a - b);
  const share = (f: (l: number) => boolean) => (ls.filter(f).length / ls.length).toFixed(2);
  return `b/m/d ${share((l) => l > 1.05)}/${share((l) => l > 0.35 && l <= 1.05)}/${share((l) => l < 0.25)} med ${ls[ls.length >> 1]!.toFixed(2)}`;
}

async function read(img: RgbaImage, name: string, tag: string, meshLm?: Lm): Promise<string> {
  await mkdir(path.join(out, tag), { recursive: true });
  const base = path.join(out, tag, name);
  await writeFile(`${base}.png`, await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer());
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  if (!f) return `${name.padEnd(26)} ${tag.padEnd(10)} no face read`;
  const lm = (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]);
  await writeFile(`${base}.json`, JSON.stringify(lm));
  const iod = dist(lm, 33, 263);
  const lines = { upper: LIPS_INNER_UPPER.map((i) => lm[i]!), lower: LIPS_INNER_LOWER.map((i) => lm[i]!) };
  const st = img.width === img.height ? interiorStats(img.data, img.width, lm) : null;
  const mesh = meshLm ? ` mesh gap ${(dist(meshLm, 13, 14) / dist(meshLm, 33, 263)).toFixed(3)}` : '';
  return `${name.padEnd(26)} ${tag.padEnd(10)} gap ${(dist(lm, 13, 14) / iod).toFixed(3)} w ${(dist(lm, 61, 291) / iod).toFixed(2)}${mesh} grid-lock ${gridLock(img, lines).toFixed(2)} ${shares(img, lm)} dark.35 ${st ? st.dark.toFixed(2) : '-'}`;
}

const rows: string[] = [];
const video = arg('--video', '');
if (video) {
  let i = 0;
  const last = Math.max(...frames);
  for await (const fr of decodeVideoFrames(video, { fps: 25, maxSide: 1024, maxFrames: last + 1 }) as AsyncGenerator<RgbaImage>) {
    if (frames.includes(i)) rows.push(await read(fr, `${path.basename(video).replace(/\.[a-z0-9]+$/, '')}_f${i}`, 'real'));
    i++;
  }
} else {
  const motionFile = arg('--motion', '');
  const files = motionFile ? [arg('--portrait', 'lp_s42.jpg')] : arg('--only', '/work/review/s21/in/katie_f0.png,lp_s42.jpg,mt_man.png,lp_s5.jpg,st_art_1.png').split(',');
  const motion = motionFile ? JSON.parse(await readFile(motionFile, 'utf8')) as { frames: MotionFrame[] } : null;
  for (const file of files) {
    const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
    const name = path.basename(file).replace(/\.[a-z]+$/, '');
    for (const root of roots) {
      const r = await rendererOfRoot(root, portrait, 512);
      const tag = path.basename(root);
      const shots: [string, MotionFrame][] = motion
        ? frames.map((i) => [`${name}_f${i}`, motion.frames[i]!])
        : [[`${name}_funnelO`, { ...r.neutralFrame(), w: { ...r.neutralFrame().w, mouthFunnel: 0.8, jawOpen: 0.3 } }]];
      for (const [shot, frame] of shots) {
        const img: RgbaImage = r.render(frame);
        rows.push(await read(img, shot, tag, (r.landmarks(frame) as number[][]).map((p) => [p[0]!, p[1]!] as [number, number])));
      }
    }
  }
}
for (const row of rows) console.log(row);
