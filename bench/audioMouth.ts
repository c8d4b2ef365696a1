// The audio mouth read back like the outside critic does (issue #13, review s11 fix-first #1): a
// speaker's frame 0 driven by the speaker's own audio (static pose, seed 0), every rendered and real
// frame read with the face mesh. Per clip: rendered lip r, mean / max lip gap on loud frames, width
// over gap at open frames, loud frames shut, silent frames showing teeth, real beside ours.
//
//   node --import tsx bench/audioMouth.ts --out DIR [--seconds 6] [--case name=video[,photo=P][,audio=A]] ...
//   node --import tsx bench/audioMouth.ts --sheet OUT.png --cols real,DIR1,DIR2 [--cases a,b] [--kinds open,closure,silence,oh]
//   node --import tsx bench/audioMouth.ts --oh --out DIR --case ...   (adds the "oh" close-up to a run's cases)
//
// REAL3D_LIP_MODEL=fold1.json renders with a fold model, so a speaker it never heard is held out.
// Loud = louder than 10 dB under the clip's loudest frame; silent = 30 dB under; shut = gap < 0.03 IOD
// (the critic's figures.py). Teeth = bright, pale pixels inside the inner-lip ring over IOD^2 > 0.004.
// Each run saves 3x mouth close-ups of the real frames' most open, a closure in speech and a silence.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { setupSource, cropReal, detectOne, numberedFrames } from '../src/eval/frames.ts';
import { loadEngine, renderMotionFrame } from '../src/eval/engine.ts';
import { loudnessPerFrame } from '../src/eval/soundtrack.ts';
import { bestLagCorrelation } from '../src/eval/metrics/correlation.ts';
import { closeUp, lipGap } from '../src/eval/mouthRegion.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage, encodePng } from '../src/io/image.ts';
import type { EvalOptions } from '../src/eval/types.ts';
import type { RgbaImage } from '../src/types.ts';
import { caseArgs } from './caseArgs.ts';

type Lm = number[][];
const INNER_RING = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95];
const iod = (lm: Lm) => Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
const width = (lm: Lm) => Math.hypot(lm[61]![0]! - lm[291]![0]!, lm[61]![1]! - lm[291]![1]!) / iod(lm);

/** Even-odd point-in-polygon. */
function inside(x: number, y: number, poly: number[][]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) c = !c;
  }
  return c;
}

/** Inside the inner-lip ring: area of teeth-like pixels (bright, pale) and of dark cavity, over IOD^2. */
export function mouthInterior(img: RgbaImage, lm: Lm): { teeth: number; dark: number } {
  const poly = INNER_RING.map((k) => lm[k]!);
  const xs = poly.map((p) => p[0]!), ys = poly.map((p) => p[1]!);
  let teeth = 0, dark = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) {
    for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      if (x < 0 || y < 0 || x >= img.width || y >= img.height || !inside(x + 0.5, y + 0.5, poly)) continue;
      const o = (y * img.width + x) * 4, r = img.data[o]!, g = img.data[o + 1]!, b = img.data[o + 2]!;
      const luma = 0.299 * r + 0.587 * g + 0.114 * b, hi = Math.max(r, g, b), lo = Math.min(r, g, b);
      if (luma > 140 && (hi - lo) / hi < 0.35) teeth++;
      if (luma < 60) dark++;
    }
  }
  const a = iod(lm) ** 2;
  return { teeth: teeth / a, dark: dark / a };
}

interface Row { gap: number | null; width: number | null; teeth: number | null; dark: number | null; lm: Lm | null }
const readRow = (img: RgbaImage, lm: Lm | null): Row => (lm ? { gap: lipGap(lm as never), width: width(lm), ...mouthInterior(img, lm), lm } : { gap: null, width: null, teeth: null, dark: null, lm: null });

const TEETH_SEEN = 0.004, SHUT = 0.03;
const mean = (a: number[]) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : NaN);

/** The critic's figures of one mouth track against loudness (dB under the clip max). */
export function mouthFigures(rows: Row[], db: number[]) {
  const loud = rows.filter((r, i) => r.gap !== null && db[i]! > -10);
  const silent = rows.filter((r, i) => r.gap !== null && db[i]! < -30);
  const open = rows.filter((r) => r.gap !== null && r.gap > 0.1);
  return {
    loudMean: mean(loud.map((r) => r.gap!)),
    max: Math.max(...rows.map((r) => r.gap ?? 0)),
    widthOverGap: mean(open.map((r) => r.width! / r.gap!)),
    loudShut: mean(loud.map((r) => (r.gap! < SHUT ? 1 : 0))),
    silentTeeth: mean(silent.map((r) => (r.teeth! > TEETH_SEEN ? 1 : 0))),
    openDark: mean(open.map((r) => r.dark!)),
    loudFrames: loud.length,
    silentFrames: silent.length,
    ...widthFigures(rows, db),
  };
}

/** Mouth width (corner distance / IOD) over speech frames (within 30 dB of the loudest): median and sd (critic15: Obama sd .031 vs real .065). */
export function widthFigures(rows: Row[], db: number[]) {
  const w = rows.filter((r, i) => r.width !== null && db[i]! > -30).map((r) => r.width!).sort((a, b) => a - b);
  const m = mean(w);
  return { widthMedian: w[Math.floor(w.length / 2)] ?? NaN, widthSd: Math.sqrt(mean(w.map((v) => (v - m) ** 2))) };
}

/** Frames for the close-ups, chosen on the real speaker: the most open, the loud-ish frame most shut, the quietest. */
function pickFrames(real: Row[], db: number[]): Record<string, number> {
  const idx = real.map((_, i) => i).filter((i) => real[i]!.gap !== null && i > 0);
  const by = (f: (i: number) => number) => idx.reduce((b, i) => (f(i) > f(b) ? i : b), idx[0]!);
  return { open: by((i) => real[i]!.gap!), closure: by((i) => (db[i]! > -15 ? -real[i]!.gap! : -1)), silence: by((i) => -db[i]!) };
}

async function saveCrop(img: RgbaImage, lm: Lm | null, file: string, size = 240): Promise<void> {
  // one scale for real and ours: a square of 1.1 IOD around the lips' centre
  const c = lm ? [61, 291, 13, 14].reduce((a, k) => [a[0]! + lm[k]![0]! / 4, a[1]! + lm[k]![1]! / 4], [0, 0]) : [img.width / 2, img.height * 0.7];
  const h = lm ? 0.55 * iod(lm) : img.width * 0.2;
  const box: [number, number, number, number] = [c[0]! - h, c[1]! - h, c[0]! + h, c[1]! + h];
  writeFileSync(file, await encodePng(closeUp(img, box, size)));
}

async function runCase(name: string, video: string, outDir: string, seconds: number, photo?: string, audio?: string): Promise<void> {
  const o: EvalOptions = { video, mode: 'audio', frame: 0, maxSeconds: seconds, fps: 25, detectEvery: 1, sheetColumns: 0, thumb: 64 };
  const src = await setupSource(o, () => {});
  const portrait = photo ? await analyzePortrait(await loadImage(photo)) : src.portrait;
  const engine = await loadEngine();
  const motion = await engine.motionFromAudio!(audio ?? video, { fps: 25 });
  const renderer = engine.makeRenderer!(portrait, src.size);
  const frames = Math.min(src.maxFrames, motion.frames.length);
  const db = Array.from(await loudnessPerFrame(audio ?? video, 25, frames)).map((v) => 20 * v);
  const top = Math.max(...db);
  for (let i = 0; i < db.length; i++) db[i] = db[i]! - top;
  const realCache = path.join(outDir, '..', `real_${name}.json`);
  const cached = existsSync(realCache) ? (JSON.parse(readFileSync(realCache, 'utf8')) as Row[]) : null;
  const real: Row[] = [], gen: Row[] = [], realImg: RgbaImage[] = [], genImg: RgbaImage[] = [];
  for await (const [i, frame] of numberedFrames(video, { fps: 25, maxSide: src.maxSide, maxFrames: frames })) {
    const { image } = await cropReal(frame, src.box, src.size);
    const g = renderMotionFrame(renderer, motion, i)!;
    real.push(cached?.[i] ?? readRow(image, ((await detectOne(image, false))?.landmarks as Lm) ?? null));
    gen.push(readRow(g, ((await detectOne(g, false))?.landmarks as Lm) ?? null));
    realImg.push(image);
    genImg.push(g);
  }
  if (!cached) writeFileSync(realCache, JSON.stringify(real));
  if (argv.includes('--strip')) {
    // every frame's mouth close-up (ours, and the real one once per case): bench/lipStrip.ts lays them out
    for (const [who, imgs, rows] of [['ours', genImg, gen], ['real', realImg, real]] as const) {
      const dir = who === 'real' ? path.join(outDir, '..', `strip_real_${name}`) : path.join(outDir, name, 'strip');
      if (who === 'real' && existsSync(dir)) continue;
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < imgs.length; i++) await saveCrop(imgs[i]!, rows[i]!.lm, path.join(dir, `${String(i).padStart(4, '0')}.png`), 120);
    }
  }
  const r = bestLagCorrelation(gen.map((x) => x.gap ?? NaN).slice(1), real.map((x) => x.gap ?? NaN).slice(1), 3);
  const r0 = bestLagCorrelation(gen.map((x) => x.gap ?? NaN).slice(1), real.map((x) => x.gap ?? NaN).slice(1), 0);
  const rWidth = bestLagCorrelation(gen.map((x) => x.width ?? NaN).slice(1), real.map((x) => x.width ?? NaN).slice(1), 0);
  const jaw = motion.frames.slice(0, frames).map((f) => f.w.jawOpen ?? 0);
  const figures = { name, video, photo: photo ?? 'frame 0', r: r.r, lag: r.lag, r0: r0.r, rWidth: rWidth.r, ours: mouthFigures(gen, db), real: mouthFigures(real, db), jawLoudMean: mean(jaw.filter((_, i) => db[i]! > -10)), jawMax: Math.max(...jaw) };
  mkdirSync(path.join(outDir, name), { recursive: true });
  const picks = pickFrames(real, db);
  for (const [kind, i] of Object.entries(picks)) {
    await saveCrop(genImg[i]!, gen[i]!.lm, path.join(outDir, name, `${kind}.png`));
    await saveCrop(realImg[i]!, real[i]!.lm, path.join(outDir, name, `${kind}_real.png`));
  }
  writeFileSync(path.join(outDir, name, 'figures.json'), JSON.stringify({ ...figures, picks, gap: gen.map((x) => x.gap), realGap: real.map((x) => x.gap), width: gen.map((x) => x.width), realWidth: real.map((x) => x.width), jaw, db }, null, 0));
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : ' -  ');
  const p = (v: number) => `${(v * 100).toFixed(0)}%`;
  console.log(`${name.padEnd(10)} r ${f(r.r)} @${r.lag} (lag 0 ${f(r0.r)}) | width sd ${f(figures.ours.widthSd)} (real ${f(figures.real.widthSd)}) median ${f(figures.ours.widthMedian)} (${f(figures.real.widthMedian)}) r ${f(rWidth.r)} | loud gap ${f(figures.ours.loudMean)} (real ${f(figures.real.loudMean)}) max ${f(figures.ours.max)} (${f(figures.real.max)}) | W/gap ${f(figures.ours.widthOverGap)} (${f(figures.real.widthOverGap)}) | loud shut ${p(figures.ours.loudShut)} (${p(figures.real.loudShut)}) | silent teeth ${p(figures.ours.silentTeeth)} (${p(figures.real.silentTeeth)}) | open dark ${f(figures.ours.openDark)} (${f(figures.real.openDark)}) | jaw loud ${f(figures.jawLoudMean)} max ${f(figures.jawMax)}`);
}

/**
 * The "oh" of an existing run: the loud frame (within 10 dB of the clip's loudest) where the motion is
 * most rounded (funnel + pucker; the jaw map leaves those curves alone, so every version picks the same
 * frame), rendered alone with its real frame; saved as oh.png / oh_real.png and added to the picks.
 */
async function addRoundedFrame(name: string, video: string, outDir: string, seconds: number, photo?: string, audio?: string): Promise<void> {
  const file = path.join(outDir, name, 'figures.json');
  const fig = JSON.parse(readFileSync(file, 'utf8')) as { picks: Record<string, number>; db: number[]; gap: (number | null)[]; realGap: (number | null)[] };
  const o: EvalOptions = { video, mode: 'audio', frame: 0, maxSeconds: seconds, fps: 25, detectEvery: 1, sheetColumns: 0, thumb: 64 };
  const src = await setupSource(o, () => {});
  const portrait = photo ? await analyzePortrait(await loadImage(photo)) : src.portrait;
  const engine = await loadEngine();
  const motion = await engine.motionFromAudio!(audio ?? video, { fps: 25 });
  const round = (i: number) => (motion.frames[i]!.w.mouthFunnel ?? 0) + (motion.frames[i]!.w.mouthPucker ?? 0);
  const loud = fig.db.map((d, i) => i).filter((i) => fig.db[i]! > -10 && i < motion.frames.length);
  const at = loud.reduce((b, i) => (round(i) > round(b) ? i : b), loud[0]!);
  const g = renderMotionFrame(engine.makeRenderer!(portrait, src.size), motion, at)!;
  const gen = readRow(g, ((await detectOne(g, false))?.landmarks as Lm) ?? null);
  await saveCrop(g, gen.lm, path.join(outDir, name, 'oh.png'));
  for await (const [i, frame] of numberedFrames(video, { fps: 25, maxSide: src.maxSide, maxFrames: at + 1 })) {
    if (i !== at) continue;
    const { image } = await cropReal(frame, src.box, src.size);
    await saveCrop(image, ((await detectOne(image, false))?.landmarks as Lm) ?? null, path.join(outDir, name, 'oh_real.png'));
  }
  fig.picks.oh = at;
  fig.gap[at] = gen.gap;
  writeFileSync(file, JSON.stringify(fig));
  console.log(`${name}: oh at frame ${at} (funnel + pucker ${round(at).toFixed(2)}, jaw ${(motion.frames[at]!.w.jawOpen ?? 0).toFixed(3)}), gap ${gen.gap?.toFixed(3)} (real ${fig.realGap[at]?.toFixed(3)})`);
}

/** real | DIR1 | DIR2 ... close-ups, one row per case and kind, labelled. */
async function sheet(out: string, cols: string[], cases: string[], kinds = ['open', 'closure', 'silence']): Promise<void> {
  const T = 240, L = 150;
  const tiles: OverlayOptions[] = [];
  const rows = cases.flatMap((c) => kinds.map((k) => [c, k] as const));
  const label = (s: string, w: number, h: number) => Buffer.from(`<svg width="${w}" height="${h}"><style>text{font:15px sans-serif;fill:#fff}</style>${s.split('\n').map((l, i) => `<text x="6" y="${20 + i * 19}">${l}</text>`).join('')}</svg>`);
  cols.forEach((c, j) => tiles.push({ input: label(c === 'real' ? 'real' : path.basename(c), T, 28), left: L + j * T, top: 0 }));
  rows.forEach(([c, k], r) => {
    const firstDir = cols.find((d) => d !== 'real')!;
    const fig = JSON.parse(readFileSync(path.join(firstDir, c, 'figures.json'), 'utf8')) as { picks: Record<string, number>; realGap: (number | null)[] };
    const i = fig.picks[k]!;
    tiles.push({ input: label(`${c}\n${k}\nframe ${i}\nreal gap ${(fig.realGap[i] ?? 0).toFixed(2)}`, L, T), left: 0, top: 28 + r * T });
    cols.forEach((d, j) => {
      const dir = d === 'real' ? firstDir : d;
      tiles.push({ input: path.join(dir, c, d === 'real' ? `${k}_real.png` : `${k}.png`), left: L + j * T, top: 28 + r * T });
      if (d !== 'real') {
        const g = (JSON.parse(readFileSync(path.join(d, c, 'figures.json'), 'utf8')) as { gap: (number | null)[] }).gap[i];
        tiles.push({ input: label(`gap ${g === null || g === undefined ? '-' : g.toFixed(2)}`, 90, 24), left: L + j * T, top: 28 + r * T + T - 24 });
      }
    });
  });
  await sharp({ create: { width: L + cols.length * T, height: 28 + rows.length * T, channels: 3, background: '#222' } }).composite(tiles)[out.endsWith('.png') ? 'png' : 'jpeg']().toFile(out);
}

const argv = process.argv.slice(2);
const arg = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
if (arg('--sheet')) {
  await sheet(arg('--sheet')!, arg('--cols')!.split(','), arg('--cases')!.split(','), arg('--kinds')?.split(','));
} else {
  const out = arg('--out');
  if (!out) throw new Error('usage: bench/audioMouth.ts --out DIR --case name=video[,photo=P][,audio=A] ...');
  const seconds = Number(arg('--seconds') ?? 6);
  for (const c of caseArgs(argv)) await (argv.includes('--oh') ? addRoundedFrame : runCase)(c.name, c.video, out, seconds, c.photo, c.audio);
}
