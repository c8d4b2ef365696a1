// s50 halfblink50: does a blink close the two eyes of a face at the same pace, as seen in the pixels?
// Renders eyeBlinkLeft = eyeBlinkRight = w at 512x512 (the product's size) and, per eye, counts the
// pixels inside the rest render's eye (between the mesh's upper and lower lid polylines, every column
// from corner to corner) that are unchanged (sum |dRGB| < 30) from the rest render: the eyeball still
// seen, as a share of the rest opening. The face-mesh read-back (bench/blinkPerEye.ts) misreads small
// made-up eyes (st_full_body_1 .55/.80 at w .5 where the pixels say ~.2/.2), so this is the pixel check.
// A dark iris under a dark lid edge reads "unchanged" (over-reads that eye). Prints imgL/imgR
// (image-left = subject's right) and the largest split. Never asserts.
//   node --import tsx bench/blinkSidesPixel.ts all | lp_s5.jpg,st_happy.png [--weights .3,.5,.7] [--set render/x.ts:xSetting.on=false]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
  const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
  const m = mod ? await import(pathToFileURL(path.resolve(import.meta.dirname, '../src', mod)).href) : {};
  if (!m[name!] || !(key! in m[name!])) throw new Error(`--set ${args[i + 1]}: expected render/x.ts:xSetting.key=value`);
  m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
}
const files = args[0] === 'all' ? readdirSync(SHARED_PORTRAITS).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort() : (args[0] ?? 'st_full_body_1.png').split(',');
const weights = opt('--weights', '0.3,0.5,0.7').split(',').map(Number);
// lid polylines corner to corner: image-left eye (subject's right) and image-right eye
const EYES = [
  { up: [33, 246, 161, 160, 159, 158, 157, 173, 133], lo: [33, 7, 163, 144, 145, 153, 154, 155, 133] },
  { up: [362, 398, 384, 385, 386, 387, 388, 466, 263], lo: [362, 382, 381, 380, 374, 373, 390, 249, 263] },
];
type Pts = ArrayLike<ArrayLike<number>>;

/** y of the polyline through `ids` at column x (NaN outside it). */
export function polylineY(lm: Pts, ids: number[], x: number): number {
  const p = ids.map((i) => lm[i]!).slice().sort((a, b) => a[0]! - b[0]!);
  for (let k = 0; k + 1 < p.length; k++) if (x >= p[k]![0]! && x <= p[k + 1]![0]!) {
    const t = (x - p[k]![0]!) / Math.max(1e-6, p[k + 1]![0]! - p[k]![0]!);
    return p[k]![1]! + t * (p[k + 1]![1]! - p[k]![1]!);
  }
  return NaN;
}

/** Share of the rest eye's pixels (between its lids) that `img` leaves as they were. */
function seenShare(img: RgbaImage, rest: RgbaImage, lm: Pts, eye: { up: number[]; lo: number[] }): number {
  const xs = eye.up.map((i) => lm[i]![0]!);
  let tot = 0, same = 0;
  for (let x = Math.ceil(Math.min(...xs)); x <= Math.floor(Math.max(...xs)); x++) {
    const yu = polylineY(lm, eye.up, x), yl = polylineY(lm, eye.lo, x);
    for (let y = Math.ceil(yu); y <= Math.floor(yl); y++) {
      const k = (y * img.width + x) * 4;
      const d = Math.abs(img.data[k]! - rest.data[k]!) + Math.abs(img.data[k + 1]! - rest.data[k + 1]!) + Math.abs(img.data[k + 2]! - rest.data[k + 2]!);
      tot++; if (d < 30) same++;
    }
  }
  return tot ? same / tot : NaN;
}

const copy = (im: RgbaImage): RgbaImage => ({ ...im, data: new Uint8ClampedArray(im.data) });
console.log(`eyeball still seen / rest opening, imgL/imgR, at eyeBlinkLeft = eyeBlinkRight = w (512 px)`);
for (const file of files) {
  let portrait;
  try { portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, file)); } catch { console.log(`${file}: not analyzed, skipped`); continue; }
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const n = r.neutralFrame(); const rest = copy(r.render(n)); const lm = r.landmarks(n);
  const cells: string[] = []; let split = 0;
  for (const w of weights) {
    const img = r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } });
    const [a, b] = EYES.map((e) => seenShare(img, rest, lm, e));
    split = Math.max(split, Math.abs(a! - b!));
    cells.push(`w${w} ${a!.toFixed(2)}/${b!.toFixed(2)}`);
  }
  console.log(`${file.padEnd(20)} ${cells.join('  ')}  max split ${split.toFixed(2)}`);
}
