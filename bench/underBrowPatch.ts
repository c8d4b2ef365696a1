// s47 underbrow47: the raised brow's uncovered band (render/brows.ts UnderBrowSkin) on a saved motion's frames,
// measured on the render per side (image-right first) and cropped 4x for sheets. Per side and frame:
//   dE    = Lab distance of the band's mean (t .25-.8 between the brow's lower contour and the lid, middle 70 % of
//           columns) from the forehead skin just above the brow in the same frame (the photo's own skin around it)
//   dab   = the same in a*b* only (colour, not lightness); hue = the band's hue angle [the forehead's]
//   grain = the band's high-pass L std-dev (L minus a 5x5 box) over the forehead's in the same frame [the photo's own band's]
//   edge  = the largest 1-px L step down each column across the band's top (t .9 down to .6), mean over columns [the neutral's]
// `--off` renders with UnderBrowSkin.update a no-op (the pass switched off), for the A/B of which pass paints.
//   node --import tsx bench/underBrowPatch.ts --root CO --portrait st_art_1.png --motion m.json --frames 12,18,24 --out dir [--tag t] [--off]
import path from 'node:path';
import { readFileSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const file = opt('--portrait', 'st_art_1.png'), out = opt('--out', '.'), tag = opt('--tag', 'r');
const exprArg = opt('--expr', '');
const frames = exprArg ? [] as MotionFrame[] : (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
const picks = opt('--frames', '0').split(',').map(Number);
mkdirSync(out, { recursive: true });
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
if (args.includes('--off')) (await import(pathToFileURL(path.join(root, 'src/render/brows.ts')).href)).UnderBrowSkin.prototype.update = () => {};
// --no-shutband: the band over a shut lid as before s48 (render/shutBrowBand.ts off)
if (args.includes('--no-shutband')) (await import(pathToFileURL(path.join(root, 'src/render/shutBrowBand.ts')).href)).shutBrowBandSetting.on = false;
const S = 512;
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: S, height: S });

const SIDES = [
  { browLower: [276, 283, 282, 295, 285], lid: [263, 466, 388, 387, 386, 385, 384, 398, 362], browTop: [300, 293, 334, 296, 336] },
  { browLower: [46, 53, 52, 65, 55], lid: [33, 246, 161, 160, 159, 158, 157, 173, 133], browTop: [70, 63, 105, 66, 107] },
];
type P = [number, number, number];
const rowY = (row: P[], x: number) => {
  const s = [...row].sort((a, b) => a[0] - b[0]);
  if (x <= s[0]![0]) return s[0]![1];
  for (let q = 1; q < s.length; q++) if (x <= s[q]![0]) { const t = (x - s[q - 1]![0]) / Math.max(1e-6, s[q]![0] - s[q - 1]![0]); return s[q - 1]![1] + t * (s[q]![1] - s[q - 1]![1]); }
  return s[s.length - 1]![1];
};
const lin = (c: number) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
const lab = (r0: number, g0: number, b0: number): [number, number, number] => {
  const R = lin(r0), G = lin(g0), B = lin(b0);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29);
  const X = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047), Y = f(0.2126 * R + 0.7152 * G + 0.0722 * B), Z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
};

interface Read { band: [number, number, number]; fore: [number, number, number]; up: [number, number, number]; lid: [number, number, number]; grain: number; foreGrain: number; edge: number }
function measure(img: Uint8ClampedArray, lm: P[], iod: number): Read[] {
  const L = new Float32Array(S * S);
  for (let i = 0; i < S * S; i++) L[i] = lab(img[i * 4]!, img[i * 4 + 1]!, img[i * 4 + 2]!)[0];
  const box = (x: number, y: number) => { let s = 0; for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) s += L[(y + dy) * S + x + dx]!; return s / 25; };
  return SIDES.map((side) => {
    const lower = side.browLower.map((i) => lm[i]!), lid = side.lid.map((i) => lm[i]!), top = side.browTop.map((i) => lm[i]!);
    const xs = lower.map((p) => p[0]), xa = Math.min(...xs), xb = Math.max(...xs), m = 0.15 * (xb - xa);
    const band = [0, 0, 0], fore = [0, 0, 0], up = [0, 0, 0], lidC = [0, 0, 0]; let nu = 0, nl = 0, nb = 0, nf = 0, hp = 0, hp2 = 0, fp = 0, fp2 = 0, edge = 0, ne = 0;
    for (let x = Math.ceil(xa + m); x <= Math.floor(xb - m); x++) {
      const yB = rowY(lower, x), yL = rowY(lid, x), yT = rowY(top, x), h = yL - yB;
      if (h < 3) continue;
      for (let y = Math.ceil(yB + 0.2 * h); y <= Math.floor(yL - 0.25 * h); y++) {
        const o = (y * S + x) * 4, c = lab(img[o]!, img[o + 1]!, img[o + 2]!);
        for (let ch = 0; ch < 3; ch++) band[ch] += c[ch]!;
        nb++;
        const d = L[y * S + x]! - box(x, y); hp += d; hp2 += d * d;
      }
      // s48: the band's upper part (t .5-.85: the skin the raise uncovers over a shut lid) and the lid just above its lid line (.03-.1 IOD)
      for (let y = Math.ceil(yB + 0.15 * h); y <= Math.floor(yL - 0.5 * h); y++) { const o = (y * S + x) * 4, c = lab(img[o]!, img[o + 1]!, img[o + 2]!); for (let ch = 0; ch < 3; ch++) up[ch] += c[ch]!; nu++; }
      for (let y = Math.round(yL - 0.1 * iod); y <= Math.round(yL - 0.03 * iod); y++) { const o = (y * S + x) * 4, c = lab(img[o]!, img[o + 1]!, img[o + 2]!); for (let ch = 0; ch < 3; ch++) lidC[ch] += c[ch]!; nl++; }
      for (let y = Math.round(yT - 0.12 * iod); y <= Math.round(yT - 0.05 * iod); y++) {
        const o = (y * S + x) * 4, c = lab(img[o]!, img[o + 1]!, img[o + 2]!);
        for (let ch = 0; ch < 3; ch++) fore[ch] += c[ch]!;
        nf++;
        const d = L[y * S + x]! - box(x, y); fp += d; fp2 += d * d;
      }
      // the top of the band: the largest 1-px step of L from the brow's lower contour (a little above) down to t .6
      let best = 0;
      for (let y = Math.round(yB - 0.1 * h); y < Math.round(yB + 0.4 * h); y++) best = Math.max(best, Math.abs(L[(y + 1) * S + x]! - L[y * S + x]!));
      edge += best; ne++;
    }
    const mean = hp / Math.max(1, nb), fmean = fp / Math.max(1, nf);
    return {
      band: band.map((v) => v / Math.max(1, nb)) as [number, number, number],
      fore: fore.map((v) => v / Math.max(1, nf)) as [number, number, number], up: up.map((v) => v / Math.max(1, nu)) as [number, number, number], lid: lidC.map((v) => v / Math.max(1, nl)) as [number, number, number],
      grain: Math.sqrt(Math.max(0, hp2 / Math.max(1, nb) - mean * mean)), foreGrain: Math.sqrt(Math.max(0, fp2 / Math.max(1, nf) - fmean * fmean)), edge: edge / Math.max(1, ne),
    };
  });
}
const hueDeg = (c: number[]) => (Math.atan2(c[2]!, c[1]!) * 180) / Math.PI;
const dE = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

const n: MotionFrame = r.neutralFrame();
// --expr a=1,b=.5;c=1: one frame per list, the neutral with these controls set (a static repro instead of a motion)
for (const e of exprArg ? exprArg.split(';') : []) frames.push({ ...n, w: { ...n.w, ...Object.fromEntries(e.split(',').map((s) => { const [k, v] = s.split('='); return [k!, Number(v)]; })) } });
const nlm = r.landmarks(n) as P[];
const iod = Math.hypot(nlm[468]![0] - nlm[473]![0], nlm[468]![1] - nlm[473]![1]) || Math.hypot(nlm[33]![0] - nlm[263]![0], nlm[33]![1] - nlm[263]![1]) * 0.8;
const nimg = r.render(n);
const ref = measure(nimg.data, nlm, iod);
if (args.includes('--lines')) {
  // the neutral frame with the band's rows drawn: brow lower (red), lid (blue), brow top (green), the pass's lid-skin sample (yellow)
  const d = Uint8ClampedArray.from(nimg.data);
  const put = (x: number, y: number, c: number[]) => { const o = (Math.round(y) * S + x) * 4; d[o] = c[0]!; d[o + 1] = c[1]!; d[o + 2] = c[2]!; };
  for (const side of SIDES) {
    const lower = side.browLower.map((i) => nlm[i]!), lid = side.lid.map((i) => nlm[i]!), top = side.browTop.map((i) => nlm[i]!);
    const xs = lower.map((p) => p[0]);
    for (let x = Math.ceil(Math.min(...xs)); x <= Math.floor(Math.max(...xs)); x += 2) {
      const yB = rowY(lower, x), yL = rowY(lid, x);
      put(x, yB, [255, 0, 0]); put(x, yL, [0, 0, 255]); put(x, rowY(top, x), [0, 255, 0]); put(x, yL - 0.25 * (yL - yB), [255, 255, 0]);
    }
  }
  const xs = [46, 276, 33, 263, 70, 300].map((i) => nlm[i]![0]), ys = [70, 300, 105, 334, 145, 374].map((i) => nlm[i]![1]);
  const x0 = Math.max(0, Math.round(Math.min(...xs) - 0.15 * iod)), x1 = Math.min(S, Math.round(Math.max(...xs) + 0.15 * iod));
  const y0 = Math.max(0, Math.round(Math.min(...ys) - 0.12 * iod)), y1 = Math.min(S, Math.round(Math.max(...ys) + 0.08 * iod));
  await sharp(Buffer.from(d), { raw: { width: S, height: S, channels: 4 } }).extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 })
    .resize({ width: (x1 - x0) * 4, kernel: 'nearest' }).png().toFile(path.join(out, `${path.basename(file, path.extname(file))}_neutral_lines.png`));
}
const base = path.basename(file, path.extname(file));
const fmt = (v: number) => v.toFixed(1);
console.log(`${base} ${tag} neutral: ` + ref.map((s, k) => `${k ? 'imgL' : 'imgR'} band L${fmt(s.band[0])} a${fmt(s.band[1])} b${fmt(s.band[2])} dE(fore) ${fmt(dE(s.band, s.fore))} grain ${s.grain.toFixed(2)} edge ${s.edge.toFixed(1)}`).join(' | '));
for (const k of picks) {
  const f = frames[k]!;
  const lm = r.landmarks(f) as P[];
  const img = r.render(f);
  const reads = measure(img.data, lm, iod);
  console.log(`${base} ${tag} f${k}: ` + reads.map((s, e) => `${e ? 'imgL' : 'imgR'} dE ${fmt(dE(s.band, s.fore))} dab ${fmt(Math.hypot(s.band[1] - s.fore[1], s.band[2] - s.fore[2]))} hue ${fmt(hueDeg(s.band))}[${fmt(hueDeg(s.fore))}] (L${fmt(s.band[0])} a${fmt(s.band[1])} b${fmt(s.band[2])}) grain ${(s.grain / s.foreGrain).toFixed(2)}[ph ${(ref[e]!.grain / ref[e]!.foreGrain).toFixed(2)}] edge ${s.edge.toFixed(1)}[ph ${ref[e]!.edge.toFixed(1)}] up-lid dE ${fmt(dE(s.up, s.lid))} (up L${fmt(s.up[0])} a${fmt(s.up[1])} b${fmt(s.up[2])} lid L${fmt(s.lid[0])} a${fmt(s.lid[1])} b${fmt(s.lid[2])})`).join(' | '));
  // eyes crop, both eyes and brows, 4x (nearest)
  const xs = [46, 276, 33, 263, 70, 300].map((i) => lm[i]![0]), ys = [70, 300, 105, 334, 145, 374].map((i) => lm[i]![1]);
  const x0 = Math.max(0, Math.round(Math.min(...xs) - 0.15 * iod)), x1 = Math.min(S, Math.round(Math.max(...xs) + 0.15 * iod));
  const y0 = Math.max(0, Math.round(Math.min(...ys) - 0.12 * iod)), y1 = Math.min(S, Math.round(Math.max(...ys) + 0.08 * iod));
  await sharp(Buffer.from(img.data), { raw: { width: S, height: S, channels: 4 } })
    .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).resize({ width: (x1 - x0) * 4, kernel: 'nearest' })
    .png().toFile(path.join(out, `${base}_f${k}_${tag}.png`));
}
