// s43 (lidbody43): one blink, one lash line on both eyes (render/lashPair.ts). lp_s1 <- Katie f23-25 / f113 read as a
// wink: one eye shut (closure 1), the other a slit (.61-.75); the slit carried the photo's lash at nearly full strength,
// the shut eye at shutLash.ts's KEEP (.45), so the shut eye's line was the fainter (.21-.24 of the lid skin's light
// against the slit's .08-.11; Katie's shut eye .02-.06). A shut eye's drawn lash is now as strong as the other closing
// eye's; a real wink (the other eye open) and an even blink are left as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { lashPairSetting, pairedLashStrengths } from '../src/render/lashPair.ts';
import { loweredLashStrength } from '../src/render/loweredLidLash.ts';
import { shutEyeShown } from '../src/render/closedEye/overlay.ts';
import { lashLineDark } from '../src/eval/shutLine.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

const strengths = (c: [number, number]) => {
  const lid: [number, number] = [shutEyeShown(c[0]).lid, shutEyeShown(c[1]).lid];
  return { s: [loweredLashStrength(c[0], lid[0]), loweredLashStrength(c[1], lid[1])] as [number, number], lid };
};

test('pairedLashStrengths: a shut eye beside a slit takes the slit\'s strength; an even blink, a wink and a slit alone are left', () => {
  const was = lashPairSetting.on;
  try {
    lashPairSetting.on = true;
    // Katie f24: one eye shut, the other a slit
    const katie = strengths([1, 0.7]);
    const p = pairedLashStrengths(katie.s, [1, 0.7], katie.lid);
    assert.ok(katie.s[0] < katie.s[1] - 0.2, `before: shut ${katie.s[0].toFixed(2)} under the slit's ${katie.s[1].toFixed(2)}`);
    assert.equal(p[0], katie.s[1]);
    assert.equal(p[1], katie.s[1], 'the slit keeps its own');
    // both shut: nothing changes (the blink read-back renders this)
    const even = strengths([1, 1]);
    assert.deepEqual(pairedLashStrengths(even.s, [1, 1], even.lid), even.s);
    // a wink: the other eye open, its lash not handed over
    const wink = strengths([1, 0]);
    assert.deepEqual(pairedLashStrengths(wink.s, [1, 0], wink.lid), wink.s);
    // no shut lid on either eye (a half blink): left
    const half = strengths([0.5, 0.3]);
    assert.deepEqual(pairedLashStrengths(half.s, [0.5, 0.3], half.lid), half.s);
    lashPairSetting.on = false;
    assert.deepEqual(pairedLashStrengths(katie.s, [1, 0.7], katie.lid), katie.s);
  } finally { lashPairSetting.on = was; }
});

test('lp_s1, one eye shut and one a slit: the shut eye\'s line darker, near the slit\'s; both shut unchanged', async () => {
  const portrait = await analyzePortrait(path.join(sharedData('portraits/'), 'lp_s1.jpg'));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const was = lashPairSetting.on;
  // subject's right eye (image-left, lashLineDark's [0]) shut, the left a slit, as Katie's f24
  const read = (on: boolean, right: number, left: number): [number, number] => {
    lashPairSetting.on = on;
    const n = r.neutralFrame();
    const f = { ...n, w: { ...n.w, eyeBlinkLeft: left, eyeBlinkRight: right } };
    const img = r.render(f) as RgbaImage;
    return lashLineDark({ ...img, data: new Uint8ClampedArray(img.data) }, r.landmarks(f));
  };
  try {
    const off = read(false, 1, 0.72), on = read(true, 1, 0.72);
    assert.ok(on[0] < off[0] - 0.05, `shut eye's line ${off[0].toFixed(2)} -> ${on[0].toFixed(2)}`);
    assert.ok(Math.abs(on[0] - on[1]) < Math.abs(off[0] - off[1]), `the pair closer: ${off.map((x) => x.toFixed(2))} -> ${on.map((x) => x.toFixed(2))}`);
    assert.ok(on[0] > 0.03, `still a lid over the line: ${on[0].toFixed(2)}`);
    const evenOff = read(false, 1, 1), evenOn = read(true, 1, 1);
    assert.deepEqual(evenOn, evenOff, 'both shut: the same render');
  } finally { lashPairSetting.on = was; }
});
