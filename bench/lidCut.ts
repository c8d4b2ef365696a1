// Where a lid cuts the eye (s52 irisedge52): per eye and lid, the rendered edge between the lid and the eyeball
// over the eye's middle (columns .3-.7 of the lid's width, where the iris is), read off the pixels of a saved
// motion's frames (512 render) and of the rest render (the photo's own edge: what "soft" and "smooth" are here).
// Per column the edge is the sub-pixel row where the luma crosses halfway between the lid's level and the eyeball's
// (2-3 px either side of the smooth curve through the lid's landmarks, smoothLidLine.ts), nearest the curve
// (columns whose two levels differ by under 20 luma, or whose side's two rows differ by over .35 of that, are left out); over those columns:
//   rough  RMS (px) of the edge's offset from the curve round its median (a cut in whole rows along a sloping
//          lid ~.3, a ragged edge more, an edge on the curve ~0)
//   hard   median over columns of the largest one-row luma change near the edge over the whole change (1 a cut)
//   fleck  the lid's two pixels at the raster's cut (found by depth) lighter by over 25 luma than the lid 3 rows in:
//          the photo's catchlight or white a lowered lid carries down onto the iris (count / columns)
//   bow    the fitted quadratic's sagitta over the measured span (px; + the lid's side bulges into the eye:
//          an upper lid arched up, a lower lid sagging down), `n` the columns read.
// `--set render/x.ts:xSetting.key=value` as fleckRender.ts; `--root CO` another checkout. Never asserts.
//   node --import tsx bench/lidCut.ts --portrait lp_s7.jpg --motion m.json --frames 40,183 [--root CO] [--set ...]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { smoothLidLine } from '../src/render/smoothLidLine.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
/** image-left eye (landmarks 33..133), image-right eye (263..362); upper and lower lids corner to corner */
const EYES = [
  { name: 'L', upper: [33, 246, 161, 160, 159, 158, 157, 173, 133], lower: [33, 7, 163, 144, 145, 153, 154, 155, 133] },
  { name: 'R', upper: [263, 466, 388, 387, 386, 385, 384, 398, 362], lower: [263, 249, 390, 373, 374, 380, 381, 382, 362] },
];
const FROM = 0.3, TO = 0.7, REACH = 3, MIN_STEP = 20, FLAT = 0.35;

export interface CutFigures { n: number; rough: number; hard: number; bow: number }

function lumaAt(img: RgbaImage, x: number, y: number): number {
  const o = (y * img.width + x) * 4;
  return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!;
}

function lineAt(xs: number[], ys: number[], x: number): number {
  for (let k = 0; k + 1 < xs.length; k++) {
    const a = xs[k]!, b = xs[k + 1]!;
    if ((x < a && x < b) || (x > a && x > b)) continue;
    return b === a ? ys[k]! : ys[k]! + ((x - a) / (b - a)) * (ys[k + 1]! - ys[k]!);
  }
  return NaN;
}

/** Least-squares quadratic y = a + b t + c t^2 through (t, y). */
function quadFit(t: number[], y: number[]): [number, number, number] {
  const S = Array.from({ length: 5 }, (_, k) => t.reduce((s, v) => s + v ** k, 0));
  const T = Array.from({ length: 3 }, (_, k) => t.reduce((s, v, i) => s + y[i]! * v ** k, 0));
  const M = [[S[0]!, S[1]!, S[2]!], [S[1]!, S[2]!, S[3]!], [S[2]!, S[3]!, S[4]!]];
  const det = (m: number[][]) => m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const D = det(M);
  return [0, 1, 2].map((c) => det(M.map((row, r) => row.map((v, j) => (j === c ? T[r]! : v)))) / D) as [number, number, number];
}

/** The cut of one lid (points xs, ys on screen) over the columns FROM..TO of its width. */
export function lidCut(img: RgbaImage, xs: number[], ys: number[], below: boolean): CutFigures {
  const line = smoothLidLine(xs, ys);
  const xa = Math.min(xs[0]!, xs.at(-1)!), xb = Math.max(xs[0]!, xs.at(-1)!);
  const ts: number[] = [], offs: number[] = [], hards: number[] = [];
  const side = below ? 1 : -1; // the lid's side of the curve, in rows
  for (let x = Math.ceil(xa + FROM * (xb - xa)); x <= Math.floor(xa + TO * (xb - xa)); x++) {
    const yc = lineAt(line.xs, line.ys, x + 0.5);
    if (!Number.isFinite(yc)) continue;
    const p0 = Math.floor(yc) - REACH, p1 = Math.floor(yc) + REACH;
    if (p0 < 1 || p1 >= img.height - 1) continue;
    // the lid's and the eyeball's levels 2-3 px either side of the curve, then the 50 % crossing nearest the curve
    const at = (y: number) => lumaAt(img, x, Math.floor(y));
    const lid = (at(yc + side * 2) + at(yc + side * 3)) / 2, eye = (at(yc - side * 2) + at(yc - side * 3)) / 2;
    if (Math.abs(lid - eye) < MIN_STEP) continue;
    // each side even over its two rows (not the iris's own ring or a catchlight beside the cut)
    if (Math.abs(at(yc + side * 2) - at(yc + side * 3)) > FLAT * Math.abs(lid - eye) || Math.abs(at(yc - side * 2) - at(yc - side * 3)) > FLAT * Math.abs(lid - eye)) continue;
    const mid = (lid + eye) / 2;
    let best = NaN;
    for (let p = p0 + 1; p + 1 <= p1; p++) {
      // between row centres p + .5 and p + 1.5
      const a = lumaAt(img, x, p) - mid, b = lumaAt(img, x, p + 1) - mid;
      if (a === b || a * b > 0) continue;
      const y = p + 0.5 + a / (a - b);
      if (Number.isFinite(best) && Math.abs(y - yc) >= Math.abs(best - yc)) continue;
      best = y;
    }
    if (!Number.isFinite(best) || Math.abs(best - yc) > 2) continue;
    // the hardest one-row step over the whole change across 4 rows round the crossing
    const q = Math.floor(best - 0.5);
    let big = 0;
    for (let k = q - 1; k <= q + 1; k++) big = Math.max(big, Math.abs(lumaAt(img, x, k + 1) - lumaAt(img, x, k)));
    ts.push(x + 0.5); offs.push(best - yc); hards.push(Math.min(1, big / Math.abs(lid - eye)));
  }
  if (ts.length < 4) return { n: ts.length, rough: NaN, hard: NaN, bow: NaN };
  // off the lid's curve: the spread round the columns' median offset (a stair of whole rows, a wavy cut)
  const med = offs.slice().sort((p, q) => p - q)[offs.length >> 1]!;
  const rough = Math.sqrt(offs.reduce((s, o) => s + (o - med) ** 2, 0) / offs.length);
  const t0 = (ts[0]! + ts.at(-1)!) / 2, tt = ts.map((t) => t - t0);
  const es = ts.map((t, i) => lineAt(line.xs, line.ys, t) + offs[i]!);
  const [, , c2] = quadFit(tt, es);
  const half = (ts.at(-1)! - ts[0]!) / 2;
  const sag = c2 * half * half;
  return { n: ts.length, rough, hard: hards.sort((p, q) => p - q)[hards.length >> 1]!, bow: below ? sag : -sag };
}

/**
 * Light flecks the lid carries onto its cut: over the columns FROM..TO, the raster's cut found by depth (`depth`
 * 0..1 nearer = larger: the lid nearer than the eyeball by over .01), the lid's two pixels next to it lighter by
 * over FLECK luma than the lid FLECK_IN rows further in (the photo's catchlight or white under its lid line, carried
 * down by a lowered lid). Counted, with the columns read.
 */
export function lidFlecks(img: RgbaImage, depth: ArrayLike<number>, xs: number[], ys: number[], below: boolean): { cols: number; flecks: number } {
  const line = smoothLidLine(xs, ys);
  const xa = Math.min(xs[0]!, xs.at(-1)!), xb = Math.max(xs[0]!, xs.at(-1)!), W = img.width;
  let cols = 0, flecks = 0;
  const dir = below ? 1 : -1; // toward the lid
  for (let x = Math.ceil(xa + FROM * (xb - xa)); x <= Math.floor(xa + TO * (xb - xa)); x++) {
    const yc = lineAt(line.xs, line.ys, x + 0.5);
    if (!Number.isFinite(yc)) continue;
    let cut = -1;
    for (let p = Math.floor(yc) - REACH; p <= Math.floor(yc) + REACH; p++) {
      const lidP = below ? p + 1 : p, eyeP = below ? p : p + 1;
      if (depth[lidP * W + x]! - depth[eyeP * W + x]! > 0.01 && depth[eyeP * W + x]! > 0) { cut = lidP; break; }
    }
    if (cut < 0) continue;
    cols++;
    const ref = lumaAt(img, x, cut + dir * FLECK_IN);
    for (let k = 0; k < 2; k++) if (lumaAt(img, x, cut + dir * k) > ref + FLECK) flecks++;
  }
  return { cols, flecks };
}
const FLECK = 25, FLECK_IN = 3;

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
  const file = opt('--portrait', 'lp_s7.jpg');
  const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
  // --frames a,b,c or a-b (every frame between)
  const picks = opt('--frames', '0').split(',').flatMap((t) => { const m = /^(\d+)-(\d+)$/.exec(t); return m ? Array.from({ length: +m[2]! - +m[1]! + 1 }, (_, i) => +m[1]! + i) : [Number(t)]; });
  for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
    const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
    const m = await import(pathToFileURL(path.join(root, 'src', mod!)).href);
    if (!m[name!] || !(key! in m[name!])) throw new Error('--set ' + args[i + 1] + ': expected render/x.ts:xSetting.key=value');
    m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
  }
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: 512, height: 512 });
  const fmt = (c: CutFigures) => `n ${String(c.n).padStart(2)} rough ${c.rough.toFixed(2)} hard ${c.hard.toFixed(2)} bow ${c.bow >= 0 ? '+' : ''}${c.bow.toFixed(2)}`;
  const pooled = { upper: [] as number[], lower: [] as number[], hu: [] as number[], hl: [] as number[], fu: 0, fl: 0, cu: 0, cl: 0 };
  for (const k of [-1, ...picks]) {
    const f: MotionFrame = k < 0 ? r.neutralFrame() : frames[k]!;
    const img: RgbaImage = r.render(f);
    const copy = { width: img.width, height: img.height, data: Uint8ClampedArray.from(img.data) };
    const dm = r.depthMap().data as Float32Array;
    const lm = r.landmarks(f) as [number, number, number][];
    const cells = EYES.map((e) => {
      const up = lidCut(copy, e.upper.map((i) => lm[i]![0]), e.upper.map((i) => lm[i]![1]), false);
      const lo = lidCut(copy, e.lower.map((i) => lm[i]![0]), e.lower.map((i) => lm[i]![1]), true);
      const fu = lidFlecks(copy, dm, e.upper.map((i) => lm[i]![0]), e.upper.map((i) => lm[i]![1]), false);
      const fl = lidFlecks(copy, dm, e.lower.map((i) => lm[i]![0]), e.lower.map((i) => lm[i]![1]), true);
      if (k >= 0) { pooled.fu += fu.flecks; pooled.fl += fl.flecks; pooled.cu += fu.cols; pooled.cl += fl.cols; }
      if (k >= 0) {
        if (up.n >= 4) { pooled.upper.push(up.rough); pooled.hu.push(up.hard); }
        if (lo.n >= 4) { pooled.lower.push(lo.rough); pooled.hl.push(lo.hard); }
      }
      return `${e.name} upper ${fmt(up)} fleck ${fu.flecks}/${fu.cols} | lower ${fmt(lo)} fleck ${fl.flecks}/${fl.cols}`;
    });
    console.log(`${file} ${k < 0 ? 'rest' : 'f' + k}: ${cells.join(' || ')}`);
  }
  const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN).toFixed(2);
  console.log(`${file} frames ${picks.length} pooled (mean over eyes x frames with n >= 4): upper rough ${mean(pooled.upper)} hard ${mean(pooled.hu)} (${pooled.upper.length}) | lower rough ${mean(pooled.lower)} hard ${mean(pooled.hl)} (${pooled.lower.length}); flecks upper ${pooled.fu}/${pooled.cu} cols, lower ${pooled.fl}/${pooled.cl}`);
}
