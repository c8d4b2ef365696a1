// Closure releases, ours against real (release36, #13, critic35 #4: the audio jaw snapping shut -> open in
// one frame). No rendering. One detector for both sides: a closure is a local minimum of the curve under
// max(shut, its median / 3) (bench/lipTiming.ts's real closure); its release rise is the largest one-frame
// rise over the next 3 frames (the closure or the frame after it in speech), over the curve's p95 (speech frames where the clip has sound, else frames with
// a face). Also the clip's three largest one-frame rises anywhere over p95 (the lead's s35 figure).
//   - real: lip gap (IOD) of cached driver tracks at 25 fps (bench/driverTracks.ts --fps 25 V; GRID s1 sentences,
//     Katie and the lp_d drivers), shut 0.03 IOD;
//   - ours: the audio motion's jawOpen (audioMouthCurves, mouthAmp default) before (releaseRise 0) and after
//     (the product), shut 0.05 jawOpen (~0.03 IOD); for tracked clips with sound, on their own sound;
//     plus: closure frames (weight >= 0.5) left shut (< 0.05), frames changed, mean jaw given up per changed frame.
//   node --import tsx bench/lipRelease.ts [--audio mt_sun.wav,eng.wav,...] [--tracks lp_d11.mp4,...] [--grid 36] [--rise 0.5,0.4]
// --onsets (onset37): instead, phrase onsets out of a pause (speech after >= 5 frames without, lipOnset.ts phraseOnsets;
// clips with sound only), one detector for real and ours: the lead (frames before the onset where the gap's final
// rise passes 20 % of the way from the pause's floor to the onset's opening: the lips start parting) and the largest
// one-frame rise from 4 frames before the onset to its 4th frame, over p95; ours before (onsetRise 0) and per
// `--onset-rise` setting, on the product's sounds and on each tracked clip's own sound.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { closureWeights } from '../src/motion/lipClosures.ts';
import { RELEASE_RISE, RELEASE_SHUT_WEIGHT, speechQuantile } from '../src/motion/lipRelease.ts';
import { ONSET_LEAD, ONSET_RISE, phraseOnsets } from '../src/motion/lipOnset.ts';
import { gridSubsample } from '../src/motion/train/teacher.ts';
import { cachedTrack, trackFile } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const FPS = 25;
const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);

/** Release rises (largest one-frame rise in the 3 frames after each closure) over p95, and the top-3 rises anywhere over p95. */
export function releaseFigures(c: (number | null)[], use: boolean[], shut: number): { releases: number[]; top: number[]; p95: number } {
  const vals = c.filter((v, i): v is number => v !== null && use[i]!).sort((a, b) => a - b);
  const q = (p: number) => vals[Math.round(p * (vals.length - 1))] ?? NaN;
  const p95 = q(0.95), cut = Math.max(shut, q(0.5) / 3);
  const releases: number[] = [], rises: number[] = [];
  for (let i = 1; i < c.length; i++) if (c[i] !== null && c[i - 1] !== null && use[i]!) rises.push(c[i]! - c[i - 1]!);
  for (let i = 1; i < c.length - 1; i++) {
    const g = c[i];
    // a closure at a phrase's start sits in the pause: counted when its release is in speech
    if (g === null || !(use[i] || use[i + 1]) || g >= cut || g > (c[i - 1] ?? Infinity) || g > (c[i + 1] ?? Infinity)) continue;
    let best = -Infinity;
    for (let k = i + 1; k <= i + 3 && k < c.length; k++) if (c[k] !== null && c[k - 1] !== null) best = Math.max(best, c[k]! - c[k - 1]!);
    if (best > -Infinity) releases.push(best / p95);
  }
  return { releases, top: rises.sort((a, b) => b - a).slice(0, 3).map((r) => r / p95), p95 };
}

const qs = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.round(p * (v.length - 1))] ?? NaN;
const f2 = (x: number) => x.toFixed(2);
const summary = (f: { releases: number[]; top: number[] }) => `releases ${String(f.releases.length).padStart(3)}: rise/p95 p50 ${f2(qs(f.releases, 0.5))} p90 ${f2(qs(f.releases, 0.9))} max ${f2(Math.max(...f.releases))} | top-3 rises/p95 ${f.top.map(f2).join(' ')}`;

const model = loadLipModel();
const jawAt = model.targets.indexOf('jawOpen');
const rises = arg('--rise', String(RELEASE_RISE)).split(',').map(Number);

/** Ours on one sound: before (0) and each rise setting, with the closure frames' state and what changed. */
async function oursOn(name: string, file: string, frames?: number): Promise<void> {
  const audio = await lipAudio(file);
  const n = frames ?? Math.floor((audio.samples / 16000) * FPS);
  const sp = speechActivity(audio, FPS, n), use = Array.from(sp, (s) => s >= 0.5);
  const w = closureWeights(audio, FPS, n);
  const before = audioMouthCurves(model, audio, FPS, n, { releaseRise: 0 })[jawAt]!;
  const shutN = (j: Float64Array) => [...w.keys()].filter((i) => w[i]! >= RELEASE_SHUT_WEIGHT && j[i]! < 0.05).length;
  const closN = [...w].filter((x) => x >= RELEASE_SHUT_WEIGHT).length;
  console.log(`  ${name.padEnd(16)} ours before    ${summary(releaseFigures(Array.from(before), use, 0.05))} | closure frames shut ${shutN(before)}/${closN} | p95 jaw ${speechQuantile(before, sp, 0.95).toFixed(3)}`);
  for (const rise of rises) {
    const after = audioMouthCurves(model, audio, FPS, n, { releaseRise: rise })[jawAt]!;
    const changed = [...after.keys()].filter((i) => Math.abs(after[i]! - before[i]!) > 1e-9);
    const lost = changed.reduce((s, i) => s + before[i]! - after[i]!, 0) / Math.max(1, changed.length);
    console.log(`  ${name.padEnd(16)} ours rise ${rise.toFixed(2)} ${summary(releaseFigures(Array.from(after), use, 0.05))} | closure frames shut ${shutN(after)}/${closN} | changed ${changed.length}/${n} frames (${changed.slice(0, 10).map((i) => `f${i}`).join(" ")}${changed.length > 10 ? " ..." : ""}), jaw -${lost.toFixed(3)} each`);
  }
}

/** The real lip gap of a cached 25 fps track (null where no face), and whether the clip has sound to gate by. */
async function realOf(video: string): Promise<{ gap: (number | null)[]; use: boolean[]; audioFile?: string }> {
  const raw = await cachedTrack(video, FPS);
  const gap = raw.map((r) => (r && r.score >= 0.5 ? r.m.lipGap : null));
  const base = path.basename(video);
  // lp_d drivers' sound is music: every frame with a face counts; GRID and Katie speak
  if (/^lp_d/.test(base)) return { gap, use: gap.map(() => true) };
  const audioFile = path.resolve(SHARED_DATA, 'video', video);
  const audio = await lipAudio(audioFile);
  const sp = speechActivity(audio, FPS, gap.length);
  return { gap, use: Array.from(sp, (s) => s >= 0.5), audioFile };
}

/** Per phrase onset: the lead (frames the opening starts before the onset) and the largest one-frame rise around it over p95. */
export function onsetFigures(c: (number | null)[], speech: ArrayLike<number>, p95: number): { at: number; lead: number; rise: number; before: number; profile: (number | null)[] }[] {
  const out: { at: number; lead: number; rise: number; before: number; profile: (number | null)[] }[] = [];
  const v = (k: number) => (k >= 0 && k < c.length ? c[k] ?? null : null);
  for (const i of phraseOnsets(speech)) {
    let floor = Infinity, open = -Infinity, peak = i;
    for (let k = i - 8; k < i; k++) if (v(k) !== null) floor = Math.min(floor, v(k)!);
    for (let k = i; k < i + 4; k++) if (v(k) !== null && v(k)! > open) { open = v(k)!; peak = k; }
    if (!Number.isFinite(floor)) floor = 0;
    if (!Number.isFinite(open) || open - floor < 0.1 * p95) continue; // no opening to speak of
    const thr = floor + 0.2 * (open - floor);
    let start = peak;
    while (start - 1 >= i - 6 && v(start - 1) !== null && v(start - 1)! >= thr) start--;
    let rise = 0;
    for (let k = i - 3; k < i + 4; k++) if (v(k) !== null && v(k - 1) !== null) rise = Math.max(rise, v(k)! - v(k - 1)!);
    const profile = [-4, -3, -2, -1, 0, 1, 2, 3].map((k) => (v(i + k) === null ? null : v(i + k)! / p95));
    out.push({ at: i, lead: i - start, rise: rise / p95, before: (v(i - 1) ?? 0) / p95, profile });
  }
  return out;
}
type OnsetRow = ReturnType<typeof onsetFigures>[number];
const onsetSummary = (o: OnsetRow[]) => !o.length ? 'no onsets' : `onsets ${String(o.length).padStart(3)}: lead p10/p50/p90 ${qs(o.map((x) => x.lead), 0.1)}/${qs(o.map((x) => x.lead), 0.5)}/${qs(o.map((x) => x.lead), 0.9)} (mean ${(o.reduce((a, x) => a + x.lead, 0) / o.length).toFixed(2)}) | largest rise/p95 p50 ${f2(qs(o.map((x) => x.rise), 0.5))} p90 ${f2(qs(o.map((x) => x.rise), 0.9))} max ${f2(Math.max(...o.map((x) => x.rise)))} | gap / p95 at -4..+3, p50 ${[0, 1, 2, 3, 4, 5, 6, 7].map((k) => f2(qs(o.map((x) => x.profile[k]).filter((g): g is number => g !== null), 0.5))).join(' ')}`;

if (argv.includes('--onsets')) {
  const onsetRises = arg('--onset-rise', String(ONSET_RISE)).split(',').map(Number), onsetLead = Number(arg('--onset-lead', String(ONSET_LEAD)));
  const oursOnsets = (audio: Awaited<ReturnType<typeof lipAudio>>, n: number, rise: number) => {
    const sp = speechActivity(audio, FPS, n);
    const jaw = audioMouthCurves(model, audio, FPS, n, { onsetRise: rise, onsetRiseLead: onsetLead })[jawAt]!;
    return { jaw, o: onsetFigures(Array.from(jaw), sp, speechQuantile(jaw, sp, 0.95)) };
  };
  console.log(`phrase onsets: ours on the product's sounds (onset rise settings ${onsetRises.join(', ')}; 0 = before)`);
  for (const a of arg('--audio', 'mt_sun.wav,RD_Radio31_000.wav,eng.wav,imagine.wav,japanese.wav').split(',').filter(Boolean)) {
    const audio = await lipAudio(path.join(SHARED_DATA, 'audio', a));
    const n = Math.floor((audio.samples / 16000) * FPS);
    const before = oursOnsets(audio, n, 0);
    console.log(`  ${a.padEnd(18)} before ${onsetSummary(before.o)}`);
    console.log(`  ${''.padEnd(18)}        each (frame lead rise): ${before.o.map((x) => `f${x.at} ${x.lead} ${f2(x.rise)}`).join(', ')}`);
    for (const r of onsetRises) {
      const after = oursOnsets(audio, n, r);
      const changed = [...after.jaw.keys()].filter((i) => Math.abs(after.jaw[i]! - before.jaw[i]!) > 1e-9);
      console.log(`  ${''.padEnd(18)} ${r.toFixed(2)}   ${onsetSummary(after.o)} | changed ${changed.length}/${n}`);
      console.log(`  ${''.padEnd(18)}        each (frame lead rise): ${after.o.map((x) => `f${x.at} ${x.lead} ${f2(x.rise)}`).join(', ')}`);
    }
  }
  const grid = gridSubsample(Number(arg('--grid', '36'))).map((f) => path.join(SHARED_DATA, 'train/grid_s1', f)).filter((v) => existsSync(trackFile(v, FPS)));
  const tracked = [...arg('--tracks', 'WDA_KatieHill_000.mp4').split(',').filter(Boolean).filter((v) => existsSync(trackFile(v, FPS))), ...grid];
  console.log(`\nreal (tracked lip gap at 25 fps, its own sound's speech gate) and ours on that sound; GRID pooled over ${grid.length} sentences`);
  const pool: Record<string, OnsetRow[]> = { real: [] };
  for (const v of tracked) {
    const r = await realOf(v);
    if (!r.audioFile) continue;
    const audio = await lipAudio(r.audioFile);
    const n = r.gap.length, sp = speechActivity(audio, FPS, n);
    const fr = onsetFigures(r.gap, sp, speechQuantile(Float64Array.from(r.gap, (g) => g ?? 0), sp, 0.95));
    const rows: [string, OnsetRow[]][] = [['real', fr], ...[0, ...onsetRises].map((rise) => [rise ? `ours ${rise.toFixed(2)}` : 'ours before', oursOnsets(audio, n, rise).o] as [string, OnsetRow[]])];
    for (const [label, o] of rows) {
      if (v.includes('grid_s1')) (pool[label] ??= []).push(...o);
      else console.log(`  ${path.basename(v).padEnd(22)} ${label.padEnd(12)} ${onsetSummary(o)}${label === 'real' ? `\n  ${''.padEnd(35)}each (frame lead rise): ${o.map((x) => `f${x.at} ${x.lead} ${f2(x.rise)}`).join(', ')}` : ''}`);
    }
  }
  for (const [label, o] of Object.entries(pool)) if (o.length) console.log(`  GRID s1 pooled         ${label.padEnd(12)} ${onsetSummary(o)}`);
  process.exit(0);
}

const audios = arg('--audio', 'mt_sun.wav,eng.wav,imagine.wav,RD_Radio31_000.wav,japanese.wav').split(',').filter(Boolean);
console.log(`ours on the product's sounds (rise settings ${rises.join(', ')}; 0 = before)`);
for (const a of audios) await oursOn(a, path.join(SHARED_DATA, 'audio', a));

const grid = gridSubsample(Number(arg('--grid', '36'))).map((f) => path.join(SHARED_DATA, 'train/grid_s1', f)).filter((v) => existsSync(trackFile(v, FPS)));
const tracks = [...arg('--tracks', 'lp_d11.mp4,lp_d6.mp4,lp_d10.mp4,WDA_KatieHill_000.mp4').split(',').filter(Boolean).filter((v) => existsSync(trackFile(v, FPS))), ...grid];
console.log(`\nreal (tracked lip gap, 25 fps) and ours on the same sound; GRID pooled over ${grid.length} sentences`);
const pool = { real: [] as number[], before: [] as number[], after: [] as number[] };
for (const v of tracks) {
  const r = await realOf(v);
  const fr = releaseFigures(r.gap, r.use, 0.03);
  const isGrid = v.includes('grid_s1');
  if (isGrid) pool.real.push(...fr.releases);
  else console.log(`  ${path.basename(v).padEnd(16)} real           ${summary(fr)}`);
  if (!r.audioFile) continue;
  const audio = await lipAudio(r.audioFile);
  const n = r.gap.length, sp = Array.from(speechActivity(audio, FPS, n), (s) => s >= 0.5);
  for (const [label, rise] of [['before', 0], ['after', rises[0]!]] as const) {
    const jaw = Array.from(audioMouthCurves(model, audio, FPS, n, { releaseRise: rise })[jawAt]!);
    const f = releaseFigures(jaw, sp, 0.05);
    if (isGrid) pool[label].push(...f.releases);
    else console.log(`  ${path.basename(v).padEnd(16)} ours ${label.padEnd(9)} ${summary(f)}`);
  }
}
if (grid.length) for (const k of ['real', 'before', 'after'] as const) console.log(`  GRID s1 pooled   ${k.padEnd(14)} releases ${pool[k].length}: rise/p95 p50 ${f2(qs(pool[k], 0.5))} p90 ${f2(qs(pool[k], 0.9))} max ${f2(Math.max(...pool[k]))}`);

// --traces OUT.jpg: per clip the real lip gap (grey, IOD), ours before (red) and after (blue) as jawOpen x 0.6 (the
// renderer's IOD per unit), our closure frames (weight >= 0.5) shaded; Katie, mt_sun's sound (ours only) and the
// first tracked GRID sentences with b/p words.
const tracesOut = arg('--traces', '');
if (tracesOut) {
  const sharp = (await import('sharp')).default;
  const W = 1400, H = 170, Y = 0.3; // IOD at the panel's top
  const panels: string[] = [];
  const panel = (title: string, from: number, curves: { v: (number | null)[]; colour: string }[], shutW: ArrayLike<number>, k: number): string => {
    const n = curves[0]!.v.length - from, x = (i: number) => 40 + ((i - from) / Math.max(1, n - 1)) * (W - 60), y = (v: number) => k * H + H - 18 - (Math.min(v, Y) / Y) * (H - 36);
    let s = `<rect x="0" y="${k * H}" width="${W}" height="${H}" fill="#fff"/><text x="44" y="${k * H + 14}" font-size="13">${title}</text>`;
    for (let i = from; i < from + n; i++) if (shutW[i]! >= RELEASE_SHUT_WEIGHT) s += `<rect x="${x(i) - 3}" y="${k * H + 18}" width="6" height="${H - 36}" fill="#fd9"/>`;
    for (const g of [0, 0.1, 0.2, 0.3]) s += `<line x1="40" x2="${W - 20}" y1="${y(g)}" y2="${y(g)}" stroke="#ddd"/><text x="4" y="${y(g) + 4}" font-size="10">${g.toFixed(1)}</text>`;
    for (let i = from; i < from + n; i += 25) s += `<text x="${x(i) - 6}" y="${k * H + H - 4}" font-size="10">f${i}</text>`;
    for (const c of curves) {
      let d = '';
      c.v.forEach((v, i) => { if (i >= from && v !== null) d += `${d && c.v[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`; });
      s += `<path d="${d}" fill="none" stroke="${c.colour}" stroke-width="1.6"/>`;
    }
    return s;
  };
  const oursPair = async (file: string, n: number) => {
    const audio = await lipAudio(file);
    const [b, a] = [0, rises[0]!].map((rise) => Array.from(audioMouthCurves(model, audio, FPS, n, { releaseRise: rise })[jawAt]!, (v) => v * 0.6));
    return { b: b!, a: a!, w: closureWeights(audio, FPS, n) };
  };
  const sun = await oursPair(path.join(SHARED_DATA, 'audio/mt_sun.wav'), 225);
  panels.push(panel('mt_sun.wav, ours only (its real mouth is a frozen smile): before red, after blue; closures shaded', 60, [{ v: sun.b, colour: '#d22' }, { v: sun.a, colour: '#24d' }], sun.w, panels.length));
  const clips = [...tracks.filter((v) => /Katie/.test(v)), ...grid.slice(0, Number(arg('--trace-grid', '5')))];
  for (const v of clips) {
    const r = await realOf(v);
    if (!r.audioFile) continue;
    const o = await oursPair(r.audioFile, r.gap.length);
    panels.push(panel(`${path.basename(v)}: real lip gap grey, ours before red, after blue (jaw x .6 IOD)`, 0, [{ v: r.gap, colour: '#888' }, { v: o.b, colour: '#d22' }, { v: o.a, colour: '#24d' }], o.w, panels.length));
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H * panels.length}" font-family="sans-serif">${panels.join('')}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(tracesOut);
  console.log(`wrote ${tracesOut}`);
}
