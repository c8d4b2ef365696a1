// A lowered lid's opening as rendered, three ways (s56 hooded56, issue #14): per portrait at eyeBlink = w on
// both eyes, (1) `geo`: the rig's own lid landmarks' opening over rest (what the blink basis moved), (2) `mesh`:
// the face mesh's read-back of the rendered frame over the rest render's (bench/blinkCurve.ts), (3) `pix`: the
// share of the rest eye's pixels still showing between the rest lids over the eye's middle columns (u .25-.75):
// a pixel shows while the render there is within PIX_SAME of the open render (the lid skin, the drawn lash band
// and a shaded slit do not). A driver's lid at r of its rest should show near r of the photo's eye; the map
// (motion/restFace.ts blinkFromOpening) turns r into w, so each row also prints `r->w` the driver share that
// maps to w. Never asserts.
//   node --import tsx bench/halfLidReadback.ts [--only lp_s42.jpg,lp_s1.jpg] [--weights .2,.4] [--no-mesh] [--set render/x.ts:xSetting.k=v]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import { blinkFromOpening } from '../src/motion/restFace.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import { SHARED_DATA } from './sharedData.ts';
import { applySettingSpec } from './settingSpec.ts';
import { pixelShare } from './eyePixelShare.ts';
import type { RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) if (args[i] === '--set') await applySettingSpec(args[i + 1]!);
const arg = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const only = arg('--only', 'lp_s42.jpg,lp_s1.jpg,lp_s5.jpg,st_art_1.png').split(',');
const weights = arg('--weights', '0.2,0.3,0.4,0.5,0.6,0.7,0.8,1').split(',').map(Number);
const withMesh = !args.includes('--no-mesh');
const SIZE = 512;
async function meshOpening(img: RgbaImage): Promise<number | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  if (!f) return null;
  const e = eyeOpenings(f.landmarks as Landmarks);
  return (e.left + e.right) / 2;
}
const meanEyes = (lm: Landmarks) => { const e = eyeOpenings(lm); return (e.left + e.right) / 2; };
/** The driver share the map turns into w (blinkFromOpening inverted by bisection). */
function shareFor(w: number): number {
  let a = 0, b = 1;
  for (let k = 0; k < 30; k++) { const m = (a + b) / 2; if (blinkFromOpening(m) > w) a = m; else b = m; }
  return (a + b) / 2;
}

const f2 = (v: number | null) => (v === null || !Number.isFinite(v) ? '  -- ' : v.toFixed(2).padStart(5));
console.log(`w      r->w  | per portrait: geo mesh pixL pixR   (opening over rest; pix = rest eye pixels still shown)`);
const rows = new Map<number, string[]>();
const pixCols = new Map<number, number[]>();
for (const file of only) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  const n = r.neutralFrame();
  const open = r.render(n);
  const openCopy = { ...open, data: new Uint8ClampedArray(open.data) };
  const lm0 = r.landmarks(n) as Landmarks;
  const geo0 = meanEyes(lm0);
  const mesh0 = withMesh ? await meshOpening(openCopy) : null;
  for (const w of weights) {
    const f = { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } };
    const img = r.render(f);
    const copy = { ...img, data: new Uint8ClampedArray(img.data) };
    const geo = meanEyes(r.landmarks(f) as Landmarks) / geo0;
    const mesh = withMesh && mesh0 ? ((await meshOpening(copy)) ?? NaN) / mesh0 : null;
    const pl = pixelShare(openCopy, copy, lm0, EYE_L_UPPER, EYE_L_LOWER), pr = pixelShare(openCopy, copy, lm0, EYE_R_UPPER, EYE_R_LOWER);
    (rows.get(w) ?? rows.set(w, []).get(w)!).push(`${f2(geo)}${f2(mesh)}${f2(pl)}${f2(pr)}`);
    (pixCols.get(w) ?? pixCols.set(w, []).get(w)!).push((pl + pr) / 2);
  }
  console.error(`${file} done`);
}
console.log(`portraits: ${only.join(' ')}`);
for (const w of weights) {
  const px = pixCols.get(w)!.slice().sort((a, b) => a - b);
  console.log(`${w.toFixed(2)}  ${shareFor(w).toFixed(2)}  | ${rows.get(w)!.join('  |')}  | pix median ${px[px.length >> 1]!.toFixed(2)}`);
}
