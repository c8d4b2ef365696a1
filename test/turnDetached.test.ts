// lp_s10 (a painting turned 34° in the photo) at +25: the head sheet's soft outline past the far
// cheek, widened by the turn, stood apart from the cheek as a pale crescent beyond a clear crack
// (critic16, issue #15). Since session 17 that outline goes clear on turns toward it (sheetFold.ts
// revealSheetClear); the photo's pose is untouched. Session 24: also at +12 (cleared in full by ~16°).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detachedRows } from '../src/eval/detachedBand.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('lp_s10 at +25: no band of sheet detached beside the far cheek; the photo\'s pose renders as without the turn clearing', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s10.jpg'));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: 25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const lm = r.landmarks(frame);
  const { rows, scanned } = detachedRows(r.render(frame, { background: null }), lm[33]![1], lm[152]![1], lm[4]![0], true);
  // main at 067c05b: 85 of 133 rows (eye to chin); now 11 (the jaw's lowest rows)
  assert.ok(rows < 0.2 * scanned, `${rows} of ${scanned} rows with a detached band`);
  // +12: the outline half-cleared stood apart as a translucent streaky band (main at 54cddd0: 20 of
  // 132 rows); the clearing is now full by ~16° (CLEAR_ON_TURN), 0 rows
  const f12 = { ...frame, pose: { ...frame.pose, yaw: 12 } }, lm12 = r.landmarks(f12);
  const at12 = detachedRows(r.render(f12, { background: null }), lm12[33]![1], lm12[152]![1], lm12[4]![0], true);
  assert.ok(at12.rows < 0.08 * at12.scanned, `+12: ${at12.rows} of ${at12.scanned} rows with a detached band`);
  // at the photo's pose the reveal's texture switch is off: the same render without any of it
  const rest = Uint8ClampedArray.from(r.render(r.neutralFrame()).data);
  const noReveal = createRenderer({ ...avatar, revealDir: new Float32Array(avatar.revealDir.length) }, { width: avatar.size, height: avatar.size });
  assert.deepEqual(noReveal.render(noReveal.neutralFrame()).data, rest);
});
