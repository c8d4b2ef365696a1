// The tests find the media through one helper (bench/sharedData.ts): $REAL3D_DATA first, so a
// checkout whose parent has no shared/ folder can still run them; no test builds the path itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SHARED_DATA, sharedData } from '../bench/sharedData.ts';

const testDir = path.dirname(fileURLToPath(import.meta.url));
const helper = pathToFileURL(path.join(testDir, '..', 'bench', 'sharedData.ts')).href;
const printFrom = (cwd: string, env: NodeJS.ProcessEnv) =>
  execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', `const m = await import(${JSON.stringify(helper)}); console.log(m.SHARED_DATA)`], { cwd, env, encoding: 'utf8' }).trim();

/** A media path built from the file's own location: '../../shared/data' or path.resolve(.., '..', '..', 'shared', ..). */
const builtPath = (source: string) => source.includes('../../shared/' + 'data') || /'\.\.', '\.\.', 'shared'/.test(source);

test('no test or bench file builds the media path from its own location', () => {
  const benchDir = path.join(testDir, '..', 'bench');
  const scripts = (dir: string, self: string) => readdirSync(dir).filter((f) => /\.(ts|mjs)$/.test(f) && f !== self).map((f) => path.join(dir, f));
  const own = [...scripts(testDir, 'sharedData.test.ts'), ...scripts(benchDir, 'sharedData.ts')];
  const offenders = own.filter((f) => builtPath(readFileSync(f, 'utf8'))).map((f) => path.relative(path.join(testDir, '..'), f));
  assert.deepEqual(offenders, [], 'use sharedData() / SHARED_PORTRAITS from bench/sharedData.ts');
});

test('the media folder: $REAL3D_DATA when set, else found beside the repo from any working directory', () => {
  assert.equal(sharedData('portraits/'), path.join(SHARED_DATA, 'portraits') + path.sep, 'a trailing / is kept');
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.REAL3D_DATA;
  assert.equal(printFrom(tmpdir(), { ...env, REAL3D_DATA: '/somewhere/media' }), '/somewhere/media');
  const fallback = printFrom(tmpdir(), env);
  assert.ok(readdirSync(path.join(fallback, 'portraits')).length > 0, `found the media from ${tmpdir()}: ${fallback}`);
});
