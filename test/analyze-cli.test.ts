// `real3d analyze` through the real CLI: outputs, exit codes, one-line messages, no partial folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, readdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedData } from '../bench/sharedData.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORTRAITS = sharedData('portraits/');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'real3d.mjs'), 'analyze', ...args], { cwd: ROOT });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The error line (tfjs may print its own notices on stderr first). */
const errorLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('error: ')) ?? '';

test('analyze CLI writes the seven outputs', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-cli-'));
  try {
    const out = path.join(dir, 'out');
    const r = await run([path.join(PORTRAITS, 'lp_s42.jpg'), '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((await readdir(out)).sort(), ['analysis.json', 'background.png', 'crop.png', 'debug.png', 'matte.f32', 'matte.png', 'regions.png']);
    const a = JSON.parse(await readFile(path.join(out, 'analysis.json'), 'utf8'));
    assert.equal(a.landmarks.length, 478);
    assert.equal(a.faces.count, 1);
    assert.deepEqual(await readdir(dir), ['out'], 'no temporary left behind');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('analyze CLI: bad inputs fail with one clear line, a non-zero exit and no output folder', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-cli-bad-'));
  try {
    const text = path.join(dir, 'notes.png');
    await writeFile(text, 'not an image');
    const cases: Array<{ args: string[]; code: number; pattern: RegExp }> = [
      { args: [path.join(PORTRAITS, 'lp_s25.jpg')], code: 3, pattern: /no human face.*photo of a person/i },
      { args: [text], code: 2, pattern: /cannot read .*notes\.png.*JPEG, PNG/i },
      { args: [path.join(PORTRAITS, 'lp_s42.jpg'), '--face', '3'], code: 2, pattern: /--face 3 is out of range.*1 face/ },
    ];
    for (const [k, c] of cases.entries()) {
      const out = path.join(dir, `out${k}`);
      const r = await run([...c.args, '--out', out]);
      assert.equal(r.code, c.code, `${c.args.join(' ')}: ${r.stderr}`);
      assert.match(errorLine(r.stderr), c.pattern);
      assert.ok(!(await readdir(dir)).some((f) => f.startsWith('out') || f.startsWith('.out')), `${c.args.join(' ')}: no output folder`);
    }
    const r = await run([path.join(PORTRAITS, 'lp_s42.jpg'), '--out', path.join(dir, 'missing', 'deeper', 'out')]);
    assert.equal(r.code, 2);
    assert.match(errorLine(r.stderr), /does not exist or is not writable/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
