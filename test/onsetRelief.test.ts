// s45 onset45 (issue #13, critic44 worst #4: mt_man + mt_sun f5/f10 "a flat uniform slab", lp_s42 <- lp_d6 f120-136 "a
// centred white slab"): at a speech mid-opening a clean photo's library row and a photo's own row take onsetRelief.ts's
// deeper relief (lines, each tooth's own light, lit out to the canines), chosen per frame by the lip gap; wide openings and grins keep
// the avatar's row. Read as test/ownRowRelief and test/speechTips read rows: the upper half's dips about their running
// mean over the centre's luma (real speech rows .053-.081, mt_sun / lp_d10 / lp_d6, bench/rowStructure.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { separations } from './rowSeparations.ts';
import { sharedData } from '../bench/sharedData.ts';
import { onsetRelief, onsetShare } from '../src/render/mouth/onsetRelief.ts';
import { PLAIN_RELIEF } from '../src/render/mouth/toothRelief.ts';
import { CLEAN_RELIEF } from '../src/render/mouth/rowLook.ts';

test('the onset row: all of it at a mid-opening, none wide open or in a grin; deeper lines, more varied teeth', () => {
  assert.equal(onsetShare(0.12, 0), 1);
  assert.equal(onsetShare(0.25, 0), 0);
  assert.equal(onsetShare(0.12, 1), 0);
  assert.equal(onsetShare(NaN, 0), 0);
  assert.ok(onsetShare(0.18, 0) > 0 && onsetShare(0.18, 0) < 1);
  for (const look of [PLAIN_RELIEF, CLEAN_RELIEF]) {
    const o = onsetRelief(look);
    assert.ok(o.lines > look.lines && (o.variety ?? 1) > 1, 'deeper lines, teeth less alike');
    assert.ok((o.sides ?? 1) < (look.sides ?? 1), 'the side teeth no darker steps than before');
    assert.equal(o.widen, look.widen);
  }
});

for (const [photo, before] of [['mt_man.png', 0.049], ['lp_s42.jpg', 0.039]] as const) {
  test(`${photo} at a speech mid-opening (jaw .17, gap ~.13 IOD): separate teeth within real speech rows', not a slab`, async () => {
    const r = createRenderer(buildAvatar(await analyzePortrait(path.join(sharedData('portraits'), photo))), { width: 512, height: 512 });
    const n = r.neutralFrame();
    const at = (jawOpen: number) => { const f = { ...n, w: { ...n.w, jawOpen } }; return separations(r.render(f).data, r.landmarks(f), 512, 512); };
    const mid = at(0.17);
    // (main f891be3a: mt_man .049, lp_s42 .039, both under every real speech row's .053)
    assert.ok(mid > 0.053, `separations rms ${mid.toFixed(3)} (main ${before}): a smooth slab`);
    assert.ok(mid < 0.081, `separations rms ${mid.toFixed(3)}: deeper than any real speech row's`);
  });
}
