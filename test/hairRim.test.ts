// The face's rings folded onto a skin-to-hair blend beside the outline (avatar/hairRim.ts, s52 rimline52).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hairRimSkips, withRimSkips, HAIR_RIM_IN } from '../src/avatar/hairRim.ts';
import { FACE_OVAL, LANDMARK_COUNT } from '../src/rig/topology.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { sharedData } from '../bench/sharedData.ts';

// a round face of radius 50 at (100, 100): oval points on the circle, every other point at the centre
function roundFace(): Float64Array {
  const flat = new Float64Array(LANDMARK_COUNT * 3);
  for (let v = 0; v < LANDMARK_COUNT; v++) { flat[v * 3] = 100; flat[v * 3 + 1] = 100; }
  FACE_OVAL.forEach((i, k) => {
    const a = (2 * Math.PI * k) / FACE_OVAL.length;
    flat[i * 3] = 100 + 50 * Math.cos(a); flat[i * 3 + 1] = 100 + 50 * Math.sin(a);
  });
  return flat;
}
// skin (100) inside radius 49, a blend (60) to 52, hair (10) past it
const lum = (x: number, y: number) => { const r = Math.hypot(x - 100, y - 100); return r < 49 ? 100 : r < 52 ? 60 : 10; };
const at = (flat: Float64Array, v: number, x: number, y: number) => { flat[v * 3] = x; flat[v * 3 + 1] = y; };

test('a ring on the blend past the side outline samples skin inside it; rings inside, on hair, on the forehead or without hair beside keep theirs', () => {
  const flat = roundFace(), faceWidth = 100, hair = new Float32Array(LANDMARK_COUNT).fill(1);
  at(flat, 177, 49, 100); // 1 px past the left outline, on the blend
  at(flat, 147, 50.2, 100); // on the outline: its own edge
  at(flat, 137, 47, 100); // 3 px past it, on hair
  at(flat, 116, 58, 100); // 8 px inside: the cheek's own skin
  at(flat, 108, 100, 49); // past the top outline: the forehead's hairline
  const skips = hairRimSkips(flat, faceWidth, hair, lum);
  assert.deepEqual(skips.ids, [177]);
  const [ox, oy] = skips.offset[0]!;
  // to HAIR_RIM_IN face widths inside the outline, toward the centre
  assert.ok(Math.abs(49 + ox - (50 + HAIR_RIM_IN * faceWidth)) < 0.5 && Math.abs(oy) < 0.5, `offset ${ox}, ${oy}`);
  assert.equal(lum(49 + ox, 100 + oy), 100);
  assert.equal(skips.strength[0], 1);
  assert.equal(hairRimSkips(flat, faceWidth, new Float32Array(LANDMARK_COUNT), lum).ids.length, 0, 'no hair beside: kept');
  // a light rim skip already on the vertex wins
  const merged = withRimSkips({ ids: [177], offset: [[1, 0]], strength: [0.5] }, skips);
  assert.deepEqual(merged.ids, [177]);
  assert.deepEqual(merged.offset[0], [1, 0]);
});

test('st_full_body_1 +25: the far cheek shows no grey line along the hair; the rest frame is the same', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/') + 'st_full_body_1.png');
  const renders = [true, false].map((hairRim) => {
    const avatar = buildAvatar(portrait, { hairRim });
    const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
    const frame = (yaw: number) => ({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
    const rest = Uint8ClampedArray.from(r.render(frame(0)).data);
    const img = r.render(frame(25)), lm = r.landmarks(frame(25)), S = avatar.size, d = img.data;
    const L = (x: number, y: number) => { const i = (y * S + x) * 4; return ((0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) * d[i + 3]!) / 255; };
    // per row along the far outline (234 .. 172), the deepest valley from 2 px outside to 10 px inside
    const chain = [234, 93, 132, 58, 172];
    let sum = 0, n = 0;
    for (let q = 0; q + 1 < chain.length; q++) {
      const [x0, y0] = lm[chain[q]!]!, [x1, y1] = lm[chain[q + 1]!]!;
      for (let y = Math.ceil(y0!); y < y1!; y++) {
        const ox = Math.round(x0! + ((x1! - x0!) * (y - y0!)) / (y1! - y0!));
        let best = 0;
        for (let k = -2; k <= 10; k++) {
          const side = (s: number) => Math.max(L(ox + k + s, y), L(ox + k + 2 * s, y), L(ox + k + 3 * s, y));
          best = Math.max(best, Math.min(side(-1), side(1)) - L(ox + k, y));
        }
        sum += best; n++;
      }
    }
    return { rest, valley: sum / n };
  });
  const [on, off] = renders as [{ rest: Uint8ClampedArray; valley: number }, { rest: Uint8ClampedArray; valley: number }];
  // (main 2.46, this 1.84: the figure also counts valleys the rings do not touch, by the eye and the jaw)
  assert.ok(on.valley < 0.85 * off.valley, `valley ${on.valley.toFixed(2)} (off ${off.valley.toFixed(2)})`);
  assert.ok(on.rest.every((v, i) => v === off.rest[i]), 'rest frame changed');
});
