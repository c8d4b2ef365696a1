// Where does a shut eye's lash line sit against the open eye's lower lid? Real shut eyes (the train
// clips' blink frames of bench/lidProfile.ts REAL; lid lines from an open frame of the same clip,
// corners from the shut frame) and renders at blink 1 (lid lines from the photo). Per eye, across the
// middle (u .3-.7): the darkest band's v (the lash line) minus the open lower lid's, in eye widths and as
// a share of the open eye's opening (lower - upper lid); + = below the lower lid. Beside it, the band just under
// the lash line (.02-.07 below it) over the skin under the eye (.12-.3 below the open lower lid): how light the
// shut eye's lower lid is, the band the face mesh can read as an opening. Never asserts.
//   node --import tsx bench/lashHeight.ts [--real] [--only lp_s42.jpg,...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { openAndShut, portraitFiles, copyImage as copy } from './shutPairs.ts';
import { EYES, REAL, eyeFrame, luma, type EyeFrame } from './lidProfile.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const face = async (img: RgbaImage) => (await detectFaces(copy(img), { embedding: false }))[0]?.landmarks;

/** The lash line's offset below the open lower lid: [eye widths, share of the opening, the band under it over the cheek]. */
function lashOffset(shut: RgbaImage, f: EyeFrame): [number, number, number] {
  const STEP = 0.01, HALF = Math.max(0.6 / f.w, 0.012);
  let best = Infinity, at = NaN;
  for (let v = f.up - 0.05; v <= f.low + 0.2; v += STEP) {
    const l = luma(shut, f, (u, w) => u > 0.3 && u < 0.7 && Math.abs(w - v) <= HALF);
    if (l < best) { best = l; at = v; }
  }
  const mid = (u: number) => u > 0.3 && u < 0.7;
  const under = luma(shut, f, (u, w) => mid(u) && w > at + 0.02 && w < at + 0.07);
  const cheek = luma(shut, f, (u, w) => mid(u) && w > f.low + 0.12 && w < f.low + 0.3);
  return [at - f.low, (at - f.low) / (f.low - f.up), under / cheek];
}

const fmt = ([a, b, c]: [number, number, number]) => `${a >= 0 ? '+' : ''}${a.toFixed(3)} (${b >= 0 ? '+' : ''}${b.toFixed(2)}) under ${c.toFixed(2)}`;
if (process.argv.includes('--real')) {
  for (const [clip, shutAt, openAt] of REAL) {
    const file = path.join(DATA, 'train', 'clips', clip);
    const shut = await videoFrameAt(file, shutAt), open = await videoFrameAt(file, openAt);
    const ls = await face(shut), lo = await face(open);
    if (!ls || !lo) { console.log(clip, 'no face'); continue; }
    console.log(`${clip.padEnd(28)} ${EYES.map((e) => fmt(lashOffset(shut, eyeFrame(ls, lo, e)))).join('   ')}  (w ${eyeFrame(ls, lo, EYES[0]).w.toFixed(0)} px)`);
  }
} else {
  for (const file of portraitFiles(DATA, arg('--only')?.split(','), [])) {
    const portrait = await cachedPortrait(file);
    const { open, shut } = await openAndShut(path.resolve(import.meta.dirname, '..'), portrait);
    const lm = await face(open);
    if (!lm) { console.log(path.basename(file), 'no face'); continue; }
    console.log(`${path.basename(file).padEnd(20)} ${EYES.map((e) => fmt(lashOffset(shut, eyeFrame(lm, lm, e)))).join('   ')}  (w ${eyeFrame(lm, lm, EYES[0]).w.toFixed(0)} px)`);
  }
}
