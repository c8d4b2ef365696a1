// row39 (#13, after slab38): a library upper row at a small opening in the lips' shade, from .115 IOD (test/mouthRim's
// speech opening) as lit as before; a smile and a photo's own row keep their light.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ONSET_ROW_DIM, ONSET_ROW_GAPS, onsetRowLight } from '../src/render/mouth/onsetRow.ts';

test('a small opening dims the library row toward the real ones; .115 IOD keeps nearly all of it, .12 and wider all', () => {
  // (real upper-half luma over the chin's, Katie + lp_d10: .74-.76 at .06-.09 IOD against .92 at .12-.16)
  assert.ok(onsetRowLight(0.07, 0, false) < 0.85, `gap .07: ${onsetRowLight(0.07, 0, false).toFixed(3)}`);
  assert.ok(onsetRowLight(0.07, 0, false) >= 1 - ONSET_ROW_DIM - 1e-9);
  assert.ok(onsetRowLight(0.1, 0, false) > onsetRowLight(0.07, 0, false), 'brighter as the mouth opens');
  assert.ok(onsetRowLight(0.1, 0, false) > 0.9, 'nearly full by .1');
  assert.ok(onsetRowLight(0.115, 0, false) > 0.99, 'mouthRim\'s speech opening: nearly unchanged');
  assert.equal(onsetRowLight(ONSET_ROW_GAPS[1], 0, false), 1);
  assert.equal(onsetRowLight(0.25, 0, false), 1, 'wide: unchanged');
  assert.equal(onsetRowLight(0, 0, false), 1);
});

test('a smile and a row taken from the photo keep their light', () => {
  assert.equal(onsetRowLight(0.07, 0.6, false), 1, 'a smile lights the teeth at any parting');
  assert.equal(onsetRowLight(0.07, 0, true), 1, 'the photo row carries its own light');
});
