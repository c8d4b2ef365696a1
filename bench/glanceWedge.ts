// A hard glance's iris and white read off the picture, per eye (image-left | image-right), ours (a saved motion rendered
// by this checkout and by `--base`) against the driver's frame (its cached track's landmarks), each against its own rest
// rest (ours: the same frame with the gaze at 0; the driver's: `--drest`, a frame looking ahead). Inside the opening (the mesh's lid lines), the iris is the texels darker than
// half way from the darkest (p3) to the white (p90); per eye:
//   w / h    the iris's visible width and tallest column over the rest frame's,
//   hOpen    the iris's tallest column over the opening's height there (1: lid to lid, as a real iris at a corner),
//   full     the iris's area over w x h (a disc clipped by the lids .7-.85, a wedge ~.5),
//   dark     the iris's mean luma over the white (p90),
//   white    the non-iris texels' mean luma over the rest frame's (a fill lighter than the photo's white > 1), and its
//   flat     spread (std over the rest frame's: a flat slab < 1).
// Also a PNG of each frame's eyes, 6x: driver | ours at gaze 0 | base | this. Never asserts.
//   node --import tsx bench/glanceWedge.ts lp_s10.jpg m.motion.json lp_d14_6-12.mp4 22,24 --drest 40 [--base /work/wt/before45] [--png out.png]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import sharp, { type OverlayOptions } from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { checkoutPortraitRenderer } from './checkoutRenderer.ts';
import { cachedTrack } from './driverTracks.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { lineAt } from '../src/render/gazeCorner.ts';

const FFMPEG = path.join(process.cwd(), 'node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [file, motionPath, video, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const FR = frameList!.split(',').map(Number), FPS = Number(arg('--fps') ?? 25), REST = Number(arg('--rest') ?? 0), DREST = Number(arg('--drest') ?? REST);
const frames = (JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: MotionFrame[] }).frames;
const EYES = [[EYE_R_UPPER, EYE_R_LOWER], [EYE_L_UPPER, EYE_L_LOWER]] as const;
const ZOOM = 6;
type Img = { width: number; height: number; data: Uint8Array | Uint8ClampedArray; ch: number };
type Lm = (i: number) => [number, number];
interface Read { w: number; h: number; hOpen: number; full: number; dark: number; white: number; spread: number; box: [number, number, number, number] }

function read(img: Img, lm: Lm, upper: readonly number[], lower: readonly number[]): Read | null {
  const up = upper.map(lm), lo = lower.map(lm);
  const xa = Math.min(up[0]![0], up.at(-1)![0]), xb = Math.max(up[0]![0], up.at(-1)![0]);
  const px: { x: number; y: number; l: number }[] = [];
  const lumAt = (x: number, y: number) => { const o = (y * img.width + x) * img.ch; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
  for (let x = Math.ceil(xa); x < xb; x++) {
    const t = lineAt(up, x + 0.5), b = lineAt(lo, x + 0.5);
    // one texel in from each lid line: the lid margin and lash line are not the eye
    for (let y = Math.ceil(t + 1); y + 0.5 < b - 1; y++) px.push({ x, y, l: lumAt(x, y) });
  }
  if (px.length < 20) return null;
  const ls = px.map((p) => p.l).sort((a, b) => a - b);
  const lo3 = ls[Math.floor(0.03 * (ls.length - 1))]!, white = ls[Math.floor(0.9 * (ls.length - 1))]!, cut = (lo3 + white) / 2;
  const cols = new Map<number, number>();
  let n = 0, dl = 0, wn = 0, ws = 0, ws2 = 0, x0 = 1e9, x1 = -1e9;
  for (const p of px) {
    if (p.l < cut) { n++; dl += p.l; cols.set(p.x, (cols.get(p.x) ?? 0) + 1); x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); } else { wn++; ws += p.l; ws2 += p.l * p.l; }
  }
  let h = 0, hx = 0;
  for (const [x, c] of cols) if (c > h) { h = c; hx = x; }
  const openH = Math.max(1, lineAt(lo, hx + 0.5) - lineAt(up, hx + 0.5) - 2);
  const w = x1 >= x0 ? x1 - x0 + 1 : 0, wm = ws / Math.max(1, wn);
  const ys = [...up, ...lo].map((p) => p[1]);
  return { w, h, hOpen: h / openH, full: n / Math.max(1, w * h), dark: dl / Math.max(1, n) / white, white: wm, spread: Math.sqrt(Math.max(0, ws2 / Math.max(1, wn) - wm * wm)), box: [Math.floor(xa) - 3, Math.floor(Math.min(...ys)) - 4, Math.ceil(xb) + 3, Math.ceil(Math.max(...ys)) + 4] };
}

const fmt = (r: Read | null, rest: Read | null) => r && rest ? `w ${(r.w / rest.w).toFixed(2)} h ${(r.h / rest.h).toFixed(2)} hOpen ${r.hOpen.toFixed(2)} full ${r.full.toFixed(2)} dark ${r.dark.toFixed(2)} white ${(r.white / rest.white).toFixed(2)} flat ${(r.spread / rest.spread).toFixed(2)}` : 'shut';

const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const renderers = await Promise.all(roots.map((root) => checkoutPortraitRenderer(root, file!)));
const track = video ? await cachedTrack(video, FPS) : [];
const driverFrame = (f: number): { img: Img; lm: Lm } | null => {
  const t = track[f];
  if (!t?.lm) return null;
  const raw = execFileSync(FFMPEG, ['-loglevel', 'error', '-i', video!, '-vf', `select=gte(t\\,${(f / FPS).toFixed(4)})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 26 });
  const w = Number(arg('--video-width') ?? Math.round(Math.sqrt(raw.length / 3)));
  return { img: { width: w, height: raw.length / 3 / w, data: raw, ch: 3 }, lm: (i) => [t.lm![i * 3]!, t.lm![i * 3 + 1]!] };
};
// `still`: the frame with the gaze taken to 0 (same lids): ours' rest for that frame
const ours = (r: (typeof renderers)[number], f: number, still = false) => { const fr = still ? { ...frames[f]!, gaze: [0, 0] as [number, number], vergence: 0 } : frames[f]!; const img = r.render(fr), lms = r.landmarks(fr); return { img: { ...img, data: Uint8Array.from(img.data), ch: 4 } as Img, lm: ((i: number) => [lms[i]![0], lms[i]![1]]) as Lm }; };
const readBoth = (s: { img: Img; lm: Lm } | null) => EYES.map(([u, l]) => (s ? read(s.img, s.lm, u, l) : null));

const drvRest = video ? readBoth(driverFrame(DREST)) : [null, null];
const ourRest = renderers.map((r) => readBoth(ours(r, REST, true)));
const tiles: OverlayOptions[] = [];
let top = 0, width = 0;
const crop = async (s: { img: Img }, box: [number, number, number, number], left: number) => {
  const [a, b, c, d] = box, w = c - a, h = d - b, out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < 3; ch++) out[(y * w + x) * 3 + ch] = s.img.data[((b + y) * s.img.width + a + x) * s.img.ch + ch]!;
  tiles.push({ input: await sharp(out, { raw: { width: w, height: h, channels: 3 } }).resize(w * ZOOM, h * ZOOM, { kernel: 'nearest' }).png().toBuffer(), left, top });
  return w * ZOOM + 4;
};
for (const f of FR) {
  const lines = [`f${f} gaze ${frames[f]!.gaze?.map((g) => g.toFixed(2)).join(',')}`];
  let left = 0, rowH = 0;
  const d = video ? driverFrame(f) : null;
  if (d) {
    const r = readBoth(d);
    lines.push(`  driver   L: ${fmt(r[0]!, drvRest[0]!)}  ||  R: ${fmt(r[1]!, drvRest[1]!)}`);
    for (const e of r) if (e) { left += await crop(d, e.box, left); rowH = Math.max(rowH, (e.box[3] - e.box[1]) * ZOOM); }
    left += 12;
  }
  for (let k = 0; k < renderers.length; k++) {
    const s = ours(renderers[k]!, f), r = readBoth(s), st = ours(renderers[k]!, f, true), still = readBoth(st);
    // the first checkout's tiles start with its gaze-0 frame (the same lids)
    if (k === 0) { for (const e of still) if (e) left += await crop(st, e.box, left); left += 12; }
    lines.push(`  ${path.basename(roots[k]!).padEnd(8)} L: ${fmt(r[0]!, still[0]!)}  ||  R: ${fmt(r[1]!, still[1]!)}`);
    for (const e of r) if (e) { left += await crop(s, e.box, left); rowH = Math.max(rowH, (e.box[3] - e.box[1]) * ZOOM); }
    left += 12;
  }
  width = Math.max(width, left); top += rowH + 6;
  console.log(lines.join('\n'));
}
const restLine = (r: (Read | null)[]) => r.map((e) => e ? `w ${e.w} h ${e.h} hOpen ${e.hOpen.toFixed(2)} full ${e.full.toFixed(2)} dark ${e.dark.toFixed(2)} white ${e.white.toFixed(0)} spread ${e.spread.toFixed(1)}` : 'shut').join('  ||  ');
console.log(`rest: driver f${DREST} ${restLine(drvRest)}\n${roots.map((r, k) => `      ${path.basename(r)} f${REST} ${restLine(ourRest[k]!)}`).join('\n')}`);
if (arg('--png')) await sharp({ create: { width, height: top, channels: 3, background: '#202020' } }).composite(tiles).toFile(arg('--png')!);
