// A driver's expression carried over by the retarget (src/motion/retarget.ts, issue #14): a one-sided
// brow stays one-sided. Synthetic driver clips: the rig's own
// basis on lp_s42's face, posed with a little head motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { canonicalize, deform, type Landmarks } from '../src/rig/fit.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { posedLandmarks } from './rigSynthetic.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const DATA = `${SHARED_DATA}/`;
const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
const basis = buildBasis(neutral);
const frame = (w: Partial<Record<RigControl, number>>, i: number): Landmarks => posedLandmarks(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => w[c] ?? 0)), [4 * Math.sin(i / 5), -3 + 2 * Math.cos(i / 7), 1]);

/** Each brow's height over its eye corners (browDrop.ts) on the neutral face deformed by the retargeted weights at frame i. */
const renderedBrows = (m: Map<RigControl, Float64Array>, i: number): [number, number] =>
  browHeights(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => m.get(c)?.[i] ?? 0)));
const restBrows = browHeights(neutral);

test('retarget: one brow raised, the other lowered: the raised brow rises on the result, the other does not', () => {
  // the driver raises its left brow whole (inner and outer) in the middle of the clip; the right comes down a little
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) {
    const up = i >= 15 && i < 25 ? 0.6 : 0;
    clip.push(frame({ browInnerUp: up / 2, browOuterUpLeft: up, browDownRight: up / 3 }, i));
  }
  const out = retargetFromLandmarks(clip), both = retargetFromLandmarks(clip, { oneSidedBrows: false });
  const rise = (m: Map<RigControl, Float64Array>, i: number) => renderedBrows(m, i).map((h, s) => h - restBrows[s]!);
  const [l, r] = rise(out, 20), [l0, r0] = rise(both, 20);
  const driver = browHeights(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => ({ browInnerUp: 0.3, browOuterUpLeft: 0.6, browDownRight: 0.2 } as Record<string, number>)[c] ?? 0))).map((h, s) => h - restBrows[s]!);
  console.log(`driver's rise L/R ${driver.map((v) => v.toFixed(3)).join('/')}; rendered ${l0.toFixed(3)}/${r0.toFixed(3)} -> ${l.toFixed(3)}/${r.toFixed(3)}; inner ${both.get('browInnerUp')![20]!.toFixed(2)} -> ${out.get('browInnerUp')![20]!.toFixed(2)}`);
  assert.ok(l > 0.5 * driver[0]! && l < 1.5 * driver[0]!, `the raised brow rises as the driver's: ${l.toFixed(3)}`);
  assert.ok(r <= Math.max(0.002, driver[1]!), `the other brow no higher than the driver's: ${r.toFixed(3)}`);
  assert.ok(r < r0 - 0.02, 'lower than with the inner raise from both brows');
  assert.ok(out.get('browDownLeft')![20]! < 0.05, 'no frown on the raised side');
  assert.ok(out.get('browInnerUp')![5]! < 0.05 && out.get('browDownRight')![5]! < 0.05, 'at rest nothing');
});

test('retarget: a grin with one brow a little up (lp_d0 on st_art_1) raises no inner heads and frowns neither brow', () => {
  // lp_d0's grin at 1.3 s: his left brow ~0.015 up over rest, the right at rest, a strong smile with a squint
  const clip: Landmarks[] = [];
  for (let i = 0; i < 40; i++) {
    const g = i >= 12 && i < 30 ? 1 : 0;
    clip.push(frame({ mouthSmileLeft: 0.8 * g, mouthSmileRight: 0.8 * g, cheekSquintLeft: 0.4 * g, cheekSquintRight: 0.4 * g, browOuterUpLeft: 0.2 * g, browInnerUp: 0.08 * g }, i));
  }
  const out = retargetFromLandmarks(clip);
  const [l, r] = renderedBrows(out, 20).map((h, s) => h - restBrows[s]!);
  const w = (c: RigControl) => out.get(c)![20]!;
  console.log(`inner ${w('browInnerUp').toFixed(2)} outer ${w('browOuterUpLeft').toFixed(2)}/${w('browOuterUpRight').toFixed(2)} down ${w('browDownLeft').toFixed(2)}/${w('browDownRight').toFixed(2)}; rendered rise L/R ${l.toFixed(3)}/${r.toFixed(3)}`);
  assert.ok(w('browInnerUp') < 0.05, `no inner raise on both brows: ${w('browInnerUp').toFixed(2)}`);
  assert.ok(w('browDownLeft') < 0.05 && w('browDownRight') < 0.05, 'no frown');
  assert.ok(r < 0.003, `the right brow stays: ${r.toFixed(3)}`);
  assert.ok(l > r, 'the left brow a little up');
});
