// The lowered lid mid-blink as a patch? (s50 midlid50) Per eye, the L* profile down the eye's middle
// (columns u .3-.7 between the rendered corners, medians) from the brow's lower edge (0) to the upper
// lid's edge as rendered (1), in 10 bins, for a saved motion's frames on a portrait (512 render) and for
// the rest render; beside it the cheek's L* (.15-.35 eye widths under the lower lid's middle). Summaries:
//   lid    L* of the lowered lid's lower half (bins .5-1: the lid over the eyeball)
//   lid/ck that over the cheek's L* (real shut lids ~.75-.9 of the cheek's luma, docs/eyes lids19)
//   bulge  the lid's lightest bin in .5-.9 minus its darkest bin in .2-.6 (a lit bulge over a shaded crease > 0)
//   step   the largest L* change between neighbouring bins above the lash bin (a flat band's hard top edge)
//   edge   (s51 droop51) the lid's lower edge: hard = the share of its fall made in one row (1 a cut), bow = its sagitta (eye widths, + arched up)
// `--real clip:frame,...` reads real frames of the train clips (25 fps) the same way (face mesh landmarks).
// `--set render/x.ts:xSetting.key=value` as fleckRender.ts. Never asserts.
//   node --import tsx bench/midLid.ts --portrait lp_s5.jpg --motion m.json --frames 128,133 [--root CO] [--set ...]
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA, SHARED_PORTRAITS } from './sharedData.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
type Lm = ArrayLike<ArrayLike<number>>;
/** Per side (image-left eye, image-right eye): corners, upper lid, lower lid middle, brow's lower edge. */
const SIDES = [
  { outer: 33, inner: 133, upper: [33, 246, 161, 160, 159, 158, 157, 173, 133], lowerMid: 145, brow: [46, 53, 52, 65, 55] },
  { outer: 263, inner: 362, upper: [263, 466, 388, 387, 386, 385, 384, 398, 362], lowerMid: 374, brow: [276, 283, 282, 295, 285] },
];
const BINS = 10;

/** y of a polyline (points sorted by x) at x. */
function yAt(pts: number[][], x: number): number {
  const p = pts.slice().sort((a, b) => a[0]! - b[0]!);
  if (x <= p[0]![0]!) return p[0]![1]!;
  for (let k = 0; k + 1 < p.length; k++) if (x <= p[k + 1]![0]!) {
    const t = (x - p[k]![0]!) / (p[k + 1]![0]! - p[k]![0]! || 1);
    return p[k]![1]! + t * (p[k + 1]![1]! - p[k]![1]!);
  }
  return p[p.length - 1]![1]!;
}

export interface LidRead { profile: number[]; cheek: number; lid: number; bulge: number; step: number; edge: LidEdge }

/**
 * The lid's lower edge (s51 droop51): per column over the eye's middle (u .25-.75 between the corners) the row where
 * L* falls most from one row to the next within .12 eye widths over and .06 under the mesh's upper lid; `hard` the
 * median share of the column's fall (the lid's L* .04-.1 eye widths over that row minus the darkest within .1 under
 * it) made in that one row (1: a cut, a soft margin spreads it over rows); `bow` the edge's sagitta over the middle
 * columns' chord (eye widths, + arched up as a lid margin over the eyeball, 0 straight).
 */
export interface LidEdge { hard: number; bow: number }

/** LidEdge of one eye (see LidEdge); L(x, y) the image's L*. */
function readEdge(L: (x: number, y: number) => number, upper: number[][], xa: number, xb: number, ew: number): LidEdge {
  const xs: number[] = [], ys: number[] = [], hards: number[] = [];
  for (let x = Math.ceil(xa + 0.25 * (xb - xa)); x <= xb - 0.25 * (xb - xa); x++) {
    const yu = yAt(upper, x);
    let best = -Infinity, by = 0;
    for (let y = Math.round(yu - 0.12 * ew); y <= yu + 0.06 * ew; y++) {
      const d = L(x, y) - L(x, y + 1);
      if (d > best) { best = d; by = y; }
    }
    let top = 0, nTop = 0, dark = Infinity;
    for (let y = Math.round(by - 0.1 * ew); y <= by - 0.04 * ew; y++) { top += L(x, y); nTop++; }
    for (let y = by + 1; y <= by + 0.1 * ew; y++) dark = Math.min(dark, L(x, y));
    const fall = (nTop ? top / nTop : L(x, by)) - dark;
    if (fall > 2) hards.push(Math.min(1, best / fall));
    xs.push(x); ys.push(by + 0.5);
  }
  const med = (v: number[]) => v.slice().sort((a, b) => a - b)[v.length >> 1] ?? NaN;
  // sagitta: the middle third's mean edge against the chord between the outer thirds' means
  const k = Math.max(1, Math.floor(xs.length / 3));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const ends = (mean(ys.slice(0, k)) + mean(ys.slice(-k))) / 2, mid = mean(ys.slice(k, xs.length - k));
  return { hard: med(hards), bow: (ends - mid) / ew };
}

/** One eye's profile brow -> lid edge on an image with its landmarks. */
export function readLid(img: RgbaImage, lm: Lm, side: 0 | 1): LidRead {
  const s = SIDES[side]!, W = img.width;
  const L = (x: number, y: number) => { const i = (Math.round(y) * W + Math.round(x)) * 4; return labOf(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!)[0]; };
  const o = lm[s.outer]!, n = lm[s.inner]!, ew = Math.hypot(n[0]! - o[0]!, n[1]! - o[1]!);
  const upper = s.upper.map((i) => [lm[i]![0]!, lm[i]![1]!]), brow = s.brow.map((i) => [lm[i]![0]!, lm[i]![1]!]);
  const xa = Math.min(o[0]!, n[0]!), xb = Math.max(o[0]!, n[0]!);
  const bins: number[][] = Array.from({ length: BINS }, () => []);
  for (let x = Math.ceil(xa + 0.3 * (xb - xa)); x <= xb - 0.3 * (xb - xa); x++) {
    const y0 = yAt(brow, x) + 1, y1 = yAt(upper, x) - 1;
    for (let y = Math.ceil(y0); y <= y1; y++) bins[Math.min(BINS - 1, Math.floor(((y - y0) / Math.max(1, y1 - y0)) * BINS))]!.push(L(x, y));
  }
  const med = (v: number[]) => v.slice().sort((a, b) => a - b)[v.length >> 1] ?? NaN;
  const profile = bins.map(med);
  const lm0 = lm[s.lowerMid]!, cheekV: number[] = [];
  for (let dy = 0.15 * ew; dy <= 0.35 * ew; dy++) for (let dx = -0.15 * ew; dx <= 0.15 * ew; dx++) cheekV.push(L(lm0[0]! + dx, lm0[1]! + dy));
  const lower = profile.slice(BINS / 2);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const bulge = Math.max(...profile.slice(5, 9)) - Math.min(...profile.slice(2, 6));
  let step = 0;
  for (let k = 1; k < BINS - 1; k++) step = Math.max(step, Math.abs(profile[k]! - profile[k - 1]!));
  return { profile, cheek: med(cheekV), lid: mean(lower), bulge, step, edge: readEdge(L, upper, xa, xb, ew) };
}

const fmt = (r: LidRead) => `edge hard ${r.edge.hard.toFixed(2)} bow ${r.edge.bow.toFixed(3)} | lid ${r.lid.toFixed(1)} lid/ck ${(r.lid / r.cheek).toFixed(2)} bulge ${r.bulge.toFixed(1)} step ${r.step.toFixed(1)} | ${r.profile.map((v) => v.toFixed(0)).join(' ')}`;

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const real = opt('--real', '');
  if (real) {
    const { videoFrameAt } = await import('../src/io/media.ts');
    const { detectFaces } = await import('../src/face/detect.ts');
    for (const pick of real.split(',')) {
      const [clip, at] = pick.split(':');
      const file = [path.join(SHARED_DATA, 'train', 'clips', clip!), path.join(SHARED_DATA, 'video', clip!)].find((f) => existsSync(f))!;
      const frame = await videoFrameAt(file, Number(at));
      const lm = (await detectFaces(frame, { embedding: false }))[0]?.landmarks;
      if (!lm) { console.log(`${pick}: no face`); continue; }
      for (const side of [0, 1] as const) console.log(`${pick} eye ${side ? 'R' : 'L'}: ${fmt(readLid(frame, lm, side))}`);
    }
  } else {
    const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
    for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
      const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
      const m = mod ? await import(pathToFileURL(path.join(root, 'src', mod)).href) : {};
      if (!m[name!] || !(key! in m[name!])) throw new Error('--set ' + args[i + 1]);
      m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
    }
    const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
    const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
    const file = opt('--portrait', 'lp_s5.jpg');
    const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
    const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: 512, height: 512 });
    const shot = (f: MotionFrame) => ({ img: { width: 512, height: 512, data: new Uint8ClampedArray(r.render(f).data) } as RgbaImage, lm: r.landmarks(f) });
    const rest = shot(r.neutralFrame());
    for (const side of [0, 1] as const) console.log(`rest eye ${side ? 'R' : 'L'}: ${fmt(readLid(rest.img, rest.lm, side))}`);
    for (const k of opt('--frames', '0').split(',').map(Number)) {
      const f = frames[k]!, s = shot(f);
      const b = Math.max(f.blink ?? 0, f.w.eyeBlinkLeft ?? 0, f.w.eyeBlinkRight ?? 0);
      for (const side of [0, 1] as const) console.log(`f${k} b${b.toFixed(2)} eye ${side ? 'R' : 'L'}: ${fmt(readLid(s.img, s.lm, side))}`);
    }
  }
}
