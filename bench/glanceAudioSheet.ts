// An audio clip's glances, eye by eye: per row (a frame of a saved motion) and per eye, ours with the gaze at 0 (same
// lids and pose: the photo's own eye) | `--base` checkout | this, each at `--zoom` (4) of the 512 px render, cropped on
// the frame's eye corners; and (`--strip out1x.png`) both eyes at 1x over `--strip-frames a-b`. Never asserts.
//   node --import tsx bench/glanceAudioSheet.ts out.png lp_s10.jpg eng.motion.json 90,812 [--base /work/main] [--zoom 4] [--strip s.png --strip-frames 80-104]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { checkoutPortraitRenderer } from './checkoutRenderer.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, file, motionPath, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const FR = frameList!.split(',').map(Number), Z = Number(arg('--zoom') ?? 4);
const frames = (JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: MotionFrame[] }).frames;
const SIZE = 512;

/** One eye's box (corners a, b; lids c, d), 2:1, from landmarks. */
function eyeBox(lm: number[][], a: number, b: number) {
  const x0 = Math.min(lm[a]![0]!, lm[b]![0]!), x1 = Math.max(lm[a]![0]!, lm[b]![0]!), cy = (lm[a]![1]! + lm[b]![1]!) / 2;
  const w = Math.round((x1 - x0) * 1.5), h = Math.round(w / 2);
  return { left: Math.max(0, Math.round((x0 + x1) / 2 - w / 2)), top: Math.max(0, Math.round(cy - h / 2)), width: w, height: h };
}
const crop = (raw: Uint8ClampedArray, box: ReturnType<typeof eyeBox>, z: number) =>
  sharp(Buffer.from(raw), { raw: { width: SIZE, height: SIZE, channels: 4 } }).extract(box).resize(box.width * z, box.height * z, { kernel: 'nearest' }).png().toBuffer();

const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const renderers = await Promise.all(roots.map((root) => checkoutPortraitRenderer(root, file!)));
const still = (f: MotionFrame): MotionFrame => ({ ...f, gaze: [0, 0] as MotionFrame['gaze'] });
const tiles: OverlayOptions[] = [];
let W = 0, H = 0, y = 0;
for (const f of FR) {
  const lm = renderers.at(-1)!.landmarks(frames[f]!) as number[][];
  let x = 0, rowH = 0;
  for (const [a, b] of [[33, 133], [362, 263]] as const) {
    const box = eyeBox(lm, a, b);
    const imgs = [renderers.at(-1)!.render(still(frames[f]!)).data.slice(), ...renderers.map((r) => r.render(frames[f]!).data.slice())];
    for (const img of imgs) { tiles.push({ input: await crop(img, box, Z), left: x, top: y }); x += box.width * Z + 3; }
    x += 12; rowH = Math.max(rowH, box.height * Z);
  }
  W = Math.max(W, x); y += rowH + 4; H = y;
}
await sharp({ create: { width: W, height: H, channels: 3, background: '#202020' } }).composite(tiles).toFile(out!);
console.log(`${out}: rows ${FR.join(' ')}; per eye (image-right, image-left) cols gaze 0 | ${roots.join(' | ')} (gaze per row: ${FR.map((f) => frames[f]!.gaze.map((g) => g.toFixed(2)).join('/')).join(' ')})`);
const strip = arg('--strip');
if (strip) {
  const [s0, s1] = arg('--strip-frames')!.split('-').map(Number);
  const lm0 = renderers.at(-1)!.landmarks(frames[s0!]!) as number[][];
  const r = eyeBox(lm0, 33, 133), l = eyeBox(lm0, 362, 263);
  const box = { left: r.left, top: Math.min(r.top, l.top) - 4, width: l.left + l.width - r.left, height: Math.max(r.height, l.height) + 8 };
  const st: OverlayOptions[] = [];
  const list = Array.from({ length: s1! - s0! + 1 }, (_, i) => s0! + i);
  for (const [row, rr] of renderers.entries()) for (const [i, f] of list.entries()) {
    st.push({ input: await crop(rr.render(frames[f]!).data, box, 1), left: i * (box.width + 2), top: row * (box.height + 2) });
  }
  await sharp({ create: { width: list.length * (box.width + 2), height: renderers.length * (box.height + 2), channels: 3, background: '#202020' } }).composite(st).toFile(strip);
  console.log(`${strip}: frames ${s0}-${s1} at 1x, rows ${roots.join(' | ')}`);
}
