// Analyses of the test portraits, cached as analyze output folders in $REAL3D_CACHE/analysis
// (default /work/cache/eyes), so benches that only need the avatar skip the ~2 s analysis.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { analyzePortrait, readAnalysis, writeAnalysis } from '../src/analyze/index.ts';
import type { Portrait } from '../src/types.ts';

const CACHE = process.env.REAL3D_CACHE ?? '/work/cache/eyes';

export async function cachedPortrait(file: string): Promise<Portrait> {
  const dir = path.join(CACHE, 'analysis', path.basename(file));
  if (existsSync(path.join(dir, 'analysis.json'))) return readAnalysis(dir);
  const p = await analyzePortrait(file);
  await mkdir(path.dirname(dir), { recursive: true });
  await writeAnalysis(p, dir);
  return p;
}
