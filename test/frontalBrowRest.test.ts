// A driver who looks down most of the clip: brow raises count from the brows' rest on the frames
// nearest facing the camera (src/motion/browRetarget.ts frontalBrowRest, issue #14, pose796 on lp_s11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browRestOf, frontalBrowRest, PITCHED_CLIP } from '../src/motion/browRetarget.ts';

const N = 100;
const have = Array.from({ length: N }, (_, i) => i);
/** pitch: the first 20 frames face the camera (2 deg), the rest look down (10 deg) */
const pitch = Float64Array.from(have, (i) => (i < 20 ? 2 : 10));

test('a down-looking clip whose brows rise as he faces the camera: the raise rest is the frontal frames\' brows', () => {
  const h = Float64Array.from(have, (i) => (i < 20 ? 0.32 : 0.25 + (i % 5) * 0.002));
  const brows = [h, h];
  const frontal = frontalBrowRest(brows, have, pitch);
  assert.ok(frontal && frontal[0]! > 0.3, `frontal rest ${frontal?.[0]}`);
  const plain = browRestOf(brows, have), rest = browRestOf(brows, have, pitch);
  assert.ok(plain.raise[0]! < 0.26, 'without pitch the raise rest is the down-looking brows');
  assert.ok(rest.raise[0]! > 0.3 && rest.riseFrom![0]! > 0.3, 'with pitch a frontal face is no raise');
  assert.deepEqual(rest.frown, plain.frown, 'the frown rest is left alone');
});

test('brows that do not follow the pitch, or a clip facing the camera, keep the clip\'s rest', () => {
  // a raise while looking aside at the same pitch (lp_d14): brows independent of pitch
  const h = Float64Array.from(have, (i) => (i % 10 === 3 ? 0.33 : 0.25));
  assert.equal(frontalBrowRest([h, h], have, pitch), null);
  const facing = Float64Array.from(have, (i) => (i < 20 ? 0 : PITCHED_CLIP / 2));
  const g = Float64Array.from(have, (i) => (i < 20 ? 0.32 : 0.25));
  assert.equal(frontalBrowRest([g, g], have, facing), null, 'a clip whose median pitch is near frontal');
  assert.deepEqual(browRestOf([g, g], have, facing).raise, browRestOf([g, g], have).raise);
  const back = Float64Array.from(pitch, (p) => -p);
  assert.equal(frontalBrowRest([g, g], have, back), null, 'a head tilted back is no down-looking rest');
});
