// A motion's blink counts from the photo's own lid (lids31): lp_s12's fit reads its lids at blink .03 / .13
// with both eyes equally open, and the same weight on both eyes made a wink (lp_d14 f132).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blinkOnPhotoLid } from '../src/render/blinkFromPhotoLid.ts';
import { blinkCompletion } from '../src/render/eyes.ts';
import { sharedData } from '../bench/sharedData.ts';

test('blink from the photo lid: 0 is the photo\'s lid, 1 shut, and equal weights are equal completions', () => {
  for (const own of [0, 0.03, 0.13, 0.3]) {
    assert.equal(blinkOnPhotoLid(0, own), own);
    assert.equal(blinkOnPhotoLid(1, own), 1);
    for (const w of [0.3, 0.5, 0.7, 0.85]) assert.ok(Math.abs(blinkCompletion(blinkOnPhotoLid(w, own), own) - w) < 1e-9, `own ${own} w ${w}`);
  }
  assert.equal(blinkOnPhotoLid(-0.2, 0.1), 0.1);
});

test('blink from the photo lid: on lp_s12 equal weights give each eye the same share of its own rest opening', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { eyeOpenings } = await import('../src/eval/eyes.ts');
  const { fileURLToPath } = await import('node:url');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s12.jpg'));
  const avatar = buildAvatar(portrait);
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const n = r.neutralFrame();
  assert.equal(n.w.eyeBlinkLeft, 0);
  assert.equal(n.w.eyeBlinkRight, 0);
  const rest = eyeOpenings(r.landmarks(n));
  for (const w of [0.3, 0.5, 0.7, 0.85]) {
    const o = eyeOpenings(r.landmarks({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } }));
    const left = o.left / rest.left, right = o.right / rest.right;
    assert.ok(Math.abs(left - right) < 0.02, `w ${w}: ${left.toFixed(3)} / ${right.toFixed(3)} of rest`);
    assert.ok(Math.abs(left - (1 - w)) < 0.05, `w ${w}: the lid has come ${w} of the way (${left.toFixed(3)})`);
  }
});
