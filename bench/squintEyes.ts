// A driver's squint or look-down, eye by eye (squint41, issue #14): per frame, each eye's lid opening read off the
// pixels (the dark band of lash + iris down the eye's middle columns, px and over the eye's width), the face mesh's
// opening share of rest (subject's L/R, as labelled by the mesh), the motion's eyeBlink / eyeSquint / folded closure
// and gaze; and a sheet of both eyes per frame, 4x, with the mesh's lid points marked by label (subject's left label:
// green upper / red lower; subject's right label: cyan upper / magenta lower), to see whether the labels sit on the
// eyes they name. Never asserts.
//   node --import tsx bench/squintEyes.ts lp_d6.mp4 out.png --from 175 --to 190 [--off]   (--off: heldNarrowing off)
import path from 'node:path';
import { cachedTrack } from './driverTracks.ts';
import { sharedData } from './sharedData.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { usableFrames } from '../src/motion/usableFrames.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const [driver, out] = [process.argv[2]!, process.argv[3]!];
const from = Number(arg('--from', '0')), to = Number(arg('--to', '20'));
const raw = await cachedTrack(driver, 25);
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
const frames = motionFramesFromRaw(raw, 25, true, { fit: { heldNarrowing: !process.argv.includes('--off') } }).frames;
const f2 = (x: number) => x.toFixed(2);

/** Dark band down an eye's middle columns (px): rows darker than .72 of the skin above and below the eye, longest run through the eye's centre row. */
function darkBand(img: RgbaImage, lm: Float32Array, upper: number[], lower: number[]): number {
  const p = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as const;
  const c0 = p(upper[0]!), c1 = p(upper[upper.length - 1]!);
  const width = Math.hypot(c1[0] - c0[0], c1[1] - c0[1]);
  const cx = (c0[0] + c1[0]) / 2, cy = (p(upper[4]!)[1] + p(lower[4]!)[1]) / 2;
  const luma = (x: number, y: number) => { const o = (Math.round(y) * img.width + Math.round(x)) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
  const rowMean = (y: number) => { let s = 0, k = 0; for (let x = cx - 0.15 * width; x <= cx + 0.15 * width; x++) { s += luma(x, y); k++; } return s / k; };
  const skin = Math.max(rowMean(cy - 0.45 * width), rowMean(cy + 0.45 * width));
  let top = cy, bottom = cy;
  const dark = (y: number) => rowMean(y) < 0.72 * skin;
  // from the darkest row near the centre, out both ways while dark
  let best = cy, bestL = Infinity;
  for (let y = cy - 0.15 * width; y <= cy + 0.15 * width; y++) { const l = rowMean(y); if (l < bestL) { bestL = l; best = y; } }
  if (!dark(best)) return 0;
  top = best; bottom = best;
  while (top > cy - 0.4 * width && dark(top - 1)) top--;
  while (bottom < cy + 0.4 * width && dark(bottom + 1)) bottom++;
  return Math.round(bottom - top + 1);
}

const rows: GridCell[][] = [];
console.log(`${driver} f${from}-${to}: per eye (subject's L = image-right | R = image-left): pixel dark band px (/width) | mesh share | eyeBlink eyeSquint | folded closure; blink, gaze`);
let i = 0;
for await (const img of decodeVideoFrames(sharedData(path.join('video', driver)), { fps: 25, maxSide: 720, maxFrames: to + 1 })) {
  const r = raw[i];
  if (i >= from && r?.lm) {
    const lm = r.lm, f = frames[i]!, sh = eyeSharesOf(r.m, rest);
    const p = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as const;
    const eyeW = (up: number[]) => Math.hypot(p(up[0]!)[0] - p(up[up.length - 1]!)[0], p(up[0]!)[1] - p(up[up.length - 1]!)[1]);
    const bandL = darkBand(img, lm, EYE_L_UPPER, EYE_L_LOWER), bandR = darkBand(img, lm, EYE_R_UPPER, EYE_R_LOWER);
    const w = f.w;
    console.log(`f${i}  L ${bandL}px (${f2(bandL / eyeW(EYE_L_UPPER))}) ${f2(sh[0])} | ${f2(w.eyeBlinkLeft ?? 0)} ${f2(w.eyeSquintLeft ?? 0)} | ${f2(foldBlink(f.blink, w.eyeBlinkLeft ?? 0))}    R ${bandR}px (${f2(bandR / eyeW(EYE_R_UPPER))}) ${f2(sh[1])} | ${f2(w.eyeBlinkRight ?? 0)} ${f2(w.eyeSquintRight ?? 0)} | ${f2(foldBlink(f.blink, w.eyeBlinkRight ?? 0))}   blink ${f2(f.blink)} gaze ${f2(f.gaze[0])},${f2(f.gaze[1])}`);
    // marked copy: labels by colour
    const marked: RgbaImage = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
    const dot = (k: number, rgb: number[]) => { const [x, y] = p(k); const o = (Math.round(y) * img.width + Math.round(x)) * 4; marked.data[o] = rgb[0]!; marked.data[o + 1] = rgb[1]!; marked.data[o + 2] = rgb[2]!; };
    for (const k of EYE_L_UPPER.slice(2, -2)) dot(k, [0, 255, 0]);
    for (const k of EYE_L_LOWER.slice(2, -2)) dot(k, [255, 0, 0]);
    for (const k of EYE_R_UPPER.slice(2, -2)) dot(k, [0, 255, 255]);
    for (const k of EYE_R_LOWER.slice(2, -2)) dot(k, [255, 0, 255]);
    const crop = (up: number[], marks: boolean) => {
      const c0 = p(up[0]!), c1 = p(up[up.length - 1]!), ew = eyeW(up);
      const cx = (c0[0] + c1[0]) / 2, cy = (c0[1] + c1[1]) / 2, bw = Math.round(1.5 * ew), bh = Math.round(0.9 * ew);
      return cropImage(marks ? marked : img, [Math.round(cx - bw / 2), Math.round(cy - bh / 2), bw, bh]);
    };
    // image-left first (subject's right), then image-right
    rows.push([
      { image: crop(EYE_R_UPPER, false), label: `f${i} img-left (R) ${bandR}px ${f2(sh[1])}` },
      { image: crop(EYE_R_UPPER, true), label: 'mesh R label' },
      { image: crop(EYE_L_UPPER, false), label: `img-right (L) ${bandL}px ${f2(sh[0])}` },
      { image: crop(EYE_L_UPPER, true), label: 'mesh L label' },
    ]);
  }
  i++;
}
const png = await labelledGrid(rows, { title: `${driver} f${from}-${to} eyes 4x (image-left | marked | image-right | marked)`, cellW: 200, cellH: 120 });
const { writeFile } = await import('node:fs/promises');
await writeFile(out, png);
