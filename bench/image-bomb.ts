// Memory of validating "bomb" photos the way the server does (prints; never asserts): five
// 16000x16000 JPEGs (a few hundred KB each) through validateImage, peak RSS before and after.
//   node --import tsx bench/image-bomb.ts
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DEFAULT_LIMITS, validateImage } from '../src/server/uploads.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'real3d-bomb-'));
const bomb = path.join(dir, 'bomb.jpg');
await sharp({ create: { width: 16000, height: 16000, channels: 3, background: { r: 200, g: 180, b: 160 } }, limitInputPixels: false }).jpeg({ quality: 50 }).toFile(bomb);
const bytes = (await stat(bomb)).size;
const copies = Array.from({ length: 5 }, (_, i) => path.join(dir, `photo-${i}.upload`));
for (const c of copies) await copyFile(bomb, c);
global.gc?.();
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const t0 = performance.now();
const outcomes = await Promise.all(
  copies.map((copy) => {
    return validateImage('photo', { path: copy, bytes, sha256: 'x' }, DEFAULT_LIMITS.maxImagePixels).then(
      () => 'accepted',
      (e: Error) => `refused: ${e.message.slice(0, 120)}`,
    );
  }),
);
clearInterval(sampler);
console.log(`5 x 16000x16000 JPEG (${Math.round(bytes / 1024)} KB each) validated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`RSS ${Math.round(rss0 / 1e6)} MB -> peak ${Math.round(peak / 1e6)} MB (+${Math.round((peak - rss0) / 1e6)} MB)`);
console.log(outcomes[0]);
await rm(dir, { recursive: true, force: true });
