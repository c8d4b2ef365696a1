// The plate's seam at the person's hole border (the ghost outline on plain walls). Prints figures
// per portrait; never asserts.
//   node --import tsx bench/plateSeam.ts --dump [names...]      analyse once: crop, matte, invented -> cache
//   node --import tsx bench/plateSeam.ts [--root DIR] [--tag T] [names...]   plate from DIR's inpaint.ts + figures
// Figures (luminance, 3x3-smoothed so grain does not count):
//   band: mean |plate - ref| over hole pixels 1..24 px inside the border (most of it on screen beside the hair), ref = the mean of the real
//     backdrop 1..6 px outside the border within 28 px (its local level);
//   noise: the same |photo - ref| over those outside ring pixels (the backdrop's own variation);
//   ratio = band / noise: ~1 means the first 24 px of fill vary like the backdrop; a ghost is > 1.5;
//   texture: mean |3x3 - 9x9 mean| of the plate in that band / of the photo in the ring (~1: the
//     fill is as textured as the backdrop; < 1: flattened);
//   swing: max - min of the profile;
//   profile: mean signed plate - ref at depth 1..24 (a dip then bump is the ghost's shape).
//   colour (s36): mean RGB distance of the band's 3x3 colour from the local backdrop colour (colourRef: the
//     same over the outside ring: the backdrop's own); dark / pale (%): band pixels darker / lighter than the
//     local level by more than the ring's own 98th-percentile deviation + 6 levels (darkRef / paleRef: the ring's).
//   inventedStep (s38): where the hole meets invented padding (the crop past the photo), the mean |luma step| across
//     that border (2 px in to 2 px out; stepRef: the same span across the real backdrop's ring). Only photos with padding.
import path from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { RgbaImage, GrayImage } from '../src/types.ts';
import { outsidePhoto } from './outsidePhoto.ts';
import { boxBlur, dilate, distanceToOutside } from '../src/analyze/raster.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]!; args.splice(i, 2); return v; };
// --dir: where the dumped analyses and the plates go (several checkouts' runs side by side)
const DIR = path.resolve(flag('--dir', '/tmp/plate-seam'));
const CACHE = `${DIR}/cache`;
// --below-chin: the figures over the band's rows below the chin only (s37 shoulder37: what the shoulders uncover);
const belowChin = args.includes('--below-chin') ? (args.splice(args.indexOf('--below-chin'), 1), true) : false;
const dump = args.includes('--dump') ? (args.splice(args.indexOf('--dump'), 1), true) : false;
const root = path.resolve(flag('--root', HERE));
const tag = flag('--tag', root === HERE ? 'after' : 'before');
const { readdirSync } = await import('node:fs');
const names = args.length ? args : readdirSync(DATA).filter((f) => /\.(jpg|png)$/.test(f)).map((f) => f.replace(/\.\w+$/, ''));
const fileOf = (name: string) => readdirSync(DATA).find((f) => f.replace(/\.\w+$/, '') === name)!;
const png = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png();

async function load(file: string): Promise<RgbaImage> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

const lum = (img: RgbaImage) => Float32Array.from({ length: img.width * img.height }, (_, i) => 0.3 * img.data[i * 4]! + 0.59 * img.data[i * 4 + 1]! + 0.11 * img.data[i * 4 + 2]!);

function seamFigures(photo: RgbaImage, plate: RgbaImage, hole: Uint8Array, invented: Uint8Array, fromRow = 0) {
  const { width: w, height: h } = photo;
  const n = w * h;
  const inDepth = distanceToOutside((i) => !hole[i], w, h, 64), outDepth = distanceToOutside((i) => hole[i] === 1, w, h, 64);
  const nearInvented = dilate(invented, w, h, 3);
  const ring = Uint8Array.from({ length: n }, (_, i) => (!hole[i] && !nearInvented[i] && outDepth[i]! <= 6 ? 1 : 0));
  const lPhoto = boxBlur(lum(photo), w, h, 1), lPlate = boxBlur(lum(plate), w, h, 1);
  // local backdrop level: normalised box mean of ring pixels within 10 px
  const sum = boxBlur(Float32Array.from(ring, (r, i) => r * lPhoto[i]!), w, h, 28);
  const cnt = boxBlur(Float32Array.from(ring), w, h, 28);
  // texture at 2-8 px (what the border correction could flatten): |3x3 mean - 9x9 mean|
  const bandPass = (l: Float32Array) => { const c = boxBlur(l, w, h, 4); return Float32Array.from(l, (v, i) => Math.abs(v - c[i]!)); };
  const texPlate = bandPass(lPlate), texPhoto = bandPass(lPhoto);
  // the same local reference per colour channel, and the plate / photo 3x3-smoothed per channel
  const chan = (img: RgbaImage, c: number) => boxBlur(Float32Array.from({ length: n }, (_, i) => img.data[i * 4 + c]!), w, h, 1);
  const refRgb = [0, 1, 2].map((c) => { const p = chan(photo, c); return boxBlur(Float32Array.from(ring, (r, i) => r * p[i]!), w, h, 28); });
  const plateRgb = [0, 1, 2].map((c) => chan(plate, c)), photoRgb = [0, 1, 2].map((c) => chan(photo, c));
  const rgbOff = (px: Float32Array[], i: number) => Math.hypot(...[0, 1, 2].map((c) => px[c]![i]! - refRgb[c]![i]! / cnt[i]!));
  let band = 0, nb = 0, noise = 0, nn = 0, texIn = 0, texOut = 0, colIn = 0, colOut = 0;
  const devIn: number[] = [], devOut: number[] = [];
  const prof = new Float64Array(25), pn = new Float64Array(25);
  for (let i = 0; i < n; i++) {
    if (cnt[i]! * 57 * 57 < 60) continue; // too few backdrop pixels nearby
    const ref = sum[i]! / cnt[i]!;
    if (hole[i] && !invented[i] && inDepth[i]! <= 24 && i >= fromRow * w) {
      const dv = lPlate[i]! - ref;
      band += Math.abs(dv); nb++; texIn += texPlate[i]!; colIn += rgbOff(plateRgb, i); devIn.push(dv);
      const k = Math.min(24, Math.max(1, Math.round(inDepth[i]!)));
      prof[k]! += dv; pn[k]!++;
    } else if (ring[i]) { noise += Math.abs(lPhoto[i]! - ref); nn++; texOut += texPhoto[i]!; colOut += rgbOff(photoRgb, i); devOut.push(lPhoto[i]! - ref); }
  }
  // off-tone: share of band pixels darker (dark outline, smears) / lighter (pale patch) than the local
  // backdrop level by more than the backdrop's own spread allows (its 98th percentile |deviation| + 6 levels)
  const spread = [...devOut].map(Math.abs).sort((a, b) => a - b)[Math.floor(0.98 * Math.max(0, devOut.length - 1))] ?? 0;
  const share = (v: number[], f: (d: number) => boolean) => Math.round((1000 * v.filter(f).length) / Math.max(1, v.length)) / 10;
  const offTone = { dark: share(devIn, (d) => d < -spread - 6), pale: share(devIn, (d) => d > spread + 6), darkRef: share(devOut, (d) => d < -spread - 6), paleRef: share(devOut, (d) => d > spread + 6) };
  // s38 (plate38) inventedStep: where the hole meets invented padding (the crop past the photo, kept
  // as it is in the plate) the mean |luma step| across that border, 2 px in to 2 px out; ref = the same
  // 4 px span's step across the real backdrop of the ring (its own texture). A patch's edge reads high.
  let invStep = 0, invN = 0, stepRef = 0, refN = 0;
  for (let y = 2; y < h - 2; y++) for (let x = 2; x < w - 2; x++) {
    const i = y * w + x;
    for (const d of [1, -1, w, -w]) {
      if (hole[i] && !hole[i + d] && invented[i + d] && hole[i - d]) { invStep += Math.abs(lPlate[i - d]! - lPlate[i + 2 * d]!); invN++; }
      else if (ring[i] && (d === 1 || d === w) && ring[i - d] && ring[i + 2 * d]) { stepRef += Math.abs(lPhoto[i - d]! - lPhoto[i + 2 * d]!); refN++; }
    }
  }
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const inventedStep = invN ? { inventedStep: r1(invStep / invN), inventedStepPx: invN, stepRef: r1(stepRef / Math.max(1, refN)) } : {};
  const profile = Array.from(prof.slice(1), (v, k) => r1(v / Math.max(1, pn[k + 1]!)));
  return { swing: r1(Math.max(...profile) - Math.min(...profile)), band: r1(band / Math.max(1, nb)), noise: r1(noise / Math.max(1, nn)), ratio: r1(band / Math.max(1, nb) / Math.max(0.5, noise / Math.max(1, nn))), texture: r1((texIn / Math.max(1, nb)) / Math.max(0.1, texOut / Math.max(1, nn))), colour: r1(colIn / Math.max(1, nb)), colourRef: r1(colOut / Math.max(1, nn)), ...offTone, ...inventedStep, profile };
}

await mkdir(CACHE, { recursive: true });
const outDir = `${DIR}/${tag}`;
await mkdir(outDir, { recursive: true });
if (dump) {
  const { analyzePortrait } = await import(path.join(HERE, 'src/analyze/index.ts'));
  for (const name of names) {
    let p;
    try { p = await analyzePortrait(path.join(DATA, fileOf(name))); } catch (err) { console.log(name, 'skipped:', (err as Error).message.slice(0, 80)); continue; }
    const { width: w, height: h } = p.image;
    await png(p.image).toFile(`${CACHE}/${name}.crop.png`);
    await writeFile(`${CACHE}/${name}.matte.f32`, Buffer.from(p.matte.data.buffer));
    await writeFile(`${CACHE}/${name}.invented.u8`, outsidePhoto(p));
    await writeFile(`${CACHE}/${name}.chin.txt`, String(p.cropLandmarks[152]![1]));
    console.log(name, w, h);
  }
  process.exit(0);
}
const { inpaintBackground, personHole } = await import(path.join(root, 'src/analyze/inpaint.ts'));
for (const name of names) {
  if (!existsSync(`${CACHE}/${name}.crop.png`)) continue; // not analysable (no human face)
  const crop = await load(`${CACHE}/${name}.crop.png`);
  const { width: w, height: h } = crop;
  const mb = await readFile(`${CACHE}/${name}.matte.f32`);
  const matte: GrayImage = { width: w, height: h, data: new Float32Array(mb.buffer, mb.byteOffset, w * h) };
  const invented = new Uint8Array(await readFile(`${CACHE}/${name}.invented.u8`));
  // the chin's row (s37: --below-chin); a checkout before s37 ignores it
  const chin = existsSync(`${CACHE}/${name}.chin.txt`) ? Number(await readFile(`${CACHE}/${name}.chin.txt`, 'utf8')) : undefined;
  const c0 = process.cpuUsage();
  const plate: RgbaImage = inpaintBackground(crop, matte, { invented });
  const cpu = process.cpuUsage(c0);
  await png(plate).toFile(`${outDir}/${name}.plate.png`);
  console.log(JSON.stringify({ name, cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...seamFigures(crop, plate, personHole(matte), invented, belowChin && chin !== undefined ? Math.round(chin) : 0) }));
}
process.exit(0);
