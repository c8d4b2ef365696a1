// Does the blink read-back's measure call a REAL shut eye shut? Tracks the talking videos of
// ../shared/data (video/ and train/) with the face mesh as bench/blink.ts reads a render (the whole
// frame, detectFaces), finds each clip's blinks, and prints, per blink and eye, closed/open as the
// issue's measure reads it (eval/eyes.ts eyeOpenings: mean |upper - lower| of the 3 middle pairs)
// beside the sliding-robust lid gap (eyeLidGaps: point-to-polyline across the lids); open = the
// clip's median. Each measure is taken at its own most-closed frame of the blink (the best case for
// each). The eye landmarks are cached in $REAL3D_CACHE/realblinks (default: bench/benchCache.ts).
//   node --import tsx bench/realBlinks.ts [--seconds 15] [--sheet out.png] [--only a.mp4,b.mp4]
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { decodeVideoFrames, probeVideo, videoFrameAt } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, eyeLidGaps, eyeOpenings, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { BENCH_CACHE } from './benchCache.ts';

const DATA = SHARED_DATA;
const CACHE = path.join(BENCH_CACHE, 'realblinks');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const SECONDS = Number(arg('--seconds') ?? 15);
const only = arg('--only')?.split(',');
const sheetFile = arg('--sheet');
/** a blink: the eyes (mean of both) at most this share of the clip's median on either measure */
const DIP = 0.45;

const EYE_IDS = [...new Set([...EYE_L_UPPER, ...EYE_L_LOWER, ...EYE_R_UPPER, ...EYE_R_LOWER])];
type Lm = ArrayLike<ArrayLike<number>>;

/** Front-facing talking clips: video/ all; train/clips but the small-faced upper-body ones; three GRID sentences. */
function clips(): string[] {
  const list = readdirSync(path.join(DATA, 'video')).filter((f) => f.endsWith('.mp4')).map((f) => path.join(DATA, 'video', f));
  list.push(...readdirSync(path.join(DATA, 'train', 'clips')).filter((f) => f.endsWith('.mp4') && !f.startsWith('latentsync')).map((f) => path.join(DATA, 'train', 'clips', f)));
  list.push(...['bbaf2n.mp4', 'bbal6n.mp4', 'bbas1s.mp4'].map((f) => path.join(DATA, 'train', 'grid_s1', f)));
  return list.filter((f) => !only || only.includes(path.basename(f)));
}

/** Per frame, the lid landmarks (sparse: only EYE_IDS are filled), or null where no face was found. */
async function track(file: string): Promise<(Lm | null)[]> {
  const cache = path.join(CACHE, `${path.basename(file)}.${SECONDS}s.json`);
  const revive = (rows: (number[] | null)[]) => rows.map((r) => { if (!r) return null; const lm: number[][] = []; EYE_IDS.forEach((id, k) => { lm[id] = [r[2 * k]!, r[2 * k + 1]!]; }); return lm; });
  if (existsSync(cache)) return revive(JSON.parse(await readFile(cache, 'utf8')));
  const rows: (number[] | null)[] = [];
  let i = 0;
  const fps = (await probeVideo(file)).fps || 25;
  for await (const img of decodeVideoFrames(file, { maxFrames: Math.round(SECONDS * fps) })) {
    const face = (await detectFaces(img, { embedding: false, reuseBoxes: i++ === 0 ? 0 : 4 }))[0];
    rows.push(face ? EYE_IDS.flatMap((id) => [Math.round(face.landmarks[id]![0] * 100) / 100, Math.round(face.landmarks[id]![1] * 100) / 100]) : null);
  }
  await mkdir(CACHE, { recursive: true });
  await writeFile(cache + '.tmp', JSON.stringify(rows));
  await rename(cache + '.tmp', cache);
  return revive(rows);
}

/** How far the 3 middle upper lid points sit along the corner line from their lower partners (eye widths; + toward the inner corner). */
function along(lm: Lm, upper: number[], lower: number[]): number {
  const c0 = lm[upper[0]!]!, c1 = lm[upper[8]!]!;
  const w = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!) || 1;
  const tx = (c1[0]! - c0[0]!) / w, ty = (c1[1]! - c0[1]!) / w;
  let a = 0;
  for (const q of [3, 4, 5]) { const u = lm[upper[q]!]!, l = lm[lower[q]!]!; a += ((u[0]! - l[0]!) * tx + (u[1]! - l[1]!) * ty) / w; }
  return a / 3;
}
const SIDE_RINGS = [[EYE_L_UPPER, EYE_L_LOWER], [EYE_R_UPPER, EYE_R_LOWER]] as const;

const median = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s[s.length >> 1] ?? NaN; };

interface Blink { frames: number[]; orig: [number, number]; gap: [number, number]; origAt: [number, number]; gapAt: [number, number] }

/** Blinks: runs of frames (gaps of up to 2 frames bridged) where either measure, both eyes' mean, drops to DIP of its median. */
function blinks(lms: (Lm | null)[]): { list: Blink[]; med: { o: [number, number]; g: [number, number] }; series: { o: number[][]; g: number[][] } } {
  const o = lms.map((lm) => (lm ? eyeOpenings(lm) : null)), g = lms.map((lm) => (lm ? eyeLidGaps(lm) : null));
  const side = (v: typeof o, s: 'left' | 'right') => v.map((x) => (x ? x[s] : NaN));
  const series = { o: [side(o, 'left'), side(o, 'right')], g: [side(g, 'left'), side(g, 'right')] };
  const med = { o: [median(series.o[0]!), median(series.o[1]!)] as [number, number], g: [median(series.g[0]!), median(series.g[1]!)] as [number, number] };
  const low = lms.map((_, t) => (series.o[0]![t]! / med.o[0] + series.o[1]![t]! / med.o[1]) / 2 <= DIP || (series.g[0]![t]! / med.g[0] + series.g[1]![t]! / med.g[1]) / 2 <= DIP);
  const runs: number[][] = [];
  low.forEach((l, t) => { if (!l) return; const last = runs.at(-1); if (last && t - last.at(-1)! <= 3) last.push(t); else runs.push([t]); });
  const list = runs.map((frames) => {
    const span = Array.from({ length: frames.at(-1)! - frames[0]! + 1 }, (_, k) => frames[0]! + k);
    const best = (s: number[], m: number) => span.reduce((b, t) => (s[t]! / m < b.v ? { v: s[t]! / m, t } : b), { v: Infinity, t: -1 });
    const ol = best(series.o[0]!, med.o[0]), or = best(series.o[1]!, med.o[1]), gl = best(series.g[0]!, med.g[0]), gr = best(series.g[1]!, med.g[1]);
    return { frames: span, orig: [ol.v, or.v], gap: [gl.v, gr.v], origAt: [ol.t, or.t], gapAt: [gl.t, gr.t] } as Blink;
  });
  return { list, med, series };
}

function mark(img: RgbaImage, lm: Lm): RgbaImage {
  const o: RgbaImage = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
  const dot = (i: number, rgb: number[]) => { const x = Math.round(lm[i]![0]!), y = Math.round(lm[i]![1]!); if (x >= 0 && y >= 0 && x < o.width && y < o.height) o.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], (y * o.width + x) * 4); };
  for (const i of [...EYE_L_UPPER, ...EYE_R_UPPER]) dot(i, [0, 255, 0]);
  for (const i of [...EYE_L_LOWER, ...EYE_R_LOWER]) dot(i, [255, 0, 0]);
  return o;
}

const f2 = (v: number) => v.toFixed(2);
const all: { clip: string; orig: number; gap: number; origAbs: number; openAbs: number; both: boolean }[] = [];
const openTail: { orig: number[]; gap: number[] } = { orig: [], gap: [] };
const slides: { clip: string; open: number; shut: number; orig: number }[] = [];
const rows: GridCell[][] = [];
console.log('clip                              frames  median open (orig L/R | gap L/R)   blinks: frame  orig L/R  gap L/R (closed/open, each at its own most-shut frame)');
for (const file of clips()) {
  const t0 = Date.now();
  const lms = await track(file);
  const name = path.basename(file, '.mp4');
  const { list, med, series } = blinks(lms);
  const found = lms.filter(Boolean).length;
  if (found < lms.length * 0.8) { console.log(`${name.padEnd(34)}${lms.length} frames, face in ${found}: skipped`); continue; }
  // open frames well away from any blink: how low does each measure read an OPEN eye (5th percentile)?
  const near = new Set(list.flatMap((b) => b.frames.flatMap((t) => [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].map((d) => t + d))));
  for (let t = 0; t < lms.length; t++) if (lms[t] && !near.has(t)) for (const s of [0, 1]) { openTail.orig.push(series.o[s]![t]! / med.o[s]!); openTail.gap.push(series.g[s]![t]! / med.g[s]!); }
  const desc = list.map((b) => `${b.frames[0]}: ${f2(b.orig[0])}/${f2(b.orig[1])} ${f2(b.gap[0])}/${f2(b.gap[1])}`).join(' | ');
  console.log(`${name.padEnd(34)}${String(lms.length).padStart(5)}   ${med.o.map(f2).join('/')} | ${med.g.map(f2).join('/')}   ${list.length}: ${desc}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  // an eye that stayed open on both measures (a wink's other eye, a squint) is not a blink of that eye
  for (const b of list) for (const s of [0, 1] as const) if (Math.min(b.orig[s], b.gap[s]) <= 0.4) all.push({ clip: name, orig: b.orig[s], gap: b.gap[s], origAbs: b.orig[s] * med.o[s], openAbs: med.o[s], both: Math.max(b.gap[0], b.gap[1]) <= 0.15 });
  // the pairs' slide along the line: open (clip median) and at each eye's most-shut frame of blinks the lid gap calls shut (<= 0.15)
  for (const s of [0, 1] as const) {
    const [up, lo] = SIDE_RINGS[s]!;
    const openAlong = median(lms.map((lm) => (lm ? along(lm, up, lo) : NaN)));
    for (const b of list) if (b.gap[s] <= 0.15) slides.push({ clip: name, open: openAlong, shut: along(lms[b.gapAt[s]]!, up, lo), orig: b.orig[s] });
  }
  if (sheetFile && list.some((b) => Math.max(...b.gap) <= 0.15)) {
    // the deepest blink of the clip (the lid gap, worse eye): an open frame, the shut frame with its points, per eye
    const b = list.reduce((x, y) => (Math.max(...y.gap) < Math.max(...x.gap) ? y : x));
    const tOpen = Math.max(0, b.frames[0]! - 8);
    const open = await videoFrameAt(file, tOpen);
    const row: GridCell[] = [];
    for (const [k, up, lo] of [[1, EYE_R_UPPER, EYE_R_LOWER], [0, EYE_L_UPPER, EYE_L_LOWER]] as const) {
      // k: eyeOpenings' side (left = the EYE_L ring, the image-right eye); each eye at its own most-shut frame
      const tShut = b.gapAt[k];
      const shut = await videoFrameAt(file, tShut);
      const lmS = lms[tShut]!, lmO = lms[tOpen] ?? lmS;
      const box = squareBox([...up, ...lo].map((i) => lmO[i]!), 1.8, open.width, open.height);
      row.push({ label: `${name} f${tOpen} open`, image: cropImage(open, box) });
      row.push({ label: `f${tShut} orig ${f2(series.o[k]![tShut]! / med.o[k]!)} gap ${f2(series.g[k]![tShut]! / med.g[k]!)}`, image: cropImage(mark(shut, lmS), box) });
    }
    rows.push(row);
  }
}
const share = (v: number[], cut: number) => `${v.filter((x) => x > cut).length}/${v.length}`;
const pct = (v: number[], q: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(q * (s.length - 1))] ?? NaN; };
console.log(`\nblink eyes ${all.length} in ${new Set(all.map((a) => a.clip)).size} clips: read > 0.25: orig ${share(all.map((a) => a.orig), 0.25)}, gap ${share(all.map((a) => a.gap), 0.25)}; median orig ${f2(pct(all.map((a) => a.orig), 0.5))}, gap ${f2(pct(all.map((a) => a.gap), 0.5))}; 90th pct orig ${f2(pct(all.map((a) => a.orig), 0.9))}, gap ${f2(pct(all.map((a) => a.gap), 0.9))}`);
console.log(`absolute (eye widths), orig at the most-shut frame: median ${pct(all.map((a) => a.origAbs), 0.5).toFixed(3)}, 90th pct ${pct(all.map((a) => a.origAbs), 0.9).toFixed(3)}; the clips' open eyes ${pct(all.map((a) => a.openAbs), 0.1).toFixed(2)}-${pct(all.map((a) => a.openAbs), 0.9).toFixed(2)} (10th-90th pct)`);
// blinks the lid gap calls shut on both eyes (<= 0.15): how does the measure read those eyes?
const bothShut = all.filter((a) => a.both);
console.log(`both eyes shut by the lid gap (<= 0.15): ${bothShut.length} eyes in ${new Set(bothShut.map((a) => a.clip)).size} clips; issue measure > 0.25: ${share(bothShut.map((a) => a.orig), 0.25)}, median ${f2(pct(bothShut.map((a) => a.orig), 0.5))}, 90th pct ${f2(pct(bothShut.map((a) => a.orig), 0.9))}, max ${f2(pct(bothShut.map((a) => a.orig), 1))}; lid gap median ${f2(pct(bothShut.map((a) => a.gap), 0.5))}`);
const wide = all.filter((a) => a.openAbs >= 0.3), narrow = all.filter((a) => a.openAbs < 0.3);
console.log(`open eye >= 0.30 (like the failing portraits): ${wide.length} blink eyes, orig > 0.25 ${share(wide.map((a) => a.orig), 0.25)}, gap > 0.25 ${share(wide.map((a) => a.gap), 0.25)}; open eye < 0.30: orig ${share(narrow.map((a) => a.orig), 0.25)}, gap ${share(narrow.map((a) => a.gap), 0.25)}`);
// does a shut eye's slide follow the person's open-eye slide (the mesh keeping the open parametrisation)?
{
  const byClip = new Map<string, typeof slides>();
  for (const x of slides) byClip.set(x.clip, [...(byClip.get(x.clip) ?? []), x]);
  console.log('slide along the line (eye widths, upper minus lower, 3 middle pairs), per clip: open median -> shut (blinks the lid gap reads <= 0.15), orig ratio there');
  for (const [clip, v] of byClip) console.log(`  ${clip.padEnd(32)} open ${f2(median(v.map((x) => x.open)))}  shut ${f2(median(v.map((x) => x.shut)))}  orig ${f2(median(v.map((x) => x.orig)))}  (${v.length} eye-blinks)`);
  const mx = slides.reduce((a, x) => a + x.open, 0) / slides.length, my = slides.reduce((a, x) => a + x.shut, 0) / slides.length;
  const cov = slides.reduce((a, x) => a + (x.open - mx) * (x.shut - my), 0), vx = slides.reduce((a, x) => a + (x.open - mx) ** 2, 0), vy = slides.reduce((a, x) => a + (x.shut - my) ** 2, 0);
  console.log(`  all: ${slides.length} eye-blinks, shut slide = ${f2(my - (cov / vx) * mx)} + ${f2(cov / vx)} x open slide, r = ${f2(cov / Math.sqrt(vx * vy))}`);
}
console.log(`open frames (>= 6 frames from a blink), eye over its median: 5th percentile orig ${f2(pct(openTail.orig, 0.05))}, gap ${f2(pct(openTail.gap, 0.05))}; 1st orig ${f2(pct(openTail.orig, 0.01))}, gap ${f2(pct(openTail.gap, 0.01))}`);
if (sheetFile) {
  await writeFile(sheetFile, await labelledGrid(rows, { title: 'real blinks: open frame | deepest blink frame with read-back lids (green upper, red lower), image-left eye then image-right', cellW: 150, cellH: 150 }));
  console.log(`sheet: ${sheetFile}`);
}
