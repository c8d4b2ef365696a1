// Session 27 (lip27, issue #13, critic26: "a dark stippled smear outside the image-left mouth corner", mt_man
// f80 in audio mode). Measured: the open corner's skin and lip triangles sample the photo's commissure, and
// two texture lifts fought over it: the lower lip's light (updated after the corners) wrote the photo's dark
// slit back over the lifted corner notch in a ragged stipple, and the kept commissure dot (a grin's dark
// point) was stretched over the corner wedge of every speech opening. Now each pixel has one lift
// (textureLift.ts withoutPixels) and a speech opening lifts the dot too (cornerSkin.ts commissureDotLift).
// Figures: bench/cornerSmear.ts, docs/mouth/README.md (session 27, lip27).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { withoutPixels } from '../src/render/mouth/textureLift.ts';
import { commissureDotLift } from '../src/render/mouth/cornerSkin.ts';
import { cornerDark } from '../bench/cornerSmearFigures.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('a lift leaves the pixels another lift owns, its colours kept with their pixels', () => {
  const pixels = Int32Array.from([4, 7, 9]), lifted = Uint8ClampedArray.from([1, 2, 3, 10, 20, 30, 40, 50, 60]);
  const out = withoutPixels(pixels, lifted, Int32Array.from([7, 100]));
  assert.deepEqual([...out.pixels], [4, 9]);
  assert.deepEqual([...out.lifted], [1, 2, 3, 40, 50, 60]);
  assert.equal(withoutPixels(pixels, lifted, null).pixels, pixels, 'nothing taken: the same lists');
});

test('the commissure dot is lifted in a speech opening and in an O, kept in a grin', () => {
  assert.equal(commissureDotLift(0, 0), 1, 'speech');
  assert.equal(commissureDotLift(1, 1), 1, 'an O');
  assert.equal(commissureDotLift(0, 1), 0, 'a grin');
  assert.equal(commissureDotLift(0.3, 0.5), 0.5);
});

test("mt_man's open mouth has no dark smear past its image-left corner", async () => {
  const avatar = buildAvatar(await analyzePortrait(`${PORTRAITS}/mt_man.png`));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const rest = r.neutralFrame();
  // a speech opening as the ruler's f80 (lip gap ~0.17 IOD: a motion jawOpen of 0.29), no smile
  const open = { ...rest, w: { ...rest.w, jawOpen: 0.29, mouthLowerDown: 0.2 } };
  const lm = r.landmarks(open);
  const img = r.render(open);
  const left = cornerDark(img.data, 512, lm, 61, 78), right = cornerDark(img.data, 512, lm, 291, 308);
  // before: 40-55 px darker than 0.6 of the skin past the corner (the photo's own closed corner: 45)
  assert.ok(left.count <= 25, `image-left corner: ${left.count} dark px (ref luma ${left.ref.toFixed(0)})`);
  assert.ok(right.count <= 15, `image-right corner: ${right.count} dark px`);
});
