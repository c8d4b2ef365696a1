// The wide-open mouth and the opening's corners (round 12): a wide opening shows the lit top of the
// tongue over its lower part, not a dark-red oval; the opening's corners close into the lips' inner
// lining, not into black wedges beyond the teeth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader } from '../src/render/mouth/shader.ts';
import type { MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { tongueFillGrow } from '../src/render/mouth/tonguePlace.ts';
import { tongueTopAbove } from '../src/render/mouth/tongue.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const L = (c: ArrayLike<number>) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;

/** A premultiplied layer of colour c on rows from..to (all columns), anchored at (w/2, anchorY). */
function band(w: number, h: number, from: number, to: number, c: number, anchorY: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = c; data[o + 1] = 0.6 * c; data[o + 2] = 0.6 * c; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY, data };
}

/** Lips apart from row 10 to row 60 (0.5 IOD at 100 px per IOD) over 64 columns, the jaw's anchor on the lower lip. */
const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 60, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.5, photoGap: 0, rebuilt: 1, lowerLipX: 32, lowerLipY: 60 };

function shader(tongue: ReadyLayer | null): MouthShader {
  const W = 64, empty = band(8, 8, 0, 0, 0, 0);
  const s = new MouthShader(W, { upper: empty, lower: empty, tongue, cavity: [20, 10, 12], fromPhoto: false });
  const lip: [number, number, number] = [180, 100, 90];
  s.lipEdge = lip; s.lipRimUpper = lip; s.lipRimLower = lip; s.lipInner = [140, 60, 55];
  s.setPlacement(PLACE);
  s.centreX = 32; s.halfWidth = 30;
  s.setLips([0, W], [10, 10], [0, W], [60, 60]);
  return s;
}
const px = (s: MouthShader, x: number, y: number) => { const c = s.shade(x, y, 0, 0); return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255]; };

test('the tongue grows until its top stands 0.45 of a wide opening over the lower lip', () => {
  // a tongue 8 px tall standing on its anchor
  const tongue = band(64, 40, 22, 30, 200, 30);
  assert.equal(tongueTopAbove(tongue), 8);
  const grow = tongueFillGrow(PLACE, 8, 0);
  // its top: 8 px x grow over its anchor, raised 0.03 IOD (interior.ts); the lip 0.5 IOD = 50 px over the lower lip
  assert.ok(Math.abs(8 * grow + 3 - 0.45 * 50) < 1e-9, `top ${(8 * grow + 3).toFixed(1)} px over the lip`);
  assert.equal(tongueFillGrow({ ...PLACE, gap: 0.02 }, 8, 0), 1, 'a narrow opening does not shrink it');
  // drawn: lit (tongue-coloured, not cavity) 0.3 of the gap over the lip in the middle, cavity-dark near the top
  const s = shader(tongue);
  const onTongue = L(px(s, 32, 60 - 15)), high = L(px(s, 32, 60 - 40));
  assert.ok(onTongue > 3 * high, `tongue ${onTongue.toFixed(0)} against the cavity above it ${high.toFixed(0)}`);
  assert.ok(onTongue > 0.5 * L([200, 120, 120]), `tongue ${onTongue.toFixed(0)} lit`);
});

test('the opening\'s corners close into the lips\' inner lining, not into black', () => {
  const s = shader(null);
  const centre = L(px(s, 32, 35)), corner = L(px(s, 61, 35));
  // main: the cavity darkened to 0.4 of itself toward the corners (a black wedge beyond the teeth)
  assert.ok(corner > 2 * centre, `corner ${corner.toFixed(0)} against the cavity ${centre.toFixed(0)}`);
  assert.ok(corner >= 0.5 * L([140, 60, 55]), `corner ${corner.toFixed(0)} in the inner lip's shade`);
});
