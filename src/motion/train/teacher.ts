// Teacher extraction for the learned audio -> mouth model: the face tracker reads every frame of
// the training videos once and the raw per-frame faces (measures, head angles, mesh score) are
// cached as JSON outside the repository, one file per clip, so that training reruns are fast and
// an interrupted extraction resumes where it stopped.
//
//   node --import tsx src/motion/train/teacher.ts [--cache /work/cache/lipsync] [--grid 160]
//
// The clip list (trainingClips) is shared with the trainer: all of train/clips plus an evenly
// spaced subsample of GRID speaker 1 (one speaker, so a few minutes are enough), and the two
// held-out real clips (Katie, mt_sun).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackVideo, type RawFaceFrame } from '../fromVideo.ts';
import { mulberry32 } from '../../math/random.ts';

export const DATA = path.resolve(fileURLToPath(new URL('../../../../shared/data/', import.meta.url)));
export const TEACHER_FPS = 25;
/** GRID sentences used by default (one speaker, 80 s: its weight is capped like any speaker's, and on this shared machine the tracker ran at 3-4 frames/s) */
export const DEFAULT_GRID = 32;
export const DEFAULT_CACHE = process.env.REAL3D_LIPSYNC_CACHE ?? '/work/cache/lipsync';

export interface TrainClip {
  /** cache key and report name */
  name: string;
  /** speaker id: the unit of the train/validation split */
  speaker: string;
  video: string;
  audio: string;
  /** 'train' clips may be trained on; 'heldout' never (Katie, mt_sun) */
  role: 'train' | 'heldout';
}

/** Speaker of a train/clips file: clips of one person share an id (Obama 1-3, Andrew Ng 1-2, ...). */
export function speakerOf(file: string): string {
  const base = file.replace(/\.mp4$/, '');
  const m = /^styletalk_(KristiNoem|Obama|andrew|feifeili|reagan)/.exec(base);
  if (m) return `styletalk_${m[1]}`;
  if (base.startsWith('edtalk_')) return base; // two different people
  // PC-AVS: 14 clips of 12 people; the long ids share their first 4 digits per person (7414...)
  const pc = /^pcavs_.*_(\d{9})$/.exec(base);
  if (pc) return `pcavs_${pc[1]!.slice(0, 4)}`;
  return base;
}

/**
 * GRID sentences in a fixed pseudo-random order (seeded shuffle of the sorted list): the first n
 * are a spread-out sample for any n, and a smaller n is a prefix of a larger one (the cache of a
 * larger extraction serves any smaller training run).
 */
export function gridSubsample(count: number): string[] {
  const dir = path.join(DATA, 'train/grid_s1');
  const all = readdirSync(dir).filter((f) => f.endsWith('.mp4')).sort();
  const next = mulberry32(12345);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, Math.min(count, all.length));
}

export function trainingClips(gridCount: number): TrainClip[] {
  const clipsDir = path.join(DATA, 'train/clips');
  const clips: TrainClip[] = readdirSync(clipsDir)
    .filter((f) => f.endsWith('.mp4'))
    .sort()
    .map((f) => ({ name: f.replace(/\.mp4$/, ''), speaker: speakerOf(f), video: path.join(clipsDir, f), audio: path.join(clipsDir, f), role: 'train' as const }));
  for (const f of gridSubsample(gridCount)) {
    const v = path.join(DATA, 'train/grid_s1', f);
    clips.push({ name: `grid_${f.replace(/\.mp4$/, '')}`, speaker: 'grid_s1', video: v, audio: v, role: 'train' });
  }
  return clips;
}

export const HELDOUT_CLIPS: TrainClip[] = [
  { name: 'katie', speaker: 'katie', video: path.join(DATA, 'video/WDA_KatieHill_000.mp4'), audio: path.join(DATA, 'video/WDA_KatieHill_000.mp4'), role: 'heldout' },
  { name: 'mt_sun', speaker: 'mt_sun', video: path.join(DATA, 'video/mt_sun.mp4'), audio: path.join(DATA, 'audio/mt_sun.wav'), role: 'heldout' },
];

/** Compact cache record of one frame: only what the teacher needs, rounded. */
export interface CachedFace {
  m: RawFaceFrame['m'];
  angles: RawFaceFrame['angles'];
  score: number;
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;

function compact(r: RawFaceFrame | null): CachedFace | null {
  if (!r) return null;
  const m: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.m)) m[k] = Array.isArray(v) ? v.map(round) : round(v as number);
  return { m: m as unknown as RawFaceFrame['m'], angles: { yaw: round(r.angles.yaw), pitch: round(r.angles.pitch), roll: round(r.angles.roll) }, score: round(r.score) };
}

export function cacheFile(cacheDir: string, clip: TrainClip): string {
  return path.join(cacheDir, `${clip.name}.json`);
}

export function readCachedFaces(cacheDir: string, clip: TrainClip): (CachedFace | null)[] | null {
  const f = cacheFile(cacheDir, clip);
  return existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as { frames: (CachedFace | null)[] }).frames : null;
}

/** Tracks one clip into the cache (temp file + rename: an interrupted run leaves no half file). */
export async function extractClip(cacheDir: string, clip: TrainClip): Promise<(CachedFace | null)[]> {
  const cached = readCachedFaces(cacheDir, clip);
  if (cached) return cached;
  mkdirSync(cacheDir, { recursive: true });
  const raw = await trackVideo(clip.video, { fps: TEACHER_FPS, maxSide: 720 });
  const frames = raw.map(compact);
  const out = cacheFile(cacheDir, clip);
  writeFileSync(`${out}.tmp`, JSON.stringify({ clip: clip.name, speaker: clip.speaker, fps: TEACHER_FPS, frames }));
  renameSync(`${out}.tmp`, out);
  return frames;
}

/** Extracts every clip not yet cached, logging progress; returns the seconds spent. */
export async function extractAll(cacheDir: string, clips: TrainClip[], log: (s: string) => void = console.log): Promise<number> {
  const t0 = Date.now();
  let frames = 0;
  for (const [i, clip] of clips.entries()) {
    if (existsSync(cacheFile(cacheDir, clip))) continue;
    const t = Date.now();
    try {
      const f = await extractClip(cacheDir, clip);
      frames += f.length;
      const found = f.filter((x) => x).length;
      log(`[teacher] ${i + 1}/${clips.length} ${clip.name}: ${f.length} frames (${found} with a face) in ${((Date.now() - t) / 1000).toFixed(1)} s; ${((frames * 1000) / (Date.now() - t0)).toFixed(1)} frames/s overall`);
    } catch (e) {
      log(`[teacher] ${clip.name}: skipped (${(e as Error).message})`);
    }
  }
  return (Date.now() - t0) / 1000;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const cacheDir = arg('--cache', DEFAULT_CACHE);
  const grid = Number(arg('--grid', String(DEFAULT_GRID)));
  const clips = [...HELDOUT_CLIPS, ...trainingClips(grid)];
  const secs = await extractAll(cacheDir, clips);
  console.log(`[teacher] done in ${secs.toFixed(0)} s`);
}
