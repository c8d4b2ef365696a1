// npm test's grouping (test/groupFiles.mjs, test/run.mjs): which files share a process, and a group runs
// every test of its files under their own names, a file that fails to load as one failing test; the files
// reading the test media share processes too unless media: false (REAL3D_TEST_GROUPS=unit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { groupModule, groupable, planGroups } from './groupFiles.mjs';

const testDir = import.meta.dirname;
const text = (f: string) => readFileSync(path.join(testDir, f), 'utf8');

test('grouping: files that spawn, serve, generate, hook or read the environment or the clock stay alone; pure unit files share', () => {
  for (const f of ['hardening-cli.test.ts', 'generate.test.ts', 'photo-cache.test.ts', 'distributed.test.ts', 'live.test.ts', 'package.test.ts', 'trackedVideo.test.ts', 'image.test.ts', 'groupFiles.test.ts'])
    assert.equal(groupable(text(f), true), false, `${f} keeps a process of its own`);
  // a hook is a call or an import from node:test, not the words "before (" in a comment or a message (s42)
  assert.equal(groupable("import { test, before } from 'node:test';\nbefore(async () => {});\n"), false, 'a top-level hook');
  assert.equal(groupable("import { after, test } from 'node:test';\nif (x) after(() => {});\n"), false, 'a hook imported from node:test');
  assert.equal(groupable("import { test } from 'node:test';\n// before (main ee784e7): 130 px\ntest('as before (the photo)', () => {});\n"), true, 'prose');
  assert.equal(groupable(text('hiddenEye.test.ts')), true, 'hiddenEye.test.ts (prose "before (") shares a process');
  assert.equal(groupable(text('rowTopShade.test.ts')), true, 'a pure unit file is grouped');
  // files reading the test media are grouped by default (groups39, s42); alone with media: false (REAL3D_TEST_GROUPS=unit)
  assert.equal(groupable(text('lipOpening.test.ts')), true);
  assert.equal(groupable(text('lipOpening.test.ts'), false), false);
  const files = readdirSync(testDir).filter((f) => f.endsWith('.test.ts')).sort();
  const { alone, groups } = planGroups(files, text, { size: 8 });
  assert.equal(alone.length + groups.flat().length, files.length, 'every file runs once');
  assert.deepEqual([...alone, ...groups.flat()].sort(), files);
  assert.ok(groups.every((g) => g.length >= 1 && g.length <= 8));
  assert.ok(groups.flat().includes('lipOpening.test.ts'), 'media files share a process');
  // by default only the integration files stay alone (s42: 255 files, 33 alone, 28 groups; 142 alone with media: false)
  assert.ok(alone.length < 0.2 * files.length, `${alone.length} files alone of ${files.length}`);
  assert.ok(groups.length >= 20, `${groups.length} groups`);
  const unit = planGroups(files, text, { size: 8, media: false });
  assert.ok(unit.alone.includes('lipOpening.test.ts') && unit.alone.length > alone.length + 50, `${unit.alone.length} alone with media: false`);
  assert.ok(unit.groups.length >= 10, `${unit.groups.length} groups with media: false`);
});

test('a group runs its files\' tests under their names; a file that fails to load is one failing test and the others still run', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'real3d-group-'));
  try {
    const file = (name: string, body: string) => {
      writeFileSync(path.join(dir, name), `import { test } from 'node:test';\n${body}\n`);
      return pathToFileURL(path.join(dir, name)).href;
    };
    const urls = [
      file('a.test.mjs', "test('a one', () => {});\ntest('a two', () => {});"),
      file('broken.test.mjs', "throw new Error('cannot load');"),
      file('b.test.mjs', "test('b one', () => {});"),
    ];
    writeFileSync(path.join(dir, 'group.mjs'), groupModule(urls));
    // (without NODE_TEST_CONTEXT the inner runner prints its own report instead of reporting to this one)
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', path.join(dir, 'group.mjs')], { encoding: 'utf8', env });
    const results = r.stdout.split('\n').filter((l) => /^\s*(not )?ok \d+ - /.test(l)).map((l) => l.trim().replace(/^((?:not )?ok) \d+ - /, '$1 '));
    assert.deepEqual(results.filter((l) => !l.endsWith('group.mjs')), ['ok a one', 'ok a two', 'not ok broken.test.mjs loads', 'ok b one'], r.stdout);
    assert.equal(r.status, 1, 'the failed load fails the run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
