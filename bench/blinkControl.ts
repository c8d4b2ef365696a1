// Control for the blink read-back (bench/blink.ts): is a portrait that reads > 0.25 with our shut eye
// a render problem or a detector limit? Pastes REAL shut eyes (each eye of a blinking frame of a
// real person, cut in the eye frame, scaled onto the photo's eye corners, colour-matched) into the
// photo and reads the face mesh back, beside our render's shut eye. The same person's open eye,
// pasted the same way (same colour map), is the paste's own control: it must read open.
//   node --import tsx bench/blinkControl.ts [--only st_art_1.png,...] [--dir photos] [--sheet out.png]
// Prints, per portrait and donor, each eye's ratio (shut opening / the photo's own) and the worse.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import { eyeOpenings, eyeRegion, cropImage, labelledGrid, markLids, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';
import { pasteEyes, type Lm } from './eyePaste.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only')?.split(',');
const sheetFile = arg('--sheet');
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
/** Donors: clip, a fully shut frame, an open frame of the same shot (25 fps indices; the shut ones are the closed-eye library's candidates). */
const DONORS = (arg('--donors') ?? 'styletalk_andrew_clip_1:105:90,dfrf_french:78:60,videoretalking_4:106:90,edtalk_mouth_source:169:150')
  .split(',').map((s) => { const [clip, shut, open] = s.split(':'); return { clip: clip!, shut: Number(shut), open: Number(open) }; });

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const frameAt = (clip: string, index: number): Promise<RgbaImage> => videoFrameAt(path.join(DATA, 'train', 'clips', clip + '.mp4'), index);

// donors
const donors: { name: string; shut: RgbaImage; shutLm: Lm; open: RgbaImage; openLm: Lm }[] = [];
for (const d of DONORS) {
  const shut = await frameAt(d.clip, d.shut), open = await frameAt(d.clip, d.open);
  const sf = (await detectFaces(shut, { embedding: false }))[0], of = (await detectFaces(open, { embedding: false }))[0];
  if (!sf || !of) { console.log(`${d.clip}: no face`); continue; }
  const so = eyeOpenings(sf.landmarks), oo = eyeOpenings(of.landmarks);
  console.log(`donor ${d.clip}: shut frame ${d.shut} reads ${so.left.toFixed(3)}/${so.right.toFixed(3)}, open frame ${d.open} ${oo.left.toFixed(3)}/${oo.right.toFixed(3)} (own ratio ${(so.left / oo.left).toFixed(2)}/${(so.right / oo.right).toFixed(2)})`);
  donors.push({ name: d.clip.replace(/^(styletalk_|videoretalking_|edtalk_)/, '').slice(0, 10), shut, shutLm: sf.landmarks, open, openLm: of.landmarks });
}

const f2 = (v: number) => v.toFixed(2);
const rows: GridCell[][] = [];
console.log(`ratio = shut / the photo's own opening, worse eye (both eyes' openings as read); per donor: real shut pasted, then real open pasted
portrait           photo L/R  ours               ${donors.map((d) => `${d.name.padEnd(10)} shut, open`).join('        ')}`);
for (const file of readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
  if (only && !only.includes(file)) continue;
  let portrait;
  try { portrait = await cachedPortrait(path.join(dir, file)); } catch { continue; }
  const img = portrait.image;
  const photoFace = (await detectFaces(img, { embedding: false }))[0];
  if (!photoFace) continue;
  const o = eyeOpenings(photoFace.landmarks);
  const ratio = async (im: RgbaImage): Promise<{ l: number; r: number; worst: number; text: string; lm?: Lm }> => {
    const f = (await detectFaces(im, { embedding: false }))[0];
    if (!f) return { l: NaN, r: NaN, worst: NaN, text: 'no face' };
    const s = eyeOpenings(f.landmarks);
    const l = s.left / o.left, r = s.right / o.right;
    // the worse eye's ratio, and both eyes' openings as read (the mesh's floor shows in these)
    return { l, r, worst: Math.max(l, r), text: `${f2(Math.max(l, r))} (${f2(s.left)}/${f2(s.right)})`, lm: f.landmarks };
  };
  const r = createRenderer(buildAvatar(portrait), { width: img.width, height: img.height });
  const n = r.neutralFrame();
  const ours = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const ro = await ratio(ours);
  const box = eyeRegion(photoFace.landmarks, img.width, img.height);
  const row: GridCell[] = [
    { label: `${file} photo`, image: cropImage(markLids(img, photoFace.landmarks), box) },
    { label: `ours ${f2(ro.worst)}`, image: cropImage(ro.lm ? markLids(ours, ro.lm) : ours, box) },
  ];
  let line = `${file.padEnd(19)}${f2(o.left)}/${f2(o.right)}  ${ro.text}  `;
  for (const d of donors) {
    const shut = pasteEyes(img, photoFace.landmarks, d.shut, d.shutLm, d.open, d.openLm);
    const open = pasteEyes(img, photoFace.landmarks, d.open, d.openLm, d.open, d.openLm);
    const rs = await ratio(shut), rp = await ratio(open);
    line += `${rs.text} ${f2(rp.worst)}  `;
    row.push({ label: `real shut ${d.name} ${f2(rs.worst)}`, image: cropImage(rs.lm ? markLids(shut, rs.lm) : shut, box) });
    if (d === donors[0]) row.push({ label: `real open ${d.name} ${f2(rp.worst)}`, image: cropImage(rp.lm ? markLids(open, rp.lm) : open, box) });
  }
  console.log(line);
  rows.push(row);
}
if (sheetFile) {
  await writeFile(sheetFile, await labelledGrid(rows, { title: 'blink control: photo | our shut eye | real shut eyes pasted (ratio) | a real open eye pasted (lids read back: green upper, red lower)', cellW: 300, cellH: 105 }));
  console.log(`sheet: ${sheetFile}`);
}
