// A blink in flight, both eyes, per checkout (--root a,b: before | after), and two "sliver" figures:
// slit = the brightest 5 % of the pixels in the slit (between the upper and lower lid lines as
// rendered) over the photo's white at rest (the 90th percentile of the rest render's opening); rim =
// the brightest 5 % of the band 0.08 eye widths under the lower lid line (where the photo's lower
// white can lie on the skin) over the lower lid's skin at rest (the median 0.15-0.3 eye widths under
// the line). A bright jagged line under a closing lid (sliver21: mt_man, Katie at .75-.9) reads near
// or over 1 in one of them. Never asserts.
// --motion m.json --frames 57-63,120: a saved motion's frames instead (real3d generate --save-motion), on the one --only photo.
//   node --import tsx bench/sliverSheet.ts out.jpg --only mt_man.png,/abs/katie_f0.png [--root /tmp/base,.] [--steps 0,.75,.8,.85,.9,.95]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { readFileSync } from 'node:fs';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: node --import tsx bench/sliverSheet.ts out.jpg --only a.png,... [--root before,after] [--steps 0,.75,...]');
const files = arg('--only', 'mt_man.png,lp_s42.jpg').split(',');
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const steps = arg('--steps', '0,0.75,0.8,0.85,0.9,0.95').split(',').map(Number);
if (steps[0] !== 0) steps.unshift(0);
const motionFile = arg('--motion', '');
const motion = motionFile ? (JSON.parse(readFileSync(motionFile, 'utf8')) as { frames: MotionFrame[] }).frames : null;
const picks = arg('--frames', '').split(',').filter(Boolean).flatMap((r) => { const [a, b] = r.split('-').map(Number); return Array.from({ length: (b ?? a!) - a! + 1 }, (_, k) => a! + k); });

// image-left eye first (the face mesh's right eye), then image-right
const EYES = [{ upper: EYE_R_UPPER, lower: EYE_R_LOWER }, { upper: EYE_L_UPPER, lower: EYE_L_LOWER }];
type P = [number, number, number];
const lumAt = (img: RgbaImage, o: number) => 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!;
const pct = (xs: number[], q: number) => { const s = xs.slice().sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN; };

/** Luminances inside the polygon (rendered points), over the middle 80 % of the eye's width. */
function lumsIn(img: RgbaImage, poly: [number, number][], xa: number, xb: number): number[] {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const lo = Math.min(xa, xb) + 0.1 * Math.abs(xb - xa), hi = Math.max(xa, xb) - 0.1 * Math.abs(xb - xa);
  const res: number[] = [];
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++)
    for (let x = Math.max(Math.floor(Math.min(...xs)), Math.floor(lo)); x <= Math.min(Math.ceil(Math.max(...xs)), Math.ceil(hi)); x++)
      if (insidePolygon(x + 0.5, y + 0.5, poly)) res.push(lumAt(img, (y * img.width + x) * 4));
  return res;
}

/** Between the upper lid line moved down `top` and the lower lid line moved down `bottom` (eye widths). */
function bandPolygon(lm: P[], eye: (typeof EYES)[number], top: number, bottom: number): [number, number][] {
  const a = lm[eye.lower[0]!]!, b = lm[eye.lower[eye.lower.length - 1]!]!;
  const ew = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [...eye.upper.map((i) => [lm[i]![0], lm[i]![1] + top * ew] as [number, number]), ...eye.lower.slice().reverse().map((i) => [lm[i]![0], lm[i]![1] + bottom * ew] as [number, number])];
}
/** The slit: the upper lid line to the lower one. */
const slitPolygon = (lm: P[], eye: (typeof EYES)[number]) => bandPolygon(lm, eye, 0, 0);
/** The lower rim: from the lower lid line to `drop` eye widths under it. */
function rimPolygon(lm: P[], eye: (typeof EYES)[number], from: number, drop: number): [number, number][] {
  const a = lm[eye.lower[0]!]!, b = lm[eye.lower[eye.lower.length - 1]!]!;
  const ew = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [...eye.lower.map((i) => [lm[i]![0], lm[i]![1] + from * ew] as [number, number]), ...eye.lower.slice().reverse().map((i) => [lm[i]![0], lm[i]![1] + drop * ew] as [number, number])];
}

const rows: GridCell[][] = [], labels: string[] = [];
const figures: string[] = [];
for (const file of files) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const name = path.basename(file);
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
    const n = r.neutralFrame();
    const eyeRows: GridCell[][] = EYES.map(() => []);
    const white: number[] = [], skin: number[] = [];
    const perEye: string[][] = EYES.map(() => []);
    // the rest frame first (the white, the skin), then the steps or the motion's frames
    const shots: [string, number, MotionFrame][] = motion
      ? [['rest', 0, n], ...picks.map((i): [string, number, MotionFrame] => [`f${i} b${(motion[i]!.blink ?? 0).toFixed(2)}`, 1, motion[i]!])]
      : steps.map((w): [string, number, MotionFrame] => [`${w}`, w, { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } }]);
    for (const [title, w, frame] of shots) {
      const lm = r.landmarks(frame) as P[];
      const img: RgbaImage = r.render(frame);
      EYES.forEach((eye, e) => {
        const a = lm[eye.lower[0]!]!, b = lm[eye.lower[eye.lower.length - 1]!]!;
        const ew = Math.hypot(b[0] - a[0], b[1] - a[1]), cx = (a[0] + b[0]) / 2, cy = (a[1] + b[1]) / 2;
        const box: [number, number, number, number] = [Math.round(cx - 0.75 * ew), Math.round(cy - 0.45 * ew), Math.round(1.5 * ew), Math.round(0.85 * ew)];
        if (w === 0) {
          const open = [...eye.upper, ...eye.lower.slice(1, -1).reverse()].map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
          white[e] = pct(lumsIn(img, open, a[0], b[0]), 0.9);
          // the lower lid's skin: the band 0.15-0.3 eye widths under the lower lid line (upper line moved past it)
          skin[e] = pct(lumsIn(img, rimPolygon(lm, eye, 0.15, 0.3), a[0], b[0]), 0.5);
        }
        const slit = lumsIn(img, slitPolygon(lm, eye), a[0], b[0]);
        const sliver = slit.length ? pct(slit, 0.95) / white[e]! : 0;
        const rim = pct(lumsIn(img, rimPolygon(lm, eye, 0, 0.08), a[0], b[0]), 0.95) / skin[e]!;
        if (w > 0) perEye[e]!.push(`${sliver.toFixed(2)}/${rim.toFixed(2)}`);
        eyeRows[e]!.push({ label: `${title} ${w > 0 ? `slit ${sliver.toFixed(2)} rim ${rim.toFixed(2)}` : `white ${Math.round(white[e]!)}`}`, image: cropImage(img, box) });
      });
    }
    const tag = path.basename(root) || root;
    EYES.forEach((_, e) => {
      rows.push(eyeRows[e]!);
      labels.push(`${name.slice(0, 10)} ${e ? 'R' : 'L'} ${tag.slice(0, 8)}`);
      figures.push(`${name.padEnd(14)} ${e ? 'image-right' : 'image-left '} ${tag.padEnd(10)} ${perEye[e]!.join(' ')}`);
    });
  }
}
console.log(`slit/rim: p95 luminance of the slit (upper to lower lid line as rendered) over the white at rest (p90 of the rest opening) / p95 of the rim (0.08 eye widths under the lower lid line) over the lower lid's skin at rest (median 0.15-0.3 under it), at ${motion ? `frames ${picks.join(' ')}` : `w ${steps.filter((w) => w > 0).join(' ')}`}`);
for (const f of figures) console.log(f);
const png = await labelledGrid(rows, { title: `blink in flight, both eyes: ${roots.map((r) => path.basename(r)).join(' | ')} (slit: p95 / rest white p90; rim: p95 under the lower lid / skin)`, cellW: 180, cellH: 102, rowLabels: labels });
const { default: sharp } = await import('sharp');
await writeFile(out, out.endsWith('.png') ? png : await sharp(png).jpeg({ quality: 72 }).toBuffer());
console.log(`sheet: ${out}`);
