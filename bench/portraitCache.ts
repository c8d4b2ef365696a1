// Analyses of the test portraits, cached as analyze output folders in $REAL3D_CACHE/analysis
// (default: bench/benchCache.ts), so benches that only need the avatar skip the ~2 s analysis. An entry's
// folder carries a fingerprint of the analysis code (s36: after ghost36 a warm cache kept the old plates).
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { analyzePortrait, readAnalysis, writeAnalysis } from '../src/analyze/index.ts';
import type { Portrait } from '../src/types.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import { BENCH_CACHE, codeFingerprint } from './benchCache.ts';

const CACHE = BENCH_CACHE;
/** The code that decides what an analysis holds. */
const ANALYSIS_CODE = ['src/analyze', 'src/face', 'src/io'];

export async function cachedPortrait(file: string): Promise<Portrait> {
  const dir = path.join(CACHE, 'analysis', `${path.basename(file)}.${codeFingerprint(ANALYSIS_CODE)}`);
  if (existsSync(path.join(dir, 'analysis.json'))) return readAnalysis(dir);
  const p = await analyzePortrait(file);
  await mkdir(path.dirname(dir), { recursive: true });
  await writeAnalysis(p, dir);
  // read back what was written: since s34 (matte.f32) that is the fresh analysis to the bit; an entry
  // written before keeps its 8-bit matte (lp_s9's shut eye read 0.36 fresh, 0.40 from such an entry)
  return readAnalysis(dir);
}

export interface NeutralPoseReader {
  /** The neutral avatar's face-mesh landmarks at pose 0, or undefined when the detector misses it. */
  neutral: Landmarks | undefined;
  /** Renders the neutral avatar (no expression, no blink) at a head pose and reads it back. */
  read(yaw: number, pitch: number, roll: number): Promise<Landmarks | undefined>;
}

/** A portrait's neutral avatar read back by the face mesh at any head pose, as a driver frame would be
 *  (the pose-bias table and its check both measure what pose alone makes the rig fit read). */
export async function neutralPoseReader(file: string): Promise<NeutralPoseReader> {
  const portrait = await cachedPortrait(file);
  const size = portrait.image.width;
  const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const read = async (yaw: number, pitch: number, roll: number): Promise<Landmarks | undefined> => {
    const frame = renderer.render({ w: {}, pose: { yaw, pitch, roll, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 });
    return (await detectFaces(frame, { embedding: false }))[0]?.landmarks as Landmarks | undefined;
  };
  return { neutral: await read(0, 0, 0), read };
}
