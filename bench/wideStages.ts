// Which pass draws a raised lid's look (wide27): per portrait, the eyes at rest | eyeWide W (as shipped)
// | eyeWide W with the eye texture's outside-the-opening painted magenta (magenta = the eyeball's texture
// that neither the photo nor wideEyes.ts drew) | eyeWide W without wideEyes.ts's drawing (the mesh's
// lift alone). Each crop the two eyes' box, 3x nearest. Prints per eye the dark pixels in the band the
// lid uncovered (rows above the rest render's lid line down to it, inside the rest eye's columns that
// the raised render shows as eye: luminance under 0.55 of the eye's white). Never asserts.
// --before DIR adds that checkout's eyeWide render (and its figure) after the rest column.
//   node --import tsx bench/wideStages.ts lp_s42.jpg,lp_s12.jpg OUT.jpg [--wide .5] [--root /work/main] [--before DIR]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const wide = Number(arg('--wide') ?? 0.5);
const [list, out] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const { WideEyes } = await import(pathToFileURL(path.join(root, 'src/render/wideEyes.ts')).href);
const beforeRoot = arg('--before');
const before = beforeRoot ? {
  buildAvatar: (await import(pathToFileURL(path.join(path.resolve(beforeRoot), 'src/avatar/build.ts')).href)).buildAvatar,
  createRenderer: (await import(pathToFileURL(path.join(path.resolve(beforeRoot), 'src/render/renderer.ts')).href)).createRenderer,
} : null;
const DATA = SHARED_DATA;
const SIZE = 512;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const lum = (d: Uint8ClampedArray, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** The avatar with its eye texture magenta outside both openings. */
function magenta(avatar: any): any {
  const t = avatar.eyeTexture, at = (i: number): [number, number] => [avatar.uv[i * 2], avatar.uv[i * 2 + 1]];
  const polys = [EYE_L_LOOP.map(at), EYE_R_LOOP.map(at)];
  const data = new Uint8ClampedArray(t.data);
  for (let y = 0; y < t.height; y++) for (let x = 0; x < t.width; x++) {
    if (polys.some((p) => insidePolygon(x + 0.5, y + 0.5, p))) continue;
    const o = (y * t.width + x) * 4;
    data[o] = 255; data[o + 1] = 0; data[o + 2] = 255;
  }
  return { ...avatar, eyeTexture: { ...t, data } };
}

const rows: GridCell[][] = [];
for (const file of list!.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const avatar = buildAvatar(portrait);
  const frame = (w: Record<string, number>) => ({ w, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0] as [number, number], blink: 0 });
  const w = { eyeWideLeft: wide, eyeWideRight: wide };
  const r = createRenderer(avatar, { width: SIZE, height: SIZE });
  const rest = copy(r.render(frame({})));
  const raised = copy(r.render(frame(w)));
  const old = before ? copy(before.createRenderer(before.buildAvatar(portrait), { width: SIZE, height: SIZE }).render(frame(w))) : null;
  const rm = createRenderer(magenta(avatar), { width: SIZE, height: SIZE });
  const mag = copy(rm.render(frame(w)));
  const update = WideEyes.prototype.update;
  WideEyes.prototype.update = function () {};
  const rn = createRenderer(avatar, { width: SIZE, height: SIZE });
  const noDraw = copy(rn.render(frame(w)));
  WideEyes.prototype.update = update;
  // each eye's box on screen: the rest frame's eye landmarks are the photo's, scaled as the renderer places them
  const lm = portrait.cropLandmarks as number[][];
  const sc = SIZE / portrait.image.width;
  for (const [e, loop] of [EYE_R_LOOP, EYE_L_LOOP].entries()) {
    const poly = loop.map((i) => [lm[i]![0]! * sc, lm[i]![1]! * sc] as [number, number]);
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const bw = Math.round(1.5 * (Math.max(...xs) - Math.min(...xs))), bh = Math.round(bw / 2);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2 - 0.1 * bh;
    const box: [number, number, number, number] = [Math.max(0, Math.round(cx - bw / 2)), Math.max(0, Math.round(cy - bh / 2)), bw, bh];
    // whichever face-mesh iris lies in this opening (its centre, its ring's radius)
    const c = [468, 473].find((i) => lm[i] && insidePolygon(lm[i]![0]! * sc, lm[i]![1]! * sc, poly));
    const iris = c === undefined ? null : { x: lm[c]![0]! * sc, r: Math.hypot(lm[c + 1]![0]! - lm[c]![0]!, lm[c + 1]![1]! - lm[c]![1]!) * sc };
    const f = darkBand(rest, raised, mag, poly, iris);
    const side = e ? 'image right' : 'image left';
    const fb = old ? darkBand(rest, old, mag, poly, iris) : null;
    if (fb) console.log(`${file} eyeWide ${wide} ${side} BEFORE: band ${fb.band} px, dark ${fb.dark} (${(100 * fb.dark / Math.max(1, fb.band)).toFixed(0)}%), beside the iris ${fb.sideBand} px dark ${fb.sideDark} (${(100 * fb.sideDark / Math.max(1, fb.sideBand)).toFixed(0)}%)`);
    console.log(`${file} eyeWide ${wide} ${side}: band ${f.band} px, dark ${f.dark} (${(100 * f.dark / Math.max(1, f.band)).toFixed(0)}%), beside the iris ${f.sideBand} px dark ${f.sideDark} (${(100 * f.sideDark / Math.max(1, f.sideBand)).toFixed(0)}%), magenta ${f.magenta}`);
    rows.push([
      { label: `${file} ${side} rest`, image: cropImage(rest, box) },
      ...(old && fb ? [{ label: `before: dark ${fb.dark}/${fb.band}, beside iris ${fb.sideDark}/${fb.sideBand}`, image: cropImage(old, box) }] : []),
      { label: `${old ? 'after ' : ''}eyeWide ${wide}: dark ${f.dark}/${f.band}, beside iris ${f.sideDark}/${f.sideBand}`, image: cropImage(raised, box) },
      { label: 'eye texture outside opening = magenta', image: cropImage(mag, box) },
      { label: 'no wideEyes drawing', image: cropImage(noDraw, box) },
    ]);
  }
}
const png = await labelledGrid(rows, { title: `wide stages (root ${path.basename(root)}), eyeWide ${wide}`, cellW: 300, cellH: 150 });
await sharp(png).jpeg({ quality: 85 }).toFile(out!);
console.log(`wrote ${out}`);

/**
 * The band a raised lid uncovered: pixels within the eye's columns, above the photo's lid line (the
 * opening's top at that column, rest frame) and that differ from the rest render by > 20 in luminance
 * (what moved). Dark = luminance under 0.55 of the rest eye's brightest tenth (its white).
 */
function darkBand(rest: RgbaImage, raised: RgbaImage, mag: RgbaImage, poly: [number, number][], iris: { x: number; r: number } | null) {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const lums: number[] = [];
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
    if (insidePolygon(x + 0.5, y + 0.5, poly)) lums.push(lum(rest.data, (y * rest.width + x) * 4));
  }
  lums.sort((a, b) => b - a);
  const white = lums[Math.floor(lums.length / 10)] ?? 200;
  let band = 0, dark = 0, magenta = 0, sideBand = 0, sideDark = 0;
  const x0 = Math.ceil(Math.min(...xs) + 0.15 * (Math.max(...xs) - Math.min(...xs))), x1 = Math.floor(Math.max(...xs) - 0.15 * (Math.max(...xs) - Math.min(...xs)));
  for (let x = x0; x <= x1; x++) {
    // the photo's lid line at this column: the top crossing of the opening
    let top = Infinity;
    for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) if (insidePolygon(x + 0.5, y + 0.5, poly)) { top = y; break; }
    if (!Number.isFinite(top)) continue;
    for (let y = top - 1; y >= top - 12 && y >= 0; y--) {
      const o = (y * rest.width + x) * 4;
      if (Math.abs(lum(raised.data, o) - lum(rest.data, o)) < 20) continue;
      band++;
      const isDark = lum(raised.data, o) < 0.55 * white;
      if (isDark) dark++;
      if (!iris || Math.abs(x + 0.5 - iris.x) > 1.2 * iris.r) { sideBand++; if (isDark) sideDark++; }
      if (mag.data[o]! > 200 && mag.data[o + 1]! < 80 && mag.data[o + 2]! > 200) magenta++;
    }
  }
  return { band, dark, magenta, sideBand, sideDark };
}
