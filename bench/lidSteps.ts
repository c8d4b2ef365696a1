// A lid step by step, both eyes zoomed (nearest-neighbour, about 4x), per portrait, rendered at 512 as
// the product does: rows = portraits, columns = blink weights (rest-relative: 0 the photo's lid).
// To look for a doubled lash line or a smear during a blink's fall/rise, or (--wide) a raised lid.
// Never asserts.
//   node --import tsx bench/lidSteps.ts out.png lp_s0.jpg,lp_s2.jpg [--steps 0,0.3,0.5,0.7] [--wide 0.6] [--gaze x,y] [--eye L|R] [--per-row 3] [--motion m.json --frames 28,33]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, list] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!out || !list) throw new Error('usage: bench/lidSteps.ts out.png a.jpg,b.png [--steps ...] [--wide w] [--gaze x,y]');
const STEPS = (arg('--steps') ?? '0,0.2,0.35,0.5,0.65,0.8').split(',').map(Number);
const WIDE = Number(arg('--wide') ?? 0);
const GAZE = arg('--gaze')?.split(',').map(Number);
// --motion m.json --frames 28,33: those frames of a saved motion instead of the steps (pose, brows, gaze as given)
const MOTION = arg('--motion') ? (JSON.parse(readFileSync(arg('--motion')!, 'utf8')) as { frames: MotionFrame[] }).frames : undefined;
const FRAMES = (arg('--frames') ?? '').split(',').filter(Boolean).map(Number);
const SIZE = 512, CELL_W = 440, PER_ROW = Number(arg('--per-row') ?? 3);
const tiles: OverlayOptions[] = [];
let top = 0;
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  const n = r.neutralFrame();
  const lm = r.landmarks(n);
  // --eye L / R: the image-left (33-133) or image-right (263-362) eye alone, zoomed further
  const EYE = arg('--eye');
  const corners = EYE === 'L' ? [33, 133] : EYE === 'R' ? [263, 362] : [33, 133, 263, 362];
  const xs = corners.map((i) => lm[i]![0]), ys = [159, 386, 145, 374].map((i) => lm[i]![1]);
  const ew = Math.hypot(lm[133]![0] - lm[33]![0], lm[133]![1] - lm[33]![1]);
  const x0 = Math.max(0, Math.round(Math.min(...xs) - 0.3 * ew)), x1 = Math.min(SIZE, Math.round(Math.max(...xs) + 0.3 * ew));
  const yc = (Math.min(...ys) + Math.max(...ys)) / 2;
  const y0 = Math.max(0, Math.round(yc - 0.75 * ew)), y1 = Math.min(SIZE, Math.round(yc + 0.5 * ew));
  const k = Math.max(1, Math.round(CELL_W / (x1 - x0)));
  const h = (y1 - y0) * k;
  const cols = MOTION ? FRAMES : STEPS;
  for (let col = 0; col < cols.length; col++) {
    const b = cols[col]!;
    const w = { ...n.w, eyeBlinkLeft: b, eyeBlinkRight: b, ...(WIDE ? { eyeWideLeft: WIDE, eyeWideRight: WIDE } : {}) };
    const img = r.render(MOTION ? MOTION[b]! : { ...n, w, gaze: GAZE ? [GAZE[0]!, GAZE[1]!] : n.gaze });
    const input = await sharp(Buffer.from(img.data), { raw: { width: SIZE, height: SIZE, channels: 4 } })
      .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).resize((x1 - x0) * k, h, { kernel: 'nearest' }).png().toBuffer();
    tiles.push({ input, left: (col % PER_ROW) * (CELL_W + 8), top: top + Math.floor(col / PER_ROW) * (h + 8) });
    if (MOTION) console.log(`f${b}: blink ${MOTION[b]!.blink}`);
  }
  console.log(`${file}: box ${x0},${y0}-${x1},${y1} x${k}; steps ${STEPS.join(' ')}${WIDE ? ` wide ${WIDE}` : ''}`);
  top += Math.ceil(cols.length / PER_ROW) * (h + 8);
}
await sharp({ create: { width: Math.min(PER_ROW, (MOTION ? FRAMES : STEPS).length) * (CELL_W + 8), height: top, channels: 3, background: '#202020' } })
  .composite(tiles).toFile(out);
console.log(`sheet: ${out}`);
