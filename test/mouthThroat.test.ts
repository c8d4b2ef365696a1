// Session 19 (issue #13, wide19): a wide opening's throat was shaded by the column alone past 0.08 IOD
// from the lips, so at jawOpen .7-1 its corridors and lining ran top to bottom as vertical stripes
// (docs/mouth/tongue-s19-jawrow.jpg). It now darkens toward the opening's middle row too
// (interior.ts throatMid); a small opening keeps its old shade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { throatMid, type OpeningPixel } from '../src/render/mouth/interior.ts';
import { horizontalShare } from '../bench/throatShare.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('a wide opening (lp_s1, jawOpen 1): the throat is not a set of vertical stripes', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s1.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 1 } };
  const share = horizontalShare(r.render(f).data, 512, r.landmarks(f))!;
  console.log(`lp_s1 jawOpen 1: horizontal share of the throat's gradient ${share.toFixed(2)}`);
  // (before session 19 0.89: the shade changed across the columns only; 0.76 now; bench/throatStreaks.ts)
  assert.ok(share < 0.8, `horizontal share ${share.toFixed(2)}`);
});

test('the throat darkens toward the middle row of a wide opening, as before in a small one', () => {
  const unit = 100;
  const at = (cy: number, top: number, bottom: number): OpeningPixel => ({ cx: 0, cy, top, bottom, lateral: 0 });
  // wide (0.5 IOD): 0.15 IOD under the lip is lighter than the middle row
  assert.ok(throatMid(at(15, 0, 50), unit) < 0.8 * throatMid(at(25, 0, 50), unit));
  // small (0.12 IOD): full depth from 0.08 IOD in, as openingMid always was
  assert.equal(throatMid(at(6, 0, 12), unit), 6 / 9);
});
