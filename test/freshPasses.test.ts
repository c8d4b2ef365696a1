// s46 (droop46): a frame is drawn the same whatever frame came before (render/freshPasses.ts). The skin passes
// (lid band, forehead folds, under-brow skin, cheeks, lower rim, flank) write into one skin copy and each skipped a
// frame when its own weight had not moved; where their texels overlap, a lid band rewritten for a small change of
// blink wiped the under-brow pass's texels and the skipping pass left them wiped. st_art_1 <- pcavs741 f17 -> f18
// (brows raised .77, blink .025 -> .009): a black lash comb on the image-left lid that a fresh renderer does not draw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { freshPassesSetting } from '../src/render/freshPasses.ts';
import { shutBrowBandSetting } from '../src/render/shutBrowBand.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { MotionFrame } from '../src/types.ts';

test('st_art_1, pcavs741 f17 then f18 (brows up, blink .025 -> .009): f18 as a fresh renderer draws it', async () => {
  const portrait = await analyzePortrait(path.join(sharedData('portraits/'), 'st_art_1.png'));
  const avatar = buildAvatar(portrait);
  const n = createRenderer(avatar, { width: 512, height: 512 }).neutralFrame();
  // the video motion's frames 17 and 18 (pcavs741 0-6 s): brows, lids, squints, pose and gaze as retargeted; mouth left at the photo's
  const at = (blinkR: number, blink: number, squintL: number, cheekL: number, browOuterL: number, roll: number, gaze: [number, number]): MotionFrame => ({
    ...n, w: { ...n.w, browInnerUp: 0.77, browOuterUpLeft: browOuterL, browOuterUpRight: 0.49, eyeBlinkRight: blinkR, eyeSquintLeft: squintL, cheekSquintLeft: cheekL },
    pose: { yaw: 4.1, pitch: -1.65, roll, tx: 0.02, ty: 0, tz: -0.03 }, gaze, blink,
  });
  const f17 = at(0.025, 0.0245, 0.182, 0.175, 0.181, -10.25, [0.409, 0.038]);
  const f18 = at(0.012, 0.0085, 0.086, 0.08, 0.218, -10.96, [0.417, 0.029]);
  // pixels of f18 rendered after f17 that differ from a fresh renderer's f18 (by over 6 levels summed over RGB)
  const offFresh = (on: boolean, shutBand = true): number => {
    const was = freshPassesSetting.on, wasBand = shutBrowBandSetting.on;
    freshPassesSetting.on = on;
    shutBrowBandSetting.on = shutBand;
    try {
      const fresh = Uint8ClampedArray.from(createRenderer(avatar, { width: 512, height: 512 }).render(f18).data);
      const r = createRenderer(avatar, { width: 512, height: 512 });
      r.render(f17);
      const seq = r.render(f18).data;
      let count = 0;
      for (let i = 0; i < seq.length; i += 4) if (Math.abs(seq[i]! - fresh[i]!) + Math.abs(seq[i + 1]! - fresh[i + 1]!) + Math.abs(seq[i + 2]! - fresh[i + 2]!) > 6) count++;
      return count;
    } finally {
      freshPassesSetting.on = was;
      shutBrowBandSetting.on = wasBand;
    }
  };
  // the witness runs the passes as s46 had them: since s48 (browband48) the under-brow pass also redraws when a lid's
  // shut share moves, which happens to repaint this case's wiped texels with fresh passes off too
  const before = offFresh(false, false), after = offFresh(true), afterS46 = offFresh(true, false);
  console.log(`f18 after f17, pixels off the fresh frame: ${before} -> ${after} (s46's passes: ${afterS46})`);
  assert.ok(before > 50, `without fresh passes the frame depends on the one before (${before} px)`);
  assert.equal(after, 0);
  assert.equal(afterS46, 0);
});
