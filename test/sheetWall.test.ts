// lp_s10 (a painting turned 34° in the photo): its far chin's last 5-8 px of skin lie past the landmark
// oval, on the head sheet. The skull's outline ended at the oval there and the sheet stepped back to the
// head's equator within a pixel or two (30 px deep per px): a wall a turn toward it showed face-on, the
// chin's skin a torn lobe beside the chin at +12/+25 (critic18, issue #15). Over skin past the oval the
// sheet now continues the face (avatar/skinPastOval.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { sheetWalls } from '../src/eval/sheetWall.ts';
import { depthOverSkinRun, SKIN_EDGE_RECESSION } from '../src/avatar/skinPastOval.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('lp_s10: no wall in the head sheet over the far chin\'s skin below the lips', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'lp_s10.jpg');
  const avatar = buildAvatar(portrait);
  const lipY = portrait.cropLandmarks[14]![1];
  const w = sheetWalls(avatar, portrait.matte, (_x, y) => y > lipY);
  // main at 8b4d778: 31.8 px deep per px at (189, 329); now 5.0
  assert.ok(w.steepest < 10, `steepest ${w.steepest.toFixed(1)} px deep per px at (${w.at.map((v) => v.toFixed(0))})`);
});

test('depthOverSkinRun: from the oval\'s depth, a round edge receding its width, then back toward the equator', () => {
  const oz = 10, ze = 60, run = 6, slope = 1.5, cap = 20;
  assert.equal(depthOverSkinRun(0, run, oz, ze, slope, cap), oz);
  assert.ok(Math.abs(depthOverSkinRun(run - 1e-9, run, oz, ze, slope, cap) - (oz + SKIN_EDGE_RECESSION * run)) < 1e-6);
  // monotonic over the run
  let prev = -Infinity;
  for (let d = 0; d < run; d += 0.5) { const z = depthOverSkinRun(d, run, oz, ze, slope, cap); assert.ok(z >= prev); prev = z; }
  // past the outline, never further back than the equator plus the cap
  assert.ok(depthOverSkinRun(100, run, oz, ze, slope, cap) <= ze + cap);
});
