// s42 (wink42): a shut eye keeps the photo's lash line (render/shutLash.ts). lp_s1 <- Katie f23-25 read as a "dirty
// wink": the slit eye carried the photo's dark lash line drawn along its lid (loweredLidLash.ts), the shut eye lost it
// as the shut lid came in and showed a faint line on a brown lid (.37 of the lid skin's light against the slit's .10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { shutLashFade, shutLashSetting, KEEP } from '../src/render/shutLash.ts';
import { loweredLashStrength } from '../src/render/loweredLidLash.ts';
import { lashLineDark } from '../src/eval/shutLine.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

test('shutLashFade: whole with no shut lid, KEEP under a full one, falling between; off gives 1 - shutLid', () => {
  const was = shutLashSetting.on;
  try {
    shutLashSetting.on = true;
    assert.equal(shutLashFade(0), 1);
    assert.ok(Math.abs(shutLashFade(1) - KEEP) < 1e-9 && KEEP > 0 && KEEP < 1);
    assert.ok(shutLashFade(0.5) < 1 && shutLashFade(0.5) > KEEP);
    assert.equal(shutLashFade(2), shutLashFade(1));
    assert.ok(loweredLashStrength(1, 1) > 0, 'the drawn lash stays on a shut eye');
    shutLashSetting.on = false;
    assert.equal(shutLashFade(1), 0);
    assert.equal(shutLashFade(0.25), 0.75);
  } finally { shutLashSetting.on = was; }
});

test('lp_s1 shut (blink 1, both eyes): the lash line keeps the slit\'s darkness — darker than with the drawn lash handed over', async () => {
  const portrait = await analyzePortrait(path.join(sharedData('portraits/'), 'lp_s1.jpg'));
  const avatar = buildAvatar(portrait);
  const was = shutLashSetting.on;
  const read = (on: boolean, w: number): [number, number] => {
    shutLashSetting.on = on;
    const r = createRenderer(avatar, { width: 512, height: 512 });
    const n = r.neutralFrame();
    const f = { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } };
    const img = r.render(f) as RgbaImage;
    return lashLineDark({ ...img, data: new Uint8ClampedArray(img.data) }, r.landmarks(f));
  };
  try {
    const slit = read(true, 0.75), off = read(false, 1), on = read(true, 1);
    for (const side of [0, 1]) {
      // before: the slit's line .10-.12, the shut eye's .33-.37; now .22-.24
      assert.ok(on[side]! < off[side]! - 0.08, `eye ${side}: shut line ${off[side]!.toFixed(2)} -> ${on[side]!.toFixed(2)}`);
      assert.ok(on[side]! - slit[side]! < 0.7 * (off[side]! - slit[side]!), `eye ${side}: the step from the slit (${slit[side]!.toFixed(2)}) to shut narrower`);
      // still a lid over the line, not a black gap
      assert.ok(on[side]! > 0.05, `eye ${side}: line ${on[side]!.toFixed(2)}`);
    }
  } finally { shutLashSetting.on = was; }
});
