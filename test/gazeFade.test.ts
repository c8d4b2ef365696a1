// movediris49: a near-zero gaze shift draws the photo's eye (the moved-iris layer fades into plain texturing), a real glance as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GazeIris, gazeFadeSetting, movedShare, sampleTexture } from '../src/render/gazeIris.ts';
import { ALMOND_EYES as eyes, almondEyeUv, EYE_TEXTURE_SIZE as size } from './almondEyes.ts';

test('movedShare: 0 at rest, rising smoothly, whole from `below` on; below 0 is the old switch', () => {
  assert.equal(movedShare(0, 1), 0);
  assert.ok(movedShare(0.2, 1) < 0.2 && movedShare(0.2, 1) > 0, 'a fifth of a texel: mostly the photo');
  assert.ok(movedShare(0.5, 1) > movedShare(0.2, 1) && movedShare(0.8, 1) > movedShare(0.5, 1), 'rising');
  assert.equal(movedShare(1, 1), 1);
  assert.equal(movedShare(3, 1), 1);
  assert.equal(movedShare(1e-4, 0), 1, 'off: any drawn shift is the whole layer');
});

/** Two almond eyes, a dark iris (radius 5) with a soft edge on a 220 white; the worst channel difference of each eye's shader from the texture over its box. */
function worstAgainstPhoto(sx: number, sy: number): number[] {
  const uv = almondEyeUv();
  const data32 = new Uint32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const d = Math.min(...eyes.map(([, , x0]) => Math.hypot(x + 0.5 - (x0 + 18), y + 0.5 - 100)));
    const v = Math.round(d < 4 ? 50 : d < 6 ? 50 + (170 * (d - 4)) / 2 : 220);
    data32[y * size + x] = (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
  }
  const tex = { width: size, height: size, data32 };
  const gaze = new GazeIris(uv, tex);
  gaze.set(sx, sy);
  return eyes.map(([, , x0], e) => {
    const shade = gaze.shaders[e];
    if (!shade) return 0;
    let worst = 0;
    for (let y = 93; y <= 107; y++) for (let x = x0 + 2; x <= x0 + 34; x++) worst = Math.max(worst, Math.abs((shade(0, 0, x + 0.5, y + 0.5) & 255) - (sampleTexture(tex, x + 0.5, y + 0.5) & 255)));
    return worst;
  });
}

test('gaze fade: a tenth of a texel of gaze draws (almost) the photo, not the layer\'s ring round the iris; a glance is unchanged', () => {
  const keep = gazeFadeSetting.below;
  try {
    gazeFadeSetting.below = 0;
    const offTiny = worstAgainstPhoto(0.1, 0.05), offGlance = worstAgainstPhoto(4, 0);
    gazeFadeSetting.below = keep;
    const onTiny = worstAgainstPhoto(0.1, 0.05), onGlance = worstAgainstPhoto(4, 0);
    for (let e = 0; e < 2; e++) {
      assert.ok(offTiny[e]! > 8, `eye ${e}: without the fade the layer at a tiny shift is not the photo (worst ${offTiny[e]})`);
      assert.ok(onTiny[e]! <= Math.max(3, 0.2 * offTiny[e]!), `eye ${e}: with it, nearly the photo (worst ${onTiny[e]} vs ${offTiny[e]})`);
      assert.equal(onGlance[e], offGlance[e], `eye ${e}: a 4 px glance draws as before`);
    }
  } finally {
    gazeFadeSetting.below = keep;
  }
});
