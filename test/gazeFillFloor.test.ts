// The white shown where the iris moved off (render/scleraBehind.ts liftToFloor): on a dark, narrow
// white (a painting's, st_art_1) the white right beside the iris is nearly as dark as the iris, and the
// fill made of it hid the look; it is now lifted at least FILL_CONTRAST of the way to the picture's own
// whiter white (its opening's) in the disc's middle, and meets the photo at the disc's edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GazeIris } from '../src/render/gazeIris.ts';
import { ALMOND_EYES as eyes, almondEyeUv, EYE_TEXTURE_SIZE as size } from './almondEyes.ts';

/** Two almond eyes 36 x 14 px; iris (radius 5, luminance 30) at each middle, a shadowed white (45) out to 10 px, a lit white (100) beyond. */
function darkWhiteEyes(lit: number) {
  const uv = almondEyeUv();
  const data32 = new Uint32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const r = Math.min(...eyes.map(([, , x0]) => Math.hypot(x + 0.5 - x0 - 18, y + 0.5 - 100)));
    const v = r < 5 ? 30 : r < 10 ? 45 : lit;
    data32[y * size + x] = (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
  }
  return { uv, tex: { width: size, height: size, data32 }, centres: eyes.map(([, , x0]) => x0 + 18) };
}

test('gaze fill: on a dark white the uncovered middle is lifted toward the picture\'s own white, the disc\'s edge meets the photo', () => {
  const { uv, tex } = darkWhiteEyes(100);
  new GazeIris(uv, tex).discs.forEach((d, e) => {
    const at = (x: number, y: number) => d.white[(Math.floor(y) - d.y0) * d.size + Math.floor(x) - d.x0]! & 255;
    const middle = at(d.cx, d.cy + 1);
    assert.ok(middle >= 30 + 0.5 * (100 - 30), `eye ${e}: the white behind the iris's middle (${middle}) reads against the iris (30) and the lit white (100)`);
    assert.ok(Math.abs(at(d.cx + d.radius - 1, d.cy + 1) - 45) <= 12, `eye ${e}: near the disc's edge the photo's own white (45), got ${at(d.cx + d.radius - 1, d.cy + 1)}`);
  });
});

test('gaze fill: a white already well apart from the iris is left as the rows give it', () => {
  // the lit white no lighter than the shadowed one: the floor (0.55 of the way) is below the fill
  const { uv, tex } = darkWhiteEyes(45);
  new GazeIris(uv, tex).discs.forEach((d, e) => {
    const middle = d.white[(Math.floor(d.cy + 1) - d.y0) * d.size + Math.floor(d.cx) - d.x0]! & 255;
    assert.ok(Math.abs(middle - 45) <= 3, `eye ${e}: the fill is the white beside the iris (${middle})`);
  });
});
