// The audio mouth's width against real mouths (issue #13/#14, width19: "the width barely moves"), no
// rendering: the motion's rig width change (stretch widens 0.338, pucker narrows 0.45, funnel 0.34 at 1:
// rig/basis on the mean face; read back from renders the rig's width comes through at slope ~0.9) against
// the real mouth width of face tracks (bench/trackLipClips.ts, /tmp/audio18/faces, first 8 s), as a
// fraction of the speech median. Per clip and --sigmas variant (lipWidthDetail.ts widthSigma):
//   sd (ours/real ratio), p10/p90 tails about the median, r at lag 0; the same for the fast part (the
//   width less its +-6-frame running mean: syllables) and r of the slow part (the running mean);
//   StyleTalk clips: median width by phoneme class (front vowels IY IH EY EH, rounded UW UH OW OY W).
// Groups: heard natural speech (StyleTalk), held-out (Katie, mt_sun: speakers the model never heard), GRID s1.
//   node --import tsx bench/widthStages.ts [--sigmas 1.5,0.75] [--faces DIR] [--clips katie,obama1]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { pearson } from '../src/motion/filters.ts';
import { DATA } from '../src/motion/train/teacher.ts';

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const faces = arg('--faces', '/tmp/audio18/faces');
const sigmas = arg('--sigmas', '1.5,0.75').split(',').map(Number);
const only = argv.includes('--clips') ? arg('--clips', '').split(',') : null;
/** phindex ids (bench/phonemeTruth.ts): IY IH EY EH; UW UH OW OY W */
const FRONT = new Set([17, 16, 12, 10]), ROUND = new Set([35, 34, 25, 26, 37]);
const PHONEMES: Record<string, string> = { obama1: 'styletalk_Obama_clip1', feifei1: 'styletalk_feifeili_clip1', andrew1: 'styletalk_andrew_clip_1', reagan1: 'styletalk_reagan_clip1', noem: 'styletalk_KristiNoem' };

const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
const q = (v: number[], p: number) => sorted(v)[Math.floor(p * (v.length - 1))]!;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const sd = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));
/** each value less the mean of the 2h+1 around it (the ends: what exists) */
const fastPart = (v: ArrayLike<number>, h: number) => Float64Array.from({ length: v.length }, (_, i) => {
  let s = 0, k = 0;
  for (let j = Math.max(0, i - h); j <= Math.min(v.length - 1, i + h); j++, k++) s += v[j]!;
  return v[i]! - s / k;
});
const FAST_HALF = 6;

/** The rig's mouth width change (fraction of the neutral's) of one frame of audio curves (as bench/lipTiming.ts, which runs on import). */
function rigWidthChange(curves: Float64Array[], targets: readonly string[], i: number): number {
  const at = (k: string) => curves[targets.indexOf(k)]?.[i] ?? 0;
  return (0.338 * (at('mouthStretchLeft') + at('mouthStretchRight'))) / 2 - 0.45 * at('mouthPucker') - 0.34 * at('mouthFunnel');
}

interface Clip { name: string; group: 'heard' | 'held' | 'grid'; audio: Awaited<ReturnType<typeof lipAudio>>; n: number; width: (number | null)[]; phonemes?: number[] }

async function clips(): Promise<Clip[]> {
  const out: Clip[] = [];
  for (const f of readdirSync(faces).filter((x) => x.endsWith('.json')).sort()) {
    const d = JSON.parse(readFileSync(path.join(faces, f), 'utf8')) as { clip: string; video: string; frames: ({ m: { mouthWidth: number }; score: number } | null)[] };
    if (only && !only.includes(d.clip)) continue;
    const audio = await lipAudio(d.video.endsWith('video/mt_sun.mp4') ? path.join(DATA, 'audio/mt_sun.wav') : d.video);
    const n = Math.min(d.frames.length, Math.round((audio.samples / 16000) * 25));
    const ph = PHONEMES[d.clip] ? path.join(DATA, 'train/clips', `${PHONEMES[d.clip]}.phonemes30fps.json`) : '';
    out.push({
      name: d.clip, audio, n, group: d.clip.startsWith('grid_') ? 'grid' : /^(katie|mt_sun)$/.test(d.clip) ? 'held' : 'heard',
      width: d.frames.slice(0, n).map((r) => (r && r.score >= 0.5 ? r.m.mouthWidth : null)),
      phonemes: ph && existsSync(ph) ? (JSON.parse(readFileSync(ph, 'utf8')) as number[]) : undefined,
    });
  }
  return out;
}

interface Row { sd: number; p10: number; p90: number; r: number; fastSd: number; fastR: number; slowR: number; front?: number; round?: number }

/** One clip's figures of a width track (fractions of its speech median) over speech frames with a reading. */
function rowOf(w: ArrayLike<number>, at: number[], real: Float64Array, phonemes?: number[]): Row & { real: Row } {
  const fig = (v: ArrayLike<number>): Row => {
    const x = at.map((i) => v[i]!), m = q(x, 0.5), fast = fastPart(v, FAST_HALF), xf = at.map((i) => fast[i]!);
    const cls = (s: Set<number>) => { const c = at.filter((i) => s.has(phonemes![Math.floor((i * 30) / 25)]!)).map((i) => v[i]! - m); return c.length ? q(c, 0.5) : NaN; };
    return {
      sd: sd(x), p10: q(x, 0.1) - m, p90: q(x, 0.9) - m, r: pearson(x, at.map((i) => real[i]!)), fastSd: sd(xf), fastR: pearson(xf, at.map((i) => fastPart(real, FAST_HALF)[i]!)),
      slowR: pearson(at.map((i) => v[i]! - fast[i]!), at.map((i) => real[i]! - fastPart(real, FAST_HALF)[i]!)),
      ...(phonemes ? { front: cls(FRONT), round: cls(ROUND) } : {}),
    };
  };
  return { ...fig(w), real: fig(real) };
}

const model = loadLipModel();
const cases = await clips();
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '  -  ');
for (const sigma of sigmas) {
  console.log(`widthSigma ${sigma}: per clip ours (real): sd [ours/real], p10, p90, r; fast sd, fast r, slow r; front / round vowel median`);
  const groups = new Map<string, (Row & { real: Row })[]>();
  for (const c of cases) {
    const curves = audioMouthCurves(model, c.audio, 25, c.n, { widthSigma: sigma });
    const sp = speechActivity(c.audio, 25, c.n);
    const at = [...Array(c.n).keys()].filter((i) => sp[i]! >= 0.5 && c.width[i] !== null);
    if (at.length < 20) continue;
    // the real width over its speech median, held through unread frames for the running mean
    const med = q(at.map((i) => c.width[i]!), 0.5);
    let last = med;
    const real = Float64Array.from(c.width, (v) => (last = v ?? last) / med - 1);
    const ours = Float64Array.from({ length: c.n }, (_, i) => rigWidthChange(curves, model.targets, i));
    const row = rowOf(ours, at, real, c.phonemes);
    groups.set(c.group, [...(groups.get(c.group) ?? []), row]);
    const ph = c.phonemes ? ` | front ${f3(row.front!)} (${f3(row.real.front!)}) round ${f3(row.round!)} (${f3(row.real.round!)})` : '';
    console.log(`  ${c.name.padEnd(13)} sd ${f3(row.sd)} (${f3(row.real.sd)}) [${(row.sd / row.real.sd).toFixed(2)}] p10 ${f3(row.p10)} (${f3(row.real.p10)}) p90 ${f3(row.p90)} (${f3(row.real.p90)}) r ${row.r.toFixed(2)} | fast sd ${f3(row.fastSd)} (${f3(row.real.fastSd)}) r ${row.fastR.toFixed(2)} | slow r ${row.slowR.toFixed(2)}${ph}`);
  }
  for (const [g, rows] of groups) {
    const md = (f: (r: Row & { real: Row }) => number) => q(rows.map(f), 0.5).toFixed(3);
    console.log(`  = ${g} (${rows.length}) medians: sd ratio ${md((r) => r.sd / r.real.sd)}, fast sd ratio ${md((r) => r.fastSd / r.real.fastSd)}, r ${md((r) => r.r)}, fast r ${md((r) => r.fastR)}, slow r ${md((r) => r.slowR)}, p10 ratio ${md((r) => r.p10 / r.real.p10)}, p90 ratio ${md((r) => r.p90 / r.real.p90)}`);
  }
}
