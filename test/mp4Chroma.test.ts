// s46 flecks46: the mp4's chroma on a painting's dark edges. x264 at crf 18 steps the chroma as coarsely as the luma,
// and a dark pixel beside bright orange skin decodes grey (read as a teal / blue-grey fleck: lp_s9 <- lp_d11 f98).
// mp4ChromaSetting's finer chroma steps must keep clearly fewer such pixels than the encoder without them, on a
// real painting panned one px a frame (so most frames are predicted, as in a video).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import { loadImage, resizeImage } from '../src/io/image.ts';
import { VideoEncoder, mp4ChromaSetting } from '../src/io/encode.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';

const SIDE = 256, FRAMES = 30;
const cbcr = (d: ArrayLike<number>, o: number): [number, number] => [-0.1687 * d[o]! - 0.3313 * d[o + 1]! + 0.5 * d[o + 2]!, 0.5 * d[o]! - 0.4187 * d[o + 1]! - 0.0813 * d[o + 2]!];

/** Pixels over frames 3.. whose chroma is off by > 8 and lost > 6 (a coloured pixel decoded grey). */
async function greyFlecks(frames: RgbaImage[], dir: string, qpOffset: number): Promise<number> {
  const keep = mp4ChromaSetting.qpOffset;
  mp4ChromaSetting.qpOffset = qpOffset;
  const output = path.join(dir, `q${qpOffset}.mp4`);
  try {
    const enc = new VideoEncoder({ output, container: 'mp4', width: SIDE, height: SIDE, fps: 25 });
    for (const f of frames) await enc.write(f);
    await enc.finish();
  } finally { mp4ChromaSetting.qpOffset = keep; }
  let k = 0, n = 0;
  for await (const img of decodeVideoFrames(output, { fps: 25, maxSide: SIDE })) {
    const src = frames[k++]!;
    if (k <= 3) continue;
    for (let o = 0; o < src.data.length; o += 4) {
      const a = cbcr(src.data, o), b = cbcr(img.data, o);
      if (Math.hypot(a[0] - b[0], a[1] - b[1]) > 8 && Math.hypot(...a) - Math.hypot(...b) > 6) n++;
    }
  }
  assert.equal(k, FRAMES);
  return n / (FRAMES - 3);
}

test('mp4 chroma: a panned painting keeps its dark edges coloured (fewer grey flecks than x264 default chroma)', async () => {
  const photo = await loadImage(path.join(SHARED_PORTRAITS, 'lp_s9.jpg'));
  const big = await resizeImage(photo, 2 * SIDE, Math.round((2 * SIDE * photo.height) / photo.width));
  // the face and mouth: the picture's middle third, panned right one px a frame
  const x0 = Math.round(big.width / 2 - SIDE / 2 - FRAMES / 2), y0 = Math.round(big.height * 0.3);
  const frames = Array.from({ length: FRAMES }, (_, f) => {
    const img: RgbaImage = { width: SIDE, height: SIDE, data: new Uint8ClampedArray(SIDE * SIDE * 4) };
    for (let y = 0; y < SIDE; y++) img.data.set(big.data.subarray(((y0 + y) * big.width + x0 + f) * 4, ((y0 + y) * big.width + x0 + f + SIDE) * 4), y * SIDE * 4);
    return img;
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'mp4chroma-'));
  try {
    const plain = await greyFlecks(frames, dir, 0), fine = await greyFlecks(frames, dir, mp4ChromaSetting.qpOffset);
    console.log(`grey flecks per frame: x264 default ${plain.toFixed(1)}, qpOffset ${mp4ChromaSetting.qpOffset} ${fine.toFixed(1)}`);
    assert.ok(plain > 5, `the default encode shows the defect (${plain.toFixed(1)})`);
    assert.ok(fine < 0.75 * plain, `finer chroma: ${fine.toFixed(1)} < .75 x ${plain.toFixed(1)}`);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
