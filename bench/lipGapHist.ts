// Is the rendered mouth a switch? (#12) Printed, never asserted. For one photo driven by one sound:
// the distribution of the rendered lip gap (the renderer's landmarks 13-14 over the eye-corner
// distance, the mesh the shader opens) over speech frames, against the motion's own jawOpen gap
// (x 0.6) and real speakers' tracked gaps in speech (the teacher cache, every training clip and
// Katie); and the mouth width at rounded frames (funnel + pucker >= 0.3) over the photo's own, rendered,
// against what the same rounding means on a real face (the teacher's reading, restFace.ts) and real
// speakers' width at their own rounded frames.
// Writes a histogram figure with --png.
//
// With --track every speech frame is also rendered and read back by the face detector (the visible
// gap, as `eval --mode audio` reads it: the shader's lip bands count as lip).
//
//   node --import tsx bench/lipGapHist.ts --audio A --photo P [--track] [--png out.png] [--label T]
//
// With --eval, the same bins from `eval --mode audio` reports (report.json, comma-separated): the
// rendered frames' read-back gap against the real video's own, frame by frame on the same clip, in
// speech and in silent stretches (lips apart there: > SILENT_APART), with the rendered lip r.
//
//   node --import tsx bench/lipGapHist.ts --eval a/report.json,b/report.json [--png out.png] [--label T]
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { DEFAULT_CACHE, HELDOUT_CLIPS, readCachedFaces, TEACHER_FPS, trainingClips } from '../src/motion/train/teacher.ts';
import { JAW_SCALE, LIP_TARGETS, loadClipData } from '../src/motion/train/lipData.ts';
import { silentStretchMask } from '../src/motion/lipGate.ts';

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const audioFile = arg('--audio'), photoFile = arg('--photo');
const FPS = TEACHER_FPS;
/** gap bins (eye-corner distances): shut below the first edge, open from the last */
const EDGES = [0.03, 0.06, 0.09, 0.12, 0.15, 0.18];
const BETWEEN: [number, number] = [0.03, 0.12];
/** lips apart in silence: more than a few pixels at 512 px (as bench/lipShape.ts's near-shut) */
const SILENT_APART = 0.03;
/** motion jawOpen bins of the transfer figure */
const JAW_BINS = [0, 0.01, 0.03, 0.05, 0.08, 0.12, 0.16, 0.2, 0.3];
const share = (v: number[], f: (x: number) => boolean) => v.filter(f).length / Math.max(1, v.length);
const hist = (v: number[]) => [-Infinity, ...EDGES].map((lo, k) => share(v, (x) => x >= lo && x < (EDGES[k] ?? Infinity)));
const between = (v: number[]) => share(v, (x) => x >= BETWEEN[0] && x < BETWEEN[1]);
const evalReports = arg('--eval');
if (evalReports) {
  await evalHistograms(evalReports.split(','));
  process.exit(0);
}
if (!audioFile || !photoFile) {
  console.error('usage: bench/lipGapHist.ts --audio A --photo P [--png out.png] [--label T] | --eval R1,R2 ...');
  process.exit(2);
}

const motion = await motionFromAudio(audioFile, { fps: FPS, pose: 'static', seed: 0, blink: 'none' });
const speech = speechActivity(await lipAudio(audioFile), FPS, motion.frameCount);
const portrait = await analyzePortrait(await loadImage(photoFile));
const renderer = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
const track = process.argv.includes('--track');
const tracked: number[] = [];
const rendered: number[] = [], motionGap: number[] = [], roundRatio: number[] = [], impliedRatio: number[] = [];
const restLm = renderer.landmarks(renderer.neutralFrame());
const restWidth = dist(restLm[61]!, restLm[291]!) / dist(restLm[33]!, restLm[263]!);
for (let i = 0; i < motion.frameCount; i++) {
  if (speech[i]! < 0.5) continue;
  const f = motion.frames[i]!;
  const lm = renderer.landmarks(f);
  const iod = dist(lm[33]!, lm[263]!);
  const gap = dist(lm[13]!, lm[14]!) / iod;
  rendered.push(gap);
  if (track) {
    const face = (await detectFaces(renderer.render(f), { embedding: false }))[0];
    if (face) tracked.push(dist(face.landmarks[13]!, face.landmarks[14]!) / dist(face.landmarks[33]!, face.landmarks[263]!));
  }
  motionGap.push((f.w.jawOpen ?? 0) * JAW_SCALE);
  const width = dist(lm[61]!, lm[291]!) / iod;
  const round = (f.w.mouthFunnel ?? 0) + (f.w.mouthPucker ?? 0);
  if (round >= 0.3) {
    roundRatio.push(width / restWidth);
    // the width a real speaker has at this rounding: the teacher reads funnel + pucker as (rest - width) / (0.25 rest), restFace.ts
    impliedRatio.push(1 - 0.25 * round);
  }
}
// real speakers: the teacher's gap in speech, and their width at rounded frames over their rest width
const real: number[] = [];
const realRatio: number[] = [];
const T = LIP_TARGETS.length, F = LIP_TARGETS.indexOf('mouthFunnel'), P = LIP_TARGETS.indexOf('mouthPucker');
for (const clip of [...trainingClips(0), HELDOUT_CLIPS[0]!]) {
  const faces = readCachedFaces(DEFAULT_CACHE, clip);
  if (!faces) continue;
  const c = await loadClipData(clip, faces, [0]);
  for (let i = 0; i < c.n; i++) {
    if (!c.valid[i] || c.speech[i]! < 0.5) continue;
    real.push(c.Y[i * T]! * JAW_SCALE);
    const round = c.Y[i * T + F]! + c.Y[i * T + P]!;
    // the teacher's narrowing: funnel + pucker = (rest width - width) / (0.25 rest width), restFace.ts
    if (round >= 0.3) realRatio.push(1 - 0.25 * round);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const rows: Record<string, number[]> = { 'rendered (mesh 13-14)': rendered, 'motion jawOpen x 0.6': motionGap, 'real speakers (teacher)': real };
if (track) rows['rendered, read back'] = tracked;
console.log(`${audioFile} on ${photoFile}: ${rendered.length} speech frames; gap bins ${['<', ...EDGES].join(' ')} (iod)`);
for (const [name, v] of Object.entries(rows)) console.log(`  ${name.padEnd(24)} ${hist(v).map((s) => (100 * s).toFixed(0).padStart(3)).join(' ')} %; between ${BETWEEN.join('-')}: ${(100 * between(v)).toFixed(1)} %`);
console.log(`mouth width over the photo's at rounded frames (funnel + pucker >= 0.3, ${roundRatio.length} frames): rendered ${median(roundRatio).toFixed(3)}, what the teacher's reading of the same rounding means ${median(impliedRatio).toFixed(3)}; real speakers at their rounded speech frames (${realRatio.length}) ${median(realRatio).toFixed(3)}`);

await writeFigure(rows);

/** Grouped bars (one group per gap bin, one bar per row), written to --png if given. */
async function writeFigure(rows: Record<string, number[]>): Promise<void> {
  const png = arg('--png');
  if (!png) return;
  const W = 640, H = 300, pad = 40, colours = ['#e07040', '#8080e0', '#50b050', '#e0d040'];
  const groups = EDGES.length + 1, gw = (W - 2 * pad) / groups, bw = gw / (Object.keys(rows).length + 1);
  const names = Object.keys(rows);
  const bars: string[] = [];
  Object.values(rows).forEach((v, r) => hist(v).forEach((s, k) => {
    const h = s * (H - 2 * pad) / 0.6;
    bars.push(`<rect x="${pad + k * gw + (r + 0.5) * bw}" y="${H - pad - h}" width="${bw - 2}" height="${h}" fill="${colours[r]}"/>`);
  }));
  const labels = ['&lt;' + EDGES[0], ...EDGES.map((e, k) => `${e}-${EDGES[k + 1] ?? ''}`)].map((l, k) => `<text x="${pad + k * gw + gw / 2}" y="${H - pad + 16}" font-size="11" text-anchor="middle" fill="#ddd">${l}</text>`);
  const legend = names.map((n, r) => `<rect x="${W - 230}" y="${12 + r * 16}" width="10" height="10" fill="${colours[r]}"/><text x="${W - 215}" y="${21 + r * 16}" font-size="12" fill="#ddd">${n} (${(100 * between(Object.values(rows)[r]!)).toFixed(0)} % between)</text>`);
  const title = `<text x="${pad}" y="22" font-size="13" fill="#fff">${(arg('--label') ?? '').replace(/&/g, '&amp;')} lip gap in speech (iod), share of frames</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#202020"/>${title}${bars.join('')}${labels.join('')}${legend.join('')}</svg>`;
  writeFileSync(png, await sharp(Buffer.from(svg)).png().toBuffer());
  console.log(`wrote ${png}`);
}

/**
 * The --eval path: per report, the real video's read-back gap and ours (eval's perFrame
 * mouthOpening rows), split into speech frames (activity >= 0.5) and silent stretches (frames more
 * than 0.1 s from speech, lipGate.ts), pooled over the reports.
 */
async function evalHistograms(files: string[]): Promise<void> {
  const pooled: Record<string, number[]> = { 'real video, read back': [], 'rendered, read back': [] };
  const silent = { real: [] as number[], ours: [] as number[] };
  for (const file of files) {
    const rep = JSON.parse(readFileSync(file, 'utf8')) as EvalReport;
    const real = rep.perFrame.real.mouthOpening, ours = rep.perFrame.engine.mouthOpening;
    const n = Math.min(real.length, ours.length);
    const speech = speechActivity(await lipAudio(rep.audio), FPS, n);
    const quiet = silentStretchMask(speech, Math.round(0.1 * FPS));
    const sp = { real: [] as number[], ours: [] as number[] };
    for (let i = 0; i < n; i++) {
      if (real[i] == null || ours[i] == null) continue;
      const into = quiet[i] ? silent : speech[i]! >= 0.5 ? sp : null;
      into?.real.push(real[i]!); into?.ours.push(ours[i]!);
    }
    pooled['real video, read back']!.push(...sp.real); pooled['rendered, read back']!.push(...sp.ours);
    const quietOurs = ours.filter((g, i) => quiet[i] && g != null) as number[];
    // the transfer: median read-back gap by the motion's jawOpen (the same motion eval rendered:
    // run from a checkout with the same lips.json), ours against the real video's at those frames
    const jaw = (await motionFromAudio(rep.audio, { fps: FPS, pose: 'static', seed: 0, blink: 'none' })).frames.map((f) => f.w.jawOpen ?? 0);
    const byJaw = JAW_BINS.map((lo, k) => {
      const at = [...Array(n).keys()].filter((i) => jaw[i]! >= lo && jaw[i]! < (JAW_BINS[k + 1] ?? Infinity) && ours[i] != null && real[i] != null);
      return at.length ? `${lo}: ${quantile(at.map((i) => ours[i]!), 0.5).toFixed(3)}/${quantile(at.map((i) => real[i]!), 0.5).toFixed(3)} (${at.length})` : `${lo}: -`;
    });
    const q = (v: number[]) => [0.1, 0.5, 0.9].map((p) => quantile(v, p).toFixed(3)).join('/');
    console.log(`${rep.video.split('/').pop()}: rendered lip r ${rep.methods.engine.lipR.mean?.toFixed(3)} (motion ${rep.methods.motion.lipR.mean?.toFixed(3)}); speech frames ${sp.real.length}, gap p10/p50/p90 real ${q(sp.real)} ours ${q(sp.ours)}; >= 0.15: real ${pct(sp.real, 0.15)} ours ${pct(sp.ours, 0.15)}; silent-stretch frames ${quietOurs.length}, ours apart ${pct(quietOurs, SILENT_APART)}`);
    console.log(`  median gap ours/real by motion jawOpen from: ${byJaw.join(' | ')}`);
  }
  console.log(`pooled over ${files.length} clips, speech frames, gap bins ${['<', ...EDGES].join(' ')} (iod)`);
  for (const [name, v] of Object.entries(pooled)) console.log(`  ${name.padEnd(24)} ${hist(v).map((s) => (100 * s).toFixed(0).padStart(3)).join(' ')} %; between ${BETWEEN.join('-')}: ${(100 * between(v)).toFixed(1)} %; >= 0.15: ${pct(v, 0.15)}`);
  console.log(`silent-stretch frames ${silent.ours.length}: lips apart (> ${SILENT_APART} iod) ours ${pct(silent.ours, SILENT_APART)}, real ${pct(silent.real, SILENT_APART)}`);
  await writeFigure(pooled);
}
interface EvalReport {
  video: string;
  audio: string;
  methods: Record<'engine' | 'motion', { lipR: { mean: number | null } }>;
  perFrame: Record<'engine' | 'real', { mouthOpening: (number | null)[] }>;
}
function quantile(v: number[], p: number): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}
function pct(v: number[], from: number): string {
  return `${(100 * share(v, (x) => x > from)).toFixed(1)} %`;
}
