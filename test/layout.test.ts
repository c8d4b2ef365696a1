import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHexColour, solidImage, pasteFeathered, coverResize, assertBackgroundFits } from '../src/pipeline/layout.ts';
import { InputError } from '../src/errors.ts';

test('hex colours parse in long and short form; other text is not a colour', () => {
  assert.deepEqual(parseHexColour('#203040'), [0x20, 0x30, 0x40]);
  assert.deepEqual(parseHexColour('#fff'), [255, 255, 255]);
  assert.equal(parseHexColour('#12345'), null);
  assert.equal(parseHexColour('red'), null);
});

test('feathered paste: centre takes the patch, the edge inside the image blends, image-border edges do not', () => {
  const dest = solidImage(100, 100, [0, 0, 0]);
  const patch = solidImage(20, 20, [200, 100, 50]);
  pasteFeathered(dest, patch, 10, 10, 40, 8);
  const at = (x: number, y: number) => dest.data[(y * 100 + x) * 4]!;
  assert.equal(at(30, 30), 200); // centre
  assert.ok(at(11, 30) > 0 && at(11, 30) < 60, `edge ${at(11, 30)}`); // feathered
  assert.equal(at(60, 60), 0); // outside
  // a patch touching the top-left image corner is not feathered there
  const d2 = solidImage(50, 50, [0, 0, 0]);
  pasteFeathered(d2, patch, 0, 0, 20, 6);
  assert.equal(d2.data[0], 200);
});

test('cover resize fills the frame keeping aspect (centre crop)', () => {
  const wide = solidImage(200, 100, [10, 20, 30]);
  // paint the left quarter red: it must be cropped away when covering a square
  for (let y = 0; y < 100; y++) for (let x = 0; x < 40; x++) wide.data[(y * 200 + x) * 4] = 255;
  const sq = coverResize(wide, 50, 50);
  assert.equal(sq.width, 50);
  assert.equal(sq.data[(25 * 50 + 25) * 4], 10);
  assert.equal(sq.data[(25 * 50 + 0) * 4], 10); // the red strip is outside the centre crop
});

test('transparent background needs webm or mov', () => {
  assert.throws(() => assertBackgroundFits('transparent', false), (e: Error) => e instanceof InputError && /webm/.test(e.message));
  assertBackgroundFits('transparent', true);
  assertBackgroundFits('#000000', false);
});
