// A glance's eyes, driver | before | after: the driver's frame (taken by time, cropped on its track's landmarks) beside
// a saved motion's frames rendered by `--base` (another checkout, as the product does) and by this checkout, each
// cropped on its own frame's landmarks round both eyes and zoomed to the same tile. Never asserts.
//   node --import tsx bench/glanceSheet.ts out.png lp_s0.jpg m.motion.json lp_d14_0-6.mp4 72,84 [--base /work/wt/before44] [--fps 25] [--tile 600] [--video-width W (a non-square driver)]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import sharp, { type OverlayOptions } from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { checkoutPortraitRenderer } from './checkoutRenderer.ts';
import { cachedTrack } from './driverTracks.ts';

const FFMPEG = path.join(process.cwd(), 'node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, file, motionPath, video, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const FR = frameList!.split(',').map(Number), FPS = Number(arg('--fps') ?? 25), TW = Number(arg('--tile') ?? 600), TH = Math.round(TW * 0.3);
const frames = (JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: MotionFrame[] }).frames;
const SIZE = 512;

/** The box round both eyes (corners 33 / 133 / 263 / 362), TW:TH, from a landmark lookup. */
function eyeBox(lm: (i: number) => [number, number], w: number, h: number) {
  const xs = [33, 133, 263, 362].map((i) => lm(i)[0]), ys = [33, 133, 263, 362, 159, 145, 386, 374].map((i) => lm(i)[1]);
  const span = Math.max(...xs) - Math.min(...xs), bw = span * 1.3, bh = bw * TH / TW;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const left = Math.max(0, Math.round(cx - bw / 2)), top = Math.max(0, Math.round(cy - bh / 2));
  return { left, top, width: Math.min(w - left, Math.round(bw)), height: Math.min(h - top, Math.round(bh)) };
}

const crop = (raw: Buffer, w: number, h: number, ch: 3 | 4, box: ReturnType<typeof eyeBox>) =>
  sharp(raw, { raw: { width: w, height: h, channels: ch } }).extract(box).resize(TW, TH, { kernel: 'nearest' }).png().toBuffer();

const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const renderers = await Promise.all(roots.map((root) => checkoutPortraitRenderer(root, file!)));
const track = video ? await cachedTrack(video, FPS) : [];
const tiles: OverlayOptions[] = [];
const cols = (video ? 1 : 0) + renderers.length;
for (let row = 0; row < FR.length; row++) {
  const f = FR[row]!;
  let col = 0;
  const t = track[f];
  if (video && t?.lm) {
    const raw = execFileSync(FFMPEG, ['-loglevel', 'error', '-i', video, '-vf', `select=gte(t\\,${(f / FPS).toFixed(4)})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 26 });
    const w = Number(arg('--video-width') ?? Math.round(Math.sqrt(raw.length / 3)));
    const h = raw.length / 3 / w;
    tiles.push({ input: await crop(raw, w, h, 3, eyeBox((i) => [t.lm![i * 3]!, t.lm![i * 3 + 1]!], w, h)), left: 0, top: row * (TH + 4) });
    col++;
  } else if (video) col++;
  for (const r of renderers) {
    const img = r.render(frames[f]!), lms = r.landmarks(frames[f]!);
    tiles.push({ input: await crop(Buffer.from(img.data), SIZE, SIZE, 4, eyeBox((i) => [lms[i]![0], lms[i]![1]], SIZE, SIZE)), left: col * (TW + 4), top: row * (TH + 4) });
    col++;
  }
}
await sharp({ create: { width: cols * (TW + 4), height: FR.length * (TH + 4), channels: 3, background: '#202020' } }).composite(tiles).toFile(out!);
console.log(`${out}: rows ${FR.join(' ')}; cols ${video ? 'driver | ' : ''}${roots.join(' | ')}`);
