// The smile's squint and cheek raise as each photo renders them, zoomed on the eyes and cheeks:
// rest | smile | smile with eyeSquint = cheekSquint = 0.5 | = 1 (mouthSmile 0.75), one row per photo.
// For before/after, run it on each checkout. Never asserts.
//   node --import tsx bench/squintSheet.ts --out x.png [--only lp_s42.jpg,st_art_1.png,mt_man.png] [--tag after] [--eye]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const only = arg('--only', 'lp_s42.jpg,st_art_1.png,mt_man.png').split(',');
const tag = arg('--tag', 'now');
const SMILE = 0.75;
const rows: GridCell[][] = [];
for (const file of only) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  // eyes and cheeks: brows to the nose's base, cheek to cheek
  // --eye: the image-left eye and cheek only (3x)
  const ids = process.argv.includes('--eye') ? [70, 105, 234, 133, 205, 36, 168, 6] : [70, 300, 234, 454, 2, 105, 334];
  const xs = ids.map((i) => lm[i]![0]!), ys = ids.map((i) => lm[i]![1]!);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const box: [number, number, number, number] = [x0, y0, Math.min(size - x0, Math.ceil(Math.max(...xs)) - x0), Math.min(size - y0, Math.ceil(Math.max(...ys)) - y0)];
  const shot = (w: Record<string, number>, label: string): GridCell => {
    const img = r.render({ ...n, w: { ...n.w, ...w } });
    return { label: `${file} ${label} (${tag})`, image: cropImage({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, box) };
  };
  const at = (s: number) => ({ mouthSmileLeft: SMILE, mouthSmileRight: SMILE, eyeSquintLeft: s, eyeSquintRight: s, cheekSquintLeft: s, cheekSquintRight: s });
  rows.push([shot({}, 'rest'), shot(at(0), `smile ${SMILE}`), shot(at(0.5), '+ squints 0.5'), shot(at(1), '+ squints 1')]);
}
await writeFile(arg('--out', '/tmp/squintSheet.png'), await labelledGrid(rows, { title: `eyes and cheeks: rest | smile | smile + eyeSquint & cheekSquint 0.5 | 1 (${tag})`, cellW: 420, cellH: 300 }));
