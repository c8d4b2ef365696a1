// Tracks the driving videos once and caches the raw per-frame faces (measures, angles, landmarks)
// as JSON in $REAL3D_CACHE/tracks (default: bench/benchCache.ts), so the cross-reenactment bench can be
// rerun without the slow tracking (~20 frames/s on two cores). A track's file name carries a fingerprint of
// the tracker's code (s36): tracks made before lowrow35 lacked its lower-teeth reading and nothing said so, so
// benches measured the old lower-row rule; an edited tracker now tracks again (~1 min for all six drivers).
//   node --import tsx bench/driverTracks.ts [--fps 10] [video names...]
import path from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { trackVideo, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { BENCH_CACHE, codeFingerprint } from './benchCache.ts';
import { SHARED_DATA } from './sharedData.ts';

// (sharedData.ts: $REAL3D_DATA or ../shared/data; beside bench/../.. alone missed it from a worktree under /work/wt)
const DATA = SHARED_DATA;
const CACHE = BENCH_CACHE;
export const DRIVERS = ['lp_d0.mp4', 'lp_d6.mp4', 'lp_d10.mp4', 'lp_d11.mp4', 'lp_d14.mp4', 'WDA_KatieHill_000.mp4'];

/** The code that decides what a raw track holds (faceTracker.ts's readings and what they import from motion/). */
const TRACKER_CODE = ['src/face', 'src/io/media.ts', ...['faceTracker', 'trackPool', 'measures', 'mouthDark', 'driverCavity', 'underTeeth', 'teethDepth', 'mouthMiddle', 'paleTongue', 'lowerTeeth', 'lowerSide', 'eyeWhiteRef', 'sealedLips', 'eyeWhiteShow', 'irisShow', 'eyeAxes', 'softTeeth', 'sneerRead', 'underLip', 'lipInside', 'teethTone'].map((f) => `src/motion/${f}.ts`)];
/** A short hash of TRACKER_CODE (benchCache.ts codeFingerprint). */
export function trackerFingerprint(): string {
  return codeFingerprint(TRACKER_CODE);
}

/** This checkout's track of `video` at `fps` in `cache`. */
export function trackFile(video: string, fps: number, cache = CACHE): string {
  return path.join(cache, 'tracks', `${path.basename(video)}.${fps}fps.${trackerFingerprint()}.json`);
}

/** The newest track of `video` at `fps` in another checkout's cache (made by its own tracker, whatever its fingerprint). */
function otherCheckoutTrack(video: string, fps: number, cache: string): string | undefined {
  const dir = path.join(cache, 'tracks'), prefix = `${path.basename(video)}.${fps}fps.`;
  if (!existsSync(dir)) return undefined;
  const found = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).map((f) => path.join(dir, f));
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * The raw track of `video` (a name in shared/data/video, or a path) at `fps`, cached by the video's file name;
 * `by.cache`: another cache folder (another checkout's track, for before/after runs of a tracker change).
 */
export async function cachedTrack(video: string, fps: number, by?: { cache: string }): Promise<(RawFaceFrame | null)[]> {
  const file = (by && otherCheckoutTrack(video, fps, by.cache)) ?? trackFile(video, fps, by?.cache);
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
