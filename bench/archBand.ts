// The raised lid's dark band (arch39): how tall and how dark the dark band along a raised upper lid is, on the render
// per checkout (--before), beside the driver's same frame and the photo's own lid (the same frame at rest: no raise).
// Per eye, over the columns of the middle 70 % of the eye outside the iris (1.2 r), the luma profile across the lid
// line (from .3 eye widths above the lid landmarks' line to .15 under it): `skin` the lid skin above (80th percentile
// of the rows .3-.12 above the line), `dark` the darkest row within .12 above / .06 under the line, the band the run of
// rows round it darker than half way from skin to dark. Figures per eye, median over columns: `h` the band's height
// (% of the eye's width), `depth` 1 - dark / skin, `mass` the band's summed darkness (sum of (skin - l) / skin over its
// rows, % of the eye's width: height x depth), `arch` the lid line's apex over the corners' chord (% of the eye's width), `show` the white above the iris (the lid line over the iris's top at its centre, iris
// diameters; negative: the lid covers the iris's top).
// `white` (s40): the white above the iris read off the pixels (motion/eyeWhiteShow.ts), the same ruler on the driver and ours.
// --detect (s51): ours also read by the face mesh (detectFaces on the render), the driver's ruler: our own landmarks are exact,
// the driver's a tracker's fit that reads a stare's lids short (st_happy <- lp_d6: our arch 36-41 % exact, 26-29 % detected; driver 19-31 %).
// Sheet: driver | before | this, both eyes at --zoom. Never asserts.
//   node --import tsx bench/archBand.ts lp_s42.jpg lp_d6.mp4 150,152,154,156 [out.jpg] [--before /work/main] [--seconds 8] [--fps 25] [--zoom 4] [--fit-on OPTION,...] [--detect]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { eyeWhiteShows } from '../src/motion/eyeWhiteShow.ts';
import { detectFaces } from '../src/face/detect.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const [photo, driver, list, out] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as [string, string, string, string | undefined];
const DETECT = args.includes('--detect');
const ZOOM = Number(arg('--zoom', '4')), FPS = Number(arg('--fps', '25')), SECONDS = Number(arg('--seconds', '8')), SIZE = 512;
const frameIds = list.split(',').flatMap((s) => { const [a, b, st] = s.split(/[-:]/).map(Number); return b === undefined ? [a!] : Array.from({ length: Math.floor((b - a!) / (st ?? 1)) + 1 }, (_, k) => a! + k * (st ?? 1)); });
// --fit-ab OPTION (s39, stare39): this checkout twice, the motion with that driver-fit option off | on (no --before)
const fitAb = args.includes('--fit-ab') ? arg('--fit-ab', '') : null;
const here = path.resolve(import.meta.dirname, '..');
const roots = (fitAb ? [['off', here], ['on', here]] : [...(args.includes('--before') ? [['before', path.resolve(arg('--before', ''))]] : []), ['this', here]]) as [string, string][];
type Lm = readonly (readonly number[])[];
const unflat = (lm: Float32Array): Lm => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const lumAt = (img: RgbaImage, x: number, y: number) => { const o = (Math.min(img.height - 1, Math.max(0, y)) * img.width + Math.min(img.width - 1, Math.max(0, x))) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
const median = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const pct = (v: number[], p: number) => { const s = v.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };

/** The band figures of one column's profile `prof` (luma, top down), the lid line at row index `at`, eye width ew (px). */
export function bandOfProfile(prof: number[], at: number, ew: number) {
  const skinRows = prof.slice(0, Math.max(1, Math.round(at - 0.12 * ew)));
  const skin = pct(skinRows, 0.8);
  const lo = Math.max(0, Math.round(at - 0.12 * ew)), hi = Math.min(prof.length - 1, Math.round(at + 0.06 * ew));
  let d = lo;
  for (let y = lo; y <= hi; y++) if (prof[y]! < prof[d]!) d = y;
  const dark = prof[d]!, half = (skin + dark) / 2;
  if (skin - dark < 8) return null;
  let a = d, b = d;
  while (a > 0 && prof[a - 1]! < half) a--;
  while (b < prof.length - 1 && prof[b + 1]! < half) b++;
  let mass = 0;
  for (let y = a; y <= b; y++) mass += Math.max(0, skin - prof[y]!) / skin;
  return { h: (b - a + 1) / ew, depth: 1 - dark / skin, mass: mass / ew };
}

/** Per eye: the band figures (medians over columns) and the arch's height; `lidPts` the upper lid landmarks (corner to corner). */
function eyeBand(img: RgbaImage, lidPts: [number, number][], iris: [number, number, number] | null) {
  const s = lidPts.slice().sort((a, b) => a[0] - b[0]);
  const xa = s[0]![0], xb = s.at(-1)![0], ew = Math.hypot(xb - xa, s.at(-1)![1] - s[0]![1]);
  const yAt = (x: number) => { for (let k = 0; k + 1 < s.length; k++) if (x >= s[k]![0] && x <= s[k + 1]![0]) return s[k]![1] + ((x - s[k]![0]) / Math.max(1e-6, s[k + 1]![0] - s[k]![0])) * (s[k + 1]![1] - s[k]![1]); return NaN; };
  const hs: number[] = [], ds: number[] = [], ms: number[] = [];
  for (let x = Math.ceil(xa + 0.15 * (xb - xa)); x <= Math.floor(xb - 0.15 * (xb - xa)); x++) {
    if (iris && Math.abs(x + 0.5 - iris[0]) < 1.2 * iris[2]) continue;
    const yl = yAt(x + 0.5), top = Math.floor(yl - 0.3 * ew), bottom = Math.ceil(yl + 0.15 * ew);
    const prof: number[] = [];
    for (let y = top; y <= bottom; y++) prof.push(lumAt(img, x, y));
    const b = bandOfProfile(prof, yl - top, ew);
    if (!b) continue;
    hs.push(b.h); ds.push(b.depth); ms.push(b.mass);
  }
  const chordAt = (x: number) => s[0]![1] + ((x - xa) / Math.max(1e-6, xb - xa)) * (s.at(-1)![1] - s[0]![1]);
  const arch = Math.max(...s.map(([x, y]) => chordAt(x) - y)) / ew;
  // the white above the iris: the lid line over the iris's top at its centre column, in iris diameters (scleraShow.ts's unit)
  const show = iris ? (iris[1] - iris[2] - yAt(iris[0])) / (2 * iris[2]) : NaN;
  return { h: median(hs), depth: median(ds), mass: median(ms), arch, show, cols: hs.length };
}

function irisOf(lm: Lm, upper: readonly number[]): [number, number, number] | null {
  const xs = upper.map((i) => lm[i]![0]!);
  const c = [468, 473].find((i) => lm[i] && lm[i]![0]! > Math.min(...xs) && lm[i]![0]! < Math.max(...xs));
  if (c === undefined) return null;
  const r = [1, 2, 3, 4].reduce((t, k) => t + Math.hypot(lm[c + k]![0]! - lm[c]![0]!, lm[c + k]![1]! - lm[c]![1]!), 0) / 4;
  return [lm[c]![0]!, lm[c]![1]!, r];
}
// `below` (s41, arch41): the white under the iris, the lower lid's line under the iris's bottom at its centre (iris diameters; negative: the lid covers it)
function belowIris(lm: Lm, upper: readonly number[], lower: readonly number[]): number {
  const iris = irisOf(lm, upper);
  if (!iris) return NaN;
  const s = lower.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]).sort((a, b) => a[0] - b[0]);
  for (let k = 0; k + 1 < s.length; k++) if (iris[0] >= s[k]![0] && iris[0] <= s[k + 1]![0]) {
    const y = s[k]![1] + ((iris[0] - s[k]![0]) / Math.max(1e-6, s[k + 1]![0] - s[k]![0])) * (s[k + 1]![1] - s[k]![1]);
    return (y - (iris[1] + iris[2])) / (2 * iris[2]);
  }
  return NaN;
}
// `white` (s40, stare40): the white above the iris off the pixels (motion/eyeWhiteShow.ts, the ruler the stare rule reads on the driver), on either picture
const figsOf = (img: RgbaImage, lm: Lm) => {
  const flat = Float32Array.from(lm.flatMap((p) => [p[0]!, p[1]!, 0]));
  const whites = eyeWhiteShows(img, flat);
  return [EYE_L_UPPER, EYE_R_UPPER].map((up, e) => ({ ...eyeBand(img, up.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]), irisOf(lm, up)), white: whites[e]!, below: belowIris(lm, up, e ? EYE_R_LOWER : EYE_L_LOWER) }));
};
const f2 = (v: number) => (Number.isFinite(v) ? (100 * v).toFixed(1).padStart(5) : '    -');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '  - ');
const line = (g: ReturnType<typeof figsOf>[number]) => `h ${f2(g.h)} depth ${f3(g.depth)} mass ${f2(g.mass)} arch ${f2(g.arch)} show ${f3(g.show)} white ${f3(g.white)} below ${f3(g.below)}`;

const video = driver.includes('/') ? driver : path.join(SHARED_DATA, 'video', driver);
const count = Math.max(Math.round(SECONDS * FPS), Math.max(...frameIds) + 1);
const raw = (await cachedTrack(driver, FPS)).slice(0, count);
// --fit-on a,b: driver-fit options turned on for the motion (e.g. oneEyedStare; s39 stare39: gazeLevelledStare, its first use, removed), both checkouts
const fitOn = args.includes('--fit-on') ? Object.fromEntries(arg('--fit-on', '').split(',').map((k) => [k, true])) : {};
// (with --fit-ab the 'off' run sets the option false: s40's stareFromWhite is on by default)
const frames = motionFramesFromRaw(raw, FPS, true, { fit: fitAb ? { ...fitOn, [fitAb]: false } : fitOn }).frames;
const framesOn = fitAb ? motionFramesFromRaw(raw, FPS, true, { fit: { ...fitOn, [fitAb]: true } }).frames : frames;
const boxOf = (lm: Lm, w: number, h: number): [number, number, number, number] => {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.3 * iod), bh = Math.round(bw / 3);
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
};
const W = 120 * ZOOM, H = Math.round(W / 3);
async function tile(img: RgbaImage, box: [number, number, number, number], text: string): Promise<Buffer> {
  const c = cropImage(img, box);
  const t = await sharp(Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength), { raw: { width: c.width, height: c.height, channels: 4 } }).resize(W, H, { kernel: 'lanczos3' }).removeAlpha().png().toBuffer();
  return sharp(t).composite([{ input: Buffer.from(`<svg width="${W}" height="${H}"><text x="4" y="16" font-size="14" fill="yellow" font-family="sans-serif">${text}</text></svg>`) }]).png().toBuffer();
}

const tiles = new Map<string, Buffer>();
const sums = new Map<string, number[][]>();
const add = (key: string, g: ReturnType<typeof figsOf>) => { const s = sums.get(key) ?? []; s.push(g.flatMap((e) => [e.h, e.depth, e.mass, e.arch, e.show, e.white, e.below])); sums.set(key, s); };
let k = 0;
console.log(`${photo} <- ${driver}: per eye image-right (mesh's left) | image-left; h / mass / arch in % of the eye's width`);
for await (const img of decodeVideoFrames(video, { fps: FPS, maxSide: 720, maxFrames: Math.max(...frameIds) + 1 })) {
  if (frameIds.includes(k) && raw[k]?.lm) {
    const lm = unflat(raw[k]!.lm!), g = figsOf(img, lm);
    add('driver', g);
    console.log(`f${k} driver ${g.map(line).join(' | ')}`);
    tiles.set(`driver ${k}`, await tile(copy(img), boxOf(lm, img.width, img.height), `d${k}`));
  }
  k++;
}
const portrait = await cachedPortrait(photo.includes('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
for (const [name, root] of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts')) as typeof import('../src/avatar/build.ts');
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts')) as typeof import('../src/render/renderer.ts');
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  for (const i of frameIds) {
    const f = (name === 'on' ? framesOn : frames)[i]!;
    const restF = { ...f, w: { ...f.w, eyeWideLeft: 0, eyeWideRight: 0 } };
    const rest = copy(r.render(restF)), gRest = figsOf(rest, r.landmarks(restF));
    const img = copy(r.render(f)), g = figsOf(img, r.landmarks(f));
    add(name, g); add(`${name} rest`, gRest);
    // --detect (s51, stare51): our render read by the face mesh too, the ruler the driver's figures come from (our mesh's own landmarks are exact, the driver's a tracker's fit)
    if (DETECT) { const d = (await detectFaces(img, { embedding: false }))[0]; if (d) { const gd = figsOf(img, d.landmarks); add(`${name} det`, gd); console.log(`f${i} ${(name + ' det').padEnd(6)} ${gd.map(line).join(' | ')}`); } }
    const wide = `wide ${f3(f.w.eyeWideLeft ?? 0)}/${f3(f.w.eyeWideRight ?? 0)}`;
    console.log(`f${i} ${name.padEnd(6)} ${g.map(line).join(' | ')}   ${wide}`);
    console.log(`f${i} ${(name + ' rest').padEnd(6)} ${gRest.map(line).join(' | ')}`);
    tiles.set(`${name} ${i}`, await tile(img, boxOf(r.landmarks(f), SIZE, SIZE), `${name === 'this' || name === 'on' ? 'a' : 'b'}${i}`));
  }
}
for (const [key, rows] of sums) {
  const m = rows[0]!.map((_, c) => median(rows.map((row) => row[c]!)));
  console.log(`median ${key.padEnd(12)} ${[0, 1].map((e) => `h ${f2(m[e * 7]!)} depth ${f3(m[e * 7 + 1]!)} mass ${f2(m[e * 7 + 2]!)} arch ${f2(m[e * 7 + 3]!)} show ${f3(m[e * 7 + 4]!)} white ${f3(m[e * 7 + 5]!)} below ${f3(m[e * 7 + 6]!)}`).join(' | ')} (${rows.length} frames)`);
}
if (out) {
  const cols = ['driver', ...roots.map(([n]) => n)];
  const composite: OverlayOptions[] = [];
  frameIds.forEach((i, j) => cols.forEach((c, n) => { const t = tiles.get(`${c} ${i}`); if (t) composite.push({ input: t, left: n * (W + 4), top: j * (H + 4) }); }));
  const img = sharp({ create: { width: cols.length * (W + 4) - 4, height: frameIds.length * (H + 4) - 4, channels: 3, background: '#222' } }).composite(composite);
  await (out.endsWith('.jpg') ? img.jpeg({ quality: 80 }) : img.png()).toFile(out);
}
