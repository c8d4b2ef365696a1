// buildAvatar for the tests, through the run's shared cache (REAL3D_TEST_ANALYSES, test/analyzedPortrait.ts's
// folder): an avatar that several test files build from the same portrait with the same options and settings is
// built once per run, not once per file (s59: a build takes 2-7 s and ~140 test files build one or more).
// The key holds the portrait's content, the options and every `*Setting` object of the modules the build imports
// (found by walking build.ts's imports), so a test that switches a layer off builds its own avatar.
// Entries are written with v8's base Serializer, not v8.serialize: Node's default one reads typed arrays back as views
// into the whole entry's buffer, so a test taking `avatar.eyeTexture.data.buffer` got the entry, not the texture
// (8 tests failed so in s59's first CI). The base one keeps each ArrayBuffer and its views as built, NaN to the bit.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Deserializer, Serializer, serialize } from 'node:v8';
import { buildAvatar as buildFresh, type Avatar, type BuildAvatarOptions } from '../src/avatar/build.ts';
import type { Portrait } from '../src/types.ts';

const BUILD_FILE = fileURLToPath(new URL('../src/avatar/build.ts', import.meta.url));

/** The source files build.ts imports, directly or not (value imports only). */
export function buildImports(entry = BUILD_FILE): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']+)'/gms)) stack.push(path.resolve(path.dirname(file), m[1]!));
  }
  return [...seen];
}

/** Every exported `*Setting` object of the build's modules, by module and name: the switches tests flip. */
async function buildSettings(): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (const file of buildImports()) {
    if (!/export (?:const|let) \w+Setting\b/.test(readFileSync(file, 'utf8'))) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (name.endsWith('Setting')) found.push({ [`${path.basename(file)}:${name}`]: value });
  }
  return found;
}
const settings = await buildSettings();

/** The cache key: what the build reads — the portrait, the options, the settings as they are now. */
export function avatarKey(portrait: Portrait, opts: BuildAvatarOptions): string {
  return createHash('sha256').update(serialize(portrait)).update('\0').update(JSON.stringify(opts)).update('\0').update(JSON.stringify(settings)).digest('hex').slice(0, 24);
}

/** The avatar as bytes: its ArrayBuffers written once each, its typed arrays as views into them. */
export function avatarBytes(avatar: Avatar): Buffer {
  const out = new Serializer();
  out.writeHeader();
  out.writeValue(avatar);
  return out.releaseBuffer();
}

/** avatarBytes read back: every typed array over its own buffer, at its own offset, as built. */
export function avatarFromBytes(bytes: Buffer): Avatar {
  const input = new Deserializer(bytes);
  input.readHeader();
  return input.readValue() as Avatar;
}

export function buildAvatar(portrait: Portrait, opts: BuildAvatarOptions = {}): Avatar {
  const root = process.env.REAL3D_TEST_ANALYSES;
  if (!root) return buildFresh(portrait, opts);
  const entry = path.join(root, `avatar-${avatarKey(portrait, opts)}.v8`);
  const hit = existsSync(entry);
  const log = process.env.REAL3D_TEST_ANALYSES_LOG;
  if (hit) {
    if (log) appendFileSync(log, `hit ${process.pid} ${path.basename(entry)} 0\n`);
    return avatarFromBytes(readFileSync(entry));
  }
  const start = performance.now();
  const avatar = buildFresh(portrait, opts);
  // REAL3D_TEST_ANALYSES_LOG: a line per call with the build's ms, to count what the cache saves (bench/testDurations.ts --analyses)
  if (log) appendFileSync(log, `miss ${process.pid} ${path.basename(entry)} ${Math.round(performance.now() - start)}\n`);
  // written aside and renamed whole, as analyzedPortrait.ts's entries
  const tmp = `${entry}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, avatarBytes(avatar));
    renameSync(tmp, entry);
  } catch {
    rmSync(tmp, { force: true });
  }
  return avatar;
}
