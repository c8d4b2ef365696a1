// The shut lid's seam (s51 shutlid51, #14 "shut lids as patches"): per eye drawn, on the rendered frame (512), the CIE
// L* step across the shut eye's border — the coverage the shut eye was drawn at (closedEye/draw.ts ShutEyeProbe, a render option) crossing
// .5 — inside minus outside, d = max(3 px, .08 eye widths) along the coverage's outward normal; split by where the
// border faces in the eye frame: `side` (the patch's ends, the normal within 45 deg of the corner-to-corner axis),
// `top`, `bottom` (at blink 1 the shut lash line lies inside the bottom border: that figure is mostly the line's);
// the ends only above the corners' line (below it the lash line's ends); |step| mean and signed mean; `body-ring` the mean L* where the coverage is whole minus the mean
// of the outside samples. A patch that is its frame's skin has small steps at every side.
// Frames: a saved motion's (--motion m.json --frames a,b) or the neutral frame at audio blink weights (--blinks .6,1).
// `--vs spec` (repeatable, spec as fleckRender.ts --set, `a+b` for two): a variant renderer with that change, printed
// beside the product's; `--out DIR` saves each render as PNG. Never asserts.
//   node --import tsx bench/shutSeam.ts --portrait st_happy.png --motion m.json --frames 155,156 [--vs render/closedEye/frameMatch.ts:frameMatchSetting.on=false] [--out DIR]
import path from 'node:path';
import { readFileSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { ShutEyeProbe } from '../src/render/closedEye/draw.ts';
import { applySettingSpec } from './settingSpec.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const file = opt('--portrait', 'st_happy.png'), out = opt('--out', '');
const specs = args.flatMap((a, i) => (a === '--vs' ? [args[i + 1]!] : []));
const S = 512;

const applySpec = (spec: string) => applySettingSpec(spec);

/** L* of the image at (x, y), bilinear over the 4 pixels' L*. */
function lAt(L: Float32Array, x: number, y: number): number {
  const fx = Math.min(S - 1.001, Math.max(0, x - 0.5)), fy = Math.min(S - 1.001, Math.max(0, y - 0.5));
  const ix = fx | 0, iy = fy | 0, ax = fx - ix, ay = fy - iy, p = iy * S + ix;
  return (1 - ay) * ((1 - ax) * L[p]! + ax * L[p + 1]!) + ay * ((1 - ax) * L[p + S]! + ax * L[p + S + 1]!);
}

type Seam = { side: number[]; top: number[]; bottom: number[]; body: number[]; ring: number[]; pale: number[]; dark: number[]; bodyAb: number[][]; ringAb: number[][] };
/** The seam figures of every eye the probe saw drawn. */
function seams(data: Uint8ClampedArray, cover: Float32Array, eye: Uint8Array, frames: { ox: number; oy: number; ux: number; uy: number; vx: number; vy: number; width: number }[]): Seam[] {
  const L = new Float32Array(S * S), A = new Float32Array(S * S), B = new Float32Array(S * S);
  for (let i = 0; i < S * S; i++) [L[i], A[i], B[i]] = labOf(data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!);
  const res: Seam[] = frames.map(() => ({ side: [], top: [], bottom: [], body: [], ring: [], pale: [], dark: [], bodyAb: [], ringAb: [] }));
  const m = (x: number, y: number, id: number) => (x < 0 || y < 0 || x >= S || y >= S || eye[y * S + x] !== id ? 0 : cover[y * S + x]!);
  for (let y = 1; y < S - 1; y++) {
    for (let x = 1; x < S - 1; x++) {
      const id = eye[y * S + x]!;
      if (!id) continue;
      const r = res[id - 1]!, f = frames[id - 1]!, c = cover[y * S + x]!;
      if (c >= 0.98) { r.body.push(L[y * S + x]!); r.bodyAb.push([A[y * S + x]!, B[y * S + x]!]); }
      if (c < 0.5 || Math.min(m(x - 1, y, id), m(x + 1, y, id), m(x, y - 1, id), m(x, y + 1, id)) >= 0.5) continue;
      let nx = -(m(x + 1, y, id) - m(x - 1, y, id)), ny = -(m(x, y + 1, id) - m(x, y - 1, id));
      const len = Math.hypot(nx, ny);
      if (len < 1e-6) continue;
      nx /= len; ny /= len;
      const d = Math.max(3, 0.08 * f.width);
      const inside = lAt(L, x + 0.5 - nx * d, y + 0.5 - ny * d), outside = lAt(L, x + 0.5 + nx * d, y + 0.5 + ny * d);
      r.ring.push(outside);
      { const ox = Math.min(S - 1, Math.max(0, Math.round(x + nx * d))), oy = Math.min(S - 1, Math.max(0, Math.round(y + ny * d))); r.ringAb.push([A[oy * S + ox]!, B[oy * S + ox]!]); }
      const along = Math.abs(nx * f.ux + ny * f.uy) / f.width, down = (nx * f.vx + ny * f.vy) / f.width;
      // the ends above the corners' line only: lower, the lash line's ends run into the border
      const v = ((x + 0.5 - f.ox) * f.vx + (y + 0.5 - f.oy) * f.vy) / (f.width * f.width);
      if (along >= Math.SQRT1_2) { if (v < SIDE_ABOVE) r.side.push(inside - outside); } else (down < 0 ? r.top : r.bottom).push(inside - outside);
      // s52 shutvid52: a thin line along the top border (a pale arc or a dark ring, inside or outside it): along the
      // normal over +-RIDGE_REACH eye widths, the largest rise (fall) of a point over the mean of the points RIDGE_D either side
      if (along < Math.SQRT1_2 && down < 0) {
        const w = f.width, at = (t: number) => lAt(L, x + 0.5 + nx * t * w, y + 0.5 + ny * t * w);
        let pale = 0, dark = 0;
        for (let t = -RIDGE_REACH; t <= RIDGE_REACH + 1e-6; t += 0.01) {
          const d = at(t) - (at(t - RIDGE_D) + at(t + RIDGE_D)) / 2;
          pale = Math.max(pale, d); dark = Math.max(dark, -d);
        }
        r.pale.push(pale); r.dark.push(dark);
      }
    }
  }
  return res;
}

/** The top border's thin line (s52): searched this far (eye widths) either side of it, against points this far either side of each point. */
const RIDGE_REACH = 0.12, RIDGE_D = 0.04;
/** Ends: only border pixels this far (eye widths) above the corners' line. */
const SIDE_ABOVE = -0.04;
const mean = (a: number[]) => (a.length ? a.reduce((p, q) => p + q, 0) / a.length : NaN);
const fmt = (a: number[]) => (a.length ? `${mean(a.map(Math.abs)).toFixed(1)} (${mean(a) >= 0 ? '+' : ''}${mean(a).toFixed(1)})` : '-');

const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
const motionPath = opt('--motion', '');
const picks: { name: string; frame: (n: MotionFrame) => MotionFrame }[] = motionPath
  ? (() => { const fr = (JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] }).frames; return opt('--frames', '0').split(',').map((k) => ({ name: `f${k}`, frame: () => fr[Number(k)]! })); })()
  : opt('--blinks', '1').split(',').map((w) => ({ name: `b${w}`, frame: (n: MotionFrame) => ({ ...n, blink: Number(w) }) }));
if (out) mkdirSync(out, { recursive: true });
const tag = path.basename(file, path.extname(file));
const sum: Record<string, number[][]> = {};
console.log(`${file}: per eye drawn (1 = first drawn, image-left first): L* step inside - outside, |mean| (signed mean), and body-ring`);
for (const variant of ['product', ...specs]) {
  const undo = variant === 'product' ? () => {} : await applySpec(variant);
  const r = createRenderer(avatar, { width: S, height: S });
  const name = variant === 'product' ? 'product' : variant.replace(/render\/|closedEye\/|\.ts|Setting/g, '');
  for (const p of picks) {
    const cover = new Float32Array(S * S), eye = new Uint8Array(S * S), frames: NonNullable<ShutEyeProbe['frames']> = [];
    const img = r.render(p.frame(r.neutralFrame()), { shutEyeProbe: { cover, eye, frames } });
    const res = seams(img.data, cover, eye, frames);
    res.forEach((s, e) => {
      const br = mean(s.body) - mean(s.ring);
      console.log(`${name.padEnd(24)} ${p.name.padEnd(6)} eye${e + 1}  side ${fmt(s.side).padEnd(13)} top ${fmt(s.top).padEnd(13)} bottom ${fmt(s.bottom).padEnd(13)} body-ring ${br.toFixed(1).padEnd(6)} line pale ${mean(s.pale).toFixed(1)} dark ${mean(s.dark).toFixed(1)} a*/b* body-ring ${(mean(s.bodyAb.map((q) => q[0]!)) - mean(s.ringAb.map((q) => q[0]!))).toFixed(1)}/${(mean(s.bodyAb.map((q) => q[1]!)) - mean(s.ringAb.map((q) => q[1]!))).toFixed(1)} body ${mean(s.bodyAb.map((q) => q[0]!)).toFixed(1)}/${mean(s.bodyAb.map((q) => q[1]!)).toFixed(1)}`);
      const k = `${name}`;
      (sum[k] ??= []).push([mean(s.side.map(Math.abs)), mean(s.top.map(Math.abs)), mean(s.bottom.map(Math.abs)), Math.abs(br), mean(s.pale), mean(s.dark)]);
    });
    if (out) await sharp(Buffer.from(img.data), { raw: { width: S, height: S, channels: 4 } }).png().toFile(path.join(out, `${tag}_${p.name}_${name.replace(/[^\w.=-]+/g, '_')}.png`));
  }
  undo();
}
for (const [k, rows] of Object.entries(sum)) {
  const col = (i: number) => mean(rows.map((r) => r[i]!).filter((v) => !Number.isNaN(v))).toFixed(1);
  console.log(`mean over eyes ${k.padEnd(24)} |side| ${col(0)} |top| ${col(1)} (|bottom| ${col(2)}) |body-ring| ${col(3)} line pale ${col(4)} dark ${col(5)}`);
}
