// Where the audio mouth's opening goes (#13, lipgain21): one speaker's frame 0 (or another photo) driven by
// the speaker's own audio, as `eval --mode audio` does (static pose, seed 0), and per frame each stage's lip
// gap in IOD: the motion's jawOpen x RENDER_GAP_PER_JAW (what render/mouth/opening.ts aims the mesh at), the
// rig's mesh gap (renderer landmarks 13-14 over 33-263), the rendered frame read back by the face mesh, and
// the real frame read the same way. Printed per case: median and 90th percentile over loud frames (within
// 10 dB of the loudest) and each stage's p90 over the real's. Printed, never asserted.
//
//   node --import tsx bench/lipChain.ts --out DIR [--seconds 6] --case name=video[,photo=P][,audio=A] ...
//   node --import tsx bench/lipChain.ts --report DIR [--cases a,b]   (the figures of earlier runs again)
//   node --import tsx bench/lipChain.ts --sheet OUT.jpg --dir DIR --cases a,b [--at a:12+40,b:3] [--peaks 4]
//     real above ours at each case's loud real peaks (--peaks, at least 6 frames apart) and the --at frames
//
// DIR/<name>/chain.json holds the per-frame stages; DIR/<name>/crops/ the 3x mouth close-ups of ours, and
// DIR/real_<video>/ the real ones (made once per video), for bench/lipGainSheet.ts.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { setupSource, cropReal, detectOne, numberedFrames } from '../src/eval/frames.ts';
import { loudnessPerFrame } from '../src/eval/soundtrack.ts';
import { closeUp, lipGap } from '../src/eval/mouthRegion.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { RENDER_GAP_PER_JAW } from '../src/render/mouth/opening.ts';
import { loadImage, encodePng } from '../src/io/image.ts';
import type { EvalOptions } from '../src/eval/types.ts';
import type { RgbaImage } from '../src/types.ts';
import { caseArgs } from './caseArgs.ts';

type Lm = number[][];
const iod = (lm: Lm) => Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
const gapOf = (lm: Lm) => Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod(lm);
const LOUD_DB = -10;

export interface Chain { name: string; video: string; photo: string; db: number[]; jaw: number[]; target: number[]; mesh: number[]; read: (number | null)[]; real: (number | null)[] }

/** the real frames' gaps and close-ups, once per video */
const realDirOf = (dir: string, video: string) => path.join(dir, `real_${path.basename(video, path.extname(video))}`);

async function saveCrop(img: RgbaImage, lm: Lm | null, file: string): Promise<void> {
  // one scale for real and ours: a square of 1.1 IOD around the lips' centre, 240 px
  const c = lm ? [61, 291, 13, 14].reduce((a, k) => [a[0]! + lm[k]![0]! / 4, a[1]! + lm[k]![1]! / 4], [0, 0]) : [img.width / 2, img.height * 0.7];
  const h = lm ? 0.55 * iod(lm) : img.width * 0.2;
  writeFileSync(file, await encodePng(closeUp(img, [c[0]! - h, c[1]! - h, c[0]! + h, c[1]! + h], 240)));
}

async function runCase(name: string, video: string, outDir: string, seconds: number, photo?: string, audio?: string): Promise<void> {
  const o: EvalOptions = { video, mode: 'audio', frame: 0, maxSeconds: seconds, fps: 25, detectEvery: 1, sheetColumns: 0, thumb: 64 };
  const src = await setupSource(o, () => {});
  const portrait = photo ? await analyzePortrait(await loadImage(photo)) : src.portrait;
  const motion = await motionFromAudio(audio ?? video, { fps: 25, pose: 'static', seed: 0 });
  const renderer = createRenderer(buildAvatar(portrait), { width: src.size, height: src.size });
  const n = Math.min(src.maxFrames, motion.frames.length);
  const db = Array.from(await loudnessPerFrame(audio ?? video, 25, n)).map((v) => 20 * v);
  const top = Math.max(...db);
  const realDir = realDirOf(outDir, video), realFile = path.join(realDir, 'gaps.json');
  const realCached = existsSync(realFile) ? (JSON.parse(readFileSync(realFile, 'utf8')) as (number | null)[]) : null;
  const cropDir = path.join(outDir, name, 'crops');
  mkdirSync(cropDir, { recursive: true });
  mkdirSync(realDir, { recursive: true });
  const c: Chain = { name, video, photo: photo ?? 'frame 0', db: db.map((d) => d - top), jaw: [], target: [], mesh: [], read: [], real: [] };
  for await (const [i, frame] of numberedFrames(video, { fps: 25, maxSide: src.maxSide, maxFrames: n })) {
    const f = motion.frames[i]!;
    const jaw = f.w.jawOpen ?? 0;
    c.jaw.push(jaw);
    c.target.push(jaw * RENDER_GAP_PER_JAW);
    c.mesh.push(gapOf(renderer.landmarks(f) as Lm));
    const img = renderer.render(f);
    const g = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
    const lm = ((await detectOne(g, false))?.landmarks as Lm) ?? null;
    c.read.push(lm ? lipGap(lm as never) : null);
    await saveCrop(g, lm, path.join(cropDir, `${String(i).padStart(4, '0')}.png`));
    if (realCached) { c.real.push(realCached[i] ?? null); continue; }
    const { image } = await cropReal(frame, src.box, src.size);
    const rl = ((await detectOne(image, false))?.landmarks as Lm) ?? null;
    c.real.push(rl ? lipGap(rl as never) : null);
    await saveCrop(image, rl, path.join(realDir, `${String(i).padStart(4, '0')}.png`));
  }
  if (!realCached) writeFileSync(realFile, JSON.stringify(c.real));
  writeFileSync(path.join(outDir, name, 'chain.json'), JSON.stringify(c));
  report(c);
}

const quantile = (v: number[], q: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

/** Pearson r over the frames where both are known. */
function corr(a: (number | null)[], b: (number | null)[]): number {
  const k = a.map((_, i) => i).filter((i) => a[i] !== null && b[i] !== null && i > 0);
  const x = k.map((i) => a[i]!), y = k.map((i) => b[i]!);
  const mx = x.reduce((s, v) => s + v, 0) / x.length, my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let j = 0; j < x.length; j++) { sxy += (x[j]! - mx) * (y[j]! - my); sxx += (x[j]! - mx) ** 2; syy += (y[j]! - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

export function chainFigures(c: Chain) {
  const loud = c.db.map((d, i) => i).filter((i) => c.db[i]! > LOUD_DB && c.read[i] !== null && c.real[i] !== null);
  const silent = c.db.map((d, i) => i).filter((i) => c.db[i]! < -30 && c.read[i] !== null && c.real[i] !== null);
  const stage = (v: (number | null)[]) => ({ p50: quantile(loud.map((i) => v[i]!), 0.5), p90: quantile(loud.map((i) => v[i]!), 0.9) });
  return {
    loud: loud.length,
    target: stage(c.target), mesh: stage(c.mesh), read: stage(c.read), real: stage(c.real),
    r0: corr(c.read, c.real),
    silentOpen: silent.filter((i) => c.read[i]! > 0.06).length,
    silentRealOpen: silent.filter((i) => c.real[i]! > 0.06).length,
    silent: silent.length,
  };
}

function report(c: Chain): void {
  const f = chainFigures(c), x = (v: number) => v.toFixed(3);
  const s = (k: 'target' | 'mesh' | 'read' | 'real') => `${k} ${x(f[k].p50)}/${x(f[k].p90)}`;
  console.log(`${c.name.padEnd(14)} loud ${f.loud} p50/p90: ${s('target')} ${s('mesh')} ${s('read')} ${s('real')} | p90 read/real ${x(f.read.p90 / f.real.p90)} mesh/target ${x(f.mesh.p90 / f.target.p90)} read/mesh ${x(f.read.p90 / f.mesh.p90)} | r0 ${x(f.r0)} | silent open ${f.silentOpen}/${f.silent} (real ${f.silentRealOpen})`);
}

/** The `k` loud frames where the real lips are most apart, at least `apart` frames from each other. */
export function realPeaks(c: Chain, k: number, apart = 6): number[] {
  const order = c.db.map((_, i) => i).filter((i) => c.db[i]! > LOUD_DB && c.real[i] !== null).sort((a, b) => c.real[b]! - c.real[a]!);
  const out: number[] = [];
  for (const i of order) if (out.length < k && out.every((j) => Math.abs(i - j) >= apart)) out.push(i);
  return out.sort((a, b) => a - b);
}

/** real (top) / ours (bottom) 3x mouths, one column per frame, a row pair per case, labelled with each stage's gap. */
async function sheet(out: string, dir: string, cases: string[], at: Record<string, number[]>, peaks: number): Promise<void> {
  const T = 160, L = 24;
  const tiles: OverlayOptions[] = [];
  const text = (s: string, w: number, h: number) => Buffer.from(`<svg width="${w}" height="${h}"><rect width="100%" height="100%" fill="#000a"/><style>text{font:12px sans-serif;fill:#fff}</style>${s.split('\n').map((l, i) => `<text x="3" y="${13 + i * 14}">${l}</text>`).join('')}</svg>`);
  let cols = 0;
  for (const [r, name] of cases.entries()) {
    const c = JSON.parse(readFileSync(path.join(dir, name, 'chain.json'), 'utf8')) as Chain;
    const realDir = realDirOf(dir, c.video);
    const frames = [...realPeaks(c, peaks), ...(at[name] ?? [])];
    cols = Math.max(cols, frames.length);
    const top = L + r * (2 * T + L);
    tiles.push({ input: text(`${name} (${path.basename(c.photo)}): real (top) / ours (bottom)`, 600, L - 4), left: 0, top: top - L + 2 });
    for (const [k, i] of frames.entries()) {
      const f = String(i).padStart(4, '0'), g = (v: number | null) => (v === null ? '-' : v.toFixed(3));
      const real = await sharp(path.join(realDir, `${f}.png`)).resize(T, T).toBuffer();
      const ours = await sharp(path.join(dir, name, 'crops', `${f}.png`)).resize(T, T).toBuffer();
      tiles.push({ input: real, left: k * T, top }, { input: ours, left: k * T, top: top + T });
      tiles.push({ input: text(`f${i} ${c.db[i]!.toFixed(0)} dB real ${g(c.real[i]!)}`, T, 18), left: k * T, top });
      tiles.push({ input: text(`read ${g(c.read[i]!)} mesh ${g(c.mesh[i]!)}\ntarget ${g(c.target[i]!)}`, T, 32), left: k * T, top: top + 2 * T - 32 });
    }
  }
  await sharp({ create: { width: cols * T, height: cases.length * (2 * T + L), channels: 3, background: '#222' } }).composite(tiles).jpeg({ quality: 80 }).toFile(out);
  console.log(`wrote ${out}`);
}

const argv = process.argv.slice(2);
const arg = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
if (arg('--sheet')) {
  const at = Object.fromEntries((arg('--at') ?? '').split(',').filter(Boolean).map((s) => { const [n, f] = s.split(':'); return [n!, f!.split('+').map(Number)]; }));
  await sheet(arg('--sheet')!, arg('--dir')!, arg('--cases')!.split(','), at, Number(arg('--peaks') ?? 4));
} else if (arg('--report')) {
  const dir = arg('--report')!;
  const names = arg('--cases')?.split(',') ?? readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'chain.json')));
  for (const nm of names) report(JSON.parse(readFileSync(path.join(dir, nm, 'chain.json'), 'utf8')) as Chain);
} else {
  const out = arg('--out');
  if (!out) throw new Error('usage: bench/lipChain.ts --out DIR --case name=video[,photo=P][,audio=A] ...');
  const seconds = Number(arg('--seconds') ?? 6);
  for (const c of caseArgs(argv)) await runCase(c.name, c.video, out, seconds, c.photo, c.audio);
}
