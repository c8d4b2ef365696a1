// squint59 (#14): a rising lower lid covers lp_s7's big painted iris instead of squashing it. The skin strip under the
// mesh's lower lid holds the painted iris's bottom (paintedBand.ts); a squint lifted it with the lid, so the pupil's
// bottom rose with the lid (a flat "D"). render/squintCover.ts draws the strip as the eyeball in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import { cachedPortrait } from '../bench/portraitCache.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { coverShader, lidRiseOf, riseAt, squintCoverSetting } from '../src/render/squintCover.ts';
import type { PaintedBand } from '../src/render/paintedBand.ts';
import { packedView } from '../src/render/textureSample.ts';

test('riseAt: the lid line\'s rise at the lid, the ring\'s at the ring, linear between and along the lid; none under 0', () => {
  const lid = { u: Float64Array.of(0, 10, 20), vEdge: Float64Array.of(10, 12, 10), rEdge: Float64Array.of(0, 6, 0), vRing: Float64Array.of(20, 22, 20), rRing: Float64Array.of(0, 2, -1) };
  assert.equal(riseAt(lid, 10, 12), 6);
  assert.equal(riseAt(lid, 10, 22), 2);
  assert.equal(riseAt(lid, 10, 17), 4);
  assert.equal(riseAt(lid, 5, 11), 3);
  assert.equal(riseAt(lid, 20, 20), 0);
  // a lid that did not rise gives no cover
  assert.equal(lidRiseOf([0, 1], [2, 3], [0, 0, 1, 0, 0, 5, 1, 5], new Float64Array(12)), null);
});

test('coverShader: a strip texel shows the eye where the lid\'s rise moved it from, the skin outside the strip', () => {
  const W = 8, H = 24;
  const tex = (f: (y: number) => number) => { const d = new Uint8ClampedArray(W * H * 4); for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) { const o = (y * W + x) * 4; d[o] = d[o + 1] = d[o + 2] = f(y); d[o + 3] = 255; } return { width: W, height: H, data32: packedView(d) }; };
  const eye = tex((y) => (y === 9 ? 0 : 200)), skin = tex(() => 150);
  // the strip: rows 8-13 wholly
  const band: PaintedBand = { x0: 0, y0: 8, w: W, h: 6, share: new Float32Array(W * 6).fill(1), strip: new Float32Array(W * 6).fill(1), poly: [] };
  const lid = { u: Float64Array.of(0, 8), vEdge: Float64Array.of(8, 8), rEdge: Float64Array.of(3, 3), vRing: Float64Array.of(20, 20), rRing: Float64Array.of(3, 3) };
  const shade = coverShader(band, skin, null, eye, lid);
  // the dark row 9 of the eye now shows at the strip's texel 12 (it lies where texel 9 was), not at texel 9
  assert.equal(shade(4, 0, 4.5, 12.5) & 255, 0);
  assert.equal(shade(4, 0, 4.5, 9.5) & 255, 200);
  assert.equal(shade(4, 0, 4.5, 16.5) & 255, 150);
});

/** The lowest row of the pupil (luma < 45 within half the iris ring of its centre column) under each rest iris centre. */
function pupilBottoms(img: { width: number; data: Uint8ClampedArray }, lm: [number, number, number][]): number[] {
  return [468, 473].map((c) => {
    const [cx, cy] = lm[c]!, r = Math.hypot(lm[c + 1]![0] - cx, lm[c + 1]![1] - cy);
    let bottom = -1;
    for (let y = Math.floor(cy); y < cy + r; y++) for (let x = Math.round(cx - r / 4); x <= cx + r / 4; x++) {
      const o = (y * img.width + x) * 4;
      if (0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]! < 45) bottom = Math.max(bottom, y);
    }
    return bottom;
  });
}

test('lp_s7 at eyeSquint 1: the pupil\'s bottom stays where it was (the lid rises over it), as it did not with the cover off', async () => {
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, 'lp_s7.jpg'));
  // (one renderer: the setting is read per frame)
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.width });
  const f = r.neutralFrame();
  const rest = pupilBottoms(r.render(f), portrait.cropLandmarks);
  f.w.eyeSquintLeft = f.w.eyeSquintRight = 1;
  const squintWith = (on: boolean) => { squintCoverSetting.on = on; try { return pupilBottoms(r.render(f), portrait.cropLandmarks); } finally { squintCoverSetting.on = true; } };
  const on = { rest, squint: squintWith(true) }, off = { rest, squint: squintWith(false) };
  for (let e = 0; e < 2; e++) {
    assert.ok(on.rest[e]! > 0, `eye ${e}: a pupil at rest`);
    assert.ok(Math.abs(on.squint[e]! - on.rest[e]!) <= 1, `eye ${e}: on, pupil bottom ${on.rest[e]} -> ${on.squint[e]}`);
    assert.ok(off.rest[e]! - off.squint[e]! >= 2, `eye ${e}: off (as before), pupil bottom ${off.rest[e]} -> ${off.squint[e]}`);
  }
});
