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
import { sampleRgba } from '../src/render/closedEye/grid.ts';
import { eyeOpenings, eyeRegion, cropImage, labelledGrid, markLids, type GridCell } from '../src/eval/eyes.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { toEye, toImage, type EyeFrame } from '../src/render/closedEye/frame.ts';
import { smoothstep } from '../src/math/smooth.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only')?.split(',');
const sheetFile = arg('--sheet');
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
/** Donors: clip, a fully shut frame, an open frame of the same shot (25 fps indices; the shut ones are the closed-eye library's candidates). */
const DONORS = (arg('--donors') ?? 'styletalk_andrew_clip_1:105:90,dfrf_french:78:60,videoretalking_4:106:90,edtalk_mouth_source:169:150')
  .split(',').map((s) => { const [clip, shut, open] = s.split(':'); return { clip: clip!, shut: Number(shut), open: Number(open) }; });

type Lm = [number, number, number][];
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

const frameAt = (clip: string, index: number): Promise<RgbaImage> => videoFrameAt(path.join(DATA, 'train', 'clips', clip + '.mp4'), index);
const px = new Float32Array(3);

/** The paste's mask in the eye frame: a feathered ellipse over the eye, its lids and corners, short of the brow. */
const pasteMask = (u: number, v: number): number => {
  const r = Math.hypot((u - 0.5) / 0.82, (v + 0.1) / 0.5);
  return 1 - smoothstep(0.72, 1, r);
};

/** Pixels of the target inside one eye's paste region, with their eye-frame coordinates and mask. */
function region(f: EyeFrame, w: number, h: number): { x: number; y: number; u: number; v: number; m: number }[] {
  const corners = [[-0.4, -0.7], [1.4, -0.7], [-0.4, 0.5], [1.4, 0.5]].map(([u, v]) => toImage(f, u!, v!));
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0])))), x1 = Math.min(w - 1, Math.ceil(Math.max(...corners.map((c) => c[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1])))), y1 = Math.min(h - 1, Math.ceil(Math.max(...corners.map((c) => c[1]))));
  const out = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const [u, v] = toEye(f, x + 0.5, y + 0.5);
    const m = pasteMask(u, v);
    if (m > 0) out.push({ x, y, u, v, m });
  }
  return out;
}

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** Mask-weighted mean and spread of the luminance, and the mean colour, of a region sampled in an eye frame. */
function stats(img: RgbaImage, f: EyeFrame, pts: { u: number; v: number; m: number }[]): { y: number; ysd: number; rgb: number[] } {
  let w = 0, y = 0, yy = 0;
  const rgb = [0, 0, 0];
  for (const p of pts) {
    const [x, yi] = toImage(f, p.u, p.v);
    sampleRgba(img, x, yi, px, 0);
    const c = [px[0]!, px[1]!, px[2]!];
    const l = luma(c[0]!, c[1]!, c[2]!);
    w += p.m; y += p.m * l; yy += p.m * l * l;
    for (let ch = 0; ch < 3; ch++) rgb[ch]! += p.m * c[ch]!;
  }
  return { y: y / w, ysd: Math.sqrt(Math.max(1, yy / w - (y / w) ** 2)), rgb: rgb.map((s) => s / w) };
}

/**
 * Pastes each eye of `donor` (eye frames from its landmarks) over the same eye of `target`. Colour:
 * the luminance is mapped so the donor's OPEN eye region has the target's mean and spread there (the
 * same map for the shut frame: one person, one light, so a shut eye is not stretched to an open
 * eye's contrast); the colour is the target's mean colour there plus the donor's own colour
 * deviations, scaled down by the target's saturation (a grey photo gets a grey eye).
 */
function pasteEyes(target: RgbaImage, tLm: Lm, donor: RgbaImage, dLm: Lm, donorOpen: RgbaImage, dOpenLm: Lm): RgbaImage {
  const out = copy(target);
  const tg = eyeGeometry((i) => [tLm[i]![0], tLm[i]![1]]);
  const dg = eyeGeometry((i) => [dLm[i]![0], dLm[i]![1]]);
  const og = eyeGeometry((i) => [dOpenLm[i]![0], dOpenLm[i]![1]]);
  for (let side = 0; side < 2; side++) {
    const tf = tg[side]!.frame, df = dg[side]!.frame;
    const pts = region(tf, target.width, target.height);
    const want = stats(target, tf, pts), have = stats(donorOpen, og[side]!.frame, pts);
    const gain = Math.min(2, Math.max(0.5, want.ysd / have.ysd));
    const sat = (s: { y: number; rgb: number[] }) => Math.max(...s.rgb.map((c) => Math.abs(c - s.y))) + 1;
    const chroma = Math.min(1, sat(want) / sat(have));
    for (const p of pts) {
      const [sx, sy] = toImage(df, p.u, p.v);
      sampleRgba(donor, sx, sy, px, 0);
      const c = [px[0]!, px[1]!, px[2]!];
      const l = luma(c[0]!, c[1]!, c[2]!);
      const ly = (l - have.y) * gain + want.y;
      const o = (p.y * target.width + p.x) * 4;
      for (let ch = 0; ch < 3; ch++) {
        const s = ly + (want.rgb[ch]! - want.y) + chroma * (c[ch]! - l - (have.rgb[ch]! - have.y));
        out.data[o + ch] = Math.round(p.m * s + (1 - p.m) * target.data[o + ch]!);
      }
    }
  }
  return out;
}

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
