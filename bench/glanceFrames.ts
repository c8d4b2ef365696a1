// A saved motion's frames rendered as the product does, both eyes zoomed, with channel sets taken back per column:
// as saved | lids at rest (blink, squint, wide 0) | blink 0 | squint 0 | gaze at rest | pose at rest. Never asserts.
//   node --import tsx bench/glanceFrames.ts out.png lp_s2.jpg m.motion.json 32,60 [--variants as,lids,gaze]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, file, motionPath, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const frames = (JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: MotionFrame[] }).frames;
const FR = frameList!.split(',').map(Number);
const VARIANTS = (arg('--variants') ?? 'as,lids,gaze').split(',');
const SIZE = 512, Z = Number(arg('--zoom') ?? 5);
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file!))), { width: SIZE, height: SIZE });
const lm = r.landmarks(r.neutralFrame());
const xs = [33, 133, 263, 362].map((i) => lm[i]![0]), ys = [159, 386, 145, 374].map((i) => lm[i]![1]);
const ew = Math.hypot(lm[133]![0] - lm[33]![0], lm[133]![1] - lm[33]![1]);
const x0 = Math.max(0, Math.round(Math.min(...xs) - 0.35 * ew)), x1 = Math.min(SIZE, Math.round(Math.max(...xs) + 0.35 * ew));
const yc = (Math.min(...ys) + Math.max(...ys)) / 2;
const y0 = Math.max(0, Math.round(yc - 0.45 * ew)), y1 = Math.min(SIZE, Math.round(yc + 0.4 * ew));
const W = (x1 - x0) * Z, H = (y1 - y0) * Z;
const tiles: OverlayOptions[] = [];
const vary = (f: MotionFrame, v: string): MotionFrame => {
  if (v === 'lids') return { ...f, w: { ...f.w, eyeBlinkLeft: 0, eyeBlinkRight: 0, eyeSquintLeft: 0, eyeSquintRight: 0, eyeWideLeft: 0, eyeWideRight: 0 } };
  if (v === 'gaze') return { ...f, gaze: [0, 0] };
  if (v === 'blink') return { ...f, w: { ...f.w, eyeBlinkLeft: 0, eyeBlinkRight: 0 } };
  if (v === 'squint') return { ...f, w: { ...f.w, eyeSquintLeft: 0, eyeSquintRight: 0 } };
  if (v === 'pose') return { ...f, pose: { ...f.pose, yaw: 0, pitch: 0, roll: 0 } };
  return f;
};
FR.forEach((fi, row) => VARIANTS.forEach((v) => void 0));
for (let row = 0; row < FR.length; row++) for (let col = 0; col < VARIANTS.length; col++) {
  const img = r.render(vary(frames[FR[row]!]!, VARIANTS[col]!));
  const input = await sharp(Buffer.from(img.data), { raw: { width: SIZE, height: SIZE, channels: 4 } })
    .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).resize(W, H, { kernel: 'nearest' }).png().toBuffer();
  tiles.push({ input, left: col * (W + 6), top: row * (H + 6) });
}
await sharp({ create: { width: VARIANTS.length * (W + 6), height: FR.length * (H + 6), channels: 3, background: '#202020' } }).composite(tiles).toFile(out!);
console.log(`${out}: rows ${FR.join(' ')} cols ${VARIANTS.join(' ')} box ${x0},${y0}-${x1},${y1}`);
