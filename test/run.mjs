// `npm test`: runs node with the given arguments (the test runner) with one analysis cache for all
// its test processes (test/analyzedPortrait.ts), a temporary folder removed when the run ends.
// The test files are run several to a process where they keep to themselves (test/groupFiles.mjs, s39):
// the files that must stay alone first, then the groups, the files reading the test media grouped too
// (groups39, again in s42); REAL3D_TEST_GROUPS=0 runs each file alone, REAL3D_TEST_GROUPS=unit groups only the
// files that read no media (s39's first default; =all, the default, is still accepted).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { groupModule, planGroups } from './groupFiles.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'real3d-test-analyses-'));

/** The runner's arguments with its test files replaced by the lone files and the group modules. */
function groupedArgs(args) {
  const isFile = (a, i) => a.endsWith('.test.ts') && args[i - 1] !== '--import' && existsSync(a);
  const files = args.filter(isFile);
  if (process.env.REAL3D_TEST_GROUPS === '0' || files.length < 2) return args;
  const { alone, groups } = planGroups(files, (f) => readFileSync(f, 'utf8'), { media: process.env.REAL3D_TEST_GROUPS !== 'unit' });
  const groupDir = path.join(dir, 'groups');
  mkdirSync(groupDir);
  const runs = [...alone];
  groups.forEach((g, k) => {
    if (g.length === 1) return runs.push(g[0]);
    const file = path.join(groupDir, `group-${String(k + 1).padStart(2, '0')}.mjs`);
    writeFileSync(file, `// ${g.map((f) => path.basename(f)).join(', ')}\n${groupModule(g.map((f) => pathToFileURL(path.resolve(f)).href))}`);
    runs.push(file);
  });
  return [...args.filter((a, i) => !isFile(a, i)), ...runs];
}

const child = spawn(process.execPath, groupedArgs(process.argv.slice(2)), { stdio: 'inherit', env: { ...process.env, REAL3D_TEST_ANALYSES: dir } });
const stop = (signal) => child.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
