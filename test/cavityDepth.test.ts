// Session 30 (cavity30, issue #13): a dark open mouth has depth (the throat darkest in its middle, the tongue's back a
// dim dome rising from the lower lip), and a tongue far from the lips' hue takes the lips' own colour (Mona Lisa's
// orange tongue: the library pink and her ochre lips averaged into a hue in neither).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { depthShare, throatGate, throatShade, tongueBack } from '../src/render/mouth/cavityDepth.ts';
import { hueApart, labOf, paletteMove } from '../src/render/mouth/tonguePalette.ts';
import { closeDips } from '../src/motion/driverCavity.ts';
import { sharedData } from '../bench/sharedData.ts';

test("the tongue's back is a dome lit from the front, its outline soft, the throat darkest over it", () => {
  const front = tongueBack(0, 0), mid = tongueBack(0, 0.3), top = tongueBack(0, 0.5), over = tongueBack(0, 0.7);
  assert.equal(front.cover, 1);
  assert.ok(front.light > mid.light && mid.light > top.light, `light falls toward its top: ${front.light} ${mid.light} ${top.light}`);
  assert.ok(top.cover > 0 && top.cover < 1, `its outline fades: ${top.cover}`);
  assert.equal(over.cover, 0);
  // (lower toward the corners)
  assert.ok(tongueBack(0.6, 0.3).cover < mid.cover);
  assert.ok(throatShade(0, 0.68) < 0.65 && throatShade(0, 0.68) < throatShade(0, 0.1) && throatShade(0, 0.68) < throatShade(0.9, 0.68));
  // (a speech slit and a rounded "O" keep their own cavity)
  assert.equal(depthShare(0.05, 0), 0);
  assert.equal(depthShare(0.4, 1), 0);
  assert.equal(depthShare(0.4, 0), 1);
});

test("a tongue far from the lips' hue takes the lips' colour; one near it keeps session 19's share", () => {
  const pink: [number, number, number] = [164, 96, 98], ochre: [number, number, number] = [163, 111, 52], rose: [number, number, number] = [176, 83, 84];
  assert.ok(hueApart(pink, rose) < 10, `photo lips agree: ${hueApart(pink, rose)}`);
  assert.ok(hueApart(pink, ochre) > 40, `Mona Lisa's lips part: ${hueApart(pink, ochre)}`);
  assert.deepEqual(paletteMove(hueApart(pink, rose)), { share: 0.45, chroma: 1, inner: 0, light: 1 });
  const far = paletteMove(hueApart(pink, ochre));
  assert.equal(far.share, 1);
  assert.ok(far.chroma < 0.8);
  // (Lab sanity: white, a pure red's hue)
  const [L, a, b] = labOf(255, 255, 255);
  assert.ok(Math.abs(L - 100) < 0.1 && Math.abs(a) < 0.1 && Math.abs(b) < 0.1);
  assert.ok(Math.abs((Math.atan2(labOf(255, 0, 0)[2], labOf(255, 0, 0)[1]) * 180) / Math.PI - 40) < 1);
});

test("a driver's dark cavity keeps through a short dip between dark frames; rises, falls and peaks stay", () => {
  // (Katie f160-172 as tracked: her mouth dark throughout, the gate let a lit tongue up at f165-168)
  const katie = [0.43, 0.43, 0.42, 0.39, 0.34, 0.29, 0.25, 0.21, 0.25, 0.38, 0.44, 0.42, 0.36];
  const closed = closeDips(katie);
  for (const i of [5, 6, 7, 8]) assert.ok(closed[i]! >= 0.35, `f${160 + i}: ${closed[i]}`);
  const peak = [0, 0, 0.1, 0.3, 0.4, 0.3, 0.1, 0, 0], fall = [0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.02];
  assert.deepEqual(closeDips(peak), peak);
  assert.deepEqual(closeDips(fall), fall);
  assert.deepEqual(closeDips([]), []);
});

test("the throat deepens as far as the driver's mouth is dark; fully without a reading", () => {
  assert.equal(throatGate({}), 1);
  assert.equal(throatGate({ driverCavity: 0.05 }), 0);
  assert.equal(throatGate({ driverCavity: 0.38 }), 1);
});

test('grey lips or a grey tongue (a black-and-white photo) have no hue apart: the tongue stays as grey as they are', () => {
  assert.equal(hueApart([130, 128, 129], [164, 96, 98]), 0);
  assert.equal(hueApart([164, 96, 98], [120, 120, 120]), 0);
});

test("mt_man held open at jawOpen 1 (view --expr): the throat dark over the tongue's dim back, not one flat hole", async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { STILL_MOUTH } = await import('../src/rig/mouthBase.ts');
  const { cavityFigures } = await import('../bench/cavityProfile.ts');
  const portraits = sharedData('portraits');
  const r = createRenderer(buildAvatar(await analyzePortrait(`${portraits}/mt_man.png`)), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, jawOpen: 1, [STILL_MOUTH]: 1 } };
  const lm = r.landmarks(f), img = { width: 512, height: 512, data: Uint8ClampedArray.from(r.render(f).data) };
  const fig = cavityFigures(img, Float32Array.from(lm.flatMap((p) => [p[0]!, p[1]!, p[2]!])))!;
  console.log(`mt_man jaw 1 still: profile ${fig.profile.map((v) => v.toFixed(2)).join(' ')}`);
  // (before: .19 .17 .16 .18 .82, flat over the middle bands; after .14 .11 .14 .48 .82; lp_d10 f93's real .81 .28 .32 .51 .91)
  assert.ok(fig.profile[3]! > 2 * fig.profile[1]!, `the tongue's back over the throat: ${fig.profile.join(' ')}`);
});
