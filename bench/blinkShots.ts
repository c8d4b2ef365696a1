// Shut-eye frames for before/after sheets: renders every human portrait at eyeBlinkLeft = Right = 1
// (and --steps a,b,...: more blink weights) and writes each frame as PNG into a folder, so a checkout
// before a change and one after can be compared by bench/blinkCompare.ts. Never asserts.
//   node --import tsx bench/blinkShots.ts out/dir [--only a.jpg,b.png] [--steps 0.6,0.8] [--dir photos] [--size 512]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { encodePng } from '../src/io/image.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const out = process.argv[2];
if (!out) throw new Error('usage: node --import tsx bench/blinkShots.ts out/dir [--only a.jpg,...] [--steps 0.6,0.8]');
const only = arg('--only')?.split(',');
// --size: the output frame's size (the product renders 512 from a 256 photo: a small photo's eye is drawn 2x)
const size = arg('--size') ? Number(arg('--size')) : undefined;
const steps = [1, ...(arg('--steps')?.split(',').map(Number) ?? [])];
await mkdir(out, { recursive: true });
// --dir: another folder of photos (e.g. the review's first frames of Obama and Fei-Fei)
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
for (const file of readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
  if (only && !only.includes(file)) continue;
  const portrait = await cachedPortrait(path.join(dir, file)).catch(() => undefined);
  if (!portrait) continue;
  const r = createRenderer(buildAvatar(portrait), { width: size ?? portrait.image.width, height: size ?? portrait.image.height });
  const n = r.neutralFrame();
  for (const b of steps) {
    const img = r.render({ ...n, w: { ...n.w, eyeBlinkLeft: b, eyeBlinkRight: b } });
    await writeFile(path.join(out, `${file}@${b}.png`), await encodePng({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }));
  }
}
console.log(`frames in ${out}`);
