// How far down the opening our upper row hangs and how shaded its top is under the upper lip, per rendered frame of a
// motion (s41 teeth41, issue #13: mt_man + mt_sun.wav's "onset slab", lp_s12's bright arc under the moustache), read on
// the render inside the rendered mesh's lips with the tracker's own teeth test (motion/teethDepth.ts upperRowDepth;
// mouthDark.ts isTeethPixel), beside the lip gap (IOD) the mesh shows; `--video` reads a driver's real frames the same way.
// `top`: per middle column the first run of teeth from the upper lip, its first TOP_SHARE's mean luma over the run's
// brightest, the median over the columns (1: lit to the lip; the upper lip's shade lowers it); `mid`: rowStructureFigures.ts's
// mid (the row's light at .45-.65 of the half-width over its centre's). Never asserts.
// Real rows (the drivers' tracks, bench cache): depth p50 lp_d10 / lp_d6 / Katie .53 / .65 / .75 at gaps .10-.14.
//   node --import tsx bench/audioRowDepth.ts --photo mt_man.png --motion m.json --frames 5,10,16 [--root before,after] [--video lp_d10.mp4]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
import { forEachMiddlePixel, middleBox } from '../src/motion/mouthMiddle.ts';
import { isTeethPixel } from '../src/motion/mouthDark.ts';
import { rowStructure } from './rowStructureFigures.ts';

const TOP_SHARE = 0.25;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'mt_man.png'), motionPath = opt('--motion', ''), video = opt('--video', '');
const picks = opt('--frames', '5,10').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** The row's depth, its top's light over its brightest, and the lip gap on one frame with its landmarks (x, y). */
function read(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>) {
  const flat = new Float64Array(478 * 3);
  for (let k = 0; k < Math.min(478, lm.length); k++) { flat[k * 3] = lm[k]![0]!; flat[k * 3 + 1] = lm[k]![1]!; }
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  const depth = upperRowDepth(img, flat);
  const box = middleBox(img, flat), tops: number[] = [];
  if (box) {
    const w = box.x1 - box.x0 + 1, cols: { y: number; l: number; t: boolean }[][] = Array.from({ length: w }, () => []);
    forEachMiddlePixel(box, img, (q, i) => {
      const d = img.data, l = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
      cols[q % w]!.push({ y: Math.floor(q / w), l, t: isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, box.lipLight, box.lipSat) });
    });
    for (const c of cols) {
      const s = c.findIndex((p) => p.t);
      if (s < 0 || s > c.length / 2) continue;
      let e = s;
      while (e < c.length && c[e]!.t) e++;
      const run = c.slice(s, e).map((p) => p.l);
      if (run.length < 4) continue;
      const n = Math.max(1, Math.round(TOP_SHARE * run.length));
      tops.push(run.slice(0, n).reduce((a, b) => a + b, 0) / n / Math.max(...run));
    }
  }
  const row = rowStructure(img, Array.from(lm, (q) => [q[0]!, q[1]!] as [number, number]));
  return { gap, depth, top: tops.length >= 3 ? median(tops) : NaN, mid: row ? row.mid : NaN };
}
const text = (r: ReturnType<typeof read>) => `gap ${r.gap.toFixed(3)} row depth ${r.depth === null ? '-' : r.depth.toFixed(2)} top ${r.top.toFixed(2)} mid ${r.mid.toFixed(2)}`;
function summary(tag: string, rs: ReturnType<typeof read>[]) {
  for (const [lo, hi] of [[0.06, 0.1], [0.1, 0.14], [0.14, 0.18], [0.18, 0.4]] as const) {
    const v = rs.filter((r) => r.gap >= lo && r.gap < hi);
    if (v.length) console.log(`${tag.padEnd(10)} gap ${lo}-${hi}: n ${v.length} depth ${median(v.map((r) => r.depth ?? NaN).filter((x) => x === x)).toFixed(2)} top ${median(v.map((r) => r.top).filter((x) => x === x)).toFixed(2)} mid ${median(v.map((r) => r.mid).filter((x) => x === x)).toFixed(2)}`);
  }
}

if (video) {
  const rs: ReturnType<typeof read>[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    if (!lm) continue;
    const r = read(img, lm);
    console.log(`driver     f${k}: ${text(r)}`);
    rs.push(r);
  }
  summary('driver', rs);
}
if (motionPath) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, 512), tag = path.basename(root), rs: ReturnType<typeof read>[] = [];
    for (const i of picks) {
      const { f, img, meshLm } = renderedPick(r, motion.frames, i);
      const x = read(img, meshLm);
      console.log(`${tag.padEnd(10)} f${i}: jaw ${(f.w.jawOpen ?? 0).toFixed(2)} ${text(x)}`);
      rs.push(x);
    }
    summary(tag, rs);
  }
}
