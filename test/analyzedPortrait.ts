// analyzePortrait for the tests, through one analysis cache shared by every test process of a run
// (REAL3D_TEST_ANALYSES, made and removed by test/run.mjs; else a folder of this process alone, from
// test/isolated-cache.mjs): a portrait used by forty test files is analysed once, not forty times.
// A cached analysis is the fresh one to the bit (writeAnalysis keeps the matte's floats;
// test/cacheExact.test.ts), so a test reads the same figures whichever process analysed first.
// Calls with progress or cancellation, or with an image in memory, analyse as before.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { analyzePortrait as analyzeFresh, readAnalysis, writeAnalysis } from '../src/analyze/index.ts';
import type { AnalyzeOptions, JobControl } from '../src/config.ts';
import type { Portrait } from '../src/types.ts';

export async function analyzePortrait(input: Parameters<typeof analyzeFresh>[0], opts: Partial<AnalyzeOptions> = {}, control: JobControl = {}): Promise<Portrait> {
  const root = process.env.REAL3D_TEST_ANALYSES;
  if (!root || typeof input !== 'string' || Object.keys(control).length > 0) return analyzeFresh(input, opts, control);
  const file = path.resolve(input);
  const key = createHash('sha256').update(file).update('\0').update(await readFile(file)).update('\0').update(JSON.stringify(opts)).digest('hex').slice(0, 24);
  const dir = path.join(root, `${path.basename(file)}-${key}`);
  const hit = existsSync(dir);
  // REAL3D_TEST_ANALYSES_LOG: a line per call, to count what the shared cache saves (bench/testDurations.ts --analyses)
  if (process.env.REAL3D_TEST_ANALYSES_LOG) await appendFile(process.env.REAL3D_TEST_ANALYSES_LOG, `${hit ? 'hit' : 'miss'} ${process.pid} ${path.basename(dir)}\n`);
  if (hit) return readAnalysis(dir);
  const portrait = await analyzeFresh(input, opts, control);
  // written aside and renamed whole: a process reading the entry never sees it half written, and
  // when two processes analyse the same photo at once the second rename fails and its copy is dropped
  const tmp = `${dir}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeAnalysis(portrait, tmp);
    await rename(tmp, dir);
  } catch {
    await rm(tmp, { recursive: true, force: true });
  }
  return portrait;
}
