// `npm test`: runs node with the given arguments (the test runner) with one analysis cache for all
// its test processes (test/analyzedPortrait.ts), a temporary folder removed when the run ends.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'real3d-test-analyses-'));
const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit', env: { ...process.env, REAL3D_TEST_ANALYSES: dir } });
const stop = (signal) => child.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
