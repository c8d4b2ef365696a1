// How big the open mouth is against the driver's, over a whole clip (s58 bigmouth58, #13 "oversized cartoon
// openings"). Per frame (every --step th) of a saved video motion, the driver's frame and each --root's render of
// the portrait are read by the same face mesh, and the opening is measured in inter-ocular distances (IOD):
//   gap    inner-lip gap 13-14 / IOD           width  inner corners 78-308 / IOD
//   area   the inner-lip polygon's area / IOD^2
//   dark   pixels inside that polygon darker than DARK of the lips' median luma (the lips: the ring between the
//          outer and inner polygons), / IOD^2      lit    pixels inside it lighter than the lips (teeth, lit tongue)
// Printed: per root the median and p90 of each over the driver's open frames (driver gap > --open), the
// geometric-mean ratio ours / driver per figure over those frames, the gap ratio in driver-gap bins, and with
// --per-frame every frame. --json OUT saves the per-frame table. Never asserts.
//   node --import tsx bench/openSize.ts --motion m.json --portrait lp_s9.jpg --video vrt4.mp4 [--root a,b] [--step 2]
//     [--frames 9,80] [--open .04] [--json out.json] [--per-frame] [--crops DIR]
// Also upLip / lowLip (the lips' middle thickness 0-13 / 14-17) and face (nose base 2 to chin 152), / IOD; --crops
// saves each frame's mouth as a 1.2 IOD square at 240 px (driver_f<i>.png, <root>_f<i>.png): one scale in IOD.
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const step = Number(arg('--step', '2'));
const only = arg('--frames', '').split(',').filter(Boolean).map(Number);
const openFrom = Number(arg('--open', '0.04'));
const DARK = 0.5;
type Lm = [number, number][];
export interface Size { /** the rig mesh's own gap 13-14 / IOD (renders only) */ mesh?: number; gap: number; width: number; area: number; dark: number; lit: number; upLip: number; lowLip: number; face: number }

const iodOf = (lm: Lm) => Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
const dist = (lm: Lm, a: number, b: number) => Math.hypot(lm[a]![0] - lm[b]![0], lm[a]![1] - lm[b]![1]);
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const loop = (up: number[], low: number[], lm: Lm) => [...up, ...[...low].reverse()].map((i) => lm[i]!);

/** The opening's size figures on one image with its face-mesh landmarks. */
export function sizeOf(img: RgbaImage, lm: Lm): Size {
  const W = img.width, H = img.height, iod = iodOf(lm);
  const inner = polygonMask(loop(LIPS_INNER_UPPER, LIPS_INNER_LOWER, lm), W, H);
  const outer = polygonMask(loop(LIPS_OUTER_UPPER, LIPS_OUTER_LOWER, lm), W, H);
  const lips: number[] = [];
  for (let q = 0; q < outer.length; q++) if (outer[q] && !inner[q]) lips.push(luma(img.data, q * 4));
  lips.sort((a, b) => a - b);
  const lip = lips[lips.length >> 1] ?? 128;
  let n = 0, dark = 0, lit = 0;
  for (let q = 0; q < inner.length; q++) {
    if (!inner[q]) continue;
    n++;
    const l = luma(img.data, q * 4);
    if (l < DARK * lip) dark++;
    else if (l > lip) lit++;
  }
  const i2 = iod * iod;
  // the lips' thickness in the middle (0-13, 14-17) and the lower face (nose base 2 to chin 152), / IOD
  return { gap: dist(lm, 13, 14) / iod, width: dist(lm, 78, 308) / iod, area: n / i2, dark: dark / i2, lit: lit / i2, upLip: dist(lm, 0, 13) / iod, lowLip: dist(lm, 14, 17) / iod, face: dist(lm, 2, 152) / iod };
}

async function readBack(img: RgbaImage): Promise<Lm | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  return f ? (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]) : null;
}

const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN; };
const gmean = (v: number[]) => Math.exp(v.reduce((a, x) => a + Math.log(x), 0) / Math.max(1, v.length));
const KEYS = ['gap', 'width', 'area', 'dark', 'lit', 'upLip', 'lowLip', 'face'] as const;
const cropDir = arg('--crops', '');
/** A square of 1.2 IOD round the mouth's middle at 240 px: every source at one scale in IOD. */
async function saveCrop(img: RgbaImage, lm: Lm, file: string): Promise<void> {
  const { closeUp } = await import('../src/eval/mouthRegion.ts');
  const { encodePng } = await import('../src/io/image.ts');
  const cx = 0.25 * (lm[61]![0] + lm[291]![0] + lm[13]![0] + lm[14]![0]), cy = 0.25 * (lm[61]![1] + lm[291]![1] + lm[13]![1] + lm[14]![1]), h = 0.6 * iodOf(lm);
  await writeFile(file, await encodePng(closeUp(img, [cx - h, cy - h, cx + h, cy + h], 240)));
}

const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const n = motion.frames.length;
const want = (i: number) => (only.length ? only.includes(i) : i % step === 0);
const driver = new Map<number, Size>();
let i = 0;
for await (const fr of decodeVideoFrames(arg('--video', ''), { fps: 25, maxSide: 512, maxFrames: n }) as AsyncGenerator<RgbaImage>) {
  if (want(i)) { const lm = await readBack(fr); if (lm) { driver.set(i, sizeOf(fr, lm)); if (cropDir) await saveCrop(fr, lm, path.join(cropDir, `driver_f${i}.png`)); } }
  i++;
}
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s9.jpg')));
const table: Record<string, Record<number, Size>> = { driver: Object.fromEntries(driver) };
for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const tag = path.basename(root), ours: Record<number, Size> = {};
  for (const f of driver.keys()) {
    const img: RgbaImage = r.render(motion.frames[f]!);
    const lm = await readBack(img);
    const ml = r.landmarks(motion.frames[f]!) as Lm;
    if (lm) { ours[f] = { ...sizeOf(img, lm), mesh: dist(ml, 13, 14) / iodOf(ml) }; if (cropDir) await saveCrop(img, lm, path.join(cropDir, `${tag}_f${f}.png`)); }
  }
  table[tag] = ours;
}
if (arg('--json', '')) await writeFile(arg('--json', ''), JSON.stringify(table));
const open = [...driver.entries()].filter(([, s]) => s.gap > openFrom).map(([f]) => f);
console.log(`${arg('--portrait', '')} <- ${path.basename(arg('--video', ''))}: ${driver.size} frames read, ${open.length} open (driver gap > ${openFrom})`);
for (const [tag, t] of Object.entries(table)) {
  const fs = open.filter((f) => t[f]);
  const line = KEYS.map((k) => `${k} ${pct(fs.map((f) => t[f]![k]), 0.5).toFixed(3)}/${pct(fs.map((f) => t[f]![k]), 0.9).toFixed(3)}`).join('  ');
  const ratio = tag === 'driver' ? '' : '  ratio ' + KEYS.map((k) => `${k} ${gmean(fs.filter((f) => driver.get(f)![k] > 1e-3 && t[f]![k] > 1e-3).map((f) => t[f]![k] / driver.get(f)![k])).toFixed(2)}`).join(' ');
  const bins = tag === 'driver' ? '' : '  gap ratio by driver gap ' + [[0.04, 0.1], [0.1, 0.18], [0.18, 1]].map(([a, b]) => {
    const sel = fs.filter((f) => driver.get(f)!.gap > a! && driver.get(f)!.gap <= b!);
    return `${a}-${b}: ${sel.length ? gmean(sel.map((f) => t[f]!.gap / driver.get(f)!.gap)).toFixed(2) : '-'} (${sel.length})`;
  }).join(' ');
  console.log(`${tag.padEnd(12)} p50/p90 ${line}${ratio}${bins}`);
}
if (process.argv.includes('--per-frame')) {
  for (const f of [...driver.keys()].sort((a, b) => a - b)) {
    console.log(`f${String(f).padEnd(4)} jaw ${(motion.frames[f]!.w.jawOpen ?? 0).toFixed(2)} ` + Object.entries(table).map(([tag, t]) => t[f] ? `${tag} ${t[f]!.mesh === undefined ? '' : `mesh ${t[f]!.mesh!.toFixed(3)} `}${KEYS.map((k) => t[f]![k].toFixed(3)).join(' ')}` : `${tag} -`).join(' | '));
  }
}
