// A painted far eye whose outer corner touches the face's outline (issue #15, session 27: lp_s10 at
// +25). The eye texture past the opening's ends keeps the photo's own pixels (the canthus skin, for
// squints and blinks); where the photo there is the backdrop's soft edge (low alpha, premultiplied
// dark), a turn showed it at the eyeball's outer end as a dark vertical tick. Those pixels now go back
// to the eye's fill in proportion to the photo's transparency; opaque photo and the columns at the
// corner itself (seen at rest through the lid's soft edge) are left as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendEyes, fadeSeeThroughCorners } from '../src/avatar/eyeTexture.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { flatten } from '../src/rig/fit.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('fadeSeeThroughCorners: transparent photo past the end goes to the fill, opaque photo and the columns by the opening stay', () => {
  const w = 8, h = 3;
  const inside = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 5; x < w; x++) inside[y * w + x] = 1; // the opening: columns 5..7
  const col = new Float32Array(w * h * 4).fill(20), fill = new Float32Array(w * h * 4).fill(220);
  const kept = new Float32Array(w).fill(1);
  fadeSeeThroughCorners(col, fill, inside, kept, w, h, (x) => (x < 2 ? 0 : x === 2 ? 1 : 0.2));
  const at = (x: number, y: number) => col[(y * w + x) * 4]!;
  assert.equal(at(0, 1), 220); // fully transparent photo: the fill
  assert.equal(at(2, 1), 20); // opaque photo: kept
  assert.equal(at(4, 1), 20); // beside the opening (a rest frame sees it): kept
  assert.equal(at(6, 1), 20); // inside the opening: never touched
  assert.ok(Math.abs(at(3, 1) - (20 * 0.2 + 220 * 0.8)) < 1e-3, `${at(3, 1)}`);
});

test('extendEyes: an opaque photo past the ends gives the same texture as before (the photo kept)', () => {
  const size = 48;
  const data = new Uint8ClampedArray(size * size * 4);
  const poly: [number, number][] = [[14, 24], [20, 18], [28, 18], [34, 24], [28, 30], [20, 30]];
  for (let i = 0; i < size * size; i++) data.set([90, 60, 50, 255], i * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (insidePolygon(x + 0.5, y + 0.5, poly)) data.set([235, 235, 230, 255], (y * size + x) * 4);
  const out = extendEyes({ width: size, height: size, data }, [poly], 30).data;
  for (const x of [8, 10, 11, 38]) assert.ok(Math.abs(out[(24 * size + x) * 4]! - 90) < 20, `x ${x}: ${out[(24 * size + x) * 4]}`);
});

test('lp_s10: past the far eye\'s outer corner (where the painting\'s backdrop begins) the eye texture is no longer the dark edge', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'lp_s10.jpg');
  const avatar = buildAvatar(portrait);
  const flat = flatten(portrait.cropLandmarks);
  const S = avatar.size, cx = Math.round(flat[33 * 3]!), cy = Math.round(flat[33 * 3 + 1]!);
  const lum = (d: Uint8ClampedArray, x: number, y: number) => { const o = (y * S + x) * 4; return 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!; };
  // 2..4 px past the corner, on the corner's rows: the photo is backdrop-dark there
  let photo = 0, eye = 0, n = 0;
  for (let dy = -2; dy <= 4; dy++) for (let dx = 2; dx <= 4; dx++) { photo += lum(avatar.texture.data, cx - dx, cy + dy); eye += lum(avatar.eyeTexture.data, cx - dx, cy + dy); n++; }
  assert.ok(photo / n < 90, `photo past the corner ${photo / n}`);
  assert.ok(eye / n > 140, `eye texture past the corner ${eye / n} (main ~${(photo / n).toFixed(0)})`);
});
