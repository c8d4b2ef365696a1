// s57 speckle57: the speckle where the lips meet (issue #13, critic56 "lp_s10 + vrt5 audio f37: the shut lips speckled").
// Per frame of a saved motion, rendered 512 by each --root: the fine detail in the lip-meeting band (the inner lip lines as the
// renderer places them, .1-.9 of the mouth's width, .03 IOD above the upper line to .03 below the lower one): `hf` the rms of
// luma minus its Gaussian blur (sigma 1 px), `dots` the share of band pixels more than 10 levels off it, both also over the same
// figures of the photo rendered at rest (`/rest`: 1 = as fine-grained as the picture's own lips). Also the frame's lip gap and
// the share of the photo's own mouth drawn (1 - rebuilt). `--sheet out.png`: the mouths at 3x, rest | each root per frame.
//   node --import tsx bench/lipSpeckle.ts --portrait lp_s10.jpg --motion m.json --frames 36,37,38 [--root a,b] [--sheet s.png]
//   (s59: `hard` per column (darkest - second darkest row's darkness) / darkest: 1 = a hard 1-px line, ~0 = a soft band;
//   `peak` the darkest row's share of each column's darkness, `jag` the rms px its middle strays from a 7-column mean)
//   [--set render/x.ts:xSetting.key=value] (as bench/fleckRender.ts, on every root that has the module)
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { gaussianBlur } from '../src/eval/metrics/ssim.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const here = path.resolve(import.meta.dirname, '..');
const roots = opt('--root', here).split(',').map((r) => path.resolve(r));
const file = opt('--portrait', 'lp_s10.jpg');
const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
const picks = opt('--frames', '0').split(',').flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i); });
const sheetOut = opt('--sheet', '');
const W = 512, ZOOM = Number(opt("--zoom", "3"));

interface Lines { upX: number[]; upY: number[]; loX: number[]; loY: number[]; unit: number; gap: number; keep: number }
/** y of a polyline at x (linear between points; NaN outside) */
function lineAt(xs: number[], ys: number[], x: number): number {
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i]!, b = xs[i + 1]!;
    if ((x - a) * (x - b) <= 0 && a !== b) return ys[i]! + (ys[i + 1]! - ys[i]!) * (x - a) / (b - a);
  }
  return NaN;
}
/** The band's fine-detail figures of a 512 RGBA render. */
function speckle(img: Uint8ClampedArray | Uint8Array, l: Lines): { hf: number; dots: number; n: number; bead: number; dark: number; least: number; peak: number; jag: number; hard: number } {
  const L = new Float32Array(W * W);
  for (let i = 0; i < W * W; i++) L[i] = 0.299 * img[i * 4]! + 0.587 * img[i * 4 + 1]! + 0.114 * img[i * 4 + 2]!;
  const G = gaussianBlur(L, W, W, 1, 3);
  const x0 = Math.min(l.upX[0]!, l.upX[l.upX.length - 1]!), x1 = Math.max(l.upX[0]!, l.upX[l.upX.length - 1]!);
  const m = 0.03 * l.unit;
  let s = 0, dots = 0, n = 0;
  const darkest: number[] = [], all: number[] = [], peaks: number[] = [], hards: number[] = [], mids: number[] = [];
  for (let x = Math.ceil(x0 + 0.1 * (x1 - x0)); x <= x1 - 0.1 * (x1 - x0); x++) {
    const t = lineAt(l.upX, l.upY, x + 0.5), b = lineAt(l.loX, l.loY, x + 0.5);
    if (t !== t || b !== b) continue;
    let least = 255, light = 0;
    const y0 = Math.floor(Math.min(t, b) - m), y1 = Math.ceil(Math.max(t, b) + m);
    for (let y = y0; y <= y1; y++) light = Math.max(light, L[y * W + x]!);
    // (s59) the column's darkness (lightest - luma) per row: its darkest row's share (1 = all on one row, a hard 1-px line)
    // and its centroid (the line's middle; jag below: how far it strays from its 7-column running mean, a staircase high)
    let ink = 0, top = 0, second = 0, mid = 0;
    for (let y = y0; y <= y1; y++) { const d = light - L[y * W + x]!; ink += d; if (d > top) { second = top; top = d; } else if (d > second) second = d; mid += d * (y + 0.5); }
    if (ink > 20) { peaks.push(top / ink); hards.push((top - second) / top); mids.push(mid / ink); } else mids.push(NaN);
    for (let y = y0; y <= y1; y++) {
      const d = L[y * W + x]! - G[y * W + x]!;
      s += d * d; n++; if (Math.abs(d) > 10) dots++;
      least = Math.min(least, L[y * W + x]!); all.push(L[y * W + x]!);
    }
    darkest.push(least);
  }
  // bead: the seam's darkest luma per column against its running mean over 7 columns (rms, % of the band's median luma):
  // a dotted line (dark where the slit sits on a pixel row, lighter where it straddles two) reads high, an even one low
  all.sort((a, c) => a - c);
  let e = 0;
  for (let k = 3; k + 3 < darkest.length; k++) { let mean = 0; for (let j = -3; j <= 3; j++) mean += darkest[k + j]! / 7; e += (darkest[k]! - mean) ** 2; }
  const bead = 100 * Math.sqrt(e / Math.max(1, darkest.length - 6)) / Math.max(1, all[all.length >> 1] ?? 1);
  // dark: the mean of the per-column darkest luma (a slit lightened reads higher); least: the band's darkest pixel
  const dark = darkest.reduce((p, q) => p + q, 0) / Math.max(1, darkest.length), least = Math.min(...darkest);
  let je = 0, jn = 0;
  for (let k = 3; k + 3 < mids.length; k++) {
    let mean = 0, c = 0;
    for (let j = -3; j <= 3; j++) if (mids[k + j] === mids[k + j]) { mean += mids[k + j]!; c++; }
    if (mids[k] !== mids[k] || c < 5) continue;
    je += (mids[k]! - mean / c) ** 2; jn++;
  }
  const peak = peaks.reduce((p, q) => p + q, 0) / Math.max(1, peaks.length), hard = hards.reduce((p, q) => p + q, 0) / Math.max(1, hards.length), jag = Math.sqrt(je / Math.max(1, jn));
  return { hf: Math.sqrt(s / Math.max(1, n)), dots: dots / Math.max(1, n), n, bead, dark, least, peak, jag, hard };
}

/** A 3x crop of the mouth (centred on the lines) as raw RGB. */
function crop(img: Uint8ClampedArray | Uint8Array, l: Lines, cw: number, ch: number): Buffer {
  const cx = Math.round((l.upX[0]! + l.upX[l.upX.length - 1]!) / 2 - cw / 2), cy = Math.round((l.upY[0]! + l.loY[l.loY.length - 1]!) / 2 - ch / 2);
  const out = Buffer.alloc(cw * ZOOM * ch * ZOOM * 3);
  for (let y = 0; y < ch * ZOOM; y++) for (let x = 0; x < cw * ZOOM; x++) {
    const sx = Math.min(W - 1, Math.max(0, cx + Math.floor(x / ZOOM))), sy = Math.min(W - 1, Math.max(0, cy + Math.floor(y / ZOOM)));
    for (let c = 0; c < 3; c++) out[(y * cw * ZOOM + x) * 3 + c] = img[(sy * W + sx) * 4 + c]!;
  }
  return out;
}

const tiles: Buffer[][] = [];
let cw = 0, ch = 0;
for (const [ri, root] of roots.entries()) {
  for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
    const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
    // (a root without the module, e.g. the base of a new setting, is rendered as it is)
    if (mod && !existsSync(path.join(root, 'src', mod))) { console.log(`(${path.basename(root)}: no ${mod}, --set skipped)`); continue; }
    const m = mod ? await import(pathToFileURL(path.join(root, 'src', mod)).href) : {};
    if (!m[name!] || !(key! in m[name!])) throw new Error('--set ' + args[i + 1] + ': expected render/x.ts:xSetting.key=value');
    m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
  }
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  const { MouthShader } = await import(pathToFileURL(path.join(root, 'src/render/mouth/shader.ts')).href);
  let last: Lines = { upX: [], upY: [], loX: [], loY: [], unit: 1, gap: 0, keep: 0 };
  const setLips = MouthShader.prototype.setLips, setPlacement = MouthShader.prototype.setPlacement;
  MouthShader.prototype.setLips = function (this: unknown, a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, d: ArrayLike<number>) {
    last.upX = Array.from(a); last.upY = Array.from(b); last.loX = Array.from(c); last.loY = Array.from(d);
    return setLips.call(this, a, b, c, d);
  };
  MouthShader.prototype.setPlacement = function (this: unknown, p: { unit: number; gap: number; rebuilt: number }) {
    last.unit = p.unit; last.gap = p.gap; last.keep = 1 - p.rebuilt;
    return setPlacement.call(this, p);
  };
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: W, height: W });
  const restImg = r.render(r.neutralFrame()).data;
  const rest = { ...last };
  const rs = speckle(restImg, rest);
  if (!cw) { cw = Math.round(1.5 * Math.abs(rest.upX[rest.upX.length - 1]! - rest.upX[0]!)); ch = Math.round(0.45 * cw); }
  console.log(`${path.basename(root)} ${file} rest: bead ${rs.bead.toFixed(2)} hard ${rs.hard.toFixed(2)} hf ${rs.hf.toFixed(2)} dots ${(100 * rs.dots).toFixed(1)}% (gap ${rest.gap.toFixed(3)} IOD)`);
  if (ri === 0) tiles.push([crop(restImg, rest, cw, ch)]);
  let sumHf = 0, sumDots = 0, sumBead = 0;
  for (const [k, fi] of picks.entries()) {
    const img = r.render(frames[fi]!).data;
    const s = speckle(img, last);
    sumHf += s.hf / rs.hf; sumBead += s.bead; sumDots += s.dots / Math.max(1e-6, rs.dots);
    console.log(`  f${fi} gap ${last.gap.toFixed(3)} photo ${last.keep.toFixed(2)} bead ${s.bead.toFixed(2)} dark ${s.dark.toFixed(1)} least ${s.least.toFixed(0)} hard ${s.hard.toFixed(2)} peak ${s.peak.toFixed(2)} jag ${s.jag.toFixed(3)} hf ${s.hf.toFixed(2)} (/rest ${(s.hf / rs.hf).toFixed(2)}) dots ${(100 * s.dots).toFixed(1)}% (/rest ${(s.dots / Math.max(1e-6, rs.dots)).toFixed(2)})`);
    (tiles[k + 1] ??= []).push(crop(img, last, cw, ch));
  }
  console.log(`  mean bead ${(sumBead / picks.length).toFixed(2)} (rest ${rs.bead.toFixed(2)}); mean /rest: hf ${(sumHf / picks.length).toFixed(2)} dots ${(sumDots / picks.length).toFixed(2)}`);
  MouthShader.prototype.setLips = setLips; MouthShader.prototype.setPlacement = setPlacement;
}
if (sheetOut) {
  // a block per frame (the first: the photo at rest), each root's tile under the last; --wrap blocks a row, 1 px gaps
  const tw = cw * ZOOM, th = ch * ZOOM, wrap = Number(opt('--wrap', '6')), nr = roots.length;
  const bw = tw + 2, bh = th * nr + 2, across = Math.min(wrap, tiles.length), down = Math.ceil(tiles.length / wrap);
  const sw = bw * across, sh = bh * down;
  const sheet = Buffer.alloc(sw * sh * 3, 255);
  tiles.forEach((block, b) => block.forEach((t, ri) => {
    const ox = (b % wrap) * bw, oy = Math.floor(b / wrap) * bh + ri * th;
    for (let y = 0; y < th; y++) t.copy(sheet, ((oy + y) * sw + ox) * 3, y * tw * 3, (y + 1) * tw * 3);
  }));
  await sharp(sheet, { raw: { width: sw, height: sh, channels: 3 } }).png().toFile(sheetOut);
  console.log('sheet', sheetOut, `blocks: rest, ${picks.map((f) => 'f' + f).join(', ')}; in each block top to bottom: ${roots.map((r) => path.basename(r)).join(' | ')}`);
}
