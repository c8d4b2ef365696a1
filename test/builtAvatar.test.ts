// test/builtAvatar.ts: the tests' avatar cache gives the fresh build to the bit, and a flipped setting or
// another option is another entry (a test that switches a layer off never reads the default's avatar).
import { deepStrictEqual, equal, notEqual, ok } from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildAvatar as buildFresh } from '../src/avatar/build.ts';
import { fringeBackdropSetting } from '../src/avatar/fringeBackdrop.ts';
import { seamBowSetting } from '../src/rig/basis/seamBow.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { avatarKey, buildAvatar, buildImports, settingModuleNames, settingModulesOfBuild } from './builtAvatar.ts';
import { sharedData } from '../bench/sharedData.ts';

test('builtAvatar: a cached avatar is the fresh build to the bit; settings and options are in the key', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const saved = process.env.REAL3D_TEST_ANALYSES;
  const dir = mkdtempSync(path.join(tmpdir(), 'real3d-built-avatar-'));
  process.env.REAL3D_TEST_ANALYSES = dir;
  try {
    const first = buildAvatar(portrait);
    equal(readdirSync(dir).filter((f) => f.startsWith('avatar-')).length, 1);
    deepStrictEqual(buildAvatar(portrait), buildFresh(portrait));
    deepStrictEqual(first, buildFresh(portrait));
    // each typed array over a buffer of its own, as built (tests and the renderer take views of `.buffer`)
    const layout = (o: unknown, out: string[] = [], at = ''): string[] => {
      if (ArrayBuffer.isView(o)) out.push(`${at} ${o.constructor.name} ${o.byteOffset} ${o.byteLength} ${o.buffer.byteLength}`);
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) layout(v, out, `${at}.${k}`);
      return out;
    };
    const cached = layout(buildAvatar(portrait));
    ok(cached.length > 5);
    deepStrictEqual(cached, layout(first));
    const key = avatarKey(portrait, {});
    notEqual(avatarKey(portrait, { rampSteepen: false }), key);
    // every module of the build exporting a setting is in the key's list (a new one must be added to SETTING_MODULES)
    ok(buildImports().some((f) => f.endsWith('seamBow.ts')));
    deepStrictEqual(settingModuleNames(), settingModulesOfBuild());
    for (const setting of [fringeBackdropSetting, seamBowSetting]) {
      setting.on = false;
      try {
        notEqual(avatarKey(portrait, {}), key);
      } finally {
        setting.on = true;
      }
    }
    equal(avatarKey(portrait, {}), key);
  } finally {
    if (saved === undefined) delete process.env.REAL3D_TEST_ANALYSES;
    else process.env.REAL3D_TEST_ANALYSES = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
