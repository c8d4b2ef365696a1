// Where the benches keep what they compute once (portrait analyses, driver tracks, cross renders, lip
// features): $REAL3D_CACHE, else a real3d-bench folder in the system's temp directory, so a bench runs
// on any checkout and never writes into the repo.
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';

export const BENCH_CACHE = path.resolve(process.env.REAL3D_CACHE ?? path.join(os.tmpdir(), 'real3d-bench'));

const ROOT = path.resolve(import.meta.dirname, '..');
const fingerprints = new Map<string, string>();

/**
 * A short hash of the named files and folders of this checkout (paths from its root; names and
 * contents), once per process: cache entries named by it are not served to code that would make
 * them differently (s36: every driver track predated lowrow35's reading and benches measured the old
 * lower-row rule; after ghost36 warm analyses kept the old plates).
 */
export function codeFingerprint(paths: readonly string[]): string {
  const key = paths.join('\n');
  const known = fingerprints.get(key);
  if (known) return known;
  const h = createHash('sha256');
  const files = paths.flatMap((p) => {
    const full = path.join(ROOT, p);
    return statSync(full).isDirectory() ? readdirSync(full, { recursive: true }).map((f) => path.join(p, String(f))).sort() : [p];
  });
  for (const f of files) {
    const full = path.join(ROOT, f);
    if (statSync(full).isFile()) h.update(`${f}\n`).update(readFileSync(full));
  }
  const print = h.digest('hex').slice(0, 10);
  fingerprints.set(key, print);
  return print;
}
