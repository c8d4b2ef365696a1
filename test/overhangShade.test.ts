// s59 oldteeth59 (issue #13, critic58 #3): lp_s12's crisp white row under a black moustache. The upper row takes the
// shade of a dark overhang read off the photo's own pixels over its upper lip (render/mouth/overhangShade.ts); a shaven
// lip reads about as light as the cheeks and takes none of it (its renders byte-identical).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { OVER_BAND, OVER_SHADE, overhangLight, overhangShadeSetting, overhangShare } from '../src/render/mouth/overhangShade.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('a dark overhang shades the row\'s top, fading out down the row; a shaven lip none', () => {
  assert.equal(overhangShare(1.0), 0, 'a lip as light as the cheeks');
  assert.equal(overhangShare(0.65), 0, 'a lip a little darker (mt_man .85, lp_s10 .70)');
  assert.equal(overhangShare(0.22), 1, 'a black moustache (lp_s12 .22)');
  assert.equal(overhangShare(NaN), 0, 'unread');
  const unit = 100;
  assert.ok(Math.abs(overhangLight(0, unit, 1) - (1 - OVER_SHADE)) < 1e-9, 'right under the line: all of the shade');
  assert.ok(overhangLight(0.5 * (OVER_BAND[0] + OVER_BAND[1]) * unit, unit, 1) > 1 - OVER_SHADE, 'less further down');
  assert.equal(overhangLight(OVER_BAND[1] * unit, unit, 1), 1, 'the row\'s lower part at its own light');
  assert.equal(overhangLight(0, unit, 0), 1, 'share 0: untouched, to the bit');
  overhangShadeSetting.on = false;
  try { assert.equal(overhangShare(0.22), 0, 'the setting off'); } finally { overhangShadeSetting.on = true; }
});

test('lp_s12\'s moustache is read off his photo; lp_s1\'s shaven lip is not', async () => {
  const share = async (name: string) => {
    const av = buildAvatar(await analyzePortrait(path.join(PORTRAITS, name)));
    return readyMouth(av, av.head.iod).overhang ?? 0;
  };
  const einstein = await share('lp_s12.jpg'), diana = await share('lp_s1.jpg');
  assert.ok(einstein > 0.9, `lp_s12 ${einstein.toFixed(2)}`);
  assert.equal(diana, 0, `lp_s1 ${diana.toFixed(2)}`);
});
