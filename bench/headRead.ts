// Head motion read with one ruler on real speakers and on our audio-mode renders of the same speakers
// (issue #14, critic14 "stiff head in audio mode"). Per clip: frame 0 is the photo, its own audio
// drives `--pose auto` (seed 0); the real frames (cropped as the photo) and our rendered frames are
// read with the face mesh, each angle twice: the detector's (Human's, what the critic reads) and the
// rig fit's. Ours also keeps the commanded pose, so the render's read-back gain (read / command) is
// measured beside the real detector-to-fit ratio. Writes one JSON per clip; prints per-clip sd and
// medians / quartiles over speakers. Never asserts.
//   node --import tsx bench/headRead.ts --out DIR [--seconds 8] [--fps 5] [--temperature 0.2] [--real-only] [clips...]
//   node --import tsx bench/headRead.ts --summary DIR[,DIR2]      (the table of existing runs)
// Clips: names under train/clips (non-GRID) or video/ (WDA_KatieHill_000, mt_sun with audio/mt_sun.wav).
// The real reads are cached beside the runs (DIR/../real_<clip>.json) so an "after" run renders only.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setupSource, cropReal, detectOne, numberedFrames } from '../src/eval/frames.ts';
import { loadEngine } from '../src/eval/engine.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { speakerOf } from '../src/motion/train/teacher.ts';
import { fitRig, type Landmarks } from '../src/rig/fit.ts';
import type { EvalOptions } from '../src/eval/types.ts';
import type { RgbaImage } from '../src/types.ts';
import { quantile, standardDeviation as sd } from '../src/math/stats.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const AXES = ['yaw', 'pitch', 'roll'] as const;
type Axis = (typeof AXES)[number];
type Angles = Record<Axis, number>;
/** One read frame: the detector's angles and the rig fit's, or null when no face was found. */
interface Read { det: Angles; fit: Angles }

const argv = process.argv.slice(2);
const arg = (n: string, d?: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const VALUED = ['--out', '--seconds', '--fps', '--temperature', '--summary'];
const positional = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1] ?? ''));

/** The video and audio of a clip name. */
function clipFiles(name: string): { video: string; audio: string } {
  if (name === 'mt_sun') return { video: path.join(DATA, 'video', 'mt_sun.mp4'), audio: path.join(DATA, 'audio', 'mt_sun.wav') };
  const inVideo = path.join(DATA, 'video', `${name}.mp4`);
  if (existsSync(inVideo)) return { video: inVideo, audio: inVideo };
  const clip = path.join(DATA, 'train', 'clips', `${name}.mp4`);
  return { video: clip, audio: clip };
}

const speaker = (name: string) => (name === 'WDA_KatieHill_000' || name === 'mt_sun' ? name : speakerOf(`${name}.mp4`));

async function readFace(img: RgbaImage): Promise<Read | null> {
  const face = await detectOne(img, false);
  if (!face) return null;
  const det = { yaw: face.pose.yaw, pitch: face.pose.pitch, roll: face.pose.roll };
  try {
    const p = fitRig(face.landmarks as Landmarks, { robust: true }).pose;
    return { det, fit: { yaw: p.yaw, pitch: p.pitch, roll: p.roll } };
  } catch {
    return null;
  }
}

async function runClip(name: string, out: string, seconds: number, fps: number, temperature: number, realOnly: boolean): Promise<void> {
  const { video, audio } = clipFiles(name);
  const o: EvalOptions = { video, mode: 'audio', frame: 0, maxSeconds: seconds, fps: 25, detectEvery: 1, sheetColumns: 0, thumb: 64 };
  const src = await setupSource(o, () => {});
  const step = Math.round(25 / fps);
  const realFile = path.join(out, '..', `real_${name}.json`);
  let real: (Read | null)[] | null = existsSync(realFile) ? JSON.parse(readFileSync(realFile, 'utf8')) : null;
  if (!real) {
    real = [];
    for await (const [i, frame] of numberedFrames(video, { fps: 25, maxSide: src.maxSide, maxFrames: src.maxFrames })) {
      if (i % step) continue;
      real.push(await readFace((await cropReal(frame, src.box, src.size)).image));
    }
    writeFileSync(realFile, JSON.stringify(real));
  }
  const result: Record<string, unknown> = { name, speaker: speaker(name), fps, real };
  if (!realOnly) {
    const motion = await motionFromAudio(audio, { fps: 25, pose: 'auto', seed: 0, temperature });
    const engine = await loadEngine();
    const renderer = engine.makeRenderer!(src.portrait, src.size);
    const ours: (Read | null)[] = [], command: Angles[] = [];
    for (let i = 0; i < Math.min(src.maxFrames, motion.frames.length); i += step) {
      const f = motion.frames[i]!;
      command.push({ yaw: f.pose.yaw, pitch: f.pose.pitch, roll: f.pose.roll });
      ours.push(await readFace(renderer.render(f)));
    }
    Object.assign(result, { ours, command });
  }
  writeFileSync(path.join(out, `${name}.json`), JSON.stringify(result));
}

// ---- summary ----
/** Least-squares slope of y on x. */
const slope = (x: number[], y: number[]) => {
  const mx = x.reduce((a, b) => a + b, 0) / x.length, my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < x.length; i++) { sxy += (x[i]! - mx) * (y[i]! - my); sxx += (x[i]! - mx) ** 2; }
  return sxy / sxx;
};
const ok = <T>(v: (T | null)[]) => v.filter((r): r is T => r !== null);

interface ClipRun { name: string; speaker: string; real: (Read | null)[]; ours?: (Read | null)[]; command?: Angles[] }
/** Per-axis sd of a read series, one ruler ('det' | 'fit'). */
const sds = (rows: (Read | null)[], ruler: 'det' | 'fit') => AXES.map((a) => sd(ok(rows).map((r) => r[ruler][a])));

function summary(dirs: string[]): void {
  for (const dir of dirs) {
    const runs = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ClipRun);
    const fmt = (v: number[]) => v.map((x) => x.toFixed(2).padStart(6)).join('');
    console.log(`\n${dir}: ${runs.length} clips; per-clip sd (deg) yaw pitch roll`);
    console.log('clip'.padEnd(34) + ' real det          | real fit          | ours det          | ours fit          | command');
    const perSpeaker = new Map<string, number[][]>();
    for (const r of runs) {
      const cols = [sds(r.real, 'det'), sds(r.real, 'fit')];
      if (r.ours) cols.push(sds(r.ours, 'det'), sds(r.ours, 'fit'), AXES.map((a) => sd(r.command!.map((c) => c[a]))));
      console.log(r.name.slice(0, 33).padEnd(34) + cols.map(fmt).join(' |'));
      const list = perSpeaker.get(r.speaker) ?? [];
      list.push(cols.flat());
      perSpeaker.set(r.speaker, list);
    }
    // one row per speaker (the mean of its clips), so a speaker with three clips counts once
    const speakers = [...perSpeaker.values()].map((l) => l[0]!.map((_, j) => l.reduce((s, v) => s + (v[j] ?? NaN), 0) / l.length));
    const names = ['real det', 'real fit', 'ours det', 'ours fit', 'command'];
    console.log(`over ${speakers.length} speakers: median [q25 .. q75] of per-speaker sd`);
    names.forEach((n, k) => {
      const cells = AXES.map((a, j) => {
        const v = speakers.map((s) => s[k * 3 + j]!).filter(Number.isFinite);
        return v.length ? `${a} ${quantile(v, 0.5).toFixed(2)} [${quantile(v, 0.25).toFixed(2)}..${quantile(v, 0.75).toFixed(2)}]` : '';
      });
      if (cells.some(Boolean)) console.log(`  ${n.padEnd(9)} ${cells.join('   ')}`);
    });
    // how fast: sd of the change between consecutive reads (0.2 s at --fps 5), median over clips; includes tracker jitter on both sides
    const stepSd = (rows: (Read | null)[], a: Axis) => {
      const d: number[] = [];
      for (let i = 1; i < rows.length; i++) if (rows[i] && rows[i - 1]) d.push(rows[i]!.fit[a] - rows[i - 1]!.fit[a]);
      return sd(d);
    };
    const steps = (get: (r: ClipRun) => (Read | null)[] | undefined) => AXES.map((a) => quantile(runs.filter((r) => get(r)).map((r) => stepSd(get(r)!, a)), 0.5).toFixed(2)).join(' ');
    console.log(`  median step sd between reads, rig fit (yaw pitch roll): real ${steps((r) => r.real)}${runs.some((r) => r.ours) ? `, ours ${steps((r) => r.ours)}` : ''}`);
    // gains: detector on fit over the real frames; read-back on command over ours (pooled frames per clip, median)
    const gains = (f: (r: ClipRun, a: Axis) => number) => AXES.map((a) => quantile(runs.map((r) => f(r, a)).filter(Number.isFinite), 0.5).toFixed(2)).join(' ');
    const pairs = (rows: (Read | null)[], a: Axis, x: 'det' | 'fit', y: 'det' | 'fit') => { const k = ok(rows); return slope(k.map((r) => r[x][a]), k.map((r) => r[y][a])); };
    console.log(`  median slope real det/fit (yaw pitch roll): ${gains((r, a) => pairs(r.real, a, 'fit', 'det'))}`);
    if (runs.some((r) => r.ours)) {
      console.log(`  median slope ours det/fit:                  ${gains((r, a) => (r.ours ? pairs(r.ours, a, 'fit', 'det') : NaN))}`);
      const readOn = (r: ClipRun, a: Axis, ruler: 'det' | 'fit') => {
        if (!r.ours) return NaN;
        const idx = r.ours.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
        return slope(idx.map((i) => r.command![i]![a]), idx.map((i) => r.ours![i]![ruler][a]));
      };
      console.log(`  median slope ours fit/command:              ${gains((r, a) => readOn(r, a, 'fit'))}`);
      console.log(`  median slope ours det/command:              ${gains((r, a) => readOn(r, a, 'det'))}`);
    }
  }
}

if (arg('--summary')) {
  summary(arg('--summary')!.split(','));
} else {
  const out = arg('--out');
  if (!out) throw new Error('usage: bench/headRead.ts --out DIR [clips...] | --summary DIR');
  mkdirSync(out, { recursive: true });
  const seconds = Number(arg('--seconds', '8')), fps = Number(arg('--fps', '5')), temperature = Number(arg('--temperature', '0.2'));
  const names = positional.length ? positional : [
    'WDA_KatieHill_000', 'mt_sun',
    ...readdirSync(path.join(DATA, 'train', 'clips')).filter((f) => f.endsWith('.mp4')).map((f) => f.replace(/\.mp4$/, '')),
  ];
  for (const name of names) {
    if (existsSync(path.join(out, `${name}.json`))) continue;
    const t = Date.now();
    try {
      await runClip(name, out, seconds, fps, temperature, argv.includes('--real-only'));
      console.log(`${name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } catch (e) {
      console.log(`${name}: skipped (${(e as Error).message.split('\n')[0]})`);
    }
  }
  summary([out]);
}
