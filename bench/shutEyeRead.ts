// What the face mesh reads as an open eye on our shut render (s44, lids44): per portrait and eye,
// photo | blink 1 | blink 1 with the face mesh's whole eye contour drawn (upper lid green, lower lid
// red, the three middle pairs the read-back measures yellow / magenta), about 5x; prints each eye's
// shut/open ratio (bench/blink.ts's measure) and where the middle lower-lid points sit against the
// drawn shut line (v, in eye widths, + toward the cheek). Never asserts.
//   node --import tsx bench/shutEyeRead.ts out.png lp_s9.jpg,lp_s10.jpg,... [--side 300]
import path from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, labelledGrid, eyeOpenings, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/shutEyeRead.ts out.png file1,file2,...');
const sideArg = process.argv.indexOf('--side');
const CELL = sideArg > 0 ? Number(process.argv[sideArg + 1]) : 300;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
type Lm = ArrayLike<ArrayLike<number>>;

/** The eye contour drawn as 1-px lines on a copy (upper green, lower red; middle points marked). */
function drawContour(img: RgbaImage, lm: Lm, upper: number[], lower: number[]): RgbaImage {
  const o = copy(img);
  const put = (x: number, y: number, c: number[]) => {
    const xi = Math.round(x), yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= o.width || yi >= o.height) return;
    const k = (yi * o.width + xi) * 4;
    o.data[k] = c[0]!; o.data[k + 1] = c[1]!; o.data[k + 2] = c[2]!; o.data[k + 3] = 255;
  };
  for (const [ids, c] of [[upper, [0, 230, 0]], [lower, [255, 40, 40]]] as const) {
    for (let i = 0; i + 1 < ids.length; i++) {
      const a = lm[ids[i]!]!, b = lm[ids[i + 1]!]!;
      const n = Math.ceil(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) * 2) + 1;
      for (let t = 0; t <= n; t++) put(a[0]! + (b[0]! - a[0]!) * t / n, a[1]! + (b[1]! - a[1]!) * t / n, c as unknown as number[]);
    }
  }
  for (const q of [3, 4, 5]) { const u = lm[upper[q]!]!, l = lm[lower[q]!]!; put(u[0]!, u[1]!, [255, 255, 0]); put(l[0]!, l[1]!, [255, 0, 255]); }
  return o;
}

const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const n = r.neutralFrame();
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const shutFace = (await detectFaces(shut, { embedding: false }))[0];
  const photoFace = (await detectFaces(portrait.image, { embedding: false }))[0];
  if (!shutFace || !photoFace) { console.log(`${file}: no face found`); continue; }
  const o = eyeOpenings(photoFace.landmarks), s = eyeOpenings(shutFace.landmarks);
  const row: GridCell[] = [];
  // image-left eye first (EYE_R_* = the subject's right = image-left)
  for (const [name, up, lo, ratio] of [['image-left', EYE_R_UPPER, EYE_R_LOWER, s.right / o.right], ['image-right', EYE_L_UPPER, EYE_L_LOWER, s.left / o.left]] as const) {
    // the box holds both the photo's eye and where the face mesh reads it on the render
    const pts = [...up, ...lo].flatMap((i) => [photoFace.landmarks[i]!, shutFace.landmarks[i]!]);
    const box = squareBox(pts, 1.5, size, size);
    // the middle lower points against the middle upper points, across the photo's eye axis
    const c0 = photoFace.landmarks[up[0]!]!, c1 = photoFace.landmarks[up[up.length - 1]!]!;
    const w = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!);
    const nx = -(c1[1]! - c0[1]!) / w, ny = (c1[0]! - c0[0]!) / w;
    const sgn = ny >= 0 ? 1 : -1; // + toward the cheek (down the image)
    const across = [3, 4, 5].map((q) => { const u = shutFace.landmarks[up[q]!]!, l = shutFace.landmarks[lo[q]!]!; return sgn * ((l[0]! - u[0]!) * nx + (l[1]! - u[1]!) * ny) / w; });
    const along = [3, 4, 5].map((q) => { const u = shutFace.landmarks[up[q]!]!, l = shutFace.landmarks[lo[q]!]!; return Math.abs(((l[0]! - u[0]!) * (c1[0]! - c0[0]!) + (l[1]! - u[1]!) * (c1[1]! - c0[1]!)) / w / w); });
    console.log(`${file.padEnd(18)} ${name.padEnd(12)} ratio ${ratio.toFixed(2)}  across ${across.map((v) => v.toFixed(3)).join(' ')}  slide ${along.map((v) => v.toFixed(3)).join(' ')}`);
    row.push({ label: `${file} ${name} photo`, image: cropImage(portrait.image, box) });
    row.push({ label: `blink 1 (ratio ${ratio.toFixed(2)})`, image: cropImage(shut, box) });
    row.push({ label: 'blink 1 + mesh eye contour', image: cropImage(drawContour(shut, shutFace.landmarks, up, lo), box) });
  }
  rows.push(row);
}
const png = await labelledGrid(rows, { title: 'shut eye read-back: photo | blink 1 | the face mesh\'s eye contour on it (image-left eye, then image-right)', cellW: CELL, cellH: CELL });
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
console.log(`sheet: ${out}`);
