// A blink's rendered opening by weight: render eyeBlinkLeft = eyeBlinkRight = w and read the frame
// back with the face mesh (eval/eyes.ts eyeOpenings, as the critic's read-back and bench/blink.ts),
// as a share of the neutral render's opening. The driver's half-shut lid is read by the same mesh, so
// this curve is what the blink mapping (motion/restFace.ts blinkFromOpening) has to invert. Never asserts.
//   node --import tsx bench/blinkCurve.ts [--only lp_s42.jpg,st_art_1.png,/abs/photo.png] [--weights 0.2,0.4,...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const only = arg('--only', 'lp_s42.jpg,st_art_1.png,lp_s2.jpg,mt_man.png').split(',');
const weights = arg('--weights', '0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1').split(',').map(Number);

async function opening(img: RgbaImage): Promise<number | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  if (!f) return null;
  const e = eyeOpenings(f.landmarks as Landmarks);
  return (e.left + e.right) / 2;
}

console.log(`rendered eye opening / neutral render's at eyeBlink = w (both eyes, face mesh read-back)`);
console.log(`photo          ${weights.map((w) => `w ${w.toFixed(2)}`).join('  ')}`);
for (const file of only) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const rest = await opening(r.render(n));
  if (!rest) { console.log(`${file}: no face on the rest render`); continue; }
  const cells: string[] = [];
  for (const w of weights) {
    const o = await opening(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } }));
    cells.push(o === null ? '  --  ' : (o / rest).toFixed(2).padStart(6));
  }
  console.log(`${path.basename(file).padEnd(14)} ${cells.join('  ')}`);
}
