#!/usr/bin/env node
// Build: compile src/ to dist/ (JavaScript, declarations, source maps with the sources inlined, so
// stack traces point at TypeScript lines without shipping src/), then copy what is not TypeScript.
// Runs on `npm run build` and on `prepare` (installs from git and from a packed tarball).
// The new tree is written beside dist/ and swapped in whole: commands running from dist/ while it
// rebuilds (the test suite runs files in parallel, one of them packs the package) never see it half written.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

// npm may run `prepare` when a packed tarball is installed: it holds dist/ and no sources, so there is nothing to build
if (!existsSync(src) && existsSync(path.join(dist, 'index.js'))) {
  console.log('build: no src/ here (an installed package); dist/ is already built');
  process.exit(0);
}
const fresh = path.join(root, `.dist-${process.pid}`);
rmSync(fresh, { recursive: true, force: true });
// tsc from the installed typescript package (not a global one), run by this node
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', fresh], { stdio: 'inherit', cwd: root });

/**
 * Files the runtime reads next to the code (pages, models, data): every file that is not TypeScript,
 * documentation or a development tool's source, so a new asset ships without a change here.
 */
const isAsset = (rel) => !/\.(ts|md|c|h)$/.test(rel) && !rel.startsWith(`motion${path.sep}train${path.sep}`);

let copied = 0;
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = path.join(entry.parentPath ?? entry.path, entry.name); // parentPath: Node >= 20.12
  const to = path.join(fresh, path.relative(src, from));
  if (entry.name.endsWith('.mjs')) {
    // Worker-thread entries register tsx before importing their .ts body; compiled, they import the .js body.
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, compiledWorkerEntry(readFileSync(from, 'utf8'), from));
    copied++;
  } else if (isAsset(path.relative(src, from))) {
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
}
swapIn(fresh, dist);
console.log(`build: dist/ written, ${copied} non-TypeScript files copied`);

/** Replaces `target` by the finished tree `built`: two renames, so dist/ is missing only between them. */
function swapIn(built, target) {
  const old = `${built}-old`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(built, target);
  rmSync(old, { recursive: true, force: true });
}

/** The worker entry without the tsx loader: `await import('./x.ts')` becomes `await import('./x.js')`. */
function compiledWorkerEntry(text, file) {
  const imports = [...text.matchAll(/await import\('(\.\/[^']+)\.ts'\);/g)];
  if (imports.length !== 1) throw new Error(`${file}: expected one "await import('./x.ts')" line, found ${imports.length}`);
  return `// Compiled worker-thread entry (written by scripts/build.mjs from ${path.relative(root, file)}).\nawait import('${imports[0][1]}.js');\n`;
}
