// Jagged (aliased) slits: the eyes' slit in a blink in flight and the lips' slit barely parted, per
// checkout (--root a,b: before | after), cropped and upscaled 4x nearest-neighbour so a stair of whole
// pixels shows, with a jaggedness figure per slit. Never asserts.
// Figure (src/eval/slitJag.ts): per column across the slit's middle 80 %, the slit's darkness
// against the skin around it gives its centre line (darkness-weighted row) and its thickness
// (darkness sum / the slit's darkness); "jag" = the RMS of both's residuals from a running
// 7-column straight-line fit, in px, summed. A slit cut in whole pixels steps 1 px at a time
// (jag ~0.3-0.5); one with sub-pixel coverage moves by fractions (lower).
//   node --import tsx bench/aliasSheet.ts out.jpg --only katie_f0.png,lp_s42.jpg [--root /work/main,.] [--blinks .75,.8,.85] [--jaws .06,.1]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { slitJag, type SlitLines } from '../src/eval/slitJag.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER, LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: node --import tsx bench/aliasSheet.ts out.jpg --only a.png,... [--root before,after] [--blinks .75,.8] [--jaws .06,.1]');
const files = arg('--only', '/work/review/s21/in/katie_f0.png,lp_s42.jpg').split(',');
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const blinks = arg('--blinks', '0.75,0.8,0.85').split(',').filter(Boolean).map(Number);
const jaws = arg('--jaws', '0.06,0.1').split(',').filter(Boolean).map(Number);
const SCALE = Number(arg('--scale', '4'));
// --flat: the photo's skin one colour and the eyeball another, so what edges remain are the geometry's cuts
const flat = process.argv.includes('--flat');

/** Paints the avatar's skin and eye textures flat (premultiplied skin kept at its matte). */
function flatten(avatar: { texture: RgbaImage; eyeTexture: RgbaImage }): void {
  const paint = (img: RgbaImage, rgb: [number, number, number]) => {
    for (let o = 0; o < img.data.length; o += 4) { const a = img.data[o + 3]! / 255; img.data[o] = rgb[0] * a; img.data[o + 1] = rgb[1] * a; img.data[o + 2] = rgb[2] * a; }
  };
  paint(avatar.texture, [200, 150, 125]);
  paint(avatar.eyeTexture, [60, 50, 50]);
}

// image-left eye (the face mesh's right eye), image-right, the lips
const SLITS = [
  { name: 'eyeL', upper: EYE_R_UPPER, lower: EYE_R_LOWER },
  { name: 'eyeR', upper: EYE_L_UPPER, lower: EYE_L_LOWER },
  { name: 'lips', upper: LIPS_INNER_UPPER, lower: LIPS_INNER_LOWER },
];
type P = [number, number, number];

/** Nearest-neighbour upscale by k. */
function upscale(img: RgbaImage, k: number): RgbaImage {
  const w = img.width * k, h = img.height * k, data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(img.data.subarray((((y / k) | 0) * img.width + ((x / k) | 0)) * 4, (((y / k) | 0) * img.width + ((x / k) | 0)) * 4 + 4), (y * w + x) * 4);
  return { width: w, height: h, data };
}

interface Tile { image: RgbaImage; label: string }
const tiles: Tile[][] = [];
const figures: string[] = [];
const sums = new Map<string, number[]>();
for (const file of files) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const name = path.basename(file).replace(/\.[a-z]+$/, '');
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const avatar = buildAvatar(portrait);
    if (flat) flatten(avatar);
    const r = createRenderer(avatar, { width: portrait.image.width, height: portrait.image.height });
    const n: MotionFrame = r.neutralFrame();
    const tag = path.basename(root);
    const shots: [string, MotionFrame, number[]][] = [
      ...blinks.map((b): [string, MotionFrame, number[]] => [`blink ${b}`, { ...n, w: { ...n.w, eyeBlinkLeft: b, eyeBlinkRight: b } }, [0, 1]]),
      ...jaws.map((j): [string, MotionFrame, number[]] => [`jaw ${j}`, { ...n, w: { ...n.w, jawOpen: j } }, [2]]),
    ];
    for (const [title, frame, which] of shots) {
      const lm = r.landmarks(frame) as P[];
      const img: RgbaImage = r.render(frame);
      for (const s of which) {
        const slit = SLITS[s]!;
        const lines: SlitLines = { upper: slit.upper.map((i) => [lm[i]![0], lm[i]![1]]), lower: slit.lower.map((i) => [lm[i]![0], lm[i]![1]]) };
        const jag = slitJag(img, lines);
        const key = `${name} ${slit.name} ${title}`;
        figures.push(`${key.padEnd(28)} ${tag.padEnd(10)} jag ${jag.jag.toFixed(3)} offLine ${jag.offLine.toFixed(3)} (centre ${jag.centre.toFixed(3)}, thickness ${jag.thickness.toFixed(3)}; ${jag.columns} columns)`);
        for (const [fig, v] of [['jag', jag.jag], ['offLine', jag.offLine]] as const) {
          if (!Number.isFinite(v)) continue;
          const k = `${tag} ${slit.name === 'lips' ? 'lips' : 'eyes'} ${fig}`;
          sums.set(k, [...(sums.get(k) ?? []), v]);
        }
        const a = lines.upper[0]!, b = lines.upper[lines.upper.length - 1]!;
        const ew = Math.hypot(b[0] - a[0], b[1] - a[1]), cx = (a[0] + b[0]) / 2, cy = (a[1] + b[1]) / 2;
        const w = Math.round(1.3 * ew), h = Math.round(0.5 * ew);
        const box: [number, number, number, number] = [Math.round(cx - w / 2), Math.round(cy - h / 2), w, h];
        const key2 = `${name} ${slit.name} ${title}`;
        let row = tiles.find((t) => t[0]!.label.startsWith(key2));
        if (!row) { row = []; tiles.push(row); }
        row.push({ image: upscale(cropImage(img, box), SCALE), label: `${key2} ${tag} jag ${jag.jag.toFixed(2)} off ${jag.offLine.toFixed(2)}` });
      }
    }
  }
}
for (const f of figures) console.log(f);
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
for (const [k, v] of sums) console.log(`${k}: median jag ${med(v).toFixed(3)}, mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(3)} over ${v.length}`);

// the sheet: one row per slit and shot, before | after side by side, a caption above each
const { default: sharp } = await import('sharp');
const cap = 14, gap = 6;
const cellW = Math.max(...tiles.flat().map((t) => t.image.width)), cellH = Math.max(...tiles.flat().map((t) => t.image.height));
const cols = Math.max(...tiles.map((r) => r.length));
const W = cols * (cellW + gap), H = tiles.length * (cellH + cap + gap);
const layers: import('sharp').OverlayOptions[] = [];
tiles.forEach((row, ri) => row.forEach((t, ci) => {
  const x = ci * (cellW + gap), y = ri * (cellH + cap + gap);
  layers.push({ input: Buffer.from(`<svg width="${cellW}" height="${cap}"><text x="2" y="11" font-size="11" font-family="sans-serif" fill="white">${t.label}</text></svg>`), left: x, top: y });
  layers.push({ input: Buffer.from(t.image.data.buffer, t.image.data.byteOffset, t.image.data.length), raw: { width: t.image.width, height: t.image.height, channels: 4 }, left: x, top: y + cap });
}));
const sheet = sharp({ create: { width: W, height: H, channels: 3, background: '#202020' } }).composite(layers);
await writeFile(out, out.endsWith('.png') ? await sheet.png().toBuffer() : await sheet.jpeg({ quality: 80 }).toBuffer());
console.log(`sheet: ${out}`);
