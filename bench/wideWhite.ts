// The white of a raised eye as a viewer sees it (white37), on the render, per checkout (--before), beside the driver's:
// per eye, read with the face mesh on the picture itself (its opening, its iris),
//   behind = the white uncovered where the iris moved off (inside the iris of the same frame rendered at gaze 0, 1.15 x
//            the mesh's ring, outside this frame's iris) over the photo's white: the same frame rendered at rest (no
//            raise, no gaze: the photo's own pixels), its opening's whiter half below the iris's centre, outside the iris;
//   upper  = the white above the iris's centre (outside both irises) over that white; the driver's: over its own lower white;
//   dark   = the behind region's 20th percentile over that white (a grey wedge in it reads low);
//   ring   = the white just round the iris (1-3 px past its rim) over the white 4-7 px past it: a grey ring reads under 1.
//   grey   = (iris38) the share of the moved iris (to the mesh's radius) lighter than a third of the way from its p10 to the white: a grey ring or notch inside the iris reads high.
// Pixels 1.5 px inside the opening's outline only. Sheet: driver | before | this, both eyes 4x, one row block per frame.
// Never asserts.
//   node --import tsx bench/wideWhite.ts lp_s42.jpg lp_d6.mp4 146,151,156 out.jpg [--before /work/main] [--zoom 4] [--per-row N] [--fps 25] [--mask]
// frames: a comma list, a-b or a-b:step.
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedTrack } from './driverTracks.ts';
import { greyShare, lumaSpread } from './lumaSpread.ts';
import { cachedPortrait } from './portraitCache.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { distanceToOutline, insidePolygon } from '../src/math/polygon.ts';
import { whiteness } from '../src/render/mouth/eyeWhite.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const [photo, driver, list, out] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as [string, string, string, string];
const ZOOM = Number(arg('--zoom', '4')), FPS = Number(arg('--fps', '25')), SIZE = 512, INSET = 1.5;
const frameIds = list.split(',').flatMap((s) => { const [a, b, st] = s.split(/[-:]/).map(Number); return b === undefined ? [a!] : Array.from({ length: Math.floor((b - a!) / (st ?? 1)) + 1 }, (_, k) => a! + k * (st ?? 1)); });
const roots = [...(args.includes('--before') ? [['before', path.resolve(arg('--before', ''))]] : []), ['this', path.resolve(import.meta.dirname, '..')]] as [string, string][];
type Lm = readonly (readonly number[])[];
const unflat = (lm: Float32Array): Lm => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const lumAt = (img: RgbaImage, x: number, y: number) => { const o = (y * img.width + x) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
/** set by --mask: the pixels each figure reads painted (red behind, green lower white, blue upper white) */
let DEBUG_MASK: RgbaImage | null = null;
/** The iris the gaze moved off counts out to this share of the mesh's iris radius (the drawn disc is larger than the mesh's ring). */
const OLD_DISC = 1.15;
/** ring37: the iris's texture read inside this share of its radius (past it the limbus's dark and the edge's blend). */
const IRIS_CORE = 0.8;
const whiter = (v: { l: number; w: number }[]) => median(v.sort((a, b) => b.w - a.w).slice(0, Math.max(1, Math.round(v.length / 2))).map((p) => p.l));
const median = (v: number[]) => { const s = v.slice().sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** An eye's opening and its iris (centre, radius) on the picture, from face-mesh landmarks. */
function eyeOf(lm: Lm, loop: readonly number[]) {
  const poly = loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const c = [468, 473].find((i) => lm[i] && insidePolygon(lm[i]![0]!, lm[i]![1]!, poly));
  if (c === undefined) return { poly, iris: null };
  const r = [1, 2, 3, 4].reduce((s, k) => s + Math.hypot(lm[c + k]![0]! - lm[c]![0]!, lm[c + k]![1]! - lm[c]![1]!), 0) / 4;
  return { poly, iris: [lm[c]![0]!, lm[c]![1]!, r] as [number, number, number] };
}

/** The three figures of one eye (see the header); `old` the iris at gaze 0 (null: no behind figure). */
export function whiteFigures(img: RgbaImage, poly: [number, number][], iris: [number, number, number], old: [number, number, number] | null, refWhite?: number) {
  const [cx, cy, r] = iris;
  const behind: number[] = [], core: number[] = [], disc: number[] = [], lower: { l: number; w: number }[] = [], upper: { l: number; w: number }[] = [], near: number[] = [], far: number[] = [];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(img.height - 1, Math.ceil(Math.max(...ys))); y++) for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(img.width - 1, Math.ceil(Math.max(...xs))); x++) {
    const px = x + 0.5, py = y + 0.5;
    if (!insidePolygon(px, py, poly) || distanceToOutline(px, py, poly) < INSET) continue;
    const d = Math.hypot(px - cx, py - cy), dOld = old ? Math.hypot(px - old[0], py - old[1]) : Infinity;
    const l = lumAt(img, x, y), o = (y * img.width + x) * 4, w = whiteness([img.data[o]!, img.data[o + 1]!, img.data[o + 2]!]);
    if (d <= IRIS_CORE * r) core.push(l);
    if (d <= r) disc.push(l);
    if (d > r + 1 && d <= r + 3) near.push(l);
    if (d > r + 4 && d <= r + 7) far.push(l);
    if (d <= r + INSET) continue;
    const mark = (c: number) => { if (DEBUG_MASK) { DEBUG_MASK.data[o + c] = 255; } };
    if (old && dOld < OLD_DISC * old[2]) { behind.push(l); mark(0); }
    if (dOld > (old ? OLD_DISC * old[2] : 0) + INSET) { (py > cy ? lower : upper).push({ l, w }); mark(py > cy ? 1 : 2); }
  }
  const ref = refWhite ?? whiter(lower);
  const sorted = behind.slice().sort((a, b) => a - b);
  return { behind: behind.length >= 6 ? median(behind) / ref : NaN, dark: behind.length >= 6 ? sorted[Math.floor(0.2 * sorted.length)]! / ref : NaN, upper: upper.length >= 6 ? whiter(upper) / ref : NaN, ring: near.length >= 6 && far.length >= 6 ? median(near) / median(far) : NaN, iris: lumaSpread(core) / ref, grey: greyShare(disc, ref), ref };
}

/** Where the iris `at` (x, y, r) of picture a went in picture b: the whole-px shift within r that best matches its core (0.7 r). */
export function movedIris(a: RgbaImage, b: RgbaImage, at: [number, number, number]): [number, number, number] {
  const [cx, cy, r] = at, core: [number, number][] = [];
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < 0.7 * r) core.push([x, y]);
  let best = [0, 0], bestErr = Infinity;
  const reach = Math.ceil(r);
  for (let dy = -reach; dy <= reach; dy++) for (let dx = -reach; dx <= reach; dx++) {
    let err = 0;
    for (const [x, y] of core) { const xx = x + dx, yy = y + dy; err += xx < 0 || yy < 0 || xx >= b.width || yy >= b.height ? 1e4 : (lumAt(a, x, y) - lumAt(b, xx, yy)) ** 2; }
    if (err < bestErr) { bestErr = err; best = [dx, dy]; }
  }
  return [cx + best[0]!, cy + best[1]!, r];
}

const video = driver.includes('/') ? driver : path.join(SHARED_DATA, 'video', driver);
const last = Math.max(...frameIds);
const raw = (await cachedTrack(driver, FPS)).slice(0, last + 1);
const frames = motionFramesFromRaw(raw, FPS, true).frames;
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '  - ');
const boxOf = (lm: Lm, w: number, h: number): [number, number, number, number] => {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.3 * iod), bh = Math.round(bw / 3);
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
};
const W = 120 * ZOOM, H = Math.round(W / 3);
async function tile(img: RgbaImage, box: [number, number, number, number]): Promise<Buffer> {
  const c = cropImage(img, box);
  return sharp(Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength), { raw: { width: c.width, height: c.height, channels: 4 } }).resize(W, H, { kernel: 'lanczos3' }).removeAlpha().png().toBuffer();
}
const label = (t: string) => Buffer.from(`<svg width="${W}" height="${H}"><text x="4" y="16" font-size="14" fill="yellow" font-family="sans-serif">${t}</text></svg>`);

// driver frames and their figures
const tiles = new Map<string, Buffer>();
const driverImgs = new Map<number, RgbaImage>();
let k = 0;
for await (const img of decodeVideoFrames(video, { fps: FPS, maxSide: 720, maxFrames: last + 1 })) { if (frameIds.includes(k)) driverImgs.set(k, copy(img)); k++; }
const sums = new Map<string, number[][]>();
console.log(`${photo} <- ${driver}: per eye L | R (image-right eye first, as the mesh's): behind dark upper ring`);
for (const i of frameIds) {
  const lm = raw[i]?.lm ? unflat(raw[i]!.lm!) : null, img = driverImgs.get(i);
  if (!lm || !img) continue;
  const figs = [EYE_L_LOOP, EYE_R_LOOP].map((loop) => { const e = eyeOf(lm, loop); return e.iris ? whiteFigures(img, e.poly, e.iris, null) : null; });
  console.log(`f${i} driver  ${figs.map((g) => (g ? `   -     -  ${f3(g.upper)} ${f3(g.ring)}` : 'none')).join(' | ')}`);
  tiles.set(`driver ${i}`, await sharp(await tile(img, boxOf(lm, img.width, img.height))).composite([{ input: label(`d${i}`) }]).png().toBuffer());
}
const portrait = await cachedPortrait(photo.includes('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
for (const [name, root] of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts')) as typeof import('../src/avatar/build.ts');
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts')) as typeof import('../src/render/renderer.ts');
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  for (const i of frameIds) {
    const f = frames[i]!;
    const still: MotionFrame = { ...f, gaze: [0, 0], vergence: 0 };
    const img = copy(r.render(f));
    const at0 = copy(r.render(still));
    // the photo's own white under this frame's pose and light: the frame at rest (no raise, no gaze), its opening outside the iris
    const rest = copy(r.render({ ...still, w: { ...f.w, eyeWideLeft: 0, eyeWideRight: 0 } }));
    const lmRest: Lm = r.landmarks({ ...still, w: { ...f.w, eyeWideLeft: 0, eyeWideRight: 0 } });
    // the renderer's own landmarks (the mesh's iris is where the photo's was: the iris at gaze 0); this frame's iris
    // found by matching the gaze-0 iris's core on the picture (the face mesh read on a render misplaces irises)
    const lm: Lm = r.landmarks(f), lm0: Lm = r.landmarks(still);
    const figs = [EYE_L_LOOP, EYE_R_LOOP].map((loop) => {
      const e = eyeOf(lm, loop), e0 = eyeOf(lm0, loop);
      if (!e0.iris) return null;
      if (args.includes('--mask')) DEBUG_MASK = img;
      const er = eyeOf(lmRest, loop);
      const restFig = er.iris ? whiteFigures(rest, er.poly, er.iris, er.iris) : null;
      const fig = whiteFigures(copy(img), e.poly, movedIris(at0, img, e0.iris), e0.iris, restFig?.ref);
      DEBUG_MASK = null;
      // the same raise at gaze 0 (no moved disc) and the rest frame: is a ring the gaze's disc, the raise's drawing or the photo's
      const still0 = whiteFigures(copy(at0), e0.poly, e0.iris, null, restFig?.ref);
      return { ...fig, restIris: restFig ? restFig.iris : NaN, ring0: still0.ring, restRing: restFig ? restFig.ring : NaN };
    });
    figs.forEach((g, e) => { if (g) { const s = sums.get(`${name} ${e}`) ?? []; s.push([g.behind, g.dark, g.upper, g.ring]); sums.set(`${name} ${e}`, s); } });
    console.log(`f${i} ${name.padEnd(7)} ${figs.map((g) => (g ? `${f3(g.behind)} ${f3(g.dark)} ${f3(g.upper)} ${f3(g.ring)}` : 'none')).join(' | ')}   iris spread ${figs.map((g) => (g ? `${f3(g.iris)} [rest ${f3(g.restIris)}] grey ${f3(g.grey)}` : 'none')).join(' | ')}   ring gaze0/rest ${figs.map((g) => (g ? `${f3(g.ring0)}/${f3(g.restRing)}` : 'none')).join(' | ')}`);
    tiles.set(`${name} ${i}`, await sharp(await tile(img, boxOf(lm, SIZE, SIZE))).composite([{ input: label(`${name === 'this' ? 'a' : 'b'}${i}`) }]).png().toBuffer());
  }
}
for (const [key, rows] of sums) {
  const med = [0, 1, 2, 3].map((c) => median(rows.map((r) => r[c]!).filter(Number.isFinite)));
  console.log(`median ${key}: behind ${f3(med[0]!)} dark ${f3(med[1]!)} upper ${f3(med[2]!)} ring ${f3(med[3]!)} (${rows.length} frames)`);
}
if (out) {
  const cols = ['driver', ...roots.map(([n]) => n)];
  const perRow = Number(arg('--per-row', '1'));
  const blocks = frameIds.map((i) => cols.map((c) => tiles.get(`${c} ${i}`)));
  const bw = W * cols.length + 4 * (cols.length - 1), rowsN = Math.ceil(blocks.length / perRow);
  const composite: OverlayOptions[] = [];
  blocks.forEach((b, j) => b.forEach((t, c) => { if (t) composite.push({ input: t, left: (j % perRow) * (bw + 8) + c * (W + 4), top: Math.floor(j / perRow) * (H + 4) }); }));
  const img = sharp({ create: { width: perRow * (bw + 8) - 8, height: rowsN * (H + 4) - 4, channels: 3, background: '#222' } }).composite(composite);
  await (out.endsWith('.jpg') ? img.jpeg({ quality: 80 }) : img.png()).toFile(out);
}
