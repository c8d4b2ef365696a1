// Loaded by `npm test` (--import) in every test process: generate()'s cache of analysed photos goes
// to a fresh temporary folder, removed at exit, so tests neither read a user's cache nor fill it, and
// every run analyses its photos at least once. A test that sets REAL3D_CACHE_DIR itself keeps its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

if (!process.env.REAL3D_CACHE_DIR) {
  const dir = mkdtempSync(path.join(tmpdir(), 'real3d-test-cache-'));
  process.env.REAL3D_CACHE_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
