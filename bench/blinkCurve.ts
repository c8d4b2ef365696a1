// A blink's rendered opening by weight: render eyeBlinkLeft = eyeBlinkRight = w and read the frame
// back with the face mesh (eval/eyes.ts eyeOpenings, as the critic's read-back and bench/blink.ts),
// as a share of the neutral render's opening. The driver's half-shut lid is read by the same mesh, so
// this curve is what the blink mapping (motion/restFace.ts blinkFromOpening) has to invert. Then per
// weight the median over the photos, and per photo the largest drop per 0.05 of weight (a cliff) and
// any rise (not monotone). Never asserts.
//   node --import tsx bench/blinkCurve.ts [--only lp_s42.jpg,st_art_1.png,/abs/photo.png | --all] [--weights 0.2,0.4,...]
// --all: every portrait of ../shared/data/portraits
// --mid-lid-off (s50, midlid50): the lowering lid as the mesh draws it, without the shut eye's lid mid-blink (render/closedEye/midLid.ts)
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';
import { midLidSetting } from '../src/render/closedEye/midLid.ts';

const DATA = SHARED_DATA;
if (process.argv.includes('--mid-lid-off')) midLidSetting.on = false;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const only = process.argv.includes('--all')
  ? readdirSync(path.join(DATA, 'portraits')).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()
  : arg('--only', 'lp_s42.jpg,st_art_1.png,lp_s2.jpg,mt_man.png').split(',');
const weights = arg('--weights', '0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1').split(',').map(Number);

async function opening(img: RgbaImage): Promise<number | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  if (!f) return null;
  const e = eyeOpenings(f.landmarks as Landmarks);
  return (e.left + e.right) / 2;
}

const median = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN; };
const columns: number[][] = weights.map(() => []);
const cliffs: number[] = [];
console.log(`rendered eye opening / neutral render's at eyeBlink = w (both eyes, face mesh read-back)`);
console.log(`photo          ${weights.map((w) => `w ${w.toFixed(2)}`).join('  ')}`);
for (const file of only) {
  let portrait;
  try { portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(DATA, 'portraits', file)); } catch (err) { console.log(`${file}: not analyzed (${(err as Error).message.slice(0, 80)}): skipped`); continue; }
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const rest = await opening(r.render(n));
  if (!rest) { console.log(`${file}: no face on the rest render`); continue; }
  const cells: string[] = [];
  const curve: (number | null)[] = [];
  for (const w of weights) {
    const o = await opening(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } }));
    curve.push(o === null ? null : o / rest);
    cells.push(o === null ? '  --  ' : (o / rest).toFixed(2).padStart(6));
  }
  curve.forEach((v, k) => { if (v !== null) columns[k]!.push(v); });
  const { cliff, rise } = cliffAndRise(curve);
  cliffs.push(cliff);
  console.log(`${path.basename(file).padEnd(14)} ${cells.join('  ')}   drop/.05 ${cliff.toFixed(2)}${rise > 0.02 ? `  rise ${rise.toFixed(2)}` : ''}`);
}
console.log(`${'median'.padEnd(14)} ${columns.map((c) => median(c).toFixed(2).padStart(6)).join('  ')}   drop/.05 ${median(cliffs).toFixed(2)} (max ${Math.max(...cliffs).toFixed(2)})`);

/** The largest fall of the opening per 0.05 of weight between neighbouring weights, and the largest rise (a non-monotone step). */
function cliffAndRise(curve: (number | null)[]): { cliff: number; rise: number } {
  let cliff = 0, rise = 0;
  for (let k = 1; k < curve.length; k++) {
    const a = curve[k - 1], b = curve[k];
    if (a == null || b == null) continue;
    const perStep = ((a - b) * 0.05) / (weights[k]! - weights[k - 1]!);
    cliff = Math.max(cliff, perStep);
    rise = Math.max(rise, b - a);
  }
  return { cliff, rise };
}
