// Session 18 (critic18, issue #13): on a child's photo (lp_s11) a small opening showed a glowing pale
// slab: the library's teeth are sized by the inter-ocular distance, and a child's mouth is narrow for
// its eyes (corner to corner .42 of the eye-corner distance at rest against the adult photos' .50-.60), so two incisors filled it. The
// library rows now take the mouth's width below an adult's (render/mouth/layers.ts teethScaleForMouth).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { teethScaleForMouth } from '../src/render/mouth/layers.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

test('adult mouths keep the library teeth at their size; narrower ones take smaller teeth, within a floor', () => {
  // the portraits' rest mouth widths over the eye-corner IOD: lp_s42 .500, lp_s0 .506, lp_s12 .518, lp_s2 .523, mt_man .549, lp_s1 .601
  for (const adult of [0.5, 0.506, 0.518, 0.523, 0.549, 0.601]) assert.equal(teethScaleForMouth(adult), 1);
  assert.ok(Math.abs(teethScaleForMouth(0.42) - 0.42 / 0.49) < 1e-9, 'lp_s11 (a child): by its mouth width');
  assert.equal(teethScaleForMouth(0.3), 0.78, 'never below the floor');
  assert.equal(teethScaleForMouth(Number.NaN), 1, 'no width read: the adult size');
});

test('a child\'s small opening (lp_s11, jawOpen 0.15) is not filled by lit teeth', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s11.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 0.15 } };
  const img = r.render(f).data, lm = r.landmarks(f);
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = polygonMask(poly, 512, 512);
  // the skin between the lower lip and the chin
  const cx = Math.round((lm[17]![0]! + lm[152]![0]!) / 2), cy = Math.round((lm[17]![1]! + lm[152]![1]!) / 2);
  const skin = luma(img, (cy * 512 + cx) * 4);
  let inside = 0, lit = 0;
  for (let q = 0; q < mask.length; q++) if (mask[q]) { inside++; if (luma(img, q * 4) > skin) lit++; }
  console.log(`lp_s11 jawOpen 0.15: ${(lit / inside).toFixed(3)} of ${inside} opening pixels brighter than the skin`);
  // teeth at the adult size: 0.277 of the opening; by the mouth's width (0.86 of it) 0.239
  assert.ok(inside > 100, `the opening is ${inside} px`);
  assert.ok(lit / inside < 0.26, `lit share ${(lit / inside).toFixed(3)}`);
});
