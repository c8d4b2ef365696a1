// Session 20 (issue #13): a mid opening (lip gap ~0.15-0.2 IOD) shows the tongue and the lower row's
// tips under a thin dark band, not a black crescent under the upper teeth over half the opening's
// height (lp_s0 at motion jawOpen 0.25 before: the dark run down the middle columns 0.43 of the
// opening, its lower third 0.40 lit; real speakers 0-0.25 and 0.75-1, bench/midOpening.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { underUpperRowLight } from '../src/render/mouth/interior.ts';
import { midFigures } from '../bench/midOpeningFigures.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('the tongue is shaded just under the upper row and lit below it', () => {
  assert.ok(underUpperRowLight(0.03) < 0.3);
  assert.ok(underUpperRowLight(0.09) > underUpperRowLight(0.07));
  assert.equal(underUpperRowLight(0.2), 1);
});

test('a mid opening (lp_s0, jawOpen 0.25) has a thin dark band over a lit lower part', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s0.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 0.25 } };
  const m = midFigures(r.render(f).data, r.landmarks(f), 512, 512)!;
  console.log(`lp_s0 jawOpen 0.25: gap ${m.gap.toFixed(3)} dark ${m.dark.toFixed(3)} darkRun ${m.darkRun.toFixed(3)} lowerLit ${m.lowerLit.toFixed(3)}`);
  assert.ok(m.gap > 0.14 && m.gap < 0.22, `a mid opening (${m.gap.toFixed(3)})`);
  assert.ok(m.darkRun < 0.3, `the dark band's share of the opening's height ${m.darkRun.toFixed(3)}`);
  assert.ok(m.lowerLit > 0.7, `the lit share of its lower third ${m.lowerLit.toFixed(3)}`);
});
