// The far chin's thin rim clears with the cheek's band on a side the photo was turned away from (issue #15, s41
// chin41, render/rimClearAway.ts): lp_s10 turning +3..9° toward her far side showed a notch on the jaw's outline by
// the mouth corner and a pale lobe off the chin (lead s40, lp_s10 + japanese.wav f76-86): the cheek's band was
// clear (the outline the face's oval) while the chin's rim, 5-8 px outside the oval, stayed until 8-14°.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { RIM_CLEAR_FROM, RIM_CLEAR_FULL } from '../src/avatar/rimClearOnTurn.ts';
import { AWAY_CLEAR_FULL_DEG } from '../src/avatar/farBandClear.ts';
import { rimClearShare } from '../src/render/rimClear.ts';
import { rimClearWindow, rimClearAwaySetting, RIM_AWAY_FROM_DEG } from '../src/render/rimClearAway.ts';
import { chinOutlineFigures } from '../bench/chinOutlineFigures.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

test('rimClearWindow: 8-14° on a facing side, the band window on a side turned away, 8-14° when off', () => {
  assert.deepEqual(rimClearWindow(0), [RIM_CLEAR_FROM, RIM_CLEAR_FULL]);
  assert.deepEqual(rimClearWindow(-34), [RIM_CLEAR_FROM, RIM_CLEAR_FULL]); // the side the photo was turned toward
  const [from, full] = rimClearWindow(34);
  assert.ok(Math.abs(from - RIM_AWAY_FROM_DEG) < 1e-9 && Math.abs(full - AWAY_CLEAR_FULL_DEG) < 1e-9, `${from} ${full}`);
  assert.deepEqual(rimClearWindow(34, { on: false }), [RIM_CLEAR_FROM, RIM_CLEAR_FULL]);
  // lp_s10 (rig yaw ~ -34, far side image-left = -1): clear by 3° toward it, nothing turning away
  assert.equal(rimClearShare(AWAY_CLEAR_FULL_DEG, -1, -34), 1);
  assert.equal(rimClearShare(RIM_AWAY_FROM_DEG, -1, -34), 0);
  assert.equal(rimClearShare(-10, -1, -34), 0);
});

test('lp_s10 turned +6° toward her far side: the jaw outline has no notch (dent under 2.5 px; the rim kept till 8° has one over 3)', async () => {
  const avatar = buildAvatar(await analyzePortrait(sharedData('portraits/') + 'lp_s10.jpg'));
  assert.ok(avatar.rig.angles.yaw < -25, `lp_s10 is turned in the photo (rig yaw ${avatar.rig.angles.yaw})`);
  const size = avatar.size;
  const r = createRenderer(avatar, { width: size, height: size });
  const dentAt = (yaw: number) => {
    const f = { ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    const shown: RgbaImage = { width: size, height: size, data: Uint8ClampedArray.from(r.render(f).data) };
    const layer = r.render(f, { background: null });
    return chinOutlineFigures(shown, (x, y) => layer.data[(y * size + x) * 4 + 3]!, r.landmarks(f), -1).dent;
  };
  const rest = dentAt(0);
  try {
    rimClearAwaySetting.on = false;
    const kept = [5, 6, 7].map(dentAt);
    rimClearAwaySetting.on = true;
    const cleared = [5, 6, 7].map(dentAt);
    // measured at 5dde6e9 / this: +5..7° 3.9-4.6 px -> 1.2-1.4 px; the photo's own outline at rest reads ~1.5
    assert.ok(Math.max(...kept) > 3, `the rim kept: dent ${kept.map((d) => d.toFixed(1))}`);
    assert.ok(Math.max(...cleared) < 2.5, `the rim cleared with the band: dent ${cleared.map((d) => d.toFixed(1))} (rest ${rest.toFixed(1)})`);
  } finally {
    rimClearAwaySetting.on = true;
  }
});
