// Session 27 (issue #13, teethShow27): teeth only as much as the driver shows. A soft smile's weights lit
// the library's whole upper row, a band of teeth where the driver shows the row's edge over a dark line
// (lp_s5 <- lp_d10 f130-f183: ours .40-.48 of the inner lips teeth, the driver's .23-.34).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { teethDepthAllowed } from '../src/render/mouth/driverTeeth.ts';
import { upperShown } from '../src/render/mouth/interior.ts';
import { mouthDarkSeries } from '../src/motion/mouthDark.ts';
import { DRIVER_TEETH } from '../src/rig/mouthBase.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { teethInside } from './teethInside.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('no limit without a driver share (audio) or where the driver shows a full row; a low share limits the depth', () => {
  assert.equal(teethDepthAllowed(undefined), Infinity);
  assert.equal(teethDepthAllowed(0.65), Infinity);
  assert.equal(teethDepthAllowed(0.4), Infinity);
  assert.ok(teethDepthAllowed(0.23) < 0.6 && teethDepthAllowed(0.23) > 0.5);
  assert.equal(teethDepthAllowed(0), 0);
  // the row's reach (px under the lip) is cut at `most`, and unlimited it is as before
  assert.equal(upperShown(30, 100, 1, 1, 10), 0);
  assert.equal(upperShown(30, 100, 1, 1), upperShown(30, 100, 1, 1, Infinity));
  assert.equal(upperShown(2, 100, 1, 1, 10), 1);
});

test('the motion series of the driver share fills a shut frame and smooths a one-frame misread', () => {
  const s = mouthDarkSeries([0.3, null, 0.3, 0.9, 0.3, 0.3])!;
  assert.equal(s[1], 0.3);
  assert.ok(s[3]! < 0.4, `one frame's misread ${s[3]}`);
});

test("lp_s5 at a soft smile: a driver showing few teeth gets fewer; a driver's full row and an audio frame are as before", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const soft = { jawOpen: 0.15, mouthSmileLeft: 0.7, mouthSmileRight: 0.7 };
  const at = (w: Record<string, number>): MotionFrame => ({ ...n, w: { ...n.w, ...soft, ...w } });
  const shot = (f: MotionFrame) => r.render(f).data.slice();
  const plain = at({}), few = at({ [DRIVER_TEETH]: 0.23 }), full = at({ [DRIVER_TEETH]: 0.65 });
  const lm = r.landmarks(plain) as number[][];
  const a = teethInside(shot(plain), lm), b = teethInside(shot(few), lm);
  console.log(`lp_s5 soft smile, teeth inside the inner lips: no driver share ${a.toFixed(3)}, driver .23 ${b.toFixed(3)}`);
  assert.ok(a > 0.3 && b < 0.75 * a, `teeth ${a.toFixed(3)} -> ${b.toFixed(3)}`);
  assert.deepEqual(shot(full), shot(plain));
});
