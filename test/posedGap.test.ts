// A turned head's lip gap (render/mouth/opening.ts posedGapScale, #13 gapfit53): a driver's gap is read on
// its turned head, so the mesh's gap as the frame's turn shows it (over the inter-ocular distance as
// shown) is the motion's gap, not the photo-pose gap turned a second time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { posedGapSetting } from '../src/render/mouth/opening.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('a turned head shows the same lip gap as the frontal one; a shut mouth stays shut; no turn, no change', async () => {
  for (const name of ['lp_s1.jpg', 'mt_man.png']) {
    const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, name))), { width: 512, height: 512 });
    const n = r.neutralFrame();
    const gapOf = (f: MotionFrame) => {
      const lm = r.landmarks(f);
      return Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    };
    // (a video motion's frame: it carries the driver's mouthDark; an audio frame has none and is not rescaled)
    const at = (jaw: number, pitch: number, yaw: number, lowerDown = n.w.mouthLowerDown!, video = true): MotionFrame =>
      ({ ...n, w: { ...n.w, jawOpen: jaw, mouthLowerDown: lowerDown }, pose: { ...n.pose, pitch, yaw }, ...(video ? { mouthDark: 0 } : {}) });
    const was = posedGapSetting.on;
    try {
      for (const [jaw, lowerDown] of [[0.35, n.w.mouthLowerDown!], [0.25, 0.6]] as const) {
        const frontal = gapOf(at(jaw, 0, 0, lowerDown));
        posedGapSetting.on = false;
        const off = gapOf(at(jaw, -14, 10, lowerDown));
        const offFrontal = gapOf(at(jaw, 0, 0, lowerDown));
        const audioOff = gapOf(at(jaw, -14, 10, lowerDown, false));
        posedGapSetting.on = true;
        assert.equal(offFrontal, frontal, `${name}: no turn, the setting changes nothing`);
        assert.equal(gapOf(at(jaw, -14, 10, lowerDown, false)), audioOff, `${name}: an audio frame's gap is not rescaled`);
        // the rig's jaw swings the lower lip back as well as down: turned a second time, it showed taller
        assert.ok(off / frontal > 1.04, `${name} jaw ${jaw}: the turn projects the opening (off ${(off / frontal).toFixed(3)})`);
        for (const [pitch, yaw] of [[-14, 10], [12, -8], [-8, -18]] as const) {
          const on = gapOf(at(jaw, pitch, yaw, lowerDown));
          assert.ok(Math.abs(on / frontal - 1) < 0.03, `${name} jaw ${jaw} pitch ${pitch} yaw ${yaw}: shown gap ${(on / frontal).toFixed(3)} of the frontal`);
        }
      }
      // shut: the lips still touch on a turned head
      const shut = gapOf(at(0, -14, 10));
      posedGapSetting.on = false;
      const shutOff = gapOf(at(0, -14, 10));
      posedGapSetting.on = true;
      assert.ok(Math.abs(shut - shutOff) < 0.003, `${name}: a shut mouth moved (${shut.toFixed(4)} vs ${shutOff.toFixed(4)})`);
    } finally {
      posedGapSetting.on = was;
    }
  }
});
