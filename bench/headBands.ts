// How much and how fast the head moves, per axis, real speakers vs our audio-mode pose (issue #14, head16):
// per clip the sd (deg) and the share of the variance by band (below 0.3 Hz: drift; 0.3-1 Hz: sway;
// 1-3 Hz: nods on syllables; above 3 Hz: mostly tracker jitter). Real: every-frame rig-fit reads of real
// talking videos (bench/headRead.ts --fps 25 --real-only, the real_<clip>.json it caches); ours: the
// generated pose on the same clips' sound and on the bundled speech (seeds 0..S-1, mean), which the
// render reads back at ~1.0x the command (rig fit, bench/headRead.ts). Last column: nodCoupling, r of the
// pitch's velocity with the speech's rises (best lag 0-0.6 s); the rig fit reads an open jaw as chin up,
// which alone gives r ~0.15 on our renders (read minus command), so it does not separate real nods.
// A second table (s34, nod34): how busy each axis is frame to frame (src/eval/headJerk.ts): sd about a
// 7-frame mean, the largest one-frame step, reversals per second (steps under 0.05 deg skipped); the
// real reads carry the tracker's jitter, so theirs are an upper bound.
// A third (s35): strokes and holds, the yaw+pitch speed's median and p90 / median (src/eval/headJerk.ts
// strokeSpeed; a 5-frame mean first, for the jitter), and (s36) the back-and-forth travel in 0.4 s
// (backAndForth: path minus net, p95; 0 for moves one way). Never asserts.
//   node --import tsx bench/headBands.ts --real DIR [--seconds 8] [--seeds 4] [--gain y,p,r]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lipAudio } from '../src/motion/lipFeatures.ts';
import { frameEnergy } from '../src/motion/lipRounding.ts';
import { headMotion, HEAD_GAIN, type HeadGain } from '../src/motion/headMotion.ts';
import { quantile, standardDeviation as sd } from '../src/math/stats.ts';
import { backAndForth, maxStep, reversalsPerSecond, shakeAboutMean, strokeSpeed } from '../src/eval/headJerk.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const AXES = ['yaw', 'pitch', 'roll'] as const;
type Axis = (typeof AXES)[number];
const FPS = 25;
/** Band edges (Hz). */
export const BANDS: readonly [number, number][] = [[0, 0.3], [0.3, 1], [1, 3], [3, 12.5]];

/** The share of a series' variance in each of BANDS (Hann-windowed DFT of the mean-removed series). */
export function bandShares(v: ArrayLike<number>, fps: number): number[] {
  const n = v.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += v[i]! / n;
  const w = Array.from({ length: n }, (_, i) => (v[i]! - mean) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1))));
  const power: number[] = [];
  for (let k = 1; k <= n / 2; k++) {
    let re = 0, im = 0;
    for (let i = 0; i < n; i++) { re += w[i]! * Math.cos((2 * Math.PI * k * i) / n); im -= w[i]! * Math.sin((2 * Math.PI * k * i) / n); }
    power.push(re * re + im * im);
  }
  const total = power.reduce((a, b) => a + b, 0) || 1;
  return BANDS.map(([lo, hi]) => power.reduce((s, p, j) => { const f = ((j + 1) * fps) / n; return f >= lo && f < hi ? s + p : s; }, 0) / total);
}

/** Missing reads (null) filled by linear interpolation between their neighbours. */
function filled(v: (number | null)[]): number[] {
  const out = v.slice();
  const known = out.map((x, i) => (x === null ? -1 : i)).filter((i) => i >= 0);
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== null) continue;
    const a = [...known].reverse().find((k) => k < i), b = known.find((k) => k > i);
    out[i] = a === undefined ? out[b!]! : b === undefined ? out[a]! : out[a]! + ((out[b]! - out[a]!) * (i - a)) / (b - a);
  }
  return out as number[];
}

function audioOf(name: string): string {
  if (name.endsWith('.wav')) return path.join(DATA, 'audio', name);
  if (name === 'mt_sun') return path.join(DATA, 'audio', 'mt_sun.wav');
  const inVideo = path.join(DATA, 'video', `${name}.mp4`);
  return existsSync(inVideo) ? inVideo : path.join(DATA, 'train', 'clips', `${name}.mp4`);
}

async function energyOf(file: string, seconds: number): Promise<Float64Array> {
  const audio = await lipAudio(file);
  return frameEnergy(audio, FPS, Math.min(Math.round((audio.samples / 16000) * FPS), seconds * FPS));
}

/** Pearson r of a and b shifted by `lag` frames (b[i + lag] against a[i]). */
function laggedR(a: ArrayLike<number>, b: ArrayLike<number>, lag: number): number {
  const x: number[] = [], y: number[] = [];
  for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) { x.push(a[i]!); y.push(b[i + lag]!); }
  const mx = x.reduce((p, q) => p + q, 0) / x.length, my = y.reduce((p, q) => p + q, 0) / y.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) { sxy += (x[i]! - mx) * (y[i]! - my); sxx += (x[i]! - mx) ** 2; syy += (y[i]! - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy || 1);
}

/**
 * How pitch follows the speech: r of the pitch velocity (deg/frame, 0.1 s smoothed) with the speech's
 * rises (energy above its 0.25 s average, as the nods hear it), best over lags 0..0.6 s (pitch after
 * the sound); positive = chin going down as the stress comes.
 */
export function nodCoupling(pitch: ArrayLike<number>, energy: ArrayLike<number>, fps: number): { r: number; lag: number } {
  const n = Math.min(pitch.length, energy.length);
  const rise: number[] = [];
  let slow = -8;
  for (let i = 0; i < n; i++) { slow += (energy[i]! - slow) / (0.25 * fps); rise.push(Math.max(0, energy[i]! - slow)); }
  const vel: number[] = [];
  for (let i = 0; i < n; i++) vel.push((pitch[Math.min(n - 1, i + 1)]! - pitch[Math.max(0, i - 1)]!) / 2);
  let best = { r: -Infinity, lag: 0 };
  for (let lag = 0; lag <= Math.round(0.6 * fps); lag++) { const r = laggedR(rise, vel, lag); if (r > best.r) best = { r, lag }; }
  return best;
}

/** One row: sd per axis and band shares per axis. */
interface Row { sd: number[]; shares: number[][]; nod: number; lag: number; jerk: number[][]; speed: number; burst: number; aback: number }
/** Per axis: shake about a 7-frame mean, max one-frame step, reversals per second. */
const jerkOf = (v: ArrayLike<number>) => [shakeAboutMean(v, 7), maxStep(v), reversalsPerSecond(v, FPS, 0.05)];
function rowOf(series: Record<Axis, ArrayLike<number>>, energy: ArrayLike<number>): Row {
  return { sd: AXES.map((a) => sd(Array.from(series[a]))), shares: AXES.map((a) => bandShares(series[a], FPS)), ...(({ r, lag }) => ({ nod: r, lag: lag / FPS }))(nodCoupling(series.pitch, energy, FPS)), jerk: AXES.map((a) => jerkOf(series[a])), ...(({ median, burst }) => ({ speed: median, burst }))(strokeSpeed(series.yaw, series.pitch, FPS)), aback: backAndForth(series.yaw, series.pitch, FPS).p95 };
}
function meanRow(rows: Row[]): Row {
  const m = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  return { sd: AXES.map((_, j) => m((r) => r.sd[j]!)), shares: AXES.map((_, j) => BANDS.map((_, b) => m((r) => r.shares[j]![b]!))), nod: m((r) => r.nod), lag: m((r) => r.lag), jerk: AXES.map((_, j) => [0, 1, 2].map((k) => m((r) => r.jerk[j]![k]!))), speed: m((r) => r.speed), burst: m((r) => r.burst), aback: m((r) => r.aback) };
}
const fmtJerk = (r: Row) => AXES.map((_, j) => r.jerk[j]!.map((x, k) => x.toFixed(k === 2 ? 1 : 2).padStart(6)).join('')).join(' |') + ` | ${r.speed.toFixed(1).padStart(5)} ${r.burst.toFixed(2).padStart(5)} ${r.aback.toFixed(2).padStart(5)}`;
const fmtRow = (r: Row) => AXES.map((a, j) => `${r.sd[j]!.toFixed(2).padStart(5)} ${r.shares[j]!.map((x) => (x * 100).toFixed(0).padStart(3)).join('')}`).join(' |') + ` | ${r.nod.toFixed(2).padStart(5)} ${r.lag.toFixed(2)}`;

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const realDir = arg('--real', '/work/cache/head16/r25');
  const seconds = Number(arg('--seconds', '8')), seeds = Number(arg('--seeds', '4'));
  const g = argv.includes('--gain') ? arg('--gain', '1,1,1').split(',').map(Number) : null;
  const gain: HeadGain = g ? { yaw: g[0]!, pitch: g[1]!, roll: g[2]! } : HEAD_GAIN;
  const ours = async (name: string) => {
    const e = await energyOf(audioOf(name), seconds);
    return meanRow(Array.from({ length: seeds }, (_, s) => rowOf(headMotion(e, FPS, s, 0.2, gain), e)));
  };
  const head = `${'clip'.padEnd(30)}${AXES.map((a) => `${a.padStart(5)} ${BANDS.map(([lo]) => `${lo}`.padStart(3)).join('')}`).join(' |')} |   nod  lag`;
  console.log(`sd (deg) and % of variance in bands from ${BANDS.map(([lo]) => lo).join(' / ')} Hz; gain ${AXES.map((a) => gain[a]).join(' ')}, ${seeds} seeds, first ${seconds} s`);
  console.log(head);
  const real: Row[] = [], mine: Row[] = [];
  const jerkLines: string[] = [];
  for (const f of readdirSync(realDir).filter((x) => x.startsWith('real_') && x.endsWith('.json')).sort()) {
    const name = f.replace(/^real_|\.json$/g, '');
    const reads = JSON.parse(readFileSync(path.join(realDir, f), 'utf8')) as ({ fit: Record<Axis, number> } | null)[];
    if (reads.filter(Boolean).length < reads.length * 0.8 || reads.length < 100) continue;
    const series = Object.fromEntries(AXES.map((a) => [a, filled(reads.map((r) => (r ? r.fit[a] : null)))])) as Record<Axis, number[]>;
    const r = rowOf(series, await energyOf(audioOf(name), seconds)), o = await ours(name);
    real.push(r); mine.push(o);
    console.log(`${`real ${name}`.slice(0, 29).padEnd(30)}${fmtRow(r)}`);
    console.log(`${'  ours same audio'.padEnd(30)}${fmtRow(o)}`);
    jerkLines.push(`${`real ${name}`.slice(0, 29).padEnd(30)}${fmtJerk(r)}`, `${'  ours same audio'.padEnd(30)}${fmtJerk(o)}`);
  }
  for (const wav of ['eng.wav', 'japanese.wav', 'imagine.wav', 'mt_sun.wav', 'RD_Radio31_000.wav']) {
    const o = await ours(wav);
    console.log(`${`ours ${wav}`.padEnd(30)}${fmtRow(o)}`);
    jerkLines.push(`${`ours ${wav}`.padEnd(30)}${fmtJerk(o)}`);
  }
  const med = (rows: Row[]): Row => ({ sd: AXES.map((_, j) => quantile(rows.map((r) => r.sd[j]!), 0.5)), shares: AXES.map((_, j) => BANDS.map((_, b) => quantile(rows.map((r) => r.shares[j]![b]!), 0.5))), nod: quantile(rows.map((r) => r.nod), 0.5), lag: quantile(rows.map((r) => r.lag), 0.5), jerk: AXES.map((_, j) => [0, 1, 2].map((k) => quantile(rows.map((r) => r.jerk[j]![k]!), 0.5))), speed: quantile(rows.map((r) => r.speed), 0.5), burst: quantile(rows.map((r) => r.burst), 0.5), aback: quantile(rows.map((r) => r.aback), 0.5) });
  console.log(`median real (${real.length})`.padEnd(30) + fmtRow(med(real)));
  console.log('median ours'.padEnd(30) + fmtRow(med(mine)));
  const range = (rows: Row[], j: number, k: number) => `${Math.min(...rows.map((r) => r.jerk[j]![k]!)).toFixed(2)}..${Math.max(...rows.map((r) => r.jerk[j]![k]!)).toFixed(2)}`;
  console.log(`\nframe to frame: per axis shake about a 7-frame mean (deg), max one-frame step (deg), reversals / s; strokes: yaw+pitch speed median (deg/s), p90 / median; aback: back-and-forth travel in 0.4 s (path minus net, deg), p95`);
  console.log(`${'clip'.padEnd(30)}${AXES.map((a) => `${a.padStart(6)} shake  step   rev`).join(' |')} | speed burst aback`);
  for (const l of jerkLines) console.log(l);
  if (real.length) {
    console.log(`median real (${real.length})`.padEnd(30) + fmtJerk(med(real)));
    console.log('median ours same audio'.padEnd(30) + fmtJerk(med(mine)));
    console.log(`real range: ${AXES.map((a, j) => `${a} ${[0, 1, 2].map((k) => range(real, j, k)).join(' ')}`).join('; ')}`);
  }
  console.log(`real clips with pitch sd > roll sd: ${real.filter((r) => r.sd[1]! > r.sd[2]!).length}/${real.length}; ours ${mine.filter((r) => r.sd[1]! > r.sd[2]!).length}/${mine.length}`);
}
