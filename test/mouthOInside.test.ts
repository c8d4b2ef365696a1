// Session 23 (critic22): every funnel O (mouthFunnel .8, jawOpen .3) was filled by a flat grey slab of
// two upper incisors with the gap between them as a seam (katie, lp_s42, mt_man, lp_s5), where a
// real O shows the upper teeth's tips at most, then dark depth with the tongue low in it. An O now
// raises the upper row until only its tips show, hides the lower row behind the pushed-out lip,
// brings the tongue up from behind it and darkens the cavity toward its centre-back
// (render/mouth/roundInside.ts). Spread openings (no funnel, no pucker) are untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { skinLuma } from '../bench/mouthInterior.ts';
import type { MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { O_TIPS_SHOWN, oDepthShade, oInsideOf, oTipsRaise, oTongueGrow } from '../src/render/mouth/roundInside.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');
const place = (rounding: number, driverDark?: number): MouthPlacement =>
  ({ upperX: 0, upperY: 0, lowerX: 0, lowerY: 0, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.15, photoGap: 0, rebuilt: 1, rounding, driverDark });

test("an O's inside comes with the rounding, not at all without it, and a dark-mouthed driver's gate holds below a full pucker", () => {
  assert.equal(oInsideOf(place(0)), 0, 'a spread opening is untouched');
  assert.equal(oInsideOf(place(0.1)), 0);
  assert.equal(oInsideOf(place(0.4)), 1, 'a funnel of .8 alone is a full O');
  assert.ok(oInsideOf(place(0.25)) > 0.3 && oInsideOf(place(0.25)) < 0.8, `${oInsideOf(place(0.25))}`);
  // Obama 2's puckered words show teeth (his mouth reads light): no O inside
  assert.equal(oInsideOf(place(0.6, 0)), 0);
  assert.equal(oInsideOf(place(0.81, 0)), 0, "obama 2 f108");
  // lp_d6's tall O (pucker 1) reads .11-.25 dark from her lit tongue: an O all the same
  assert.equal(oInsideOf(place(1, 0.11)), 1);
});

test("an O raises the upper row until its tips show O_TIPS_SHOWN under the lip, never lowers it", () => {
  const unitLayer = 100;
  // tips 12 layer px under the anchor, the lip line 2 px under it: raised to 2 + 3.5
  assert.ok(Math.abs(oTipsRaise(12, 2, unitLayer, 1) - (12 - 2 - O_TIPS_SHOWN * unitLayer)) < 1e-9);
  assert.equal(oTipsRaise(12, 2, unitLayer, 0), 0);
  assert.equal(oTipsRaise(3, 2, unitLayer, 1), 0, 'tips already under the lip: left alone');
  assert.ok(Math.abs(oTipsRaise(12, 2, unitLayer, 0.5) - 0.5 * oTipsRaise(12, 2, unitLayer, 1)) < 1e-9);
});

test("an O's cavity is darkest at its centre-back; its tongue grows toward the fill, never shrinks", () => {
  assert.equal(oDepthShade(1, 0, 0), 1);
  assert.ok(oDepthShade(1, 0, 1) < oDepthShade(0.3, 0, 1) && oDepthShade(1, 0, 1) < oDepthShade(1, 0.8, 1));
  assert.equal(oTongueGrow(1.5, 1.2, 1), 1.5);
  assert.equal(oTongueGrow(1, 2, 0.5), 1.5);
});

/** Shares of the inner-lip opening that are teeth-like (low chroma, over 0.35 of the skin's luma) and dark (under it). */
function openingShares(d: Uint8ClampedArray, size: number, lm: number[][]) {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = polygonMask(poly, size, size);
  const sk = skinLuma(d, size, lm, Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!));
  let n = 0, grey = 0, dark = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    const o = q * 4, r = d[o]!, g = d[o + 1]!, b = d[o + 2]!, l = 0.299 * r + 0.587 * g + 0.114 * b;
    const mx = Math.max(r, g, b), mn = Math.min(r, g, b);
    n++;
    if (l < 0.35 * sk) dark++;
    else if (mx - mn < 0.35 * mx) grey++;
  }
  return { grey: grey / n, dark: dark / n };
}

for (const name of ['lp_s42.jpg', 'mt_man.png']) {
  test(`${name}: a funnel O (mouthFunnel .8, jawOpen .3) is no grey slab of teeth; the same opening unrounded keeps its teeth`, async () => {
    const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, name))), { width: 512, height: 512 });
    const n = r.neutralFrame();
    const funnel = { ...n, w: { ...n.w, jawOpen: 0.3, mouthFunnel: 0.8 } };
    const o = openingShares(r.render(funnel).data, 512, r.landmarks(funnel) as number[][]);
    const flat = { ...n, w: { ...n.w, jawOpen: 0.3 } };
    const f = openingShares(r.render(flat).data, 512, r.landmarks(flat) as number[][]);
    console.log(`${name}: O grey ${o.grey.toFixed(3)} dark ${o.dark.toFixed(3)}; jawOpen .3 grey ${f.grey.toFixed(3)} dark ${f.dark.toFixed(3)}`);
    // (before: lp_s42 .65, mt_man .52 of the O teeth-grey)
    assert.ok(o.grey < 0.2, `O grey share ${o.grey.toFixed(3)}`);
    // (session 32, denture32: lp_s42's own teeth past her photo's parting are raised and shaded as a library row, ending over a
    // dark floor, not lip to lip: .466 -> .274 of the opening, dark .224 -> .398; still 3.4 x the O's; was > .3)
    assert.ok(f.grey > 0.25, `jawOpen .3 grey share ${f.grey.toFixed(3)}`);
  });
}
