// slab38 (#13): a library upper row at a small opening in the lips' shade, a wide opening's row as lit as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ONSET_ROW_DIM, ONSET_ROW_GAPS, onsetRowLight } from '../src/render/mouth/onsetRow.ts';

test('a small opening dims the library row toward the real .82 of a wider one, a wide opening keeps it', () => {
  // real upper-half luma at .06-.09 over .12-.16 IOD of gap: Katie .80, lp_d10 .83
  assert.ok(onsetRowLight(0.08, 0, false) < 0.85, 'gap .08: dimmed');
  assert.ok(onsetRowLight(0.08, 0, false) > 1 - ONSET_ROW_DIM - 1e-9);
  assert.ok(onsetRowLight(0.11, 0, false) > onsetRowLight(0.08, 0, false), 'brighter as the mouth opens');
  assert.equal(onsetRowLight(ONSET_ROW_GAPS[1], 0, false), 1);
  assert.equal(onsetRowLight(0.25, 0, false), 1, 'wide: unchanged');
  assert.equal(onsetRowLight(0, 0, false), 1);
});

test('a smile and a row taken from the photo keep their light', () => {
  assert.equal(onsetRowLight(0.08, 0.6, false), 1, 'a smile lights the teeth at any parting');
  assert.equal(onsetRowLight(0.08, 0, true), 1, 'the photo row carries its own light');
});
