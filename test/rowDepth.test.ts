// Session 33 (issue #13/#14, grin33): the upper row no deeper than the driver's own. The teeth share's guess
// (driverTeeth.ts, 2.5 x the share of the opening's height) drew a child's small teeth in a tall "eh"/"oh" (lp_d11 f98:
// share .22, her row .21 of the opening's height) as a row half the opening tall, a grin on the Mona Lisa.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { columnDepth, depthAtGap, upperRowDepth } from '../src/motion/teethDepth.ts';
import { measuredRowCap } from '../src/render/mouth/rowDepth.ts';
import { DRIVER_TEETH, DRIVER_TEETH_DEPTH } from '../src/rig/mouthBase.ts';
import { teethInside } from './teethInside.ts';
import { drawnMouth } from './drawnMouth.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

/** A drawn mouth (pink lips round a 120 x 40 px opening): its top `teeth` px white, from `from` px down, the rest dark red. */
const mouthWithRow = (teeth: number, from = 0) =>
  drawnMouth(400, (y, top) => (y >= top + from && y < top + from + teeth ? [235, 232, 225] : [80, 40, 55]));

test("the driver's upper row depth: its run of teeth from the upper lip over the opening's height; none, or the lower row alone, 0", () => {
  const quarter = upperRowDepth(mouthWithRow(10).img, mouthWithRow(10).lm)!;
  assert.ok(Math.abs(quarter - 0.25) < 0.05, `depth ${quarter}`);
  const half = mouthWithRow(20);
  assert.ok(Math.abs(upperRowDepth(half.img, half.lm)! - 0.5) < 0.05);
  const none = mouthWithRow(0), lower = mouthWithRow(8, 30);
  assert.equal(upperRowDepth(none.img, none.lm), 0);
  assert.equal(upperRowDepth(lower.img, lower.lm), 0);
  // a column too short to read, and one outside the contour
  assert.equal(columnDepth([NaN, 1, 1, NaN]), null);
  assert.equal(columnDepth([NaN, 1, 1, 0, 0, 0, 0, 0, NaN]), 2 / 7);
});

test('the measured cap: none without a reading; a shallow row caps; a lit under-row lifts it toward the whole opening', () => {
  assert.equal(measuredRowCap(undefined, 0.45, 0.22), Infinity);
  assert.ok(Math.abs(measuredRowCap(0.21, 0.45, 0.22) - 0.21) < 1e-9);
  assert.ok(measuredRowCap(0.21, 1.05, 0.22) > 0.99);
  assert.equal(measuredRowCap(0.9, undefined, 0.3), 0.9);
  assert.equal(measuredRowCap(1.2, undefined, 0.3), 1);
});

test("lp_s5 at a tall smiling vowel: a driver's shallow row shows fewer teeth than its share's guess; a deep one changes nothing", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const vowel = { jawOpen: 0.35, mouthSmileLeft: 0.6, mouthSmileRight: 0.6, [DRIVER_TEETH]: 0.25 };
  const at = (w: Record<string, number>): MotionFrame => ({ ...n, w: { ...n.w, ...vowel, ...w } });
  const shot = (f: MotionFrame) => r.render(f).data.slice();
  const plain = at({}), shallow = at({ [DRIVER_TEETH_DEPTH]: 0.2 }), deep = at({ [DRIVER_TEETH_DEPTH]: 0.7 });
  const lm = r.landmarks(plain) as number[][];
  const a = teethInside(shot(plain), lm), b = teethInside(shot(shallow), lm);
  console.log(`lp_s5 tall smiling vowel, teeth inside the inner lips: share's guess ${a.toFixed(3)}, measured row .2 ${b.toFixed(3)}`);
  assert.ok(a > 0.15 && b < 0.75 * a, `teeth ${a.toFixed(3)} -> ${b.toFixed(3)}`);
  assert.deepEqual(shot(deep), shot(plain));
});

test("the measured depth is not used in a speech slit (a soft smile's row shows lip to lip), and whole at a tall vowel's gap", () => {
  // lp_d10's soft smiles (gap .10-.12 IOD, depth read .41-.59) keep the share's guess; lp_d11's vowels (gap .20-.33) the reading
  assert.equal(depthAtGap(0.5, 0.11), 1);
  assert.ok(Math.abs(depthAtGap(0.21, 0.276) - 0.21) < 1e-9);
  const mid = depthAtGap(0.3, 0.155);
  assert.ok(mid > 0.3 && mid < 1, `halfway ${mid}`);
  // monotone: a taller opening never trusts the reading less
  let last = Infinity;
  for (let g = 0.08; g <= 0.25; g += 0.01) { const d = depthAtGap(0.3, g); assert.ok(d <= last + 1e-12); last = d; }
  assert.equal(depthAtGap(0.4, undefined), 0.4);
});
