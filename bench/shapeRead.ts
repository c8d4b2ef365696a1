// The mouth's SHAPE read back (issue #13/#14: "every opening is the same smiling lens"): at chosen
// frames, the real/driver frame beside ours (one row per checkout, before/after), each read by the
// same face mesh: W = corner distance, G = inner-lip gap, H = outer lip height (0-17), all over the
// inter-ocular distance, and W/H (a grin is wide and flat, an "ah" or an "O" tall). Wr = W over the
// same face's W at frame 0 (its rest): a pucker narrows it, a grin widens it. Printed, with a sheet of
// the mouths 3x. Never asserts.
//   node --import tsx bench/shapeRead.ts --photo lp_s42.jpg --video lp_d6.mp4 --frames 83,60 [--root a,b] [--out x.png]
//   node --import tsx bench/shapeRead.ts --photo VIDEO.mp4 --audio VIDEO.mp4 --frames 17 (audio self-reenactment: photo = frame 0, real = the video)
//   --real VIDEO: the real frames beside an audio motion (mt_sun.wav with mt_sun.mp4)
//   --peaks N instead of --frames: the N most open motion frames (>= 5 apart)
// Driver tracks and motions are cached in /tmp/shapeRead (motions per checkout).
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { detectOne } from '../src/eval/frames.ts';
import type { RgbaImage } from '../src/types.ts';
import { mouthBox, mouthTile, stack, strip } from './mouthTiles.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const D = SHARED_DATA;
const resolve = (f: string, dir: string) => (f.includes('/') ? path.resolve(f) : path.resolve(D, dir, f));
const photoArg = opt('--photo', 'lp_s42.jpg'), video = opt('--video', ''), audio = opt('--audio', '');
const photoFile = resolve(photoArg, photoArg.endsWith('.mp4') ? 'video' : 'portraits');
const drive = video ? resolve(video, 'video') : resolve(audio, 'audio');
const realVideo = video ? drive : args.includes('--real') ? resolve(opt('--real', ''), 'video') : drive.endsWith('.mp4') ? drive : '';
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const SECONDS = Number(opt('--seconds', '6')), FPS = 25, SIZE = 512, ZOOM = 3;
const CACHE = '/tmp/shapeRead';
mkdirSync(CACHE, { recursive: true });
const base = (f: string) => path.basename(f).replace(/\.\w+$/, '');
const out = opt('--out', `/tmp/shapeRead-${base(photoFile)}-${base(drive)}.png`);

export interface Shape { W: number; G: number; H: number }
/** The mouth's shape in a face-mesh reading (pixel landmarks), in inter-ocular distances. */
export function mouthShape(lm: ArrayLike<ArrayLike<number>>): Shape {
  const d = (a: number, b: number) => Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);
  const iod = d(33, 263);
  return { W: d(61, 291) / iod, G: d(13, 14) / iod, H: d(0, 17) / iod };
}
const fmt = (s: Shape | null, rest: Shape | null) => (s ? `W ${s.W.toFixed(3)} G ${s.G.toFixed(3)} H ${s.H.toFixed(3)} W/H ${(s.W / s.H).toFixed(2)}${rest ? ` Wr ${(s.W / rest.W).toFixed(2)}` : ''}` : 'no face');

async function firstFrame(file: string): Promise<RgbaImage> {
  for await (const f of decodeVideoFrames(file, { fps: FPS, maxSide: 1024, maxFrames: 1 })) return { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) };
  throw new Error(`${file}: no frames`);
}

/** The motion as checkout `root` makes it (video: from the cached track). */
async function motionOf(root: string): Promise<any[]> {
  const file = `${CACHE}/motion-${base(root)}-${base(drive)}.json`;
  if (existsSync(file) && !args.includes('--fresh')) return JSON.parse(await readFile(file, 'utf8')).frames;
  let frames;
  if (video) {
    const trackFile = `${CACHE}/track-${base(drive)}.json`;
    const { trackVideo, motionFramesFromRaw } = await import(path.join(root, 'src/motion/fromVideo.ts'));
    let raw;
    if (existsSync(trackFile)) raw = JSON.parse(await readFile(trackFile, 'utf8')).map((r: any) => r && { ...r, lm: Float32Array.from(r.lm) });
    else {
      raw = await trackVideo(drive, { fps: FPS, maxSide: 720, maxSeconds: SECONDS });
      await writeFile(trackFile, JSON.stringify(raw.map((r: any) => r && { ...r, lm: Array.from(r.lm) })));
    }
    frames = motionFramesFromRaw(raw, FPS, true).frames;
  } else {
    const { motionFromAudio } = await import(path.join(root, 'src/motion/fromAudio.ts'));
    frames = (await motionFromAudio(drive, { fps: FPS, pose: 'static', seed: 0 })).frames;
  }
  await writeFile(file, JSON.stringify({ frames }));
  return frames;
}

const portrait = await analyzePortrait(photoFile.endsWith('.mp4') ? await firstFrame(photoFile) : photoFile);
const motions = await Promise.all(roots.map(motionOf));
let picked: number[];
if (args.includes('--frames')) picked = opt('--frames', '').split(',').map(Number);
else {
  const n = Number(opt('--peaks', '6'));
  const order = motions[0]!.map((f, i) => [f.w.jawOpen ?? 0, i] as [number, number]).filter(([, i]) => i < SECONDS * FPS).sort((a, b) => b[0] - a[0]);
  picked = [];
  for (const [, i] of order) { if (picked.every((p) => Math.abs(p - i) >= 5)) picked.push(i); if (picked.length === n) break; }
  picked.sort((a, b) => a - b);
}

const rows: Buffer[] = [];
let box = { left: 0, top: 0, side: 0 };
if (realVideo) {
  // the real/driver frames, each cropped around its own mouth and scaled to the same tile
  const want = new Set([0, ...picked]);
  const shots = new Map<number, RgbaImage>();
  let k = 0;
  for await (const f of decodeVideoFrames(realVideo, { fps: FPS, maxSide: 720, maxFrames: Math.max(...picked) + 1 })) {
    if (want.has(k)) shots.set(k, { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) });
    k++;
  }
  const read = async (i: number) => { const img = shots.get(i)!; const face = await detectOne(img, false); return face ? { img, lm: face.landmarks as number[][] } : null; };
  const rest = await read(0);
  const restShape = rest ? mouthShape(rest.lm) : null;
  const tiles: Buffer[] = [];
  const line: string[] = [];
  for (const i of picked) {
    const r = await read(i);
    line.push(`#${i} ${fmt(r ? mouthShape(r.lm) : null, restShape)}`);
    if (!r) { tiles.push(await sharp({ create: { width: 180 * ZOOM / 3, height: 180 * ZOOM / 3, channels: 3, background: '#000' } }).png().toBuffer()); continue; }
    // a square 1.6 mouth widths across around the driver's mouth, resized to the renders' tile
    const b = mouthBox(r.lm, 1.6, 0.4);
    const sq = await sharp(Buffer.from(r.img.data.buffer), { raw: { width: r.img.width, height: r.img.height, channels: 4 } })
      .extract({ left: Math.max(0, b.left), top: Math.max(0, b.top), width: Math.min(b.side, r.img.width - Math.max(0, b.left)), height: Math.min(b.side, r.img.height - Math.max(0, b.top)) }).png().toBuffer();
    tiles.push(sq);
  }
  console.log(`real/driver  ${line.join(' | ')}`);
  rows.push(tiles as unknown as Buffer); // resized below, once the render tile size is known
}
const renderRows: Buffer[] = [];
for (const [ri, root] of roots.entries()) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  const frames = motions[ri]!;
  if (ri === 0) box = mouthBox(r.landmarks(r.neutralFrame()), 1.6, 0.4);
  const read = async (frame: any) => { const img = r.render(frame); const data = new Uint8ClampedArray(img.data); const face = await detectOne({ width: SIZE, height: SIZE, data }, false); return { data, lm: face ? (face.landmarks as number[][]) : null }; };
  const rest = await read(frames[0]);
  const restShape = rest.lm ? mouthShape(rest.lm) : null;
  const tiles: Buffer[] = [], line: string[] = [];
  for (const i of picked) {
    const o = await read(frames[i]);
    const w = frames[i].w;
    const f2 = (k: string) => (w[k] ?? 0).toFixed(2);
    line.push(`#${i} ${fmt(o.lm ? mouthShape(o.lm) : null, restShape)} [j ${f2('jawOpen')} fun ${f2('mouthFunnel')} puc ${f2('mouthPucker')} st ${f2('mouthStretchLeft')}/${f2('mouthStretchRight')} sm ${f2('mouthSmileLeft')}/${f2('mouthSmileRight')}${w.mouthOnPhoto ? ' onPhoto' : ''}]`);
    tiles.push(await mouthTile(o.data, SIZE, box, ZOOM));
  }
  console.log(`${base(root)}  ${line.join(' | ')}`);
  renderRows.push(await strip(tiles, box.side * ZOOM));
}
const T = box.side * ZOOM;
if (realVideo) rows[0] = await strip(await Promise.all((rows[0] as unknown as Buffer[]).map((b) => sharp(b).resize(T, T).png().toBuffer())), T);
await stack([...rows, ...renderRows], T * picked.length, T, out);
console.log(`wrote ${out}: frames ${picked.join(',')}; rows ${realVideo ? 'real, ' : ''}${roots.map(base).join(', ')}`);
process.exit(0);
