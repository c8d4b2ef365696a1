// trackVideo for the tests, through the run's shared cache (REAL3D_TEST_ANALYSES, test/analyzedPortrait.ts's
// folder): a clip several test files track with the same options (lp_d6's first 3 s in tallNoGrin and
// gazeVergence, which read the first 3 s of motion-video's 7.72 s track; lp_d0's first 3 s in motion-video's two
// tests) is tracked once per run, not once per test.
// The track is stored with v8.serialize: the landmarks' float32 arrays and any NaN come back to the bit,
// so a test reads the same frames whichever process tracked first.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { trackVideo } from '../src/motion/fromVideo.ts';
import { defaultTrackThreads } from '../src/motion/trackPool.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';

type TrackOptions = Parameters<typeof trackVideo>[1];

export async function trackedVideo(videoFile: string, opts: TrackOptions): Promise<(RawFaceFrame | null)[]> {
  const root = process.env.REAL3D_TEST_ANALYSES;
  if (!root) return trackVideo(videoFile, opts);
  const file = path.resolve(videoFile);
  // (the thread count is in the key: each thread crops around its own previous box, two threads' tracks differ in sub-pixels)
  const key = { fps: opts.fps, maxSide: opts.maxSide, maxSeconds: opts.maxSeconds ?? null, threads: opts.threads ?? defaultTrackThreads() };
  const hash = createHash('sha256').update(file).update('\0').update(await readFile(file)).update('\0').update(JSON.stringify(key)).digest('hex').slice(0, 24);
  const entry = path.join(root, `track-${path.basename(file)}-${hash}.v8`);
  if (existsSync(entry)) return deserialize(await readFile(entry)) as (RawFaceFrame | null)[];
  const raw = await trackVideo(videoFile, opts);
  // written aside and renamed whole, as analyzedPortrait.ts's entries
  const tmp = `${entry}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, serialize(raw));
    await rename(tmp, entry);
  } catch {
    await rm(tmp, { force: true });
  }
  return raw;
}

/** motion-video's tall-O test's track of lp_d6 (7.72 s), which tallNoGrin and gazeVergence read the first 3 s of */
export const LP_D6_TRACK = { fps: 25, maxSide: 720, maxSeconds: 7.72 };

/**
 * lp_d6's first 3 s (75 frames at 25 fps) as trackVideo(maxSeconds 3) gives them: the first frames of the shared
 * 7.72 s track. Tracking is causal (each frame from its own picture and the boxes before it; both lengths on two
 * threads): s38 measured frames 0-74 of the two tracks identical, 75/75 deepEqual.
 */
export async function lp_d6First3s(videoFile: string): Promise<(RawFaceFrame | null)[]> {
  return (await trackedVideo(videoFile, LP_D6_TRACK)).slice(0, 75);
}

/** heldNarrowing's track of lp_d11 (8 s), which narrowOGrin reads the first 6.2 s of */
export const LP_D11_TRACK = { fps: 25, maxSide: 720, maxSeconds: 8 };

/**
 * lp_d11's first 6.2 s (155 frames) as trackVideo(maxSeconds 6.2) gives them: the first frames of the shared 8 s track
 * (s60 measured frames 0-154 of the two tracks identical, 155/155 deepStrictEqual, as s38 did for lp_d6).
 */
export async function lp_d11First6s(videoFile: string): Promise<(RawFaceFrame | null)[]> {
  return (await trackedVideo(videoFile, LP_D11_TRACK)).slice(0, 155);
}

/** alikeEyes' track of lp_d10 (4 s), whose first 2 s alikeEyes, sceneCamera and steadyCamera read */
export const LP_D10_TRACK = { fps: 25, maxSide: 720, maxSeconds: 4 };

/** lp_d10's first 2 s (50 frames): the first frames of the shared 4 s track (s60: 50/50 identical to a 2 s track). */
export async function lp_d10First2s(videoFile: string): Promise<(RawFaceFrame | null)[]> {
  return (await trackedVideo(videoFile, LP_D10_TRACK)).slice(0, 50);
}
