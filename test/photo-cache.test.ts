// The avatar cache of generate(): the second video of a photo reuses its avatar (no analysis),
// a changed photo or option does not, cache: false neither reads nor writes, and the folder
// follows REAL3D_CACHE_DIR / XDG_CACHE_HOME.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, readdir, copyFile, writeFile, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir, homedir } from 'node:os';
import path from 'node:path';
import { generate } from '../src/pipeline/generate.ts';
import { cacheDir, avatarCacheEntry } from '../src/pipeline/photoCache.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import type { ProgressEvent } from '../src/config.ts';

const samples = new URL('../samples/', import.meta.url).pathname;
let dir = '';
let audio = '';
const savedEnv = process.env.REAL3D_CACHE_DIR;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'real3d-cache-'));
  process.env.REAL3D_CACHE_DIR = path.join(dir, 'cache');
  audio = path.join(dir, 'speech1s.wav');
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-i', path.join(samples, 'speech.mp3'), '-t', '1', audio]);
});
after(async () => {
  if (savedEnv === undefined) delete process.env.REAL3D_CACHE_DIR;
  else process.env.REAL3D_CACHE_DIR = savedEnv;
  await rm(dir, { recursive: true, force: true });
});

test('the cache folder: REAL3D_CACHE_DIR, else an absolute XDG_CACHE_HOME, else ~/.cache', () => {
  assert.equal(cacheDir({ REAL3D_CACHE_DIR: '/x/y' }), '/x/y');
  assert.equal(cacheDir({ XDG_CACHE_HOME: '/xdg' }), '/xdg/real3d');
  assert.equal(cacheDir({ XDG_CACHE_HOME: 'relative' }), path.join(homedir(), '.cache', 'real3d'), 'a relative XDG_CACHE_HOME is ignored (XDG spec)');
  assert.equal(cacheDir({}), path.join(homedir(), '.cache', 'real3d'));
});

async function run(photo: string, extra: Record<string, unknown> = {}) {
  const events: ProgressEvent[] = [];
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}.mp4`);
  const result = await generate({ image: photo, audio, output: out, size: 128, ...extra }, { onProgress: (e) => events.push(e) });
  await rm(out);
  return { result, messages: events.filter((e) => e.stage === 'analyze').map((e) => e.message ?? '') };
}

test('second video of the same photo: avatar from the cache, no analysis; other photo or option: analysed', async () => {
  const photo = path.join(dir, 'astronaut.jpg');
  await copyFile(path.join(samples, 'astronaut.jpg'), photo);
  const first = await run(photo);
  assert.ok(first.messages.includes('finding faces'), 'first run analyses');
  assert.ok(first.result.timings.analyze! > 0);
  const entries = await readdir(path.join(dir, 'cache', 'avatars'));
  assert.equal(entries.length, 1);
  assert.match(entries[0]!, /^[0-9a-f]{32}-f0-m0\.1-[0-9a-f]{12}\.avatar$/);

  const second = await run(photo);
  assert.deepEqual(second.messages, ['photo seen before: analysis reused from the cache']);
  assert.equal(second.result.timings.analyze, undefined, 'no analysis on the second run');
  assert.equal(second.result.frames, first.result.frames);

  // same file name, other content: a new entry (the key is the content, not the name)
  const bytes = await readFile(photo);
  await writeFile(photo, Buffer.concat([bytes, Buffer.from([0])]));
  const changed = await run(photo);
  assert.ok(changed.messages.includes('finding faces'), 'a changed photo is analysed');
  // an option that changes the analysis: a new entry
  const other = await run(photo, { minFaceArea: 0.2 });
  assert.ok(other.messages.includes('finding faces'));
  assert.equal((await readdir(path.join(dir, 'cache', 'avatars'))).length, 3);
});

test('cache: false analyses again and writes nothing; a damaged entry is rebuilt', async () => {
  const photo = path.join(samples, 'astronaut.jpg');
  const before = (await readdir(path.join(dir, 'cache', 'avatars'))).length;
  const off = await run(photo, { cache: false });
  assert.ok(off.messages.includes('finding faces'));
  assert.equal((await readdir(path.join(dir, 'cache', 'avatars'))).length, before, 'nothing written');

  const entry = (await avatarCacheEntry(photo, { face: 0, minFaceArea: 0.1 }))!;
  assert.equal(entry.hit, true, 'astronaut.jpg was cached by the first test');
  await writeFile(entry.file, 'not an avatar');
  const rebuilt = await run(photo);
  assert.ok(rebuilt.messages.includes('finding faces'), 'a damaged entry is not trusted');
  const again = await run(photo);
  assert.deepEqual(again.messages, ['photo seen before: analysis reused from the cache'], 'and it was rewritten');
});
