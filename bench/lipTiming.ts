// Timing of the audio mouth against real mouths (issue #13, critic14 fix-first #3: "Obama's audio sync
// is ~2 frames later since closures14"). No rendering: the motion's jawOpen (the product's
// post-processing, variants below) against a real lip-gap track of the same sound:
//   - the outside critic's every-frame read-backs of the real clips (/work/review/s14/read/real_*.json,
//     8 s at 25 fps: Obama clip1, Katie, Fei-Fei clip1, mt_sun), the gap in IODs;
//   - GRID s1 sentences (never heard by the shipped model) with their cached teacher jaw
//     (REAL3D_LIPSYNC_CACHE, default lipsync/ in bench/benchCache.ts).
// Per case and variant: r at lag 0, the best lag in -4..+4 (positive = ours LATE by that many frames)
// and its r; real closures (real gap below a third of its speech median, a local minimum) hit by ours
// (jawOpen below SHUT_JAW within +-1 frame); ours shut in speech where the real mouth is open (above
// its speech median) = false closures; the loud third of speech frames shut, ours and real.
//   - (audio18) face tracks of the first 8 s of real clips made by bench/trackLipClips.ts (--faces DIR, default
//     /tmp/audio18/faces): the real lip gap in IODs; Katie, mt_sun and the GRID sentences were never trained on.
//   node --import tsx bench/lipTiming.ts [--variants base,closures14,noclose,...] [--grid 36] [--reads DIR] [--critic DIR] [--faces DIR]
//     [--tracks WDA_KatieHill_000.mp4 --grid-tracks 36] (release36: real gaps from cached 25 fps driver tracks)
// base = the product now (closures with their quiet gate, sync15); closures14 = the closures before it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity, type LipAudio } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { frameEnergy } from '../src/motion/lipRounding.ts';
import { pearson } from '../src/motion/filters.ts';
import { audioMouthCurves, type AudioMouthTiming } from '../src/motion/audioMouth.ts';
import { DATA, gridSubsample, readCachedFaces, type TrainClip } from '../src/motion/train/teacher.ts';
import { cachedTrack, trackFile } from './driverTracks.ts';
import { loadClipData } from '../src/motion/train/lipData.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { SHARED_DATA } from './sharedData.ts';

const FPS = 25;
/** jawOpen below this reads as shut lips (x 0.6 IOD per unit ~ 0.03 IOD, the critic's "shut") */
const SHUT_JAW = 0.05;
const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);

const VARIANTS: Record<string, Partial<AudioMouthTiming>> = {
  base: {},
  closures14: { quiet: null },
  noclose: { closures: false },
  shift1: { shift: 1, quiet: null },
  shift2: { shift: 2, quiet: null },
  cshift1: { closureShift: 1, quiet: null },
  cshift2: { closureShift: 2, quiet: null },
  open1: { openLead: 1, quiet: null },
  quiet3_5: { quiet: [-3, -5] },
  quiet4_6: { quiet: [-4, -6] },
  quiet5_7: { quiet: [-5, -7] },
  quiet_cs1: { closureShift: 1 },
  quiet_shift1: { shift: 1 },
  quiet_open1: { openLead: 1 },
  quiet_trim: { trimEnds: true },
  trim: { trimEnds: true, quiet: null },
  onset2: { onsetLead: 2 },
  onset3: { onsetLead: 3 },
  onset4: { onsetLead: 4 },
  pooled: { fileMatch: 0 },
  fg05: { fileMatch: 0.5 },
  fg07: { fileMatch: 0.7 },
  delay1: { shift: -1 },
  nolift: { lift: 1 },
  lift4: { lift: 0.4 },
  lift5: { lift: 0.5 },
  lift6: { lift: 0.6 },
  lift7: { lift: 0.7 },
  lift8: { lift: 0.8 },
  fg05_lift5: { fileMatch: 0.5, lift: 0.5 },
  pooled_lift5: { fileMatch: 0, lift: 0.5 },
  nodip: { liftSpan: 0 },
  dip2: { liftSpan: 2 },
  dip3: { liftSpan: 3 },
  dip4: { liftSpan: 4 },
  novoiced: { voicedFloor: 0 },
  vf06: { voicedFloor: 0.06 },
  vf10: { voicedFloor: 0.1 },
  norelease: { releaseRise: 0 },
  rel04: { releaseRise: 0.4 },
  rel06: { releaseRise: 0.6 },
  rel03: { releaseRise: 0.3 },
  // onset37: a phrase's first opening out of a pause, its rise capped (lipOnset.ts; base = the product, rise .4, no lead)
  noonset: { onsetRise: 0 },
  nolead: { leadIn: 0 },
  onset03: { onsetRise: 0.3 },
  onset05: { onsetRise: 0.5 },
  onsetlead1: { onsetRiseLead: 1 },
  onsetlead2: { onsetRiseLead: 2 },
};

interface Case { name: string; held: boolean; realShut?: number; audio: LipAudio; real: (number | null)[]; n: number; bilabialStarts?: number[]; realWidth?: (number | null)[] }

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

/** r of ours[i] against real[i + lag] over frames both have (lag > 0: ours late). */
function lagR(ours: ArrayLike<number>, real: (number | null)[], lag: number): number {
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < ours.length; i++) {
    const j = i - lag;
    if (j < 0 || j >= real.length || real[j] === null || real[j] === undefined) continue;
    a.push(ours[i]!);
    b.push(real[j]!);
  }
  return pearson(a, b);
}

const widths = (rows: { width?: number; none?: boolean }[]) => rows.map((r) => (r.none || r.width === undefined ? null : r.width));

/** The rig's mouth width change (fraction of the neutral's) of post-processed audio curves: stretch widens, pucker and funnel narrow (rig/basis, measured on the mean face: 0.338, 0.45, 0.34 at 1). */
export function rigWidthChange(curves: Float64Array[], targets: readonly string[], i: number): number {
  const at = (k: string) => curves[targets.indexOf(k)]?.[i] ?? 0;
  return 0.338 * (at('mouthStretchLeft') + at('mouthStretchRight')) / 2 - 0.45 * at('mouthPucker') - 0.34 * at('mouthFunnel');
}

/** Width swing over speech frames, as fractions of the speech median: upper tail (p90 - p50), lower tail (p50 - p10). */
function widthTails(v: number[]): { up: number; down: number } {
  const s = [...v].sort((a, b) => a - b), q = (p: number) => s[Math.floor(p * (s.length - 1))]!;
  return { up: q(0.9) - q(0.5), down: q(0.5) - q(0.1) };
}

/**
 * The opening's size in speech frames (audio17): ours (jawOpen x 0.6 = IOD, the renderer's lip gap per
 * unit, for the read-backs; jawOpen for GRID's teacher) and the real one's 50th / 90th percentiles.
 */
function openingQuantiles(jaw: Float64Array, c: Case, scale: number): { o50: number; o90: number; r50: number; r90: number } {
  const sp = speechActivity(c.audio, FPS, c.n);
  const at = [...Array(c.n).keys()].filter((i) => sp[i]! >= 0.5 && c.real[i] !== null);
  const q = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.round(p * (v.length - 1))] ?? NaN;
  const o = at.map((i) => jaw[i]! * scale), r = at.map((i) => c.real[i]!);
  return { o50: q(o, 0.5), o90: q(o, 0.9), r50: q(r, 0.5), r90: q(r, 0.9) };
}

/** Over cases: mean ours/real p90 ratio and the sd of its log (how far the size wanders from file to file); real p90 under 0.03 (a misread clip) left out. */
function ratioSummary(qs: { o50: number; r50: number; o90: number; r90: number }[]): string {
  const l50 = qs.filter((x) => x.r90 > 0.03 && x.o50 > 0).map((x) => Math.log(x.o50 / x.r50)), m50 = l50.reduce((a, b) => a + b, 0) / Math.max(1, l50.length);
  const l = qs.filter((x) => x.r90 > 0.03 && x.o90 > 0).map((x) => Math.log(x.o90 / x.r90));
  const m = l.reduce((a, b) => a + b, 0) / Math.max(1, l.length);
  const sd = Math.sqrt(l.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, l.length));
  return `p50 ours/real ${Math.exp(m50).toFixed(2)}, p90 ours/real ${Math.exp(m).toFixed(2)} (geometric mean of ${l.length}), sd of log ${sd.toFixed(3)}`;
}

async function criticCases(): Promise<Case[]> {
  // the critic's read-backs live outside the repo; on a machine without them only the other cases run
  const dir = arg('--critic', '/work/review/s14');
  if (!existsSync(path.join(dir, 'read'))) {
    process.stderr.write(`lipTiming: no critic read-backs in ${dir}/read (--critic DIR): skipped\n`);
    return [];
  }
  const cases: [string, string, boolean][] = [['obama1', 'media/obama1_8.wav', false], ['katie', 'media/katie8.wav', true], ['feifei1', path.join(SHARED_DATA, 'train/clips/styletalk_feifeili_clip1.mp4'), false], ['mtsun', 'media/mtsun8.wav', true]];
  const out: Case[] = [];
  for (const [name, a, held] of cases) {
    const d = JSON.parse(readFileSync(path.join(dir, 'read', `real_${name}.json`), 'utf8')) as { rows: { gap?: number; width?: number; none?: boolean }[] };
    const audio = await lipAudio(path.resolve(dir, a));
    const n = Math.min(d.rows.length, Math.round((audio.samples / 16000) * FPS));
    out.push({ name, held, audio, real: d.rows.slice(0, n).map((r) => (r.none || r.gap === undefined ? null : r.gap)), realWidth: widths(d.rows.slice(0, n)), n });
  }
  // more read-backs made the same way (read.ts --max 200 on train clips: speakers the shipped model heard)
  const more = arg('--reads', '/tmp/sync15/read');
  if (existsSync(more)) {
    for (const f of readdirSync(more).filter((x) => /^real_.*\.json$/.test(x)).sort()) {
      const d = JSON.parse(readFileSync(path.join(more, f), 'utf8')) as { video: string; rows: { gap?: number; width?: number; none?: boolean }[] };
      const audio = await lipAudio(d.video);
      const n = Math.min(d.rows.length, Math.round((audio.samples / 16000) * FPS));
      out.push({ name: f.replace(/^real_|\.json$/g, '').replace(/^styletalk_/, '').slice(0, 14), held: false, audio, real: d.rows.slice(0, n).map((r) => (r.none || r.gap === undefined ? null : r.gap)), realWidth: widths(d.rows.slice(0, n)), n });
    }
  }
  return out;
}

/**
 * Cases from face tracks (audio18: JSON { clip, video, frames } per clip, the first 8 s at 25 fps, frames as the
 * teacher cache's): the real lip gap in IODs (measures.ts lipGap), like the critic's read-backs. grid_* clips join
 * the GRID cases (with their b/p word starts); katie, mt_sun and GRID are speakers no shipped model heard.
 */
type TrackedClip = { clip: string; video: string; frames: ({ m: { lipGap: number }; score: number } | null)[] };

async function trackedCases(dir: string, more: TrackedClip[] = []): Promise<{ reads: Case[]; grid: Case[] }> {
  const reads: Case[] = [], grid: Case[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith('.json')).sort() : [];
  const clips = [...files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as TrackedClip), ...more];
  for (const d of clips) {
    // mt_sun.mp4 is silent: its sound is audio/mt_sun.wav (teacher.ts HELDOUT_CLIPS)
    const audio = await lipAudio(d.video.endsWith('video/mt_sun.mp4') ? path.join(DATA, 'audio/mt_sun.wav') : d.video);
    const n = Math.min(d.frames.length, Math.round((audio.samples / 16000) * FPS));
    const real = d.frames.slice(0, n).map((r) => (r && r.score >= 0.5 ? r.m.lipGap : null));
    const c: Case = { name: d.clip, held: /^(katie|mt_sun|grid_)/.test(d.clip), realShut: 0.03, audio, real, n };
    if (d.clip.startsWith('grid_')) {
      const align = readFileSync(path.join(DATA, 'train/grid_s1/align', `${d.clip.replace(/^grid_/, '')}.align`), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(' '));
      c.bilabialStarts = align.filter(([, , w]) => /^(bin|blue|by|place|please)$/.test(w!)).map(([s0]) => Number(s0) / 25000);
      grid.push(c);
    } else reads.push(c);
  }
  return { reads, grid };
}

/**
 * (release36) Cases from cached driver tracks at 25 fps (bench/driverTracks.ts --fps 25 V, ~2-20 frames/s; the GRID
 * teacher cache costs ~1 s a frame): `--tracks WDA_KatieHill_000.mp4,...` and `--grid-tracks N` (the first N of
 * gridSubsample that are tracked). Clip names as trackedCases wants them: katie, grid_<id>.
 */
async function driverTrackClips(): Promise<TrackedClip[]> {
  const videos = [...arg('--tracks', '').split(',').filter(Boolean).map((v) => path.resolve(SHARED_DATA, 'video', v)),
    ...gridSubsample(Number(arg('--grid-tracks', '0'))).map((f) => path.join(DATA, 'train/grid_s1', f))].filter((v) => existsSync(trackFile(v, FPS)));
  const out: TrackedClip[] = [];
  for (const v of videos) {
    const base = path.basename(v, '.mp4');
    const clip = v.includes('grid_s1') ? `grid_${base}` : /Katie/.test(base) ? 'katie' : base;
    out.push({ clip, video: v, frames: (await cachedTrack(v, FPS)).map((r) => r && { m: { lipGap: r.m.lipGap }, score: r.score }) });
  }
  return out;
}

async function gridCases(count: number): Promise<Case[]> {
  const cache = process.env.REAL3D_LIPSYNC_CACHE ?? path.join(BENCH_CACHE, 'lipsync');
  if (!existsSync(cache)) return [];
  const out: Case[] = [];
  for (const f of readdirSync(cache).filter((x) => x.startsWith('grid_')).slice(0, count)) {
    const id = f.replace(/^grid_|\.json$/g, '');
    const clip: TrainClip = { name: `grid_${id}`, speaker: 'grid_s1', video: path.join(DATA, 'train/grid_s1', `${id}.mp4`), audio: path.join(DATA, 'train/grid_s1', `${id}.mp4`), role: 'train' };
    const faces = readCachedFaces(cache, clip);
    if (!faces) continue;
    const c = await loadClipData(clip, faces, [0]);
    // b/p-initial words' starts (s): the closures' own purpose (bench/closures.ts)
    const align = readFileSync(path.join(DATA, 'train/grid_s1/align', `${id}.align`), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(' '));
    const bilabialStarts = align.filter(([, , w]) => /^(bin|blue|by|place|please)$/.test(w!)).map(([s0]) => Number(s0) / 25000);
    out.push({ name: clip.name, held: true, audio: c.audio, real: Array.from(c.videoJaw, (v, i) => (c.valid[i] ? v : null)), n: c.n, bilabialStarts });
  }
  return out;
}

interface Fig { r0: number; lag: number; rBest: number; closeLag: number; realClosures: number; hits: number; oursShut: number; falseShut: number; loud: number; loudShut: number; realLoudShut: number; speech: number; realShutN: number }

function figures(jaw: Float64Array, c: Case, realShut: number): Fig {
  const speech = speechActivity(c.audio, FPS, c.n);
  const energy = frameEnergy(c.audio, FPS, c.n);
  const sp = [...Array(c.n).keys()].filter((i) => speech[i]! >= 0.5 && c.real[i] !== null);
  const medReal = median(sp.map((i) => c.real[i]!));
  const loudCut = [...sp.map((i) => energy[i]!)].sort((a, b) => a - b)[Math.floor((2 * sp.length) / 3)]!;
  const f: Fig = { r0: lagR(jaw, c.real, 0), lag: 0, rBest: -Infinity, closeLag: closednessLag(jaw, c, sp), realClosures: 0, hits: 0, oursShut: 0, falseShut: 0, loud: 0, loudShut: 0, realLoudShut: 0, speech: sp.length, realShutN: 0 };
  for (let lag = -4; lag <= 4; lag++) {
    const r = lagR(jaw, c.real, lag);
    if (r > f.rBest) Object.assign(f, { rBest: r, lag });
  }
  const shut = (i: number) => i >= 0 && i < c.n && jaw[i]! < SHUT_JAW;
  for (const i of sp) {
    const g = c.real[i]!;
    const prev = c.real[i - 1] ?? Infinity, next = c.real[i + 1] ?? Infinity;
    // a real closure: a local minimum well under the speaker's usual opening
    if (g < Math.max(realShut, medReal / 3) && g <= prev && g <= next) {
      f.realClosures++;
      if (shut(i - 1) || shut(i) || shut(i + 1)) f.hits++;
    }
    if (g < realShut) f.realShutN++;
    if (shut(i)) {
      f.oursShut++;
      if (g > medReal) f.falseShut++;
    }
    if (energy[i]! >= loudCut) {
      f.loud++;
      if (shut(i)) f.loudShut++;
      if (g < Math.max(realShut, medReal / 3)) f.realLoudShut++;
    }
  }
  return f;
}

/**
 * The lag (+ = ours late) at which ours' closedness (how far under its speech median, 0..1) best follows
 * the real mouth's: where the closures land, not how wide the openings are.
 */
function closednessLag(jaw: Float64Array, c: Case, sp: number[]): number {
  const medOurs = median(sp.map((i) => jaw[i]!)), medReal = median(sp.map((i) => c.real[i]!));
  const ours = Float64Array.from(jaw, (v) => Math.max(0, 1 - v / Math.max(1e-3, medOurs)));
  const real = c.real.map((g) => (g === null ? null : Math.max(0, 1 - g / Math.max(1e-3, medReal))));
  let best = -Infinity, lag = 0;
  for (let l = -4; l <= 4; l++) {
    const r = lagR(ours, real, l);
    if (r > best) [best, lag] = [r, l];
  }
  return lag;
}

const model = loadLipModel();
const jawAt = model.targets.indexOf('jawOpen');
const variants = arg('--variants', Object.keys(VARIANTS).join(',')).split(',');
const tracked = await trackedCases(arg('--faces', '/tmp/audio18/faces'), await driverTrackClips());
const critic = [...(await criticCases()), ...tracked.reads];
const grid = [...(await gridCases(Number(arg('--grid', '36')))), ...tracked.grid];
const pc = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(0)}%`.padStart(4);
console.log('r0 = r at lag 0; best = lag (+ = ours late) : r; closures hit/real; ours shut in speech (false = where the real mouth is open); loud third shut ours (real)');
for (const v of variants) {
  const opts = VARIANTS[v];
  if (!opts) throw new Error(`unknown variant ${v}`);
  const jawOf = (c: Case) => audioMouthCurves(model, c.audio, FPS, c.n, opts)[jawAt]!;
  const lines: string[] = [];
  const all: (Fig & { held: boolean })[] = [];
  const sizes: ReturnType<typeof openingQuantiles>[] = [];
  const wUp: number[] = [], wDown: number[] = [], wRealUp: number[] = [], wRealDown: number[] = [], wR: number[] = [];
  for (const c of critic) {
    const curves = audioMouthCurves(model, c.audio, FPS, c.n, opts);
    const f = figures(curves[jawAt]!, c, c.realShut ?? 0.03);
    all.push({ ...f, held: c.held });
    const size = openingQuantiles(curves[jawAt]!, c, 0.6);
    sizes.push(size);
    lines.push(`  ${c.name.padEnd(14)}  opening p50 ${size.o50.toFixed(3)} (real ${size.r50.toFixed(3)}) p90 ${size.o90.toFixed(3)} (real ${size.r90.toFixed(3)}) ratio p90 ${(size.o90 / size.r90).toFixed(2)}`);
    // width: ours as the rig's change, the real one over its speech median (speech frames with a reading)
    const sp = speechActivity(c.audio, FPS, c.n);
    const wi = [...Array(c.n).keys()].filter((i) => sp[i]! >= 0.5 && c.realWidth?.[i] != null);
    if (wi.length > 10) {
      const rw = wi.map((i) => c.realWidth![i]!), m = median(rw);
      const ours = widthTails(wi.map((i) => rigWidthChange(curves, model.targets, i))), real = widthTails(rw.map((v) => v / m - 1));
      const r = pearson(wi.map((i) => rigWidthChange(curves, model.targets, i)), rw);
      if (!c.held && !/^(obama1|feifei1)$/.test(c.name)) [wUp, wDown, wRealUp, wRealDown, wR].forEach((a, k) => a.push([ours.up, ours.down, real.up, real.down, r][k]!));
      lines.push(`  ${c.name.padEnd(14)}  width up ${ours.up.toFixed(3)} (${real.up.toFixed(3)}) down ${ours.down.toFixed(3)} (${real.down.toFixed(3)}) r ${r.toFixed(3)}`);
    }
    lines.push(`  ${c.name.padEnd(14)}${c.held ? '*' : ' '} r0 ${f.r0.toFixed(3)} best ${String(f.lag).padStart(2)}:${f.rBest.toFixed(3)} closure lag ${String(f.closeLag).padStart(2)} | closures hit ${f.hits}/${f.realClosures} | shut ${f.oursShut}/${f.speech} (real ${f.realShutN}), false ${f.falseShut} | loud shut ${pc(f.loudShut, f.loud)} (${pc(f.realLoudShut, f.loud)})`);
  }
  // GRID: the teacher's jaw is in jawOpen units (0.05 = shut); pooled over sentences
  const jaws = grid.map(jawOf);
  const g = grid.map((c, k) => figures(jaws[k]!, c, c.realShut ?? 0.05));
  const sum = (k: keyof Fig) => g.reduce((s, f) => s + (f[k] as number), 0);
  // b/p words closed: the jaw's minimum within -40..+80 ms of the word start under 0.35 of its speech median
  let words = 0, closedWords = 0;
  // (bmp18) the same window's smallest gap in IODs, ours (jawOpen x 0.6) and real: how far the lips stay apart
  const bpOurs: number[] = [], bpReal: number[] = [];
  grid.forEach((c, k) => {
    const sp = speechActivity(c.audio, FPS, c.n);
    const med = median([...Array(c.n).keys()].filter((i) => sp[i]! >= 0.5).map((i) => jaws[k]![i]!));
    for (const t of c.bilabialStarts ?? []) {
      const i0 = Math.max(0, Math.round((t - 0.04) * FPS)), i1 = Math.min(c.n - 1, Math.round((t + 0.08) * FPS));
      if (i1 <= i0) continue;
      words++;
      if (Math.min(...jaws[k]!.slice(i0, i1 + 1)) < 0.35 * Math.max(1e-3, med)) closedWords++;
      const real = c.real.slice(i0, i1 + 1).filter((x): x is number => x !== null);
      if (c.realShut && real.length) [bpOurs, bpReal].forEach((a, m) => a.push(m ? Math.min(...real) : 0.6 * Math.min(...jaws[k]!.slice(i0, i1 + 1))));
    }
  });
  const gridSizes = grid.map((c, k) => openingQuantiles(jaws[k]!, c, c.realShut ? 0.6 : 1));
  lines.push(`  sizes: read-backs ${ratioSummary(sizes)}; GRID s1* sentences ${ratioSummary(gridSizes)}`);
  const lagHist = new Map<number, number>();
  for (const f of g) lagHist.set(f.lag, (lagHist.get(f.lag) ?? 0) + 1);
  const meanR = (lag: number) => grid.reduce((s, c, k) => s + lagR(jaws[k]!, c.real, lag), 0) / Math.max(1, grid.length);
  const scan = [-2, -1, 0, 1, 2, 3].map((l) => `${l}:${meanR(l).toFixed(3)}`).join(' ');
  lines.push(`  GRID s1* ${grid.length} sentences: r0 ${(sum('r0') / g.length).toFixed(3)}, mean r by lag ${scan}; best lags ${[...lagHist].sort((a, b) => a[0] - b[0]).map(([l, k]) => `${l}x${k}`).join(' ')} | closures hit ${sum('hits')}/${sum('realClosures')} | shut ${sum('oursShut')}/${sum('speech')} (real ${sum('realShutN')}), false ${sum('falseShut')} | loud shut ${pc(sum('loudShut'), sum('loud'))} (${pc(sum('realLoudShut'), sum('loud'))})`);
  const avg = (fs: Fig[], k: keyof Fig) => fs.reduce((s, f) => s + (f[k] as number), 0) / Math.max(1, fs.length);
  const sumOf = (fs: Fig[], k: keyof Fig) => fs.reduce((s, f) => s + (f[k] as number), 0);
  const seen = all.filter((f) => !f.held);
  lines.push(`  read-backs, heard speakers (${seen.length}): mean r0 ${avg(seen, 'r0').toFixed(3)}, best lag ${avg(seen, 'lag').toFixed(2)}, closure lag ${avg(seen, 'closeLag').toFixed(2)}, hits ${sumOf(seen, 'hits')}/${sumOf(seen, 'realClosures')}, shut ${sumOf(seen, 'oursShut')} false ${sumOf(seen, 'falseShut')}, loud shut ${pc(sumOf(seen, 'loudShut'), sumOf(seen, 'loud'))}`);
  lines.push(`  GRID b/p words closed ${closedWords}/${words} (tracked: smallest gap median ${median(bpOurs).toFixed(3)} IOD, real ${median(bpReal).toFixed(3)}, ${bpOurs.length} words), closure lag mean ${avg(g, 'closeLag').toFixed(2)}; held-out mean r0 (Katie, mt_sun, GRID mean) ${((avg(all.filter((f) => f.held), 'r0') * 2 + avg(g, 'r0')) / 3).toFixed(3)}`);
  const am = (a: number[]) => (a.reduce((x, y) => x + y, 0) / Math.max(1, a.length)).toFixed(3);
  lines.push(`  width over ${wUp.length} read-backs of training clips (not the critic's four): up ${am(wUp)} (real ${am(wRealUp)}) down ${am(wDown)} (real ${am(wRealDown)}) r ${am(wR)}`);
  console.log(`${v} ${JSON.stringify(opts)}\n${lines.join('\n')}`);
}
console.log('* = a speaker the shipped model never heard');
