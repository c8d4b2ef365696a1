// What a rendered frown reads back as in the measure that caps it (motion/browDrop.ts frownWithinDrop:
// the brows' height over the eye corners in the head frame, canonical units, FROWN_DROP_AT_FULL):
// per portrait, browDown (both sides) at a few weights rendered and read back by the face mesh, the
// drop against the neutral render. Prints a table; never asserts.
//   node --import tsx bench/frownReadBack.ts [lp_s2.jpg,st_art_1.png,lp_s42.jpg] [--levels 0.25,0.5,1]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { browHeights, FROWN_DROP_AT_FULL } from '../src/motion/browDrop.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const files = (process.argv[2]?.startsWith('--') ? undefined : process.argv[2]) ?? 'lp_s2.jpg,st_art_1.png,lp_s42.jpg';
const levels = arg('--levels', '0.25,0.5,1').split(',').map(Number);

async function brows(img: RgbaImage): Promise<[number, number] | null> {
  const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  if (!g) return null;
  const lm = g.landmarks as Landmarks;
  return browHeights(toCanonical(lm, fitRig(lm, { robust: true })));
}
console.log(`brow drop (canonical, mean of both sides) read back at browDown = w; FROWN_DROP_AT_FULL ${FROWN_DROP_AT_FULL} assumes ${levels.map((w) => (w * FROWN_DROP_AT_FULL).toFixed(3)).join(' / ')}`);
for (const file of files.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const rest = await brows(r.render(n));
  if (!rest) { console.log(`${file}: no face`); continue; }
  const drops: string[] = [];
  for (const w of levels) {
    const b = await brows(r.render({ ...n, w: { ...n.w, browDownLeft: w, browDownRight: w } }));
    drops.push(b ? ((rest[0] + rest[1] - b[0] - b[1]) / 2).toFixed(3) : 'none');
  }
  console.log(`${file.padEnd(14)} ${drops.join(' / ')}`);
}
