// A raised lid's edge in the render (lidedge33): per portrait and eye, at rest (eyeWide 0: the photo's own lid
// line) and at eyeWide W, over the white columns of the upper lid (the middle 80 % of the eye, away from the iris),
// the lash line's centre row per column (its darkness below the straight line between the pixels REACH px above
// and below the lid landmarks' line, darkness-weighted; sub-pixel) and its RMS residual from a running straight
// line over 7 columns ("rough", px: a whole-pixel triangle edge steps it by up to 1 px), the lash line's darkness
// (median over columns of its darkest pixel over the pixel REACH below the line, "dark") and its thickness (the
// darkness's sum over its peak, px, "thick"); "edge": the same residual of where the white begins (going down from
// the darkest pixel, the crossing half way to the pixel REACH below the line). Per
// checkout (--before). wide36: the lid landmarks' line's "full"ness (area over chord x height: a tent .5, a parabola
// .67), its largest "turn" (deg) and "d2" (its y second difference, RMS % of the eye's width). --sheet out.jpg: both eyes 4x, rest | before | this per portrait. Never asserts.
//   node --import tsx bench/lidEdge.ts lp_s42.jpg,lp_s12.jpg [--wide .6] [--before /work/main] [--sheet out.jpg]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';
import { EYE_L_UPPER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { runningLineResidual } from '../src/eval/slitJag.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const wide = Number(arg('--wide') ?? 0.6);
const [list] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const roots = [...(arg('--before') ? [['before', path.resolve(arg('--before')!)]] : []), ['this', path.resolve(import.meta.dirname, '..')]] as [string, string][];
const SIZE = 512, ZOOM = 4;
/** Rows either side of the lid landmarks' line the lash line is looked for in. */
const REACH = 4;
const lum = (img: RgbaImage, x: number, y: number) => { const o = (y * img.width + x) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** The upper lid's edge in img per column of the lid line `pts` (screen px), away from the iris at (ix, iy, ir). */
function lidEdge(img: RgbaImage, pts: [number, number][], iris: [number, number, number]) {
  const s = pts.slice().sort((a, b) => a[0] - b[0]);
  const xa = s[0]![0], xb = s.at(-1)![0];
  const yAt = (x: number) => { for (let k = 0; k + 1 < s.length; k++) if (x >= s[k]![0] && x <= s[k + 1]![0]) return s[k]![1] + ((x - s[k]![0]) / Math.max(1e-6, s[k + 1]![0] - s[k]![0])) * (s[k + 1]![1] - s[k]![1]); return NaN; };
  const rows: number[] = [], edges: number[] = [], dark: number[] = [], thick: number[] = [];
  for (let x = Math.ceil(xa + 0.1 * (xb - xa)); x <= Math.floor(xb - 0.1 * (xb - xa)); x++) {
    if (Math.abs(x + 0.5 - iris[0]) < 1.3 * iris[2]) { rows.push(NaN); edges.push(NaN); continue; }
    // the lash line's darkness against the straight line between the window's ends (skin above, white below)
    const yl = yAt(x + 0.5), top = Math.floor(yl) - REACH, bottom = Math.floor(yl) + REACH;
    const a = lum(img, x, top), b = lum(img, x, bottom);
    let mass = 0, moment = 0, peak = 0, lmin = Infinity;
    for (let y = top; y <= bottom; y++) {
      const d = Math.max(0, a + ((y - top) / (bottom - top)) * (b - a) - lum(img, x, y));
      mass += d; moment += d * (y + 0.5); peak = Math.max(peak, d); lmin = Math.min(lmin, lum(img, x, y));
    }
    rows.push(peak > 8 ? moment / mass : NaN);
    // where the white begins: going down from the darkest pixel, the crossing half way to the pixel REACH below
    let yd = top;
    for (let y = top; y <= bottom; y++) if (lum(img, x, y) <= lum(img, x, yd)) yd = y;
    const half = (lum(img, x, yd) + b) / 2;
    let e = NaN;
    for (let y = yd; y < bottom; y++) { const u = lum(img, x, y), v = lum(img, x, y + 1); if (u <= half && v > half) { e = y + 0.5 + (half - u) / Math.max(1e-6, v - u); break; } }
    edges.push(peak > 8 ? e : NaN);
    dark.push(lmin / Math.max(1, b)); thick.push(peak > 8 ? mass / peak : NaN);
  }
  return { rough: runningLineResidual(rows), edge: runningLineResidual(edges), dark: med(dark), thick: med(thick), cols: rows.filter(Number.isFinite).length, lines: lidLines(img, pts) };
}

/** Valleys under this prominence (luma) are not a line. */
const LINE_PROMINENCE = 12;
/**
 * How many separate dark lines cross the lid (lash38): per column of the middle 60 % (iris included), the dark
 * valleys of prominence >= LINE_PROMINENCE from .22 of the eye's width above the lid landmarks' line to REACH px
 * under it; "lines" the share of columns with two or more (a doubled lid), "line2" their mean count.
 */
function lidLines(img: RgbaImage, pts: [number, number][]) {
  const s = pts.slice().sort((a, b) => a[0] - b[0]);
  const xa = s[0]![0], xb = s.at(-1)![0], span = 0.22 * (xb - xa);
  const yAt = (x: number) => { for (let k = 0; k + 1 < s.length; k++) if (x >= s[k]![0] && x <= s[k + 1]![0]) return s[k]![1] + ((x - s[k]![0]) / Math.max(1e-6, s[k + 1]![0] - s[k]![0])) * (s[k + 1]![1] - s[k]![1]); return NaN; };
  let two = 0, count = 0, cols = 0;
  for (let x = Math.ceil(xa + 0.2 * (xb - xa)); x <= Math.floor(xb - 0.2 * (xb - xa)); x++) {
    const yl = yAt(x + 0.5);
    const prof: number[] = [];
    for (let y = Math.floor(yl - span); y <= Math.floor(yl) + REACH; y++) prof.push(lum(img, x, y));
    let n = 0;
    for (let m = 1; m + 1 < prof.length; m++) {
      if (!(prof[m]! <= prof[m - 1]! && prof[m]! < prof[m + 1]!)) continue;
      // the highest point on each side before a lower one
      let l = prof[m]!, r = prof[m]!;
      for (let q = m - 1; q >= 0 && prof[q]! >= prof[m]!; q--) l = Math.max(l, prof[q]!);
      for (let q = m + 1; q < prof.length && prof[q]! >= prof[m]!; q++) r = Math.max(r, prof[q]!);
      if (Math.min(l, r) - prof[m]! >= LINE_PROMINENCE) n++;
    }
    cols++; count += n; if (n >= 2) two++;
  }
  return { two: two / Math.max(1, cols), mean: count / Math.max(1, cols) };
}

/**
 * The lid line's shape (wide36), on the landmarks' polyline on screen: "turn" the largest turn at one interior
 * landmark (degrees), "d2" the RMS of its y second difference (% of the eye's width), and "full" its fullness:
 * the area between the corners' chord and the line over the chord's length times the line's greatest height
 * over it (a tent with straight flanks .5, a parabola .67, a half ellipse .79: a peaked arch reads low).
 */
function lidBend(pts: [number, number][]) {
  let turn = 0, d2 = 0;
  const [a0, b0] = [pts[0]!, pts.at(-1)!];
  const width = Math.hypot(b0[0] - a0[0], b0[1] - a0[1]);
  // height above the chord (screen y down: up is positive)
  const up = (p: [number, number]) => ((b0[0] - a0[0]) * (a0[1] - p[1]) - (b0[1] - a0[1]) * (a0[0] - p[0])) / width;
  const along = (p: [number, number]) => ((p[0] - a0[0]) * (b0[0] - a0[0]) + (p[1] - a0[1]) * (b0[1] - a0[1])) / width;
  // the chord's side the line lies on (a line listed right to left has its heights negative)
  const side = Math.sign(pts.reduce((s, p) => s + up(p), 0)) || 1;
  let area = 0, top = 0;
  for (let q = 1; q < pts.length; q++) {
    area += ((side * (up(pts[q]!) + up(pts[q - 1]!))) / 2) * (along(pts[q]!) - along(pts[q - 1]!));
    top = Math.max(top, side * up(pts[q]!));
  }
  for (let q = 1; q + 1 < pts.length; q++) {
    const [a, b, c] = [pts[q - 1]!, pts[q]!, pts[q + 1]!];
    const t = Math.atan2(c[1] - b[1], c[0] - b[0]) - Math.atan2(b[1] - a[1], b[0] - a[0]);
    turn = Math.max(turn, Math.abs(Math.atan2(Math.sin(t), Math.cos(t))) * 180 / Math.PI);
    d2 += ((a[1] - 2 * b[1] + c[1]) / width) ** 2;
  }
  return { turn, d2: 100 * Math.sqrt(d2 / Math.max(1, pts.length - 2)), full: Math.abs(area) / Math.max(1e-9, width * top) };
}

const sheetRows: Buffer[][] = [];
for (const photo of list!.split(',')) {
  const p = await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo));
  const tiles: Buffer[] = [];
  for (const [k, [name, root]] of roots.entries()) {
    const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
    const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
    const r = createRenderer(buildAvatar(p), { width: SIZE, height: SIZE });
    const n = r.neutralFrame();
    const out: string[] = [];
    for (const w of k === 0 ? [0, wide] : [wide]) {
      const f = { ...n, w: { ...n.w, eyeWideLeft: w, eyeWideRight: w } };
      const lm = r.landmarks(f) as [number, number, number][];
      const img = r.render(f) as RgbaImage;
      const copy: RgbaImage = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
      const figs = [EYE_R_UPPER, EYE_L_UPPER].map((up, side) => {
        const c = side ? 473 : 468, ir = Math.hypot(lm[c + 1]![0] - lm[c]![0], lm[c + 1]![1] - lm[c]![1]);
        const e = lidEdge(copy, up.map((i) => [lm[i]![0], lm[i]![1]]), [lm[c]![0], lm[c]![1], ir]);
        const bend = lidBend(up.map((i) => [lm[i]![0], lm[i]![1]]));
        return `full ${bend.full.toFixed(2)} turn ${bend.turn.toFixed(0)} d2 ${bend.d2.toFixed(1)} rough ${e.rough.toFixed(2)} edge ${e.edge.toFixed(2)} dark ${e.dark.toFixed(2)} thick ${e.thick.toFixed(1)} lines ${e.lines.two.toFixed(2)}/${e.lines.mean.toFixed(1)} (${e.cols})`;
      });
      out.push(`${w === 0 ? 'rest   ' : name.padEnd(7)} eyeWide ${w}: ${figs.join(' | ')}`);
      const iod = Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]);
      const cx = (lm[263]![0] + lm[33]![0]) / 2, cy = (lm[263]![1] + lm[33]![1]) / 2;
      const bw = Math.round(1.4 * iod), bh = Math.round(bw / 3.5);
      tiles.push(await sharp(Buffer.from(copy.data.buffer), { raw: { width: SIZE, height: SIZE, channels: 4 } })
        .extract({ left: Math.round(cx - bw / 2), top: Math.round(cy - bh / 2 - 0.1 * bh), width: bw, height: bh })
        .resize(bw * ZOOM, bh * ZOOM, { kernel: 'nearest' }).removeAlpha().png().toBuffer());
    }
    console.log(out.map((s) => `${photo.padEnd(14)} ${s}`).join('\n'));
  }
  sheetRows.push(tiles);
}
const sheet = arg('--sheet');
if (sheet) {
  const metas = await Promise.all(sheetRows.flat().map((b) => sharp(b).metadata()));
  const W = Math.max(...metas.map((m) => m.width!)), H = Math.max(...metas.map((m) => m.height!));
  const cols = Math.max(...sheetRows.map((r) => r.length));
  await sharp({ create: { width: cols * (W + 4), height: sheetRows.length * (H + 4), channels: 3, background: '#222' } })
    .composite(sheetRows.flatMap((r, j) => r.map((b, i) => ({ input: b, left: i * (W + 4), top: j * (H + 4) })))).jpeg({ quality: 80 }).toFile(sheet);
}
