// Tracks the driving videos once and caches the raw per-frame faces (measures, angles, landmarks)
// as JSON in $REAL3D_CACHE/tracks (default: bench/benchCache.ts), so the cross-reenactment bench can be
// rerun without the slow tracking (~20 frames/s on two cores).
//   node --import tsx bench/driverTracks.ts [--fps 10] [video names...]
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { trackVideo, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { SHARED_DATA } from './sharedData.ts';

// (sharedData.ts: $REAL3D_DATA or ../shared/data; beside bench/../.. alone missed it from a worktree under /work/wt)
const DATA = SHARED_DATA;
const CACHE = BENCH_CACHE;
export const DRIVERS = ['lp_d0.mp4', 'lp_d6.mp4', 'lp_d10.mp4', 'lp_d11.mp4', 'lp_d14.mp4', 'WDA_KatieHill_000.mp4'];

export function trackFile(video: string, fps: number, cache = CACHE): string {
  return path.join(cache, 'tracks', `${path.basename(video)}.${fps}fps.json`);
}

/**
 * The raw track of `video` (a name in shared/data/video, or a path) at `fps`, cached by the video's file name;
 * `by.cache`: another cache folder (another checkout's track, for before/after runs of a tracker change).
 */
export async function cachedTrack(video: string, fps: number, by?: { cache: string }): Promise<(RawFaceFrame | null)[]> {
  const file = trackFile(video, fps, by?.cache);
  // landmarks are stored as plain number lists (JSON), in memory as flat float32 like the tracker's
  const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from((r.lm as number[][]).flat()) : undefined }) as (RawFaceFrame | null)[];
  if (existsSync(file)) return revive(JSON.parse(await readFile(file, 'utf8')));
  const t0 = Date.now();
  const raw = await trackVideo(path.resolve(DATA, 'video', video), { fps, maxSide: 720 });
  const round = (v: number) => Math.round(v * 100) / 100;
  const slim = raw.map((r) => r && { ...r, lm: r.lm ? Array.from({ length: r.lm.length / 3 }, (_, i) => [round(r.lm![i * 3]!), round(r.lm![i * 3 + 1]!), round(r.lm![i * 3 + 2]!)]) : undefined });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file + '.tmp', JSON.stringify(slim));
  await rename(file + '.tmp', file);
  console.log(`${video}: ${raw.length} frames tracked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return revive(slim);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--fps');
  const fps = i > 0 ? Number(process.argv[i + 1]) : 10;
  const names = process.argv.slice(2).filter((a, k, all) => a !== '--fps' && all[k - 1] !== '--fps');
  for (const v of names.length ? names : DRIVERS) await cachedTrack(v, fps);
}
