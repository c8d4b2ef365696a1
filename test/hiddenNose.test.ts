import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { noseFoldRows, stepBack } from '../src/eval/noseFold.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('stepBack adds up only the photo columns a row draws again', () => {
  assert.equal(stepBack([10, 11, 12, 13]), 0);
  assert.equal(stepBack([10, 12, 9, 11, 13]), 3);
  assert.equal(stepBack([10, 10.4, 10, 11]), 0); // rounding jitter is not a fold
});

test('lp_s10 at +25: the nose points hidden in the photo no longer draw the tip a second time (no ghost nose)', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'lp_s10.jpg');
  const avatar = buildAvatar(portrait);
  const rows = noseFoldRows(avatar, portrait.cropLandmarks, 25);
  const mean = rows.reduce((s, b) => s + b, 0) / rows.length;
  // before (main 9656b66): mean 4.57 photo px stepped back per row, 19 of 21 rows over 2 px
  assert.ok(mean < 2.5, `mean step-back ${mean.toFixed(2)} px per row`);
  assert.ok(rows.filter((b) => b > 2).length <= 3, `rows folded over 2 px: ${rows.filter((b) => b > 2).length}/${rows.length}`);
  // the side the photo shows is untouched
  assert.ok(noseFoldRows(avatar, portrait.cropLandmarks, -25).every((b) => b === 0));
});
