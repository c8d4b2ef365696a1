// The blink control the other way round (s58, blinkread58): OUR shut eye (a portrait's blink-1 render, cut in the
// analysis' eye frame) pasted into REAL people's faces, read back by the face mesh as bench/blink.ts reads a render.
// bench/blinkControl.ts asks whether a real shut eye reads shut in the portrait's context; this asks whether our
// drawn shut eye reads shut in a real face's context. If ours reads shut there about as a real shut eye pasted the
// same way does, the drawing is a readable shut eye and a portrait's failing figure comes from its own context
// (a painted socket, a narrow open eye, a missed eye); if ours reads open where real shut eyes read shut, the
// drawing is what reads open. The same portrait's OPEN render pasted the same way is the paste's control (must
// read open). Ratio = the pasted face's opening / the target's own, worse eye. Never asserts.
//   node --import tsx bench/shutIntoReal.ts --targets dir [--only lp_s9.jpg,...] [--donors clip:shut:open,...] [--sheet out.png]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import { loadImage } from '../src/io/image.ts';
import { eyeOpenings, eyeRegion, cropImage, labelledGrid, markLids, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';
import { pasteEyes, type Lm } from './eyePaste.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const targetDir = arg('--targets');
if (!targetDir) throw new Error('usage: node --import tsx bench/shutIntoReal.ts --targets dir_of_real_open_faces [--only a.jpg,...] [--sheet out.png]');
const only = arg('--only')?.split(',') ?? ['lp_s1.jpg', 'lp_s2.jpg', 'lp_s9.jpg', 'lp_s10.jpg', 'st_art_1.png', 'st_happy.png', 'lp_s42.jpg', 'mt_man.png'];
const sheetFile = arg('--sheet');
/** Real shut eyes pasted the same way, for scale (blinkControl.ts's donors). */
const DONORS = (arg('--donors') ?? 'styletalk_andrew_clip_1:105:90,dfrf_french:78:60')
  .split(',').map((s) => { const [clip, shut, open] = s.split(':'); return { clip: clip!, shut: Number(shut), open: Number(open) }; });
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const f2 = (v: number) => v.toFixed(2);

type Donor = { name: string; shut: RgbaImage; shutLm: Lm; open: RgbaImage; openLm: Lm };
const donors: Donor[] = [];
for (const d of DONORS) {
  const file = path.join(SHARED_DATA, 'train', 'clips', d.clip + '.mp4');
  const shut = await videoFrameAt(file, d.shut), open = await videoFrameAt(file, d.open);
  const sf = (await detectFaces(shut, { embedding: false }))[0], of = (await detectFaces(open, { embedding: false }))[0];
  if (sf && of) donors.push({ name: `real ${d.clip.replace(/^(styletalk_|videoretalking_|edtalk_)/, '').slice(0, 8)}`, shut, shutLm: sf.landmarks, open, openLm: of.landmarks });
}
// ours: each portrait's blink-1 and rest renders, cut in the analysis' eye frame (cropLandmarks: the eye
// src/analyze/eyes.ts may have moved onto a painted eye the face mesh misses)
for (const file of only) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const open = copy(r.render(n));
  donors.push({ name: file.replace(/\.[^.]+$/, ''), shut, shutLm: portrait.cropLandmarks, open, openLm: portrait.cropLandmarks });
}

console.log(`ratio = pasted opening / the target's own, worse eye: shut pasted (open pasted, the control)\ntarget                       ${donors.map((d) => d.name.padEnd(16)).join('')}`);
const rows: GridCell[][] = [];
const shutRatios = new Map<string, number[]>();
for (const file of readdirSync(targetDir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
  const img = await loadImage(path.join(targetDir, file));
  const face = (await detectFaces(img, { embedding: false }))[0];
  if (!face) { console.log(`${file}: no face`); continue; }
  const o = eyeOpenings(face.landmarks);
  const read = async (im: RgbaImage) => {
    const f = (await detectFaces(im, { embedding: false }))[0];
    if (!f) return { worst: NaN, lm: undefined };
    const s = eyeOpenings(f.landmarks);
    return { worst: Math.max(s.left / o.left, s.right / o.right), lm: f.landmarks };
  };
  const box = eyeRegion(face.landmarks, img.width, img.height);
  const row: GridCell[] = [{ label: `${file.slice(0, 24)} (open ${f2(o.left)}/${f2(o.right)})`, image: cropImage(img, box) }];
  let line = file.slice(0, 28).padEnd(29);
  for (const d of donors) {
    const shut = pasteEyes(img, face.landmarks, d.shut, d.shutLm, d.open, d.openLm);
    const open = pasteEyes(img, face.landmarks, d.open, d.openLm, d.open, d.openLm);
    const rs = await read(shut), ro = await read(open);
    line += `${f2(rs.worst)} (${f2(ro.worst)})`.padEnd(16);
    shutRatios.set(d.name, [...(shutRatios.get(d.name) ?? []), rs.worst]);
    row.push({ label: `${d.name} ${f2(rs.worst)}`, image: cropImage(rs.lm ? markLids(shut, rs.lm) : shut, box) });
  }
  console.log(line);
  rows.push(row);
}
const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s[s.length >> 1] ?? NaN; };
console.log(`median      ${' '.repeat(17)}${donors.map((d) => f2(med(shutRatios.get(d.name) ?? [])).padEnd(16)).join('')}`);
console.log(`<= .25      ${' '.repeat(17)}${donors.map((d) => `${(shutRatios.get(d.name) ?? []).filter((v) => v <= 0.25).length}/${(shutRatios.get(d.name) ?? []).length}`.padEnd(16)).join('')}`);
if (sheetFile) {
  await writeFile(sheetFile, await labelledGrid(rows, { title: 'our shut eyes pasted into real faces: target | real shut eyes | ours (ratio; lids read back)', cellW: 220, cellH: 90 }));
  console.log(`sheet: ${sheetFile}`);
}
