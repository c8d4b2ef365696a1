// Per-speaker opening size (issue #13, review s12 fix-first #1: mt_sun over-opens, Katie's openings
// small): does anything in a speaker's own voice tell how wide that speaker opens, beyond what the
// lip model predicts? Per clip, on speakers the model never heard (the fold models of one seed;
// Katie and mt_sun with the product model, which never heard them either): our jawOpen's 90th
// percentile in speech (the product's pipeline) against the real one (the teacher's), and cues from
// the clip's audio. Prints each cue's Pearson r with log(real p90 / ours p90) across speakers.
//
//   node --import tsx bench/speakerScale.ts --folds DIR [--json OUT]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calibrateLips, loadLipModel, parseLipModel, postprocessLips, rawLipCurves, type LipModel } from '../src/motion/lipModel.ts';
import { frameEnergy, openRoundedVowels } from '../src/motion/lipRounding.ts';
import { DEFAULT_CACHE, HELDOUT_CLIPS, readCachedFaces, TEACHER_FPS, trainingClips } from '../src/motion/train/teacher.ts';
import { LIP_TARGETS, loadClipData } from '../src/motion/train/lipData.ts';
import { audioJaw, shapeAudioMouth } from '../src/motion/lipShapes.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { speechCues, spectrumCues } from './speakerCues.ts';
import { LogMelStream, SAMPLE_RATE } from '../src/motion/features.ts';
import { decodeAudioChunks } from '../src/io/decodeAudio.ts';
import { LIP_FRAME_DIM } from '../src/motion/lipFeatures.ts';

/** The file's raw (unnormalised) 100 Hz [energy, log-mel] frames. */
async function rawFrames(file: string): Promise<{ raw: Float32Array; n100: number }> {
  const out: number[] = [];
  const stream = new LogMelStream((f) => { for (let d = 0; d < LIP_FRAME_DIM; d++) out.push(f[d]!); });
  for await (const chunk of decodeAudioChunks(file, { sampleRate: SAMPLE_RATE, chunkSamples: SAMPLE_RATE * 4 })) stream.push(chunk);
  stream.flush();
  return { raw: Float32Array.from(out), n100: out.length / LIP_FRAME_DIM };
}

const arg = (n: string) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : undefined);
const dir = arg('--folds');
if (!dir) throw new Error('usage: bench/speakerScale.ts --folds DIR [--json OUT]');
const folds = readdirSync(dir).filter((f) => /^fold\d+\.json$/.test(f)).map((f) => { const model = parseLipModel(readFileSync(path.join(dir, f), 'utf8'), f); return { model, speakers: model.meta.heldOutSpeakers as string[] }; });
const product = loadLipModel();
const J = LIP_TARGETS.indexOf('jawOpen');
const q = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.round(p * (s.length - 1))]! : NaN; };
const pearson = (a: number[], b: number[]) => {
  const n = a.length, ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
};

type Row = { clip: string; speaker: string; ours: number; real: number; oursMax: number; realMax: number; cues: Record<string, number> };
const rows: Row[] = [];
const channels: Record<string, number[]>[] = [];
// whole-clip maps of the jaw before the product's map (lipShapes.ts audioJaw), scored per speaker
// (the size per speaker, r, loud frames and real closures shut)
const limiter = (k: number, c: number) => (jaw: Float64Array, use: number[]) => { const cut = k * q(use.map((i) => jaw[i]!), 0.9); return jaw.map((v) => (v > cut ? cut + c * (v - cut) : v)); };
const variants: { name: string; f: (jaw: Float64Array, use: number[]) => Float64Array }[] = [
  { name: 'audio2 raise (before)', f: (j) => j.map((v) => Math.min(1, v + 0.3 * Math.max(0, v - 0.15))) },
  { name: 'identity', f: (j) => j },
  { name: 'shipped (audioJaw)', f: (j) => j.map(audioJaw) },
  { name: 'x0.85', f: (j) => j.map((v) => 0.85 * v) },
  { name: 'x0.76', f: (j) => j.map((v) => 0.76 * v) },
  ...[0.08, 0.1, 0.12, 0.15].flatMap((k) => [0.6, 0.7, 0.8].map((c) => ({ name: `knee ${k} x${c}`, f: (j: Float64Array) => j.map((v) => (v > k ? k + c * (v - k) : v)) }))),
  { name: 'limit 1.3xp90 c.5', f: limiter(1.3, 0.5) },
  { name: 'limit 1.2xp90 c.3', f: limiter(1.2, 0.3) },
];
const score = new Map<string, Map<string, { r: number[]; e90: number[]; e99: number[]; loud: number[]; clos: number[] }>>();
const clips = [...trainingClips(0).map((c) => ({ c, model: folds.find((f) => f.speakers.includes(c.speaker))?.model })), ...HELDOUT_CLIPS.map((c) => ({ c, model: product as LipModel | undefined }))];
for (const { c: clip, model } of clips) {
  if (!model) continue;
  const faces = readCachedFaces(DEFAULT_CACHE, clip); if (!faces) continue;
  const d = await loadClipData(clip, faces, [0]);
  const cal = calibrateLips(model, rawLipCurves(model, d.audio, TEACHER_FPS, d.n), TEACHER_FPS);
  const energy = frameEnergy(d.audio, TEACHER_FPS, d.n);
  openRoundedVowels(cal, model.targets, energy);
  const mouth = postprocessLips(cal, d.speech, TEACHER_FPS, 0.45);
  const pre = Float64Array.from(mouth[model.targets.indexOf('jawOpen')]!);
  shapeAudioMouth(mouth, model.targets);
  const jaw = mouth[model.targets.indexOf('jawOpen')]!;
  const use = [...Array(d.n).keys()].filter((i) => d.valid[i] && d.speech[i]! >= 0.5);
  if (use.length < 40) continue;
  const ours = use.map((i) => jaw[i]!), real = use.map((i) => d.Y[i * LIP_TARGETS.length + J]!);
  const cut = q(use.map((i) => d.X[i]!), 0.8);
  for (const v of variants) {
    const j2 = v.f(pre, use), o = use.map((i) => j2[i]!);
    const bySpeaker = score.get(v.name) ?? new Map(); score.set(v.name, bySpeaker);
    const a = bySpeaker.get(clip.speaker) ?? { r: [], e90: [], e99: [], loud: [], clos: [] }; bySpeaker.set(clip.speaker, a);
    a.r.push(bestLagPearson(j2, d.videoJaw, 3).r);
    a.e90.push(Math.log(q(o, 0.9) / q(real, 0.9))); a.e99.push(Math.log(q(o, 0.99) / q(real, 0.99)));
    const loud = use.filter((i) => d.X[i]! >= cut), clos = use.filter((i) => d.Y[i * LIP_TARGETS.length + J]! < 0.05);
    a.loud.push(loud.filter((i) => j2[i]! * 0.6 < 0.03).length / Math.max(1, loud.length));
    a.clos.push(clos.filter((i) => j2[i]! < 0.05).length / Math.max(1, clos.length));
    if (['mt_sun', 'katie', 'styletalk_Obama_clip1', 'tfp_FAzSK8PLmGI', 'styletalk_andrew_clip_1'].includes(clip.name)) console.log(`    ${clip.name} ${v.name}: p90 ${q(o, 0.9).toFixed(3)} (${q(real, 0.9).toFixed(3)}) p99 ${q(o, 0.99).toFixed(3)} (${q(real, 0.99).toFixed(3)})`);
  }
  // every channel's 90th percentile in speech, ours over real (is the audio's rounding as large as the speaker's?)
  channels.push(Object.fromEntries(LIP_TARGETS.map((t, k) => { const m = mouth[model.targets.indexOf(t)]; return [t, m ? [q(use.map((i) => m[i]!), 0.9), q(use.map((i) => Math.max(0, d.Y[i * LIP_TARGETS.length + k]!)), 0.9)] : [NaN, NaN]]; })));
  rows.push({ clip: clip.name, speaker: clip.speaker, ours: q(ours, 0.9), real: q(real, 0.9), oursMax: q(ours, 0.99), realMax: q(real, 0.99), cues: { ...speechCues(d.audio, TEACHER_FPS, d.n, d.speech), ...await (async () => { const r = await rawFrames(clip.audio); return spectrumCues(r.raw, r.n100); })(), oursP90: q(ours, 0.9), ...Object.fromEntries(LIP_TARGETS.slice(1).flatMap((t, k) => { const m = mouth[model.targets.indexOf(t)]; return m ? [[`ours_${t}`, use.reduce((a, i) => a + m[i]!, 0) / use.length], [`real_${t}`, use.reduce((a, i) => a + d.Y[i * LIP_TARGETS.length + k + 1]!, 0) / use.length]] : []; })) } });
  const r = rows.at(-1)!;
  console.log(`${r.clip.padEnd(28)} p90 ours ${r.ours.toFixed(3)} real ${r.real.toFixed(3)} ratio ${(r.real / r.ours).toFixed(2)} | ${Object.entries(r.cues).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(' ')}`);
}
// per speaker (mean over its clips), so a speaker with three clips counts once
const speakers = [...new Set(rows.map((r) => r.speaker))].map((s) => {
  const rs = rows.filter((r) => r.speaker === s), m = (f: (r: Row) => number) => rs.reduce((t, r) => t + f(r), 0) / rs.length;
  return { s, y: m((r) => Math.log(r.real / r.ours)), cues: Object.fromEntries(Object.keys(rs[0]!.cues).map((k) => [k, m((r) => r.cues[k]!)])) };
});
const y = speakers.map((s) => s.y);
console.log(`\n${speakers.length} speakers; log(real/ours p90) mean ${(y.reduce((a, b) => a + b, 0) / y.length).toFixed(3)} sd ${Math.sqrt(y.reduce((a, b) => a + b * b, 0) / y.length - (y.reduce((a, b) => a + b, 0) / y.length) ** 2).toFixed(3)}`);
for (const k of Object.keys(speakers[0]!.cues)) console.log(`  r(${k}, log ratio) = ${pearson(speakers.map((s) => s.cues[k]!), y).toFixed(3)}`);
console.log('\nper channel, 90th percentile in speech: median over clips of ours / real (ours median, real median)');
for (const t of LIP_TARGETS) { const v = channels.map((c) => c[t]!).filter((x) => x[1]! > 0.02); console.log(`  ${t.padEnd(18)} ${q(v.map((x) => x[0]! / x[1]!), 0.5).toFixed(2)} (${q(v.map((x) => x[0]!), 0.5).toFixed(3)} / ${q(v.map((x) => x[1]!), 0.5).toFixed(3)}) over ${v.length} clips`); }
console.log('\nvariant: per-speaker means of r, |log size error| at p90 / p99 (and signed), loud frames shut, real closures shut');
const avg = (v: number[]) => v.reduce((t, x) => t + x, 0) / v.length;
for (const [name, sp] of score) {
  const per = [...sp.values()].map((a) => ({ r: avg(a.r), e90: avg(a.e90), e99: avg(a.e99), loud: avg(a.loud), clos: avg(a.clos) }));
  console.log(`  ${name.padEnd(20)} r ${avg(per.map((p) => p.r)).toFixed(4)} |e90| ${avg(per.map((p) => Math.abs(p.e90))).toFixed(3)} (${avg(per.map((p) => p.e90)).toFixed(3)}) |e99| ${avg(per.map((p) => Math.abs(p.e99))).toFixed(3)} (${avg(per.map((p) => p.e99)).toFixed(3)}) loud shut ${(100 * avg(per.map((p) => p.loud))).toFixed(1)}% closures shut ${(100 * avg(per.map((p) => p.clos))).toFixed(1)}%`);
}
if (arg('--json')) writeFileSync(arg('--json')!, JSON.stringify({ rows, speakers }, null, 1));
