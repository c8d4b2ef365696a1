// s49 shutlid49: where a frame draws the photo's upper lid. Both upper lids' texels painted in the avatar's texture
// before the renderer is built -- green between the lid line and the crease landmarks, blue from the crease up by 1.5
// of that span (the socket under the brow) -- and a saved motion's frame rendered: what a lowered lid stretches over
// the eye (lp_s5 <- eng f133: the dark band mid-blink is both the green lid and the blue socket, stretched).
//   node --import tsx bench/lidPaint.ts PORTRAIT MOTION.json FRAME out.png
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_UPPER, EYE_L_UPPER2, EYE_R_UPPER, EYE_R_UPPER2 } from '../src/rig/topology.ts';
const [portraitFile, motion, frame, out] = process.argv.slice(2);
const frames = (JSON.parse(readFileSync(motion!, 'utf8')) as { frames: MotionFrame[] }).frames;
const a = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, portraitFile!)));
const xy = (i: number): [number, number] => [a.uv[i * 2]!, a.uv[i * 2 + 1]!];
const t = a.texture;
for (const [e, c] of [[EYE_L_UPPER, EYE_L_UPPER2], [EYE_R_UPPER, EYE_R_UPPER2]] as const) {
  const lid = [...e.map(xy), ...c.map(xy).reverse()];
  // above the crease: the crease lifted by its own lid span (toward the brow)
  const above = [...c.map(xy), ...c.map((i, q) => { const [cx, cy] = xy(i), [ex, ey] = xy(e[q]!); return [cx + (cx - ex) * 1.5, cy + (cy - ey) * 1.5] as [number, number]; }).reverse()];
  for (let y = 0; y < t.height; y++) for (let x = 0; x < t.width; x++) {
    const o = (y * t.width + x) * 4;
    if (insidePolygon(x + 0.5, y + 0.5, lid)) { t.data[o] = 0; t.data[o + 1] = 255; t.data[o + 2] = 0; }
    else if (insidePolygon(x + 0.5, y + 0.5, above)) { t.data[o] = 0; t.data[o + 1] = 0; t.data[o + 2] = 255; }
  }
}
const img = createRenderer(a, { width: 512, height: 512 }).render(frames[Number(frame)]!);
await sharp(Buffer.from(img.data), { raw: { width: 512, height: 512, channels: 4 } }).png().toFile(out!);
