// Teeth lit in a smile (session 15, litteeth15): Katie's smiling rows were grey under a lit band
// (the speech rule that a mid opening shows only a lit edge of the upper row, and the light that
// comes only with a 0.16 IOD gap), where the real ones are white to the gum line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { smileLit } from '../src/render/mouth/teethRowLight.ts';

const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.1, photoGap: 0, rebuilt: 1 };
const layers = { upper: null, lower: null, tongue: null, cavity: [20, 10, 12] as [number, number, number], fromPhoto: false } as never;
const lip = [140, 60, 55], edge = [180, 100, 90];
const lightAt = (p: Partial<MouthPlacement>) => { const l = new FrameLight(); l.set({ ...PLACE, ...p }, layers, null, null, lip, edge); return l; };

test('a smile at a mid opening lights the whole upper row; speech at the same gap keeps its dark body', () => {
  const speech = lightAt({ smile: 0 }), smile = lightAt({ smile: 0.6 });
  assert.ok(speech.bodyShow < 0.5, `speech body ${speech.bodyShow.toFixed(2)}`);
  assert.equal(smile.bodyShow, 1);
  assert.equal(smile.teethLight, 1);
  assert.ok(speech.teethLight < 0.97, `speech light ${speech.teethLight.toFixed(3)}`);
  // the side teeth a little darker, not fog
  assert.ok(smile.sideDark < speech.sideDark && smile.sideDark > 0.2, `side dark ${smile.sideDark} vs ${speech.sideDark}`);
  // the lip drawn up off the teeth shades them less
  // (session 18: speech at a mid opening keeps part of it, its body barely shown: frameLight.ts EDGE_LIP_SHADE)
  assert.ok(smile.lipShade < 0.2 && speech.lipShade > smile.lipShade + 0.03, `lip shade ${smile.lipShade} vs ${speech.lipShade}`);
  // no smile field (older callers) is speech
  assert.equal(lightAt({}).bodyShow, speech.bodyShow);
  assert.equal(smileLit(0.2), 0);
});

test('a thin smiling slit stays a dark slit: no teeth shown', () => {
  assert.equal(lightAt({ smile: 1, gap: 0.03 }).teethShow, 0);
});
