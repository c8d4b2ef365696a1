// movediris49: does a near-zero gaze / vergence change the eye? Renders each portrait at rest and at small gazes,
// a vergence and a real glance, with the moved-iris fade (gazeIris.ts gazeFadeSetting) off and on; prints the face
// tracker's read-back lid gap per eye (eval/eyes.ts eyeLidGaps, image-right | image-left) and the mean |d| over both
// eyes' box against the rest render; --sheet DIR writes the eyes at 6x (rest | each variant, fade off over on).
//   node --import tsx bench/gazeRest.ts [--only mt_man.png,lp_s42.jpg] [--sheet DIR]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeLidGaps, eyeRegion } from '../src/eval/eyes.ts';
import { gazeFadeSetting } from '../src/render/gazeIris.ts';
import type { RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const arg = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const only = (arg('--only') ?? 'mt_man.png,lp_s42.jpg,lp_s1.jpg').split(',');
const sheetDir = arg('--sheet');
const VARIANTS: { name: string; gaze: [number, number]; vergence: number }[] = [
  { name: 'rest', gaze: [0, 0], vergence: 0 },
  { name: 'gaze .01,0', gaze: [0.01, 0], vergence: 0 },
  { name: 'gaze .006,.019', gaze: [0.006, 0.019], vergence: 0 },
  { name: 'gaze .02,0', gaze: [0.02, 0], vergence: 0 },
  { name: 'verg -.02', gaze: [0, 0], vergence: -0.02 },
  { name: 'verg -.08', gaze: [0, 0], vergence: -0.08 },
  { name: 'glance .3', gaze: [0.3, 0], vergence: 0 },
];
const copy = (im: RgbaImage): RgbaImage => ({ width: im.width, height: im.height, data: new Uint8ClampedArray(im.data) });
const fade = gazeFadeSetting.below;
for (const file of only) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const g0 = n.gaze ?? [0, 0];
  const fp = (await detectFaces(portrait.image, { embedding: false }))[0];
  if (!fp) continue;
  const box = eyeRegion(fp.landmarks, portrait.image.width, portrait.image.height);
  const p = eyeLidGaps(fp.landmarks);
  console.log(`${file}: photo lid gap ${p.left.toFixed(3)} | ${p.right.toFixed(3)}   box ${box.join(',')}`);
  const crops: Buffer[][] = [];
  let rest: RgbaImage | null = null;
  for (const v of VARIANTS) {
    const cells: string[] = [];
    const row: Buffer[] = [];
    for (const below of [0, fade]) {
      gazeFadeSetting.below = below;
      const img = copy(r.render({ ...n, gaze: [g0[0] + v.gaze[0], g0[1] + v.gaze[1]], vergence: v.vergence }));
      if (!rest) rest = img;
      let d = 0, cnt = 0;
      for (let y = box[1]; y < box[1] + box[3]; y++) for (let x = box[0]; x < box[0] + box[2]; x++) {
        const o = (y * img.width + x) * 4;
        for (let c = 0; c < 3; c++) d += Math.abs(img.data[o + c]! - rest.data[o + c]!);
        cnt += 3;
      }
      const f = (await detectFaces(img, { embedding: false }))[0];
      const gp = f ? eyeLidGaps(f.landmarks) : null;
      cells.push(`${below ? 'fade' : 'off '} ${gp ? `${gp.left.toFixed(3)} | ${gp.right.toFixed(3)}` : '—'} d ${(d / cnt).toFixed(2)}`);
      if (sheetDir) row.push(await sharp(Buffer.from(img.data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } }).extract({ left: box[0], top: box[1], width: box[2], height: box[3] }).resize(box[2] * 6, box[3] * 6, { kernel: 'nearest' }).png().toBuffer());
    }
    crops.push(row);
    console.log(`  ${v.name.padEnd(15)} ${cells.join('   ')}`);
  }
  gazeFadeSetting.below = fade;
  if (sheetDir) {
    const W = box[2] * 6, H = box[3] * 6, layers: OverlayOptions[] = [];
    crops.forEach((row, i) => row.forEach((b, k) => layers.push({ input: b, left: k * (W + 6), top: i * (H + 6) })));
    await sharp({ create: { width: 2 * W + 6, height: crops.length * (H + 6), channels: 3, background: '#202020' } }).composite(layers).png().toFile(path.join(sheetDir, `gazeRest-${path.parse(file).name}.png`));
  }
}
