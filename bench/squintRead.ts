// The smile's squint as each photo renders it (issue #14: one squint constant over-narrows st_art_1
// and lp_s42 under lp_d0's grin and under-narrows others): render eyeSquint = cheekSquint = s (with
// a smile, as a grin carries them) and read the frame back with the face mesh: the eye opening as a
// share of the photo's (eval/eyes.ts eyeOpenings) and the lower lid's rise as a share of the photo's
// opening in the head frame (motion/lowerLid.ts lidHeights). Prints a table; never asserts.
//   node --import tsx bench/squintRead.ts [--only lp_s42.jpg,st_art_1.png,mt_man.png] [--levels 0.5,1] [--smile 0.75]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { lidHeights, type Lids } from '../src/motion/lowerLid.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const only = arg('--only', 'lp_s42.jpg,st_art_1.png,mt_man.png').split(',');
const levels = arg('--levels', '0.5,1').split(',').map(Number);
const smile = Number(arg('--smile', '0.75'));

/** Eye opening (mean of both, eval/eyes.ts) and both sides' head-frame lids of the face the mesh finds on img. */
async function read(img: RgbaImage): Promise<{ open: number; lids: [Lids, Lids] } | null> {
  const f = (await detectFaces(img, { embedding: false }))[0];
  if (!f) return null;
  const lm = f.landmarks as Landmarks;
  const e = eyeOpenings(lm);
  return { open: (e.left + e.right) / 2, lids: lidHeights(toCanonical(lm, fitRig(lm))) };
}
const rise = (l: [Lids, Lids], r: [Lids, Lids]) => l.reduce((s, x, k) => s + (r[k]!.lower - x.lower) / (r[k]!.upper + r[k]!.lower), 0) / 2;

console.log(`photo: eye opening / photo's and lower-lid rise (share of the opening) at eyeSquint = cheekSquint = s, mouthSmile ${smile} (smile alone first)`);
for (const file of only) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const n = r.neutralFrame();
  const at = (s: number) => ({ ...n, w: { ...n.w, mouthSmileLeft: smile, mouthSmileRight: smile, eyeSquintLeft: s, eyeSquintRight: s, cheekSquintLeft: s, cheekSquintRight: s } });
  const copy = (img: RgbaImage): RgbaImage => ({ ...img, data: new Uint8ClampedArray(img.data) });
  const rest = await read(copy(r.render(n)));
  if (!rest) { console.log(`${file}: no face on the rest render`); continue; }
  const cells: string[] = [];
  for (const s of [0, ...levels]) {
    const g = await read(copy(r.render(at(s))));
    cells.push(g ? `s ${s}: open ${(g.open / rest.open).toFixed(2)} rise ${rise(g.lids, rest.lids).toFixed(3)}` : `s ${s}: no face`);
  }
  const gap = rest.lids.reduce((s, x) => s + x.upper + x.lower, 0) / 2;
  console.log(`${file.padEnd(14)} rest opening ${rest.open.toFixed(3)} (head-frame lid gap ${gap.toFixed(3)})  ${cells.join('  ')}`);
}
