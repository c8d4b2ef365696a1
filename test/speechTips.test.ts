// s42 teeth42 (issue #13, critic40/41 #4: lp_s12's bright arc cut by dark slots, lp_s2's blocks with gaps): a textured
// picture's speech row draws its lines near the tips only SPEECH_TIP_LINES of the way to full and rounds its teeth
// less (speechRow.ts). On lp_s12 (a hand-tinted sepia photo, read fully textured) the jaw .3 row's dips read .094 of
// the centre on main (rms over the running mean, as test/rowLook reads st_art_1), over every real speech row's
// (.053-.081, mt_sun / lp_d10 / lp_d6, bench/rowStructure.ts); now under that ceiling, with separate teeth kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { separations } from './rowSeparations.ts';
import { sharedData } from '../bench/sharedData.ts';
import { speechRelief, TEXTURED_SPEECH_RELIEF } from '../src/render/mouth/speechRow.ts';
import { TEXTURED_RELIEF } from '../src/render/mouth/rowLook.ts';

test('the textured speech row: lines near the tips part way to full, teeth rounded less than the smile row', () => {
  assert.ok((TEXTURED_SPEECH_RELIEF.tipLines ?? 1) < 1);
  assert.ok(TEXTURED_SPEECH_RELIEF.round < TEXTURED_RELIEF.round);
  // (a clean photo's speech look is the clean look: its lines rise to full near the tips as before)
  assert.equal(speechRelief(0).tipLines, 1);
});

test("lp_s12 (sepia, textured): its speech row's separations at jaw .3 within real speech rows', still separate teeth", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(sharedData('portraits'), 'lp_s12.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, jawOpen: 0.3 } };
  const rms = separations(r.render(f).data, r.landmarks(f), 512, 512);
  // (main e64e8bf: .094; teeth42 .076; real speech rows .053-.081)
  assert.ok(rms < 0.081, `separations rms ${rms.toFixed(3)}: deeper than any real speech row's`);
  assert.ok(rms > 0.045, `separations rms ${rms.toFixed(3)}: no separate teeth`);
});
