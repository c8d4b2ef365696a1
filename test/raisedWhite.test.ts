// white37: the white behind a moved iris under a raised lid loses the photo's lid shade; the raised lid's lash band thins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RaisedFills, columnWhiteLum, fillAt, liftedFill, openShare } from '../src/render/raisedWhite.ts';
import { raisedLashWidth } from '../src/render/raisedLash.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

test('a shaded fill cell is lifted toward its column\'s lit white, its hue kept; a lit one is not darkened', () => {
  // 2x2 patch: top row the photo's lid shade (grey-violet), bottom row lit white
  const white = Uint32Array.from([pack(140, 128, 138), pack(120, 110, 118), pack(215, 205, 205), pack(230, 220, 220)]);
  const out = liftedFill(white, 10, 2, () => 205);
  assert.ok(lum(out[0]!) > 195 && lum(out[0]!) < 215, `lifted to the lit white: ${lum(out[0]!)}`);
  assert.ok((out[0]! & 255) > ((out[0]! >>> 8) & 255), 'its own hue kept (R over G)');
  assert.equal(out[2], white[2], 'a cell as light as the white is kept');
  assert.equal(out[3], white[3], 'a lighter cell is never darkened');
  // the lash line's dark is not made white: the gain is capped
  const dark = liftedFill(Uint32Array.from([pack(40, 40, 40)]), 0, 1, () => 205);
  assert.ok(lum(dark[0]!) < 80);
  // no lit white on the column: kept
  assert.equal(liftedFill(white, 10, 2, () => NaN)[0], white[0]);
});

test('the photo\'s own fill at rest (the same array), the lifted one once the lid is up by its shade\'s depth', () => {
  const rest = Uint32Array.from([pack(120, 110, 118)]), lifted = Uint32Array.from([pack(200, 190, 196)]), buf = new Uint32Array(1);
  assert.equal(fillAt(rest, lifted, 0, buf), rest);
  assert.equal(fillAt(rest, lifted, 1, buf)[0], lifted[0]);
  assert.equal(openShare(0, 4), 0);
  assert.equal(openShare(2, 4), 0.5);
  assert.equal(openShare(9, 4), 1);
  const disc = { x0: 0, size: 1, white: rest, radius: 8 };
  const fills = new RaisedFills([disc], [columnWhiteLum({ columns: [{ x: 0 }], whites: [[200, 190, 196, 255]] })]);
  fills.update([0]);
  assert.equal(disc.white, rest, 'no raise: the photo\'s fill itself (renders unchanged)');
  fills.update([10]);
  assert.ok(lum(disc.white[0]!) > lum(rest[0]!) + 40, 'raised: lifted');
});

test('the raised lid\'s lash band thins as the lid goes up, to a quarter of it at most', () => {
  assert.equal(raisedLashWidth(0), 1);
  assert.ok(raisedLashWidth(0.65) < 0.6 && raisedLashWidth(0.65) > 0.4);
  assert.ok(raisedLashWidth(1) >= 0.25 && raisedLashWidth(2) === raisedLashWidth(1));
});
