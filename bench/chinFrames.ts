// s41 (chin41): a saved motion's frames on a portrait, the jaw/chin outline (or the mouth) cut out at 4x, one row per
// --root (before/after), the photo's own crop first. For lp_s10's chin notch as the jaw closes and lp_s0's rest lips.
//   node --import tsx bench/chinFrames.ts --portrait lp_s10.jpg --motion m.json --frames 76,78,80,82 [--root a,b] [--box chin|mouth] [--out x.png]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot, strip, stack, type MouthBox } from './mouthTiles.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const name = opt('--portrait', 'lp_s10.jpg');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { fps: number; frames: unknown[] };
const frames = opt('--frames', '0').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const boxKind = opt('--box', 'chin');
const out = opt('--out', '/tmp/chinFrames.png');
const SIZE = 512, ZOOM = Number(opt('--zoom', '4'));

type Lm = ArrayLike<ArrayLike<number>>;
/** Around the chin: from the mouth corners' level down past the chin point, as wide as the jaw angles. */
function boxOf(lm: Lm): MouthBox {
  if (boxKind === 'mouth') {
    const mw = Math.hypot(lm[291]![0]! - lm[61]![0]!, lm[291]![1]! - lm[61]![1]!);
    const side = Math.round(1.3 * mw);
    return { side, left: Math.round((lm[61]![0]! + lm[291]![0]!) / 2 - side / 2), top: Math.round((lm[13]![1]! + lm[14]![1]!) / 2 - side / 2) };
  }
  // the image-left half of the jaw by default (lp_s10's notch side); --side right for the other
  const side = Math.round(Math.abs(lm[397]![0]! - lm[172]![0]!) * 0.75);
  const cx = opt('--side', 'left') === 'left' ? lm[172]![0]! + side * 0.3 : lm[397]![0]! - side * 0.3;
  return { side, left: Math.round(cx - side / 2), top: Math.round(lm[152]![1]! - side * 0.7) };
}
async function tile(data: Uint8ClampedArray | Uint8Array, b: MouthBox): Promise<Buffer> {
  const left = Math.max(0, Math.min(SIZE - b.side, b.left)), top = Math.max(0, Math.min(SIZE - b.side, b.top));
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width: SIZE, height: SIZE, channels: 4 } })
    .extract({ left, top, width: b.side, height: b.side }).resize(b.side * ZOOM, b.side * ZOOM, { kernel: 'nearest' }).png().toBuffer();
}
const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name));
const box = boxOf(portrait.cropLandmarks); // one box for every frame, the photo's
const T = box.side * ZOOM;
const rows: Buffer[] = [];
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE);
  const tiles = [await tile(portrait.image.data, box)];
  for (const i of frames) tiles.push(await tile(r.render(motion.frames[Math.min(i, motion.frames.length - 1)] as never).data, box));
  rows.push(await strip(tiles, T));
}
await stack(rows, T * (frames.length + 1), T, out);
console.log(`wrote ${out} (${roots.length} rows: photo, ${frames.map((f) => `f${f}`).join(' ')}; box ${JSON.stringify(box)})`);
