// s58 photokeep58 (issue #13): does a parted photo's own mouth flick in and out in speech? Per frame of a saved motion,
// rendered 512 twice with this checkout: `bare` (the motion's speech marks removed: the photo's mouth kept wherever the gap
// is near its own) and `marked` (speechMarks.ts marks recomputed from the motion's weights, as motion/generate now write
// them). Prints per frame the mark, the gap (IOD) and the photo's share of the mouth (photo = 1 - rebuilt) for both; and per
// run: `flips` (frames whose photo share differs by > .5 from the frame before), `swing` (the mean |change| of the photo
// share frame to frame) and `box` (mean abs luma change, 0-255, of a mouth box (1.6 x the rest mouth's width, .6 tall,
// centred on the lines) between consecutive frames; the same box is read on the driver video with --driver, its mouth from
// the face tracker is not needed: pass --driver-box x,y,w,h in the driver's pixels). `--sheet s.png`: mouths at 3x, bare
// above marked, for --show frames. Last: how many frames' whole renders differ between the two (a shut photo: none).
//   node --import tsx bench/speechKeep.ts --portrait lp_s10.jpg --motion m.json [--frames 0-122] [--show 32,37,45] [--sheet s.png]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { createHash } from 'node:crypto';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { IN_SPEECH } from '../src/render/mouth/speechRebuild.ts';
import { markSpeech } from '../src/motion/speechMarks.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const frames0 = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
const range = (s: string) => s.split(',').filter(Boolean).flatMap((p) => { const [a, b] = p.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i); });
const picks = range(opt('--frames', `0-${frames0.length - 1}`)), show = new Set(range(opt('--show', '')));
const W = 512, Z = 3;
const bare = frames0.map((f) => { const w = { ...f.w }; delete w[IN_SPEECH]; return { ...f, w }; });
const marked = bare.map((f) => ({ ...f, w: { ...f.w } }));
markSpeech(marked);

let cur = { cx: 0, cy: 0, keep: 0, gap: 0 };
const setLips = MouthShader.prototype.setLips, setPlacement = MouthShader.prototype.setPlacement;
MouthShader.prototype.setLips = function (this: unknown, a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, d: ArrayLike<number>) {
  cur.cx = (a[0]! + a[a.length - 1]!) / 2; cur.cy = (b[0]! + d[d.length - 1]!) / 2;
  return setLips.call(this, a, b, c, d);
};
MouthShader.prototype.setPlacement = function (this: unknown, p: Parameters<typeof setPlacement>[0]) { cur.keep = 1 - p.rebuilt; cur.gap = p.gap; return setPlacement.call(this, p); };
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s10.jpg')))), { width: W, height: W });
r.render(r.neutralFrame());
let bw = 0, bh = 0;
// the rest mouth's width from the neutral render's lines
const restLines = await new Promise<number>((res) => { const s = MouthShader.prototype.setLips; MouthShader.prototype.setLips = function (this: unknown, a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, d: ArrayLike<number>) { res(Math.abs(a[a.length - 1]! - a[0]!)); return s.call(this, a, b, c, d); }; r.render(r.neutralFrame()); MouthShader.prototype.setLips = s; });
bw = Math.round(1.6 * restLines); bh = Math.round(0.6 * bw);
/** The mouth box as luma (and its RGB, for the sheet). */
function box(img: Uint8ClampedArray | Uint8Array): Float32Array & { rgb?: Buffer } {
  const out: Float32Array & { rgb?: Buffer } = new Float32Array(bw * bh), rgb = (out.rgb = Buffer.alloc(bw * bh * 3)), x0 = Math.round(cur.cx - bw / 2), y0 = Math.round(cur.cy - bh / 2);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    const i = (Math.min(W - 1, Math.max(0, y0 + y)) * W + Math.min(W - 1, Math.max(0, x0 + x))) * 4;
    out[y * bw + x] = 0.299 * img[i]! + 0.587 * img[i + 1]! + 0.114 * img[i + 2]!;
    for (let c = 0; c < 3; c++) rgb[(y * bw + x) * 3 + c] = img[i + c]!;
  }
  return out;
}
const tiles: (Float32Array & { rgb?: Buffer })[][] = [];
const runs: Record<string, { keep: number[]; box: number[]; hash: string[] }> = {};
const rows: string[] = picks.map((fi) => `f${fi} mark ${(marked[fi]!.w[IN_SPEECH] ?? 0).toFixed(2)}`);
for (const [name, fs] of [['bare', bare], ['marked', marked]] as const) {
  const keep: number[] = [], change: number[] = [], hash: string[] = [];
  let prev: Float32Array | null = null;
  for (const [k, fi] of picks.entries()) {
    const img = r.render(fs[fi]!).data, b = box(img);
    hash.push(createHash('sha1').update(img).digest('hex'));
    keep.push(cur.keep);
    if (prev && picks[k - 1] === fi - 1) { let s = 0; for (let i = 0; i < b.length; i++) s += Math.abs(b[i]! - prev[i]!); change.push(s / b.length); }
    prev = b;
    rows[k] += ` | ${name} gap ${cur.gap.toFixed(3)} photo ${cur.keep.toFixed(2)}`;
    if (show.has(fi)) (tiles[[...show].indexOf(fi)] ??= []).push(b);
  }
  runs[name] = { keep, box: change, hash };
}
for (const row of rows) console.log(row);
for (const [name, { keep, box: ch }] of Object.entries(runs)) {
  let flips = 0, swing = 0;
  for (let k = 1; k < keep.length; k++) { const d = Math.abs(keep[k]! - keep[k - 1]!); swing += d; if (d > 0.5) flips++; }
  console.log(`${name}: mean photo ${(keep.reduce((a, b) => a + b, 0) / keep.length).toFixed(3)} flips ${flips} swing ${(swing / Math.max(1, keep.length - 1)).toFixed(3)} box ${(ch.reduce((a, b) => a + b, 0) / Math.max(1, ch.length)).toFixed(2)} (max ${Math.max(...ch).toFixed(1)})`);
}
console.log(`frames whose whole render differs (bare vs marked): ${runs.bare!.hash.filter((h, k) => h !== runs.marked!.hash[k]).length} / ${picks.length}`);
const sheetOut = opt('--sheet', '');
if (sheetOut && tiles.length) {
  const tw = bw * Z, th = bh * Z, sw = tiles.length * (tw + 2), sh = 2 * th + 2, out = Buffer.alloc(sw * sh * 3, 255);
  tiles.forEach((pair, t) => pair.forEach((b, ri) => {
    for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++) for (let c = 0; c < 3; c++) out[((ri * (th + 2) + y) * sw + t * (tw + 2) + x) * 3 + c] = b.rgb![(Math.floor(y / Z) * bw + Math.floor(x / Z)) * 3 + c]!;
  }));
  await sharp(out, { raw: { width: sw, height: sh, channels: 3 } }).png().toFile(sheetOut);
  console.log('sheet', sheetOut, `frames ${[...show].join(', ')}; top bare, bottom marked`);
}
