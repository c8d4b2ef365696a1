// buildAvatar for the tests, through the run's shared cache (REAL3D_TEST_ANALYSES, test/analyzedPortrait.ts's
// folder): an avatar that several test files build from the same portrait with the same options and settings is
// built once per run, not once per file (s59: a build takes 2-7 s and ~140 test files build one or more).
// The key holds the portrait's content, the options and every `*Setting` object of the modules the build imports
// (SETTING_MODULES, checked against a walk of build.ts's imports), so a test that switches a layer off builds its own avatar.
// Entries are written with v8's base Serializer, not v8.serialize: Node's default one reads typed arrays back as views
// into the whole entry's buffer, so a test taking `avatar.eyeTexture.data.buffer` got the entry, not the texture
// (8 tests failed so in s59's first CI). The base one keeps each ArrayBuffer and its views as built, NaN to the bit.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deserializer, Serializer, serialize } from 'node:v8';
import { buildAvatar as buildFresh, type Avatar, type BuildAvatarOptions } from '../src/avatar/build.ts';
import * as browHair from '../src/avatar/browHair.ts';
import * as fringeBackdrop from '../src/avatar/fringeBackdrop.ts';
import * as hairRim from '../src/avatar/hairRim.ts';
import * as rampSteepen from '../src/avatar/rampSteepen.ts';
import * as revealOffLips from '../src/avatar/revealOffLips.ts';
import * as rim from '../src/avatar/rim.ts';
import * as seamBow from '../src/rig/basis/seamBow.ts';
import * as staringLowerLid from '../src/rig/basis/staringLowerLid.ts';
import type { Portrait } from '../src/types.ts';

const BUILD_FILE = fileURLToPath(new URL('../src/avatar/build.ts', import.meta.url));

// The build's modules that export `*Setting` objects, imported here statically: a top-level await (importing them found
// by the walk below) made every test file importing this one an async module, and in test/run.mjs's groups the next
// file's tests then registered inside the running test of the one before and were cancelled with it (ci88).
// test/builtAvatar.test.ts checks this list against the walk, so a setting added to the build's modules fails there.
const SETTING_MODULES: Record<string, Record<string, unknown>> = {
  'browHair.ts': browHair,
  'fringeBackdrop.ts': fringeBackdrop,
  'hairRim.ts': hairRim,
  'rampSteepen.ts': rampSteepen,
  'revealOffLips.ts': revealOffLips,
  'rim.ts': rim,
  'seamBow.ts': seamBow,
  'staringLowerLid.ts': staringLowerLid,
};

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

/** The build's modules that export a `*Setting` (by the walk), by file name: what SETTING_MODULES must hold. */
export function settingModulesOfBuild(): string[] {
  return buildImports()
    .filter((file) => /export (?:const|let) \w+Setting\b/.test(readFileSync(file, 'utf8')))
    .map((file) => path.basename(file))
    .sort();
}

export const settingModuleNames = (): string[] => Object.keys(SETTING_MODULES).sort();

/** Every `*Setting` object of those modules by module and name, live: the switches tests flip. */
const settings = Object.entries(SETTING_MODULES).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([name]) => name.endsWith('Setting'))
    .map(([name, value]) => ({ [`${file}:${name}`]: value })),
);

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
