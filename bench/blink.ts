// Blink read-back: render every human portrait with both eyes shut (eyeBlinkLeft = eyeBlinkRight
// = 1), find the face mesh on the rendered frame, and compare each eye's opening (lid gap / eye
// width) with the photo's own. A shut human eye reads about 0.1-0.2 of its open value; the goal is
// <= 0.25 on every portrait. Beside it, the sliding-robust lid gap (eval/eyes.ts eyeLidGaps, round
// eyes11: real shut eyes read 0.14 median on the measure, more on faces whose mesh points
// slide along the shut line), and the eye pixels still showing. Prints a table; never asserts.
//   node --import tsx bench/blink.ts [--brow-dark] [--lash-core] [--shadow-hue] [--white-in-fill] [--tone-off] [--valley-off] [--skin-hold-off] [--lash-band-off] [--crease-line-off] [--feather-off] [--shut-lash-off] [--mid-lid-off] [--sheet out.png] [--only lp_s42.jpg,...] [--dir other/photos] [--json landmarks.json] [--grain n]
// --dir: the photos of another folder (e.g. frames of other people, to check the method generalises).
// Analyses are cached (bench/portraitCache.ts).
import path from 'node:path';
import { shutLashSetting } from '../src/render/shutLash.ts';
import { midLidSetting } from '../src/render/closedEye/midLid.ts';
import { browBoneLightSetting, browLiftBlurSetting } from '../src/render/closedEye/browBoneLight.ts';
import { lidSkinToneSetting } from '../src/render/closedEye/lidSkinTone.ts';
import { skinInMaskSetting } from '../src/render/closedEye/skinInMask.ts';
import { creaseValleySetting } from '../src/render/closedEye/creaseValley.ts';
import { SHARED_DATA } from './sharedData.ts';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { lashCoreSetting } from '../src/render/closedEye/lashCore.ts';
import { shadowHueSetting } from '../src/render/closedEye/shadowHue.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeLidGaps, eyeOpenings, eyeRegion, cropImage, labelledGrid, markLids, type GridCell } from '../src/eval/eyes.ts';
import type { Portrait, RgbaImage } from '../src/types.ts';
import { eyePixelsBoth } from './eyePixels.ts';
import { median, withGrain } from './readNoise.ts';
import { whiteOutOfFillSetting } from '../src/render/closedEye/whiteOutOfFill.ts';
import { lashBandSetting } from '../src/render/closedEye/lashBand.ts';
import { creaseLineSetting } from '../src/render/closedEye/creaseLine.ts';
import { featherMatchSetting } from '../src/render/closedEye/featherMatch.ts';
import { applySettingSpec } from './settingSpec.ts';
import { eyeFoundOffsets, EYE_FOUND_MAX } from './eyeFound.ts';

const DATA = SHARED_DATA;
// --lash-core: the shut lash line's core darkened to the photo's lashes (render/closedEye/lashCore.ts, off in the product)
if (process.argv.includes('--lash-core')) lashCoreSetting.on = true;
// --shadow-hue: the shut lid's shading darker than the skin coloured as skin in shadow (render/closedEye/shadowHue.ts, off in the product)
if (process.argv.includes('--shadow-hue')) shadowHueSetting.on = true;
// --brow-dark: the shut lid's shade over the crease as baked before s37 (render/closedEye/browBoneLight.ts off)
if (process.argv.includes('--brow-dark')) browBoneLightSetting.on = false;
// --white-in-fill: the shut lid's skin fill holds the open eye's white past the mask as before s37 (render/closedEye/whiteOutOfFill.ts off)
if (process.argv.includes('--white-in-fill')) whiteOutOfFillSetting.on = false;
// --tone-off (s38, shutlid38): the shut lid's body as baked before s38 (lidSkinTone.ts off, browBoneLight to the unblurred photo)
if (process.argv.includes('--tone-off')) { lidSkinToneSetting.on = false; browLiftBlurSetting.on = false; }
// --valley-off (s38, socket38): creaseValley.ts off (lidGrain.ts and its --grain-off / --lid-grain-off removed in s39)
if (process.argv.includes('--valley-off')) creaseValleySetting.on = false;
// --skin-hold-off (s39, shutlid39): the shut lid's fill held outside the mask only, as before s39 (skinInMask.ts off)
if (process.argv.includes('--skin-hold-off')) skinInMaskSetting.on = false;
// --lash-band-off (s41, shutlash41): the shut lash line as before s41, thin and grey (render/closedEye/lashBand.ts off)
if (process.argv.includes('--lash-band-off')) lashBandSetting.on = false;
// --crease-line-off / --feather-off (s41, ring41): the crease's dip over the whole run and skinInMask's hard switch at the
// crease (creaseLine.ts off) / the feather as baked (featherMatch.ts off)
if (process.argv.includes('--crease-line-off')) creaseLineSetting.on = false;
if (process.argv.includes('--feather-off')) featherMatchSetting.on = false;
// --shut-lash-off: the drawn lowered lash gone under the shut lid as before s42 (render/shutLash.ts off)
if (process.argv.includes('--shut-lash-off')) shutLashSetting.on = false;
// --mid-lid-off (s50, midlid50): the lowering lid without the shut eye's lid mid-blink (render/closedEye/midLid.ts; blink 1 renders the same)
if (process.argv.includes('--mid-lid-off')) midLidSetting.on = false;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only')?.split(',');
// --set render/x.ts:xSetting.key=value (repeatable; settingSpec.ts): a variant renderer, e.g. s53's shutSagSetting.on=false
for (let i = 0; i < process.argv.length; i++) if (process.argv[i] === '--set') await applySettingSpec(process.argv[i + 1]!);
const GRAIN = Math.max(1, Number(arg('--grain') ?? 1));
const sheetFile = arg('--sheet');
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
// --json out.json: each portrait's photo and shut-render landmarks, for looking at why an eye reads open
const jsonFile = arg('--json');
const dump: Record<string, { photo: number[][]; shut: number[][] }> = {};

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const rows: GridCell[][] = [];
const ratios: number[] = [];
console.log('portrait          open L/R (photo)   shut L/R (render)   ratio L/R   worst | lid gap ratio L/R worst (eval/eyes.ts eyeLidGaps) | eye pixels left L/R at blink 1 (0.5), bench/eyePixels.ts | mesh eye off the analysis eye on the photo L/R, eye widths (bench/eyeFound.ts)');
const gapRatios: number[] = [];
// s58: portraits whose photo eye the face mesh missed (its read-back measures cheek, not our lid)
const missed: string[] = [];
const pixelsLeft: number[] = [];
for (const file of readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
  if (only && !only.includes(file)) continue;
  let portrait: Portrait;
  try { portrait = await cachedPortrait(path.join(dir, file)); } catch (err) { console.log(`${file.padEnd(18)}not analyzed (${(err as Error).message.slice(0, 120)}): skipped`); continue; }
  const avatar = buildAvatar(portrait);
  const size = portrait.image.width;
  const r = createRenderer(avatar, { width: size, height: size });
  const n = r.neutralFrame();
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const photoFace = (await detectFaces(portrait.image, { embedding: false }))[0];
  const shutFace = (await detectFaces(shut, { embedding: false }))[0];
  if (!photoFace || !shutFace) { console.log(`${file.padEnd(18)}no face found on the ${photoFace ? 'shut render' : 'photo'}`); continue; }
  const o = eyeOpenings(photoFace.landmarks);
  // --grain n (s44): the shut eyes' readings the median over n invisible grains (bench/readNoise.ts; 1: the frame alone)
  const shutReads: ArrayLike<ArrayLike<number>>[] = [shutFace.landmarks];
  for (let seed = 1; seed < GRAIN; seed++) { const f = (await detectFaces(withGrain(shut, seed), { embedding: false }))[0]; if (f) shutReads.push(f.landmarks); }
  const medOf = (fn: (lm: ArrayLike<ArrayLike<number>>) => { left: number; right: number }) => { const r = shutReads.map(fn); return { left: median(r.map((v) => v.left)), right: median(r.map((v) => v.right)) }; };
  const s = medOf(eyeOpenings);
  if (jsonFile) dump[file] = { photo: Array.from(photoFace.landmarks, (p) => Array.from(p)), shut: Array.from(shutFace.landmarks, (p) => Array.from(p)) };
  // the second measure, without the face mesh on the render: the open eye's pixels still showing
  // inside the photo's eye contour (at blink 0.5 as a check that it sees an eye half covered); the
  // analysis' landmarks, which src/analyze/eyes.ts may have moved onto an eye the face mesh missed
  const open = copy(r.render(n));
  const px = eyePixelsBoth(open, shut, portrait.cropLandmarks);
  const pxHalf = eyePixelsBoth(open, copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 0.5, eyeBlinkRight: 0.5 } })), portrait.cropLandmarks);
  pixelsLeft.push(Math.max(px.left, px.right));
  const rl = s.left / o.left, rr = s.right / o.right;
  const worst = Math.max(rl, rr);
  ratios.push(worst);
  // beside the measure, the lid gap that ignores the mesh's points sliding along the lids
  const og = eyeLidGaps(photoFace.landmarks), sg = medOf(eyeLidGaps);
  const gl = sg.left / og.left, gr = sg.right / og.right;
  gapRatios.push(Math.max(gl, gr));
  const f2 = (v: number) => v.toFixed(2);
  const found = eyeFoundOffsets(photoFace.landmarks, portrait.cropLandmarks);
  const miss = Math.max(found.left, found.right) > EYE_FOUND_MAX;
  if (miss) missed.push(file);
  console.log(`${file.padEnd(18)}${f2(o.left)} / ${f2(o.right)}        ${f2(s.left)} / ${f2(s.right)}         ${f2(rl)} / ${f2(rr)}  ${f2(worst)}${worst <= 0.25 ? '       ' : '  > 0.25'} | ${f2(gl)} / ${f2(gr)} ${f2(Math.max(gl, gr))}${Math.max(gl, gr) <= 0.25 ? '       ' : '  > 0.25'} | ${f2(px.left)} / ${f2(px.right)} (${f2(pxHalf.left)} / ${f2(pxHalf.right)}) | ${f2(found.left)} / ${f2(found.right)}${miss ? ' mesh missed the eye on the photo' : ''}`);
  if (sheetFile) {
    const box = eyeRegion(photoFace.landmarks, size, size);
    const half = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 0.5, eyeBlinkRight: 0.5 } }));
    const look = copy(r.render({ ...n, gaze: [0.8, -0.3] }));
    rows.push([
      { label: `${file} photo`, image: cropImage(portrait.image, box) },
      { label: 'render blink 0.5', image: cropImage(half, box) },
      { label: `blink 1: ratio ${f2(worst)}`, image: cropImage(shut, box) },
      { label: 'blink 1, lids read back', image: cropImage(markLids(shut, shutFace.landmarks), box) },
      { label: 'gaze right-up', image: cropImage(look, box) },
    ]);
  }
}
if (ratios.length) console.log(`portraits ${ratios.length}, worst ratio ${Math.max(...ratios).toFixed(2)}, median ${[...ratios].sort((a, b) => a - b)[ratios.length >> 1]!.toFixed(2)}, at or under 0.25: ${ratios.filter((v) => v <= 0.25).length}; lid gap at or under 0.25: ${gapRatios.filter((v) => v <= 0.25).length}, worst ${Math.max(...gapRatios).toFixed(2)}; eye pixels left (worse eye): median ${[...pixelsLeft].sort((a, b) => a - b)[pixelsLeft.length >> 1]!.toFixed(2)}, worst ${Math.max(...pixelsLeft).toFixed(2)}; mesh missed a photo eye (ratio not a reading of our lid): ${missed.join(', ') || 'none'}`);
if (jsonFile) await writeFile(jsonFile, JSON.stringify(dump));
if (sheetFile) {
  const png = await labelledGrid(rows, { title: 'blink read-back: photo | blink 0.5 | blink 1 | lids read back | gaze (eyes zoomed)', cellW: 400, cellH: 140 });
  await writeFile(sheetFile + '.tmp', png);
  const { rename } = await import('node:fs/promises');
  await rename(sheetFile + '.tmp', sheetFile);
  console.log(`sheet: ${sheetFile}`);
}
