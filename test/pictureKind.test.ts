// Session 30 (issue #13, rowpic30): the no-teeth row's relief per kind of picture. pictureKind.ts reads how
// textured the face's skin is (its finest band over the next); rowLook.ts draws distinct teeth in a textured
// picture (a painting, a grainy print) and faint lines with whiter side teeth in a clean photo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { skinTexture, texturedShare } from '../src/render/mouth/pictureKind.ts';
import { CLEAN_RELIEF, libraryRelief, noTeethRelief, TEXTURED_RELIEF } from '../src/render/mouth/rowLook.ts';
import { PLAIN_RELIEF } from '../src/render/mouth/toothRelief.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('the relief runs from faint lines with whiter side teeth (clean photo) to distinct rounded teeth (textured picture)', () => {
  assert.deepEqual(noTeethRelief(0), CLEAN_RELIEF);
  assert.deepEqual(noTeethRelief(1), TEXTURED_RELIEF);
  assert.ok(CLEAN_RELIEF.lines < PLAIN_RELIEF.lines && (CLEAN_RELIEF.sides ?? 1) < 1, 'a clean photo: fainter lines than the plain relief, lighter side teeth');
  assert.ok(TEXTURED_RELIEF.round > 2 * CLEAN_RELIEF.round && TEXTURED_RELIEF.lines > PLAIN_RELIEF.lines, 'a painting: rounder teeth, deeper lines');
  const mid = noTeethRelief(0.5);
  assert.ok(mid.round > CLEAN_RELIEF.round && mid.round < TEXTURED_RELIEF.round, 'continuous between the two');
  // (a photo's own teeth keep the plain relief; a picture that cannot be read takes the middle look)
  assert.equal(libraryRelief(true, 1), PLAIN_RELIEF);
  assert.equal(texturedShare(null), 0.5);
  assert.ok(texturedShare(0.3) === 0 && texturedShare(0.7) === 1 && texturedShare(0.47) > 0 && texturedShare(0.47) < 1);
});

test('a painting (st_art_1) reads textured, a clean photo (st_happy, 256 px) reads clean', async () => {
  const read = async (file: string) => skinTexture(buildAvatar(await analyzePortrait(path.join(PORTRAITS, file))));
  const art = await read('st_art_1.png'), photo = await read('st_happy.png');
  assert.ok(art !== null && photo !== null);
  // (bench/pictureKind.ts: st_art_1 .52, st_happy .33; every clean photo under .43, every painting over .45)
  assert.ok(texturedShare(art) > 0.7, `st_art_1 texture ${art.toFixed(3)}`);
  assert.ok(texturedShare(photo) < 0.1, `st_happy texture ${photo.toFixed(3)}`);
});
