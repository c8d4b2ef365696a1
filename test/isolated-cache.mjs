// Loaded by `npm test` (--import) in every test process: generate()'s cache of analysed photos goes
// to a fresh temporary folder, removed at exit, so tests neither read a user's cache nor fill it, and
// every run analyses its photos at least once. A test that sets REAL3D_CACHE_DIR itself keeps its own.
// The tests' own analyses (test/analyzedPortrait.ts) go to REAL3D_TEST_ANALYSES, one folder for the
// whole run when test/run.mjs made it, else one for this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function temporaryFolder(env, prefix) {
  if (process.env[env]) return;
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.env[env] = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

temporaryFolder('REAL3D_CACHE_DIR', 'real3d-test-cache-');
temporaryFolder('REAL3D_TEST_ANALYSES', 'real3d-test-analyses-');
