// A cached analysis is the fresh one: the analysis folder (writeAnalysis / readAnalysis, the tests'
// shared cache and the benches') and the avatar file (generate()'s cache) give back every value to
// the bit, so a second video of a photo renders byte for byte as the first. The matte used to be
// read back from its 8-bit PNG (lp_s9's shut eye read 0.36 fresh, 0.40 from the cache, s33).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyzePortrait, writeAnalysis, readAnalysis } from '../src/analyze/index.ts';
import { encodeAvatar, decodeAvatar, type Avatar } from '../src/avatar/build.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

// a frame that reaches the matte's soft edge (turn), the lids (blink) and the mouth
const FRAME: MotionFrame = { w: { jawOpen: 0.3, mouthSmileLeft: 0.2 }, pose: { yaw: 15, pitch: -4, roll: 2, tx: 0, ty: 0, tz: 0 }, gaze: [0.2, 0], blink: 0.6 };
const rendered = (avatar: Avatar) => Buffer.from(createRenderer(avatar, { width: 512, height: 512 }).render(FRAME).data);

test('fresh analysis = cached analysis = cached avatar, to the bit and in the render (lp_s9); an old 8-bit matte folder still loads', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-cache-exact-'));
  try {
    const fresh = await analyzePortrait(sharedData('portraits/lp_s9.jpg'));
    await writeAnalysis(fresh, path.join(dir, 'a'));
    const cached = await readAnalysis(path.join(dir, 'a'));
    for (const key of Object.keys(fresh) as (keyof typeof fresh)[]) assert.ok(isDeepStrictEqual(cached[key], fresh[key]), `portrait.${key} read back differs`);
    const avatar = buildAvatar(fresh);
    const fromFile = decodeAvatar(encodeAvatar(avatar));
    for (const key of Object.keys(avatar)) assert.ok(isDeepStrictEqual((fromFile as any)[key], (avatar as any)[key]), `avatar.${key} read back differs`);
    const image = rendered(avatar);
    assert.ok(image.equals(rendered(buildAvatar(cached))), 'the avatar of the cached analysis renders otherwise');
    assert.ok(image.equals(rendered(fromFile)), 'the cached avatar file renders otherwise');
    // a folder from before matte.f32: the 8-bit matte, within half a step of the analysed one
    await unlink(path.join(dir, 'a', 'matte.f32'));
    const old = await readAnalysis(path.join(dir, 'a'));
    let worst = 0;
    for (let i = 0; i < fresh.matte.data.length; i++) worst = Math.max(worst, Math.abs(old.matte.data[i]! - fresh.matte.data[i]!));
    assert.ok(worst > 0 && worst <= 0.5 / 255 + 1e-6, `old folder's matte off by ${worst}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('test files analyse portraits through the run-wide cache (test/analyzedPortrait.ts), not each on its own', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const testDir = import.meta.dirname;
  // these test the analyser or its cache themselves
  const ownAnalyser = new Set(['analyze.test.ts', 'image.test.ts', 'cacheExact.test.ts', 'analyzedPortrait.ts']);
  const files = (await readdir(testDir)).filter((f) => /\.ts$/.test(f) && !ownAnalyser.has(f));
  const direct: string[] = [];
  for (const f of files) {
    if (/import \{[^}]*\banalyzePortrait\b[^}]*\} from '\.\.\/src\//.test(await readFile(path.join(testDir, f), 'utf8'))) direct.push(f);
  }
  assert.deepEqual(direct, [], "import analyzePortrait from './analyzedPortrait.ts'");
});
