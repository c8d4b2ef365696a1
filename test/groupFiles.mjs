// `npm test`'s grouping (test/run.mjs, s39): the runner starts a process per test file, and each process
// pays CPU before its first test (node, tsx's loader thread, the module graph: ~0.6 s for a unit file, ~1.7 s
// for one loading the renderer); s38's CI spent ~400 of its ~1900 slot-seconds outside the tests. Files that keep to themselves run several to a process instead:
// a group is a module that imports them one after another, so their tests run in order in one process,
// with the same names. A file is left alone (a process of its own, as before) when its text shows anything
// that leaks into or leans on the process: hooks (a top-level before/after would wrap the whole group),
// the environment, child processes and workers, servers, generate() (its avatar cache is per process),
// mocks, clocks and timers, memory figures. The files reading portraits, analyses or tracks are grouped too
// (groups39: ~1.65 s of CPU saved a file, as the renderer's module graph loads once a group; reverted after a
// clean-clone CI crashed a group loading 'file://models/blazeface.json': src/rig/topology.ts's second Human reset
// the process-wide model base while the runtime loaded its models, fixed in s42, test/faceModelBase.test.ts);
// REAL3D_TEST_GROUPS=unit groups only the 110 files that read no media (109 s of CPU run one a process, 40 s in
// 14 groups), REAL3D_TEST_GROUPS=0 runs every file on its own.

/**
 * What keeps a test file in a process of its own (the first match says why). A hook is a call at the start of
 * a line or one imported from node:test (s42: prose such as "as before (..." in a comment or a test's message
 * kept ten files alone).
 */
export const OWN_PROCESS = /^\s*(before|after|beforeEach|afterEach)\s*\(|\{[^}]*\b(before|after|beforeEach|afterEach)\b[^}]*\}\s*from\s*'node:test'|process\.(env|chdir|on|once|exit|exitCode|argv|stdin|umask|memoryUsage|kill)\b|\bspawn|\bexecFile|\bexecSync|\bfork\(|\bWorker\b|\bmock\b|globalThis|\bgenerate\(|startServer|\.only\(|setTimeout|performance\.now|Date\.now/m;

/** What marks a file as reading the test media (portraits, analyses, driver tracks, videos, audio). */
export const USES_MEDIA = /analyzedPortrait|trackedVideo|sharedData|SHARED_DATA|readAnalysis|portraits\//;

/** Files per group: ~8 files of ~3 s of tests each keeps a group near 25 s, so two slots stay balanced. */
export const GROUP_SIZE = 8;

/** Whether a test file with this text may share a process with others; `media: false`: not the files reading the test media. */
export function groupable(text, media = true) {
  return !OWN_PROCESS.test(text) && (media || !USES_MEDIA.test(text));
}

/**
 * The files split into runs: every file that must stay alone, then the groupable ones in chunks of `size`
 * (in the given order, so a group holds neighbours). A chunk of one is a file run alone.
 */
export function planGroups(files, textOf, { size = GROUP_SIZE, media = true } = {}) {
  const alone = [];
  const shared = [];
  for (const f of files) (groupable(textOf(f), media) ? shared : alone).push(f);
  const groups = [];
  for (let i = 0; i < shared.length; i += size) groups.push(shared.slice(i, i + size));
  return { alone, groups };
}

/**
 * The group module: imports each file in turn; a file that fails to load becomes one failing test named
 * after it, and the group's other files still run.
 */
export function groupModule(fileUrls) {
  return [
    "import { test } from 'node:test';",
    `for (const file of ${JSON.stringify(fileUrls, null, 1)}) {`,
    '  try {',
    '    await import(file);',
    '  } catch (err) {',
    "    test(`${file.split('/').pop()} loads`, () => { throw err; });",
    '  }',
    '}',
    '',
  ].join('\n');
}
