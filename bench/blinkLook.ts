// Where does the face mesh put the lids on a shut render? Per portrait and eye: the photo with its
// read-back lids, blink 1 with its read-back lids (green upper, red lower, blue the second ring), and,
// for comparison, a real shut eye (a training clip's blink frame) read back the same way, all zoomed
// about 3x. Prints, per eye, where the read-back upper and lower lid (3 middle pairs) lie relative
// to the photo's own lower lid line, in eye widths (+ = below it): a shut eye read open because the
// upper lid sits on a crease shows a negative upper offset; one read open because of the lower
// lid's shading below the lash line shows a positive lower offset.
//   node --import tsx bench/blinkLook.ts out.png lp_s2.jpg,mt_man.png,...
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER, EYE_L_UPPER2, EYE_L_LOWER2, EYE_R_UPPER2, EYE_R_LOWER2 } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const DATA = SHARED_DATA;
const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/blinkLook.ts out.png file1,file2,...');
type Lm = ArrayLike<ArrayLike<number>>;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const SIDES = [
  { upper: EYE_R_UPPER, lower: EYE_R_LOWER, upper2: EYE_R_UPPER2, lower2: EYE_R_LOWER2 },
  { upper: EYE_L_UPPER, lower: EYE_L_LOWER, upper2: EYE_L_UPPER2, lower2: EYE_L_LOWER2 },
];

function mark(img: RgbaImage, lm: Lm, s: (typeof SIDES)[number]): RgbaImage {
  const o = copy(img);
  const dot = (i: number, rgb: number[]) => {
    const x = Math.round(lm[i]![0]!), y = Math.round(lm[i]![1]!);
    if (x < 0 || y < 0 || x >= o.width || y >= o.height) return;
    o.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], (y * o.width + x) * 4);
  };
  for (const i of [...s.upper2, ...s.lower2]) dot(i, [60, 120, 255]);
  for (const i of s.upper) dot(i, [0, 255, 0]);
  for (const i of s.lower) dot(i, [255, 0, 0]);
  return o;
}

/** Mean signed distance (eye widths, + = down, perpendicular to the corner line) of lid points q=3..5 from the reference lower lid. */
function offsets(lm: Lm, ref: Lm, s: (typeof SIDES)[number]) {
  const c0 = ref[s.upper[0]!]!, c1 = ref[s.upper[8]!]!;
  const w = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!);
  const nx = -(c1[1]! - c0[1]!) / w, ny = (c1[0]! - c0[0]!) / w;
  const sign = ny > 0 ? 1 : -1;
  const d = (a: ArrayLike<number>, b: ArrayLike<number>) => (sign * ((a[0]! - b[0]!) * nx + (a[1]! - b[1]!) * ny)) / w;
  let up = 0, lo = 0;
  for (const q of [3, 4, 5]) { up += d(lm[s.upper[q]!]!, ref[s.lower[q]!]!); lo += d(lm[s.lower[q]!]!, ref[s.lower[q]!]!); }
  return { upper: up / 3, lower: lo / 3 };
}

/** Opening as eval/eyes.ts reads it (mean |upper - lower| of the pairs q=3..5 over the width) and its part across the corner line only. */
function openingParts(lm: Lm, s: (typeof SIDES)[number]) {
  const c0 = lm[s.upper[0]!]!, c1 = lm[s.upper[8]!]!;
  const w = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!);
  const nx = -(c1[1]! - c0[1]!) / w, ny = (c1[0]! - c0[0]!) / w;
  let all = 0, across = 0;
  for (const q of [3, 4, 5]) {
    const u = lm[s.upper[q]!]!, l = lm[s.lower[q]!]!;
    all += Math.hypot(l[0]! - u[0]!, l[1]! - u[1]!);
    across += Math.abs((l[0]! - u[0]!) * nx + (l[1]! - u[1]!) * ny);
  }
  // along the corner line, upper minus lower, pairs q = 1..7 (eye widths; + = toward upper[8])
  const tx = (c1[0]! - c0[0]!) / w, ty = (c1[1]! - c0[1]!) / w;
  const along = [1, 2, 3, 4, 5, 6, 7].map((q) => { const u = lm[s.upper[q]!]!, l = lm[s.lower[q]!]!; return ((u[0]! - l[0]!) * tx + (u[1]! - l[1]!) * ty) / w; });
  return { all: all / 3 / w, across: across / 3 / w, along: along.map((a) => a.toFixed(2)).join(' ') };
}

const rows: GridCell[][] = [];
const eyeBox = (lm: Lm, s: (typeof SIDES)[number], w: number, h: number) => squareBox([...s.upper, ...s.lower].map((i) => lm[i]!), 1.6, w, h);
// a real shut eye: styletalk_andrew_clip_1 frame 105 (shut) and 90 (open), the closed-eye library's source
{
  const shut = await videoFrameAt(path.join(DATA, 'train', 'clips', 'styletalk_andrew_clip_1.mp4'), 105);
  const open = await videoFrameAt(path.join(DATA, 'train', 'clips', 'styletalk_andrew_clip_1.mp4'), 90);
  const fs = (await detectFaces(shut, { embedding: false }))[0]!, fo = (await detectFaces(open, { embedding: false }))[0]!;
  const row: GridCell[] = [];
  for (const s of SIDES) {
    const box = eyeBox(fo.landmarks, s, open.width, open.height);
    const off = offsets(fs.landmarks, fo.landmarks, s);
    const op = openingParts(fo.landmarks, s), sp = openingParts(fs.landmarks, s);
    console.log(`andrew real blink  opening open ${op.all.toFixed(3)} (across ${op.across.toFixed(3)}) shut ${sp.all.toFixed(3)} (across ${sp.across.toFixed(3)}) along ${sp.along} | photo along ${op.along}`);
    row.push({ label: 'real open', image: cropImage(open, box) }, { label: 'real shut', image: cropImage(shut, box) }, { label: `real shut up ${off.upper.toFixed(2)} lo ${off.lower.toFixed(2)}`, image: cropImage(mark(shut, fs.landmarks, s), box) });
  }
  rows.push(row);
}
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const fp = (await detectFaces(portrait.image, { embedding: false }))[0], fs = (await detectFaces(shut, { embedding: false }))[0];
  if (!fp || !fs) { console.log(`${file}: no face`); continue; }
  const row: GridCell[] = [];
  for (const s of SIDES) {
    const box = eyeBox(fp.landmarks, s, shut.width, shut.height);
    const off = offsets(fs.landmarks, fp.landmarks, s);
    const op = openingParts(fp.landmarks, s), sp = openingParts(fs.landmarks, s);
    console.log(`${file.padEnd(18)} upper ${off.upper.toFixed(3)} lower ${off.lower.toFixed(3)}  opening photo ${op.all.toFixed(3)} (across ${op.across.toFixed(3)}) shut ${sp.all.toFixed(3)} (across ${sp.across.toFixed(3)}) along ${sp.along} | photo along ${op.along}`);
    row.push({ label: `${file} photo`, image: cropImage(portrait.image, box) }, { label: 'blink 1', image: cropImage(shut, box) }, { label: `read back: up ${off.upper.toFixed(2)} lo ${off.lower.toFixed(2)}`, image: cropImage(mark(shut, fs.landmarks, s), box) });
  }
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: (process.env.LOOK_TITLE ?? '') + ' photo | blink 1 | read-back lids (green upper, red lower, blue 2nd ring), each eye; top row a real blink', cellW: 180, cellH: 180 }));
console.log(`sheet: ${out}`);
