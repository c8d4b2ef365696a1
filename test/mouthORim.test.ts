// Session 24 (critic23 regression #1): the funnel O's dark hole had hard, stair-stepped rims (lip
// grid-lock on the funnel stills .30-.43) and was a flat dark fill. Its rim is where the lips' rows,
// pushed forward, fold over the mouth fan (render/mouth/foldRim.ts); the shader's lines now follow that
// fold, so the lips' inner surface lines the hole from the rim a viewer sees, the rim is covered over a
// wider footprint, and the tongue low in the O keeps its light. Spread openings are untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { envelopeInto, foldedLines } from '../src/render/mouth/foldRim.ts';
import { pixelShares } from '../src/render/mouth/lipCoverage.ts';
import { oTongueLight } from '../src/render/mouth/roundInside.ts';
import { gridLock } from '../src/eval/gridLock.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test("the fold's envelope is the lowest upper row (highest lower row) per column; the lines move in to it by the O's share, never out", () => {
  const W = 12, out = new Float32Array(W), row = new Float32Array(W);
  envelopeInto([[1, 10], [1, 10]], [[4, 4], [6, 2]], true, out, row);
  assert.ok(Math.abs(out[2]! - (6 - (4 * (2.5 - 1)) / 9)) < 1e-5, `${out[2]}`);
  assert.ok(Math.abs(out[8]! - 4) < 1e-5, `${out[8]}`);
  envelopeInto([[1, 10]], [[9, 9]], false, out, row);
  assert.ok(Math.abs(out[5]! - 9) < 1e-5);
  const upper = Float32Array.from([0, 0, 0]), lower = Float32Array.from([10, 10, 10]);
  foldedLines(upper, lower, Float32Array.from([2, -1, 8]), Float32Array.from([8, 12, 3]), 0.5);
  assert.deepEqual([...upper], [1, 0, 4], 'half way in to the fold; a fold outside the line leaves it');
  assert.deepEqual([...lower], [9, 10, 6.5]);
  foldedLines(upper, lower, Float32Array.from([2, -1, 8]), Float32Array.from([8, 12, 3]), 1);
  assert.equal(upper[2], lower[2], 'closed where the folds cross');
  assert.equal(upper[2], 5.5);
});

test("a pixel's footprint: at half a pixel the box it was; wider, it reaches the row beside the line", () => {
  const t = [3.3, 3.3, 3.3, 3.3], b = [9, 9, 9, 9];
  const box = pixelShares(3, t, b);
  assert.ok(Math.abs(box.above - 0.3) < 1e-9 && Math.abs(box.open - 0.7) < 1e-9 && box.below === 0, JSON.stringify(box));
  const wide = pixelShares(2, t, b, 1);
  assert.ok(wide.open > 0.1 && wide.open < 0.2, `${wide.open}`);
  assert.equal(pixelShares(2, t, b).open, 0, 'the box: row 2 lies above the line');
});

test("an O's tongue gets back the round's shade by its share, none without it", () => {
  assert.equal(oTongueLight(0, 0.7), 1);
  assert.ok(oTongueLight(1, 0.7) > oTongueLight(0.5, 0.7) && oTongueLight(1, 0.7) <= 1 / 0.7);
  assert.ok(oTongueLight(0.5, 0.7) > 1);
});

test('st_art_1 funnel O (mouthFunnel .8, jawOpen .3): a soft rim off the pixel grid, lit lower than its top', async () => {
  const portrait = await analyzePortrait(path.join(PORTRAITS, 'st_art_1.png'));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const n = r.neutralFrame(), frame = { ...n, w: { ...n.w, mouthFunnel: 0.8, jawOpen: 0.3 } };
  const img = r.render(frame), lm = r.landmarks(frame);
  const lines = { upper: LIPS_INNER_UPPER.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]), lower: LIPS_INNER_LOWER.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]) };
  const lock = gridLock(img, lines);
  // before: .59 (the rim a whole-pixel z-buffer cut, its lining 2 px); a natural edge reads ~.2
  console.log(`# st_art_1 funnel O grid-lock ${lock.toFixed(2)}`);
  assert.ok(lock < 0.4, `grid-lock ${lock}`);
  // down the middle column: the lower third of the hole lighter than its upper third (the tongue lit low)
  const x = Math.round((lm[13]![0]! + lm[14]![0]!) / 2), y0 = Math.round(lm[13]![1]!), y1 = Math.round(lm[14]![1]!);
  const luma = (y: number) => { const o = (y * 512 + x) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
  const mean = (a: number, b: number) => { let s = 0; for (let y = a; y < b; y++) s += luma(y); return s / (b - a); };
  const third = Math.floor((y1 - y0) / 3), top = mean(y0 + 2, y0 + third), low = mean(y1 - third, y1 - 2);
  console.log(`# middle column luma: upper third ${top.toFixed(0)}, lower third ${low.toFixed(0)}`);
  assert.ok(low > 1.3 * top, `${low} vs ${top}`);
});
